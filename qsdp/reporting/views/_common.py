"""What the reporting pages share: the unit and year they are about, and who
may act (checked before the form, so a read-only role gets 403 on any POST)."""

from qsdp.accounts.http import AuthedRequest
from qsdp.orgunits.models import OrgUnit
from qsdp.reporting.forms import UnitYearForm
from qsdp.reporting.selectors.indicators import reporting_unit_get
from qsdp.reporting.selectors.submissions import default_year, reporting_units
from qsdp.reporting.services._common import command_covers


def unit_year(request: AuthedRequest) -> tuple[UnitYearForm, OrgUnit | None, int]:
    """The unit and year of ``?org_unit=&year=`` (the user's widest unit and the
    year being reported by default); a unit out of scope is 404."""
    asked = request.GET.get("org_unit", "")
    unit = reporting_unit_get(user=request.user, pk=int(asked)) if asked.isdigit() else None
    form = UnitYearForm(
        request.GET or None,
        units=reporting_units(user=request.user, year=default_year()),
        year=default_year(),
    )
    year = int(form.value("year"))
    return form, unit or form.value("org_unit"), year


def can_command(request: AuthedRequest, unit: OrgUnit) -> bool:
    return command_covers(request.user, unit.path)
