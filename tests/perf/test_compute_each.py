"""``gather.compute_each``: the units' figures on several connections at once,
the same as computing each unit on its own."""

import threading

import pytest

from bench.generate import YEARS, ProvinceWriter, build_tree
from bench.loader import Loader
from qsdp.orgunits.models import OrgUnit
from qsdp.reporting import gather


@pytest.fixture
def spied(monkeypatch):  # type: ignore[no-untyped-def]
    """The thread that computed each unit (the real ``compute`` still runs)."""
    threads: dict[int, str] = {}
    real = gather.compute

    def compute(*, org_unit, **kwargs):  # type: ignore[no-untyped-def]
        threads[org_unit.pk] = threading.current_thread().name
        return real(org_unit=org_unit, **kwargs)

    monkeypatch.setattr(gather, "compute", compute)
    return threads


def _provinces() -> list[OrgUnit]:
    loader = Loader()
    trees = build_tree(loader, provinces=3, communes=2)
    for tree in trees:
        ProvinceWriter(loader, tree, 300).write()
    return list(OrgUnit.objects.filter(pk__in=[tree.id for tree in trees]).order_by("pk"))


@pytest.mark.django_db(transaction=True)
def test_units_are_computed_on_worker_connections_with_the_same_figures(spied, settings):
    settings.QSDP_ROLLUP_WORKERS = 2
    provinces = _provinces()
    year = YEARS[-1]

    each = gather.compute_each(units=provinces, year=year)

    assert set(spied.values()) <= {"rollup-0", "rollup-1"}
    assert list(each) == [p.pk for p in provinces]
    assert each == {p.pk: gather.compute(org_unit=p, year=year) for p in provinces}
    assert each[provinces[0].pk]["drills.held"].numerator == 2


@pytest.mark.django_db(transaction=True)
def test_a_failure_on_a_worker_is_raised_to_the_caller(monkeypatch, settings):
    settings.QSDP_ROLLUP_WORKERS = 2
    provinces = _provinces()

    def compute(*, org_unit, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError(f"no figures for {org_unit.pk}")

    monkeypatch.setattr(gather, "compute", compute)

    with pytest.raises(ValueError, match="no figures for"):
        gather.compute_each(units=provinces, year=YEARS[-1])


@pytest.mark.django_db
def test_inside_a_transaction_the_units_are_computed_on_its_own_connection(tree, spied, settings):
    settings.QSDP_ROLLUP_WORKERS = 2
    units = [tree.duong_quang, tree.song_cau]

    each = gather.compute_each(units=units, year=2023, codes=["drills.held"])

    assert spied == {unit.pk: "MainThread" for unit in units}
    assert list(each[tree.duong_quang.pk]) == ["drills.held"]
