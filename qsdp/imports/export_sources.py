"""What each register's export holds: the list page's own filter form and
selector (so the file holds exactly what the user sees), and its columns."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from qsdp.accounts.http import AuthedRequest
from qsdp.accounts.scoping import units_in_scope
from qsdp.imports.columns import Kind
from qsdp.imports.exports import ExportColumn


@dataclass(frozen=True)
class Source:
    title: Callable[[], str]
    rows: Callable[[AuthedRequest], tuple[QuerySet[Any], dict[str, Any]]]
    columns: Callable[[], list[ExportColumn]]


def _filters(form: Any) -> dict[str, Any]:
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return {k: str(getattr(v, "code", "") or v) for k, v in data.items() if v not in (None, "", [])}


def _person_columns(person: Callable[[Any], Any]) -> list[ExportColumn]:
    return [
        ExportColumn(_("Full name"), lambda o: person(o).full_name, 28),
        ExportColumn(_("Date of birth"), lambda o: person(o).birth_date, 13),
        ExportColumn(_("Sex"), lambda o: person(o).get_sex_display(), 8),
        ExportColumn(_("Citizen ID (CCCD)"), lambda o: person(o).national_id, 15),
    ]


def _people(request: AuthedRequest) -> tuple[QuerySet[Any], dict[str, Any]]:
    from qsdp.people.forms import PersonFilterForm
    from qsdp.people.selectors import person_list

    form = PersonFilterForm(request.GET or None, units=units_in_scope(request.user))
    return person_list(user=request.user, filters=form.filters()), _filters(form)


def _people_columns() -> list[ExportColumn]:
    return [
        *_person_columns(lambda p: p),
        ExportColumn(_("Address"), lambda p: p.address, 30),
        ExportColumn(_("Unit"), lambda p: p.org_unit.name, 22),
        ExportColumn(_("Occupation"), lambda p: p.occupation, 18),
        ExportColumn(_("Phone"), lambda p: p.phone, 13),
    ]


def _registrations(request: AuthedRequest) -> tuple[QuerySet[Any], dict[str, Any]]:
    from qsdp.military_service.views.registration import registration_query

    form, events = registration_query(request)
    return events.select_related("person", "org_unit"), _filters(form)


def _registration_columns() -> list[ExportColumn]:
    return [
        *_person_columns(lambda e: e.person),
        ExportColumn(_("Unit"), lambda e: e.org_unit.name, 22),
        ExportColumn(_("Registered on"), lambda e: e.occurred_on, 13),
        ExportColumn(
            _("Channel"),
            lambda e: _("Online") if e.details.get("channel") == "online" else _("In person"),
        ),
    ]


def _reservists(request: AuthedRequest) -> tuple[QuerySet[Any], dict[str, Any]]:
    from qsdp.reserves.selectors import reservist_list
    from qsdp.reserves.views.reservists import filter_form, today

    form = filter_form(request)
    rows = reservist_list(user=request.user, filters=form.filters(), on=today())
    return rows.select_related("person", "managed_by"), _filters(form)


def _reservist_columns() -> list[ExportColumn]:
    return [
        *_person_columns(lambda r: r.person),
        ExportColumn(_("Unit"), lambda r: r.managed_by.name, 22),
        ExportColumn(_("Reserve class"), lambda r: r.reserve_class, 8),
        ExportColumn(_("Rank"), lambda r: r.get_rank_display(), 14),
        ExportColumn(_("Military specialty"), lambda r: r.specialty_name or r.specialty_code, 20),
        ExportColumn(_("Registered on"), lambda r: r.registered_on, 13),
    ]


def _members(request: AuthedRequest) -> tuple[QuerySet[Any], dict[str, Any]]:
    from qsdp.militia.forms import MemberFilterForm
    from qsdp.militia.selectors import UnitFilters, member_list, unit_list
    from qsdp.militia.views._common import communes

    form = MemberFilterForm(
        request.GET,
        units=communes(request),
        militia_units=unit_list(user=request.user, filters=UnitFilters()),
    )
    rows = member_list(user=request.user, filters=form.filters())
    return rows.select_related("person", "org_unit"), _filters(form)


def _member_columns() -> list[ExportColumn]:
    return [
        *_person_columns(lambda m: m.person),
        ExportColumn(_("Unit"), lambda m: m.org_unit.name, 22),
        ExportColumn(_("Militia type"), lambda m: m.get_militia_type_display(), 20),
        ExportColumn(_("Position"), lambda m: m.get_position_display(), 18),
        ExportColumn(_("Term from"), lambda m: m.term_start, 13),
        ExportColumn(_("Term until"), lambda m: m.term_end, 13),
    ]


SOURCES: dict[str, Source] = {
    Kind.PEOPLE: Source(lambda: _("Person register"), _people, _people_columns),
    Kind.MILITARY_SERVICE: Source(
        lambda: _("First military-service registration"), _registrations, _registration_columns
    ),
    Kind.RESERVISTS: Source(lambda: _("Reserve register"), _reservists, _reservist_columns),
    Kind.MILITIA: Source(lambda: _("Militia members"), _members, _member_columns),
}
