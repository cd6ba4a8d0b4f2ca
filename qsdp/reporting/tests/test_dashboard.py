"""The dashboard and the drill-down pages for each persona, on the small Bắc
Kạn tree with the 2023 call-up built through the services: quotas 10 for the
city, 2 for Dương Quang and 4 for Sông Cầu; Dương Quang's two men handed over;
one drill held in Sông Cầu; a 100 % call-up target for the city."""

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from qsdp.core.models import AccessLog, AuditEvent
from qsdp.military_service.indicators import IndicatorValue
from qsdp.military_service.tests.factories import enlisted, examined, quotas, registered
from qsdp.operations.tests.factories import held, plan
from qsdp.orgunits.models import OrgUnit
from qsdp.reporting.models import Target
from qsdp.reporting.registry import INDICATOR_DEFS
from qsdp.reporting.selectors.dashboard import rank_children
from qsdp.reporting.selectors.indicators import IndicatorTable, UnitIndicators
from qsdp.reporting.services.targets import target_set

YEAR = 2023
DASHBOARD = reverse("reporting:dashboard")


def drill(code: str) -> str:
    return reverse("reporting:drilldown", args=[code])


@pytest.fixture
def call_up(tree, command_staff):
    quotas(tree, year=YEAR, duong_quang=2)
    people = enlisted(tree, ["An", "Bình"], year=YEAR)
    held(plan(tree.song_cau, year=YEAR))
    target_set(
        actor=command_staff,
        org_unit=tree.city,
        year=YEAR,
        indicator="call_up.fulfilment_pct",
        value=Decimal(100),
    )
    return people


def _get(client, user, url, **params):
    client.force_login(user)
    return client.get(url, params)


def _text(response) -> str:
    return response.content.decode()


# The dashboard.


@pytest.mark.parametrize("url", [DASHBOARD, drill("call_up.enlisted")])
def test_anonymous_is_sent_to_the_login(client, tree, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_officer_sees_his_commune_only(client, tree, call_up, commune_officer):
    response = _get(client, commune_officer, DASHBOARD, year=YEAR)

    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    assert dashboard.unit == tree.duong_quang
    fulfilment = next(
        row for g in dashboard.groups for row in g.rows if row.code == "call_up.fulfilment_pct"
    )
    assert (fulfilment.value.value, fulfilment.value.numerator, fulfilment.value.denominator) == (
        Decimal("100.0"),
        2,
        2,
    )
    assert fulfilment.target is None
    assert dashboard.ranking.units == []
    assert "Sông Cầu" not in _text(response)
    assert f"{drill('call_up.fulfilment_pct')}?year=2023&amp;unit={tree.duong_quang.pk}" in _text(
        response
    )


@pytest.mark.parametrize("unit", ["song_cau", "city", "duong_quang_village"])
def test_a_unit_out_of_the_officers_reach_is_not_found(client, tree, commune_officer, unit):
    response = _get(client, commune_officer, DASHBOARD, year=YEAR, unit=getattr(tree, unit).pk)

    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["command_staff", "leader"])
def test_the_command_and_the_leader_see_the_city_with_its_units_ranked(
    client, tree, call_up, persona, request
):
    response = _get(client, request.getfixturevalue(persona), DASHBOARD, year=YEAR)

    assert response.status_code == 200
    dashboard = response.context["dashboard"]
    assert dashboard.unit == tree.city
    rows = {row.code: row for g in dashboard.groups for row in g.rows}
    assert rows["call_up.fulfilment_pct"].value.value == Decimal("20.0")
    assert rows["call_up.fulfilment_pct"].target == Decimal("100.0")
    assert rows["call_up.fulfilment_pct"].met is False
    assert rows["drills.held"].value.value == 1
    assert [(r.rank, r.unit.name, r.value.value) for r in dashboard.ranking.units] == [
        (1, "Xã Dương Quang", Decimal("100.0")),
        (2, "Phường Sông Cầu", Decimal("0.0")),
    ]
    charts = response.context["charts"]
    assert charts["ranking"]["labels"] == ["Xã Dương Quang", "Phường Sông Cầu"]
    assert charts["ranking"]["values"] == [100.0, 0.0]
    assert charts["years"]["labels"] == ["2020", "2021", "2022", "2023"]
    assert '<script id="dashboard-charts" type="application/json">' in _text(response)
    assert "/static/vendor/chart.umd.min.js" in _text(response)


def test_the_command_ranks_the_units_by_another_indicator(client, tree, call_up, command_staff):
    response = _get(
        client, command_staff, DASHBOARD, year=YEAR, ranked="drills.held", unit=tree.city.pk
    )

    ranking = response.context["dashboard"].ranking
    assert ranking.definition.code == "drills.held"
    assert [(r.rank, r.unit.name, r.value.value) for r in ranking.units] == [
        (1, "Phường Sông Cầu", 1),
        (2, "Xã Dương Quang", 0),
    ]


def test_the_year_on_year_table_holds_four_years_of_the_main_indicators(
    client, tree, call_up, command_staff
):
    response = _get(client, command_staff, DASHBOARD, year=YEAR)

    yoy = response.context["dashboard"].year_on_year
    assert yoy.years == [2020, 2021, 2022, 2023]
    fulfilment = next(r for r in yoy.rows if r.definition.code == "call_up.fulfilment_pct")
    assert [(y, v.value) for y, v in fulfilment.values] == [
        (2020, None),
        (2021, None),
        (2022, None),
        (2023, Decimal("20.0")),
    ]


