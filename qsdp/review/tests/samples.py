"""A built ReviewFacts of Thành phố Bắc Kạn in 2023 (no database): the figures of
the city's review as the seed article gives them."""

from dataclasses import replace

from qsdp.review.facts import Approval, DrillFact, Figure, PlannedDrill, ReviewFacts, UnitRef

CITY = UnitRef("058", "Thành phố Bắc Kạn", "district")
DUC_XUAN = UnitRef("01840", "Phường Đức Xuân", "ward")
SONG_CAU = UnitRef("01837", "Phường Sông Cầu", "ward")
DUONG_QUANG = UnitRef("01849", "Xã Dương Quang", "commune")


def figure(value, numerator=None, denominator=1):
    return Figure(value, value if numerator is None else numerator, denominator)


def city_facts(**changes) -> ReviewFacts:
    facts = ReviewFacts(
        org_unit=CITY,
        parent_name="Tỉnh Bắc Kạn",
        year=2023,
        gathered_at="2023-11-20T08:00:00+07:00",
        indicators={
            "call_up.quota": figure(45),
            "call_up.enlisted": figure(45),
            "call_up.fulfilment_pct": figure(100.0, 45, 45),
            "returnees.count": figure(30),
            "returnees.registered_on_time_pct": figure(100.0, 30, 30),
            "militia.count": figure(180),
            "militia.population_pct": figure(1.2, 180, 15000),
            "reserves.count": figure(420),
            "reserves.arranged_pct": figure(95.5, 401, 420),
            "reserves.reviewed_pct": figure(100.0, 420, 420),
            "reserves.appointments": figure(3),
            "reserves.dismissals": figure(1),
            "training.participants": figure(350),
            "training.pass_pct": figure(100.0, 350, 350),
            "defence_education.participants": figure(120),
            "defence_education.completion_pct": figure(100.0, 120, 120),
            "drills.held": figure(2),
            "drills.rated_good_or_better_pct": figure(100.0, 2, 2),
            "readiness_duty.days_covered_pct": figure(100.0, 3285, 3285),
            "patrols.count": figure(240),
            "incidents.hot_spots": figure(0),
            "awards.collective_count": figure(4),
            "awards.individual_count": figure(9),
        },
        children=[DUC_XUAN, SONG_CAU, DUONG_QUANG],
        by_unit={
            "01840": {"call_up.quota": 6, "call_up.fulfilment_pct": 100.0},
            "01837": {"call_up.quota": 5, "call_up.fulfilment_pct": 100.0},
            "01849": {"call_up.quota": 0, "call_up.fulfilment_pct": None},
        },
        targets={},
        drills=[
            DrillFact(
                SONG_CAU, "disaster_response", "2023-08-15", "excellent", "Xuất sắc", True, False
            ),
            DrillFact(
                DUC_XUAN, "defence_zone_combat", "2023-09-20", "excellent", "Xuất sắc", True, False
            ),
        ],
        plan_year=2024,
        plan_targets={"call_up.fulfilment_pct": 100.0},
        plan_drills=[PlannedDrill(DUONG_QUANG, "defence_zone_combat", None, "Diễn tập KVPT")],
        approvals=[
            Approval(CITY, "submitted", "2023-11-15T09:00:00+07:00", None, "", "", None),
            Approval(
                DUC_XUAN,
                "approved",
                "2023-11-10T09:00:00+07:00",
                "2023-11-12T10:00:00+07:00",
                "Phường Đức Xuân",
                "phê duyệt số liệu năm 2023",
                "2023-11-12T10:00:00+07:00",
            ),
        ],
        extra={"directives.issued": 4, "directives.tasks": 12, "directives.tasks_completed": 12},
    )
    return replace(facts, **changes)
