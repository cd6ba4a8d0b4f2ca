"""The April registrations for militia duty of a year."""

from django.db.models import QuerySet

from qsdp.accounts.models import User
from qsdp.militia.models import MilitiaRegistration
from qsdp.militia.selectors._common import in_subtree, visible
from qsdp.orgunits.models import OrgUnit


def registration_list(
    *, user: User, year: int, org_unit: OrgUnit | None = None, source: str = ""
) -> QuerySet[MilitiaRegistration]:
    registrations = visible(MilitiaRegistration.objects.all(), user).filter(
        in_subtree(org_unit, "org_unit__path"), year=year
    )
    if source:
        registrations = registrations.filter(source=source)
    return registrations.select_related("person", "org_unit").order_by(
        "org_unit__name", "org_unit_id", "person__sort_name", "id"
    )
