"""The auditor's pages: search the audit trail and the access log; the
data-subject report of one person, as a page and a PDF. Read-only."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from qsdp.accounts.http import AuthedRequest
from qsdp.audit.documents import subject_report_document
from qsdp.audit.forms import AuditFilterForm
from qsdp.audit.selectors import (
    access_search,
    audit_paths,
    event_changes,
    event_search,
    matching_people,
    subject_report,
)
from qsdp.core.lists import paginate, render_list
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf


@login_required
@require_safe
def log(request: AuthedRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.filters()
    if form.log == AuditFilterForm.ACCESS:
        page = paginate(request, access_search(user=request.user, filters=filters))
        rows = [{"entry": entry} for entry in page.items]
    else:
        page = paginate(request, event_search(user=request.user, filters=filters))
        rows = [{"entry": entry, "changes": event_changes(entry)} for entry in page.items]
    people = (
        list(matching_people(audit_paths(request.user), filters.person)[:10])
        if filters.person.strip()
        else []
    )
    context = {"form": form, "page": page, "rows": rows, "log": form.log, "people": people}
    return render_list(request, "audit/log.html", "audit/_log_rows.html", context)


@login_required
@require_safe
def subject_report_page(request: AuthedRequest, pk: int) -> HttpResponse:
    report = subject_report(user=request.user, person_id=pk)
    return render(request, "audit/subject_report.html", {"report": report})


@login_required
@require_safe
def subject_report_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    with translation.override(settings.LANGUAGE_CODE):
        report = subject_report(user=request.user, person_id=pk)
        content = render_pdf(subject_report_document(report))
        filename = _("Personal data of %(name)s") % {"name": report.person.full_name}
    return document_response(content, filename=filename, kind="pdf")
