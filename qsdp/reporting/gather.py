"""Every app's indicators in one table.

Each register app computes its own indicators of DESIGN.md in
``qsdp.<app>.indicators`` (a dict ``INDICATORS`` of code → function taking
``org_unit`` and ``year``); reporting finds those modules among the installed
apps instead of importing them by name, so an app added later joins by
shipping the module.
"""

from collections.abc import Callable, Iterable
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

from qsdp.military_service.indicators import IndicatorValue
from qsdp.orgunits.models import OrgUnit

Indicator = Callable[..., IndicatorValue]


@cache
def indicator_functions() -> dict[str, Indicator]:
    """code → function, in the order of INSTALLED_APPS and of each app's table."""
    table: dict[str, Indicator] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("qsdp.") or find_spec(f"{config.name}.indicators") is None:
            continue
        module = import_module(f"{config.name}.indicators")
        table.update(getattr(module, "INDICATORS", {}))
    return table


def compute(
    *, org_unit: OrgUnit, year: int, codes: Iterable[str] | None = None
) -> dict[str, IndicatorValue]:
    """The value of each indicator (all of them, or ``codes``) for ``org_unit``'s
    subtree in ``year``, computed live from the registers."""
    functions = indicator_functions()
    wanted = list(functions) if codes is None else list(codes)
    return {code: functions[code](org_unit=org_unit, year=year) for code in wanted}
