"""The figures gathered from the registers for a review."""

from qsdp.review.annual import annual_report_data
from qsdp.review.facts import DrillFact, PlannedDrill, UnitRef, gather_facts
from qsdp.review.generator import build_review

SONG_CAU = UnitRef("01837", "Phường Sông Cầu", "ward")
DUONG_QUANG = UnitRef("01849", "Xã Dương Quang", "commune")


def test_the_citys_facts_hold_its_drills_plan_and_approval_state(world):
    facts = gather_facts(org_unit=world.city, year=2023)

    assert facts.children == [SONG_CAU, DUONG_QUANG]
    assert facts.drills == [
        DrillFact(SONG_CAU, "disaster_response", "2023-08-15", "good", "Giỏi", True, False)
    ]
    assert facts.plan_drills == [
        PlannedDrill(
            DUONG_QUANG, "defence_zone_combat", None, "Diễn tập chiến đấu xã Dương Quang 2024"
        )
    ]
    assert facts.plan_targets == {"call_up.fulfilment_pct": 100.0}
    assert [(a.org_unit.name, a.status, a.locked_by) for a in facts.approvals] == [
        ("Thành phố Bắc Kạn", "", ""),
        ("Phường Sông Cầu", "", ""),
        ("Xã Dương Quang", "approved", "Xã Dương Quang"),
    ]
    assert facts.value("drills.held") == 1


def test_the_review_shows_the_approval_state_it_used(world):
    lines = build_review(gather_facts(org_unit=world.city, year=2023)).approval_lines

    assert lines[0] == "Thành phố Bắc Kạn: chưa gửi số liệu."
    assert lines[2].startswith("Xã Dương Quang: đã phê duyệt ngày 20/11/2023; số liệu đã khoá (")


def test_the_facts_survive_a_round_trip_through_json(world):
    facts = gather_facts(org_unit=world.city, year=2023)

    assert type(facts).from_json(facts.as_json()) == facts


def test_annual_report_data_has_the_agreed_shape(world):
    data = annual_report_data(world.city, 2023)

    assert list(data) == ["org_unit", "year", "indicators", "by_unit", "drills", "awards", "plan"]
    assert data["org_unit"] == {"code": "058", "name": "Thành phố Bắc Kạn"}
    assert data["drills"] == [
        {"org_unit": "01837", "kind": "disaster_response", "date": "2023-08-15", "rating": "good"}
    ]
    assert data["awards"] == {"collective": 0, "individual": 0}
    assert data["indicators"]["call_up.fulfilment_pct"] is None
    assert data["indicators"]["drills.held"] == 1
    assert set(data["by_unit"]) == {"01837", "01849"}
    assert data["plan"] == {
        "year": 2024,
        "targets": {"call_up.fulfilment_pct": 100.0},
        "drills": [
            {"org_unit": "01849", "kind": "defence_zone_combat", "date": None,
             "title": "Diễn tập chiến đấu xã Dương Quang 2024"}
        ],
    }  # fmt: skip
