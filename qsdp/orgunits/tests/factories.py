from datetime import date

import factory

from qsdp.orgunits.models import OrgUnit, OrgUnitKind
from qsdp.orgunits.services import org_unit_create


class OrgUnitFactory(factory.Factory):
    """Builds units through the service, so ``path`` is derived as in production."""

    class Meta:
        model = OrgUnit

    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")
    kind = OrgUnitKind.COMMUNE
    code = factory.Sequence(lambda n: f"9{n:04d}")
    parent = None
    serves = None
    opened_on = date(2000, 1, 1)
    closed_on = None

    @classmethod
    def _create(cls, model_class, **kwargs):  # type: ignore[no-untyped-def]
        return org_unit_create(actor=None, **kwargs)
