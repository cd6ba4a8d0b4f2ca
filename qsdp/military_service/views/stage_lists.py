"""The downloads of the stage lists (XLSX, PDF): one view for every list, driven
by ``STAGE_LISTS``: the page's own filter and selector call (so a download holds
the rows the page shows, filters included), and how the list prints."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import CharField, IntegerField, OuterRef, Subquery
from django.db.models.fields.json import KT
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import scope_for
from qsdp.core.audit import record_access
from qsdp.core.privacy import MASK, may_read_sensitive
from qsdp.documents.http import document_response
from qsdp.documents.renderers import render_pdf, render_xlsx
from qsdp.military_service import documents
from qsdp.military_service.forms import ListFilterForm
from qsdp.military_service.models import HealthExam
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.selectors._common import live, permanent_residences
from qsdp.military_service.views._common import issuing_unit_name, print_signer, today
from qsdp.military_service.views.call_up import candidate_query
from qsdp.military_service.views.deferrals import deferral_query, recheck_query
from qsdp.military_service.views.orders import order_query
from qsdp.military_service.views.registration import january_query, registration_query
from qsdp.military_service.views.returnees import returnee_query

Query = Callable[[AuthedRequest], tuple[ListFilterForm, Sequence[Any]]]


@dataclass(frozen=True)
class StageListSource:
    """A stage list: its rows as its page reads them, and how they print."""

    query: Query
    printed: documents.StageList


def _january(request: AuthedRequest) -> tuple[ListFilterForm, Sequence[Any]]:
    form, people = january_query(request)
    return form, list(people.prefetch_related(permanent_residences("residences")))


def _candidates(request: AuthedRequest) -> tuple[ListFilterForm, Sequence[Any]]:
    """The ranked lists with what ranked each man: the health class and the grade
    of the year (the education check, else the register). Reading the health
    classes is logged, as on the person's page; for the other roles they are masked."""
    form, candidates = candidate_query(request)
    of_year = {"person": OuterRef("person"), "call_up_year": OuterRef("call_up_year")}
    exam = HealthExam.objects.filter(
        event__person=OuterRef("person"),
        event__call_up_year=OuterRef("call_up_year"),
        event__kind=EventKind.HEALTH_EXAM,
        event__cancelled_on__isnull=True,
    ).order_by("-event__occurred_on", "-event_id")
    check = live(EventKind.EDUCATION_CHECK, **of_year).order_by("-occurred_on", "-id")
    rows = list(
        candidates.annotate(
            health_class=Subquery(exam.values("health_class")[:1], output_field=IntegerField()),
            checked_grade=Subquery(
                check.values(grade=KT("details__completed_grade"))[:1], output_field=CharField()
            ),
        )
    )
    readable = may_read_sensitive(scope_for(request.user).roles)
    for candidate in rows:
        if candidate.health_class is None:  # type: ignore[attr-defined]
            continue
        if not readable:  # masked for the roles that do not act on it (the leader)
            candidate.health_class = MASK  # type: ignore[attr-defined]
            continue
        record_access(
            actor=request.user,
            target=candidate.person,
            fields=["health_class"],
            purpose="military_service.candidate_list_document",
            person_id=candidate.person_id,
        )
    return form, rows


def _listed(query: Callable[[AuthedRequest], tuple[Any, Any]]) -> Query:
    def read(request: AuthedRequest) -> tuple[ListFilterForm, Sequence[Any]]:
        form, rows = query(request)
        return form, list(rows)

    return read


STAGE_LISTS: dict[str, StageListSource] = {
    "january": StageListSource(_january, documents.JANUARY_LIST),
    "registrations": StageListSource(_listed(registration_query), documents.REGISTRATION_LIST),
    "deferrals": StageListSource(_listed(deferral_query), documents.DEFERRAL_LIST),
    "recheck": StageListSource(_listed(recheck_query), documents.RECHECK_LIST),
    "candidates": StageListSource(_candidates, documents.CANDIDATE_LIST),
    "orders": StageListSource(_listed(order_query), documents.ORDER_LIST),
    "returnees": StageListSource(_listed(returnee_query), documents.RETURNEE_LIST),
}


@login_required
@require_GET
def stage_list_document(request: AuthedRequest, list_name: str, kind: str) -> HttpResponse:
    """A stage list as XLSX or PDF, with the filters of its page (the query string)."""
    source = STAGE_LISTS.get(list_name)
    if source is None:
        raise Http404(_("No such list."))
    with translation.override(settings.LANGUAGE_CODE):
        form, rows = source.query(request)
        filters = {name: form.value(name) for name in form.fields}
        unit_name = issuing_unit_name(request, filters.get("org_unit"))
        document = documents.stage_list_document(
            source.printed,
            rows,
            filters=filters,
            unit_name=unit_name,
            issued_on=today(),
            signer=print_signer(request),
        )
        content = render_pdf(document) if kind == "pdf" else render_xlsx(document)
        filename = f"{source.printed.sheet(filters)} {unit_name}"
    return document_response(content, filename=filename, kind="pdf" if kind == "pdf" else "xlsx")
