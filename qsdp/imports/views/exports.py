"""Downloads: the blank template of a register, and the export of a list."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import scope_for
from qsdp.core.audit import record_access
from qsdp.documents.http import document_response
from qsdp.imports.columns import KIND_FIELDS, Kind
from qsdp.imports.export_sources import SOURCES
from qsdp.imports.exports import csv_response, xlsx_response
from qsdp.imports.models import ExportLog
from qsdp.imports.templates_xlsx import template_workbook


@login_required
@require_GET
def template_download(request: AuthedRequest, kind: str) -> HttpResponse:
    if kind not in KIND_FIELDS or not scope_for(request.user).read_paths:
        raise Http404(_("No such register."))
    title = _("Import template")
    return document_response(
        template_workbook(kind), filename=f"{title} {Kind(kind).label}", kind="xlsx"
    )


@login_required
@require_GET
def export_download(request: AuthedRequest, kind: str, file_format: str) -> HttpResponseBase:
    """The list as the user sees it (same filters, same scope), logged."""
    source = SOURCES.get(kind)
    if (
        source is None
        or file_format not in ("xlsx", "csv")
        or not scope_for(request.user).read_paths
    ):
        raise Http404(_("No such register."))
    rows, filters = source.rows(request)
    count = rows.count()
    columns = source.columns()
    log = ExportLog.objects.create(
        actor=request.user, register=kind, file_format=file_format, filters=filters,
        row_count=count,
    )  # fmt: skip
    record_access(
        actor=request.user, target=log, fields=[c.header for c in columns], purpose="export"
    )
    title, objects, number = source.title(), rows.iterator(chunk_size=2000), _("No.")
    if file_format == "csv":
        return csv_response(title=title, columns=columns, objects=objects, number_header=number)
    return xlsx_response(
        title=title, columns=columns, objects=objects, number_header=number, count=count
    )