def test_the_auditor_reads_no_dashboard(client, tree, auditor):
    assert _get(client, auditor, DASHBOARD).status_code == 403
    assert _get(client, auditor, drill("call_up.enlisted")).status_code == 403


def test_the_dashboard_changes_nothing_on_post(client, tree, call_up, leader):
    client.force_login(leader)
    before = (AuditEvent.objects.count(), Target.objects.count())

    response = client.post(DASHBOARD, {"year": YEAR})

    assert response.status_code == 405
    assert (AuditEvent.objects.count(), Target.objects.count()) == before


# The drill-down.


def test_the_officer_opens_the_men_handed_over(client, tree, call_up, commune_officer):
    response = _get(client, commune_officer, drill("call_up.enlisted"), year=YEAR)

    assert response.status_code == 200
    rows = response.context["rows"]
    assert sorted(row.text for row in rows) == sorted(p.full_name for p in call_up)
    assert {row.url for row in rows} == {f"/people/{p.pk}/" for p in call_up}
    assert {row.on for row in rows} == {date(2002, 5, 10)}
    assert response.context["page"].total == 2


def test_the_fulfilment_shows_the_enlisted_and_the_quotas_apart(
    client, tree, call_up, command_staff
):
    url = drill("call_up.fulfilment_pct")

    enlisted_page = _get(client, command_staff, url, year=YEAR, unit=tree.city.pk)
    quota_page = _get(client, command_staff, url, year=YEAR, unit=tree.city.pk, part="denominator")

    assert [(t["name"], t["total"]) for t in enlisted_page.context["tabs"]] == [
        ("numerator", 2),
        ("denominator", 10),
    ]
    assert len(enlisted_page.context["rows"]) == 2
    assert [(r.unit, r.detail) for r in quota_page.context["rows"]] == [("Thành phố Bắc Kạn", "")]
    assert quota_page.context["drill"].part == "denominator"


def test_another_communes_drilldown_is_not_found(client, tree, call_up, outsider):
    response = _get(
        client, outsider, drill("call_up.enlisted"), year=YEAR, unit=tree.duong_quang.pk
    )

    assert response.status_code == 404


def test_an_unknown_indicator_is_not_found(client, tree, command_staff):
    assert _get(client, command_staff, drill("call_up.nothing"), year=YEAR).status_code == 404


def test_reading_the_health_classes_is_logged_per_person_shown(client, tree, commune_officer):
    fit = examined(registered(tree.duong_quang), on=date(2023, 11, 20), year=2024)
    unfit = examined(
        registered(tree.duong_quang, given_name="Cường"),
        on=date(2023, 11, 21),
        year=2024,
        health_class=5,
    )

    response = _get(client, commune_officer, drill("health_exam.fit_pct"), year=YEAR)

    assert [row.detail for row in response.context["rows"]] == ["loại 1, 20/11/2023"]
    logs = list(AccessLog.objects.values_list("person_id", "fields", "purpose"))
    assert logs == [
        (fit.event.person_id, ["health_class"], "reporting.drilldown:health_exam.fit_pct")
    ]
    assert unfit.event.person_id not in [log[0] for log in logs]


def test_chart_js_is_pinned_and_copied_into_the_vendor_folder(settings):
    root = settings.BASE_DIR
    version = json.loads((root / "package.json").read_text())["dependencies"]["chart.js"]
    makefile = (root / "Makefile").read_text()

    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert "static/vendor/chart.umd.min.js" in makefile.split("VENDOR :=")[1].splitlines()[0]
    assert "cp node_modules/chart.js/dist/chart.umd.min.js $@" in makefile


def _table(values):  # type: ignore[no-untyped-def]
    """An indicator table of units named after their value (no database)."""
    code = next(iter(values[0]))
    children = [
        UnitIndicators(OrgUnit(name=f"Xã {n}"), {code: IndicatorValue(code, v[code], 0, 0)})
        for n, v in enumerate(values)
    ]
    own = UnitIndicators(OrgUnit(name="Thành phố"), {})
    return IndicatorTable(YEAR, date(YEAR, 12, 31), own, children)


def test_tied_units_share_their_rank_and_units_without_a_value_come_last():
    code = "call_up.fulfilment_pct"
    table = _table([{code: Decimal(50)}, {code: Decimal(80)}, {code: None}, {code: Decimal(80)}])

    ranking = rank_children(INDICATOR_DEFS[code], table)

    assert [(r.rank, r.unit.name) for r in ranking.units] == [
        (1, "Xã 1"),
        (1, "Xã 3"),
        (3, "Xã 0"),
        (4, "Xã 2"),
    ]


def test_fewer_is_better_ranks_the_fewest_hot_spots_first():
    code = "incidents.hot_spots"
    table = _table([{code: 2}, {code: 0}, {code: 0}])

    ranking = rank_children(INDICATOR_DEFS[code], table)

    assert [(r.rank, r.unit.name) for r in ranking.units] == [(1, "Xã 1"), (1, "Xã 2"), (3, "Xã 0")]
