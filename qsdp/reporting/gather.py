"""Every app's indicators in one table.

Each register app computes its own indicators of DESIGN.md in
``qsdp.<app>.indicators`` (a dict ``INDICATORS`` of code → function taking
``org_unit`` and ``year``); reporting finds those modules among the installed
apps instead of importing them by name, so an app added later joins by
shipping the module.
"""

import queue
import threading
from collections.abc import Callable, Iterable
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps
from django.conf import settings
from django.db import connection, connections
from django.utils import translation

from qsdp.military_service.indicators import IndicatorValue
from qsdp.orgunits.models import OrgUnit

Indicator = Callable[..., IndicatorValue]


@cache
def indicator_functions() -> dict[str, Indicator]:
    """code → function, in the order of INSTALLED_APPS and of each app's table."""
    table: dict[str, Indicator] = {}
    for module in _indicator_modules():
        table.update(getattr(module, "INDICATORS", {}))
    return table


@cache
def breakdown_functions() -> dict[str, Callable[..., dict[str, IndicatorValue]]]:
    """prefix → function giving every ``<prefix>.<category>`` value in one go."""
    table: dict[str, Callable[..., dict[str, IndicatorValue]]] = {}
    for module in _indicator_modules():
        table.update(getattr(module, "BREAKDOWNS", {}))
    return table


def _indicator_modules() -> list[ModuleType]:
    return [
        import_module(f"{config.name}.indicators")
        for config in apps.get_app_configs()
        if config.name.startswith("qsdp.") and find_spec(f"{config.name}.indicators") is not None
    ]


# A count that is the numerator or denominator of a percentage of the same
# population: when both are wanted it is read off the percentage rather than
# counted again, so a province's rollup scans each population once.
DERIVED: dict[str, tuple[str, str]] = {
    "call_up.quota": ("call_up.fulfilment_pct", "denominator"),
    "call_up.enlisted": ("call_up.fulfilment_pct", "numerator"),
    "first_registration.due": ("first_registration.registered_pct", "denominator"),
    "health_exam.examined": ("health_exam.fit_pct", "denominator"),
    "returnees.count": ("returnees.registered_on_time_pct", "denominator"),
    "reserves.count": ("reserves.arranged_pct", "denominator"),
    "militia.count": ("militia.population_pct", "numerator"),
}


def compute(
    *, org_unit: OrgUnit, year: int, codes: Iterable[str] | None = None
) -> dict[str, IndicatorValue]:
    """The value of each indicator (all of them, or ``codes``) for ``org_unit``'s
    subtree in ``year``, computed live from the registers."""
    functions = indicator_functions()
    wanted = list(functions) if codes is None else list(codes)
    values: dict[str, IndicatorValue] = {}
    for prefix, breakdown in breakdown_functions().items():
        if sum(code.startswith(f"{prefix}.") for code in wanted) > 1:
            values.update(breakdown(org_unit=org_unit, year=year))
    for code in wanted:
        if code in values:
            continue
        source, part = DERIVED.get(code, ("", ""))
        if source in wanted:
            if source not in values:
                values[source] = functions[source](org_unit=org_unit, year=year)
            number = getattr(values[source], part)
            values[code] = IndicatorValue(code, number, number, 1)
        else:
            values[code] = functions[code](org_unit=org_unit, year=year)
    return {code: values[code] for code in wanted}


def compute_each(
    *, units: Iterable[OrgUnit], year: int, codes: Iterable[str] | None = None
) -> dict[int, dict[str, IndicatorValue]]:
    """``compute`` for each of ``units`` (unit id → its values), on up to
    ``QSDP_ROLLUP_WORKERS`` database connections at once.

    A unit's figures are a few dozen aggregates, each run by one server process:
    the 34 provinces of the national rollup, or a province's 150 communes in its
    review, keep every core of the database busy this way instead of one. Inside
    a transaction (a write, a test) the units are computed one after the other
    on its connection, since other connections would not see its rows."""
    units = list(units)
    codes = None if codes is None else list(codes)
    workers = min(settings.QSDP_ROLLUP_WORKERS, len(units))
    if workers <= 1 or connection.in_atomic_block:
        return {unit.pk: compute(org_unit=unit, year=year, codes=codes) for unit in units}
    pending: queue.SimpleQueue[OrgUnit] = queue.SimpleQueue()
    for unit in units:
        pending.put(unit)
    results: dict[int, dict[str, IndicatorValue]] = {}
    failures: list[BaseException] = []
    language = translation.get_language()

    def work() -> None:
        translation.activate(language)
        try:
            while not failures:
                try:
                    unit = pending.get_nowait()
                except queue.Empty:
                    return
                results[unit.pk] = compute(org_unit=unit, year=year, codes=codes)
        except BaseException as failure:  # re-raised in the caller's thread
            failures.append(failure)
        finally:
            connections.close_all()  # this thread's own connections

    threads = [threading.Thread(target=work, name=f"rollup-{n}") for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return {unit.pk: results[unit.pk] for unit in units}
