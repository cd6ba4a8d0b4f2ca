"""Duty posts, rosters against the rest rule, swaps and duty logs."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent, RuleSetting
from qsdp.operations import services
from qsdp.operations.models import DutyShift
from qsdp.operations.services import ShiftData
from qsdp.operations.tests.factories import at, duty_post, person, rows

pytestmark = pytest.mark.django_db

MONDAY = date(2023, 10, 2)


@pytest.fixture
def crew(tree):
    return {
        "post": duty_post(tree.duong_quang),
        "an": person(tree.duong_quang, family_name="Hoàng", given_name="An"),
        "binh": person(tree.duong_quang, family_name="Lý", given_name="Bình"),
        "cuong": person(tree.duong_quang, family_name="Ma", given_name="Cường"),
        "khanh": person(tree.song_cau, given_name="Khánh"),
    }


def _shift(who, day, hours=24):  # type: ignore[no-untyped-def]
    return ShiftData(who, at(day), at(day) + timedelta(hours=hours))


def _week(crew, order):  # type: ignore[no-untyped-def]
    return [_shift(crew[name], MONDAY + timedelta(days=i)) for i, name in enumerate(order)]


def test_a_roster_that_keeps_the_rule_is_saved(crew, commune_officer):
    roster = _week(crew, ["an", "binh", "cuong", "an", "binh", "cuong", "an"][:6])

    saved = services.roster_save(
        actor=commune_officer, post=crew["post"], start=MONDAY, end=MONDAY + timedelta(days=6),
        shifts=roster,
    )  # fmt: skip

    assert [s.person.given_name for s in saved] == ["An", "Bình", "Cường", "An", "Bình", "Cường"]
    assert AuditEvent.objects.filter(verb="operations.roster_saved").count() == 1


def test_a_roster_that_breaks_the_rest_rule_is_refused_whole(crew, commune_officer):
    # An two days running, and three times in the week.
    roster = _week(crew, ["an", "an", "binh", "cuong", "an"])
    before = rows()

    check = services.roster_check(
        post=crew["post"], start=MONDAY, end=MONDAY + timedelta(days=6), shifts=roster
    )
    with pytest.raises(DomainError) as refused:
        services.roster_save(
            actor=commune_officer, post=crew["post"], start=MONDAY,
            end=MONDAY + timedelta(days=6), shifts=roster,
        )  # fmt: skip

    messages = [
        "Hoàng Văn An sẽ nghỉ ít hơn 24 giờ giữa ca kết thúc lúc 07:00 03/10/2023 "
        "và ca bắt đầu lúc 07:00 03/10/2023.",
        "Hoàng Văn An sẽ trực 3 ca trong tuần 40 năm 2023; tối đa được 2 ca.",
    ]
    assert [v.message for v in check.violations] == messages
    assert (refused.value.code, refused.value.field, refused.value.message) == (
        "duty_roster_rules", "shifts", "Bảng phân công vi phạm quy định nghỉ 2 lần; chưa lưu gì.",
    )  # fmt: skip
    assert [p["message"] for p in refused.value.extra["problems"]] == messages
    assert rows() == before


def test_the_rule_counts_shifts_at_other_posts(tree, crew):
    gate = duty_post(tree.duong_quang, name="Chốt cầu Dương Quang")
    services.roster_save(
        actor=None, post=gate, start=MONDAY, end=MONDAY, shifts=[_shift(crew["an"], MONDAY)]
    )

    check = services.roster_check(
        post=crew["post"], start=MONDAY, end=MONDAY + timedelta(days=1),
        shifts=[_shift(crew["an"], MONDAY + timedelta(days=1))],
    )  # fmt: skip

    assert [v.kind.value for v in check.violations] == ["rest"]


def test_the_rest_rule_is_a_setting(crew):
    RuleSetting.objects.create(
        key="operations.duty_rest_rule",
        valid_from=date(2023, 1, 1),
        value={"min_rest_hours": 12, "max_shifts_per_week": 3},
    )
    roster = [_shift(crew["an"], MONDAY, 12), _shift(crew["an"], MONDAY + timedelta(days=1), 12)]

    check = services.roster_check(post=crew["post"], start=MONDAY, end=MONDAY, shifts=roster[:1])
    saved = services.roster_save(
        actor=None, post=crew["post"], start=MONDAY, end=MONDAY + timedelta(days=1), shifts=roster
    )

    assert (check.ok, len(saved)) == (True, 2)


def test_saving_again_replaces_the_period_and_keeps_unchanged_shifts(crew):
    first = services.roster_save(
        actor=None, post=crew["post"], start=MONDAY, end=MONDAY + timedelta(days=1),
        shifts=_week(crew, ["an", "binh"]),
    )  # fmt: skip

    second = services.roster_save(
        actor=None, post=crew["post"], start=MONDAY, end=MONDAY + timedelta(days=1),
        shifts=_week(crew, ["an", "cuong"]),
    )  # fmt: skip

    assert second[0].pk == first[0].pk
    assert [s.person.given_name for s in DutyShift.objects.order_by("starts_at")] == [
        "An", "Cường",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("shifts", "end", "code", "message"),
    [
        (lambda c: [ShiftData(c["an"], at(MONDAY, 7), at(MONDAY, 6))], 0, "duty_shift_times",
         "Ca 1 kết thúc trước khi bắt đầu."),
        (lambda c: [_shift(c["an"], MONDAY + timedelta(days=3))], 1, "duty_shift_outside_period",
         "Ca 1 bắt đầu ngoài thời gian của bảng phân công (02/10/2023–03/10/2023)."),
        (lambda c: [_shift(c["khanh"], MONDAY)], 1, "duty_shift_person_outside",
         "Nguyễn Văn Khánh không do Xã Dương Quang quản lý."),
        (lambda c: [], -1, "duty_roster_period",
         "Bảng phân công dài từ một ngày đến hai tháng, ngày cuối không trước ngày đầu."),
    ],
)  # fmt: skip
def test_a_malformed_roster_is_refused(crew, shifts, end, code, message):
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.roster_save(
            actor=None, post=crew["post"], start=MONDAY, end=MONDAY + timedelta(days=end),
            shifts=shifts(crew),
        )  # fmt: skip

    assert (refused.value.code, refused.value.message) == (code, message)
    assert rows() == before


def test_the_leader_may_not_save_a_roster(crew, leader):
    with pytest.raises(PermissionDenied):
        services.roster_save(
            actor=leader, post=crew["post"], start=MONDAY, end=MONDAY,
            shifts=[_shift(crew["an"], MONDAY)],
        )  # fmt: skip

    assert rows()["shifts"] == []


@pytest.fixture
def future_shift(crew):
    day = timezone.localdate() + timedelta(days=10)
    services.roster_save(
        actor=None, post=crew["post"], start=day, end=day, shifts=[_shift(crew["an"], day)]
    )
    return DutyShift.objects.get()


def test_an_approved_swap_gives_the_shift_to_the_replacement(crew, future_shift, commune_officer):
    swap = services.swap_request(
        actor=commune_officer, shift=future_shift, replacement=crew["binh"], reason="Ốm"
    )

    decided = services.swap_decide(actor=commune_officer, swap=swap, approve=True)

    future_shift.refresh_from_db()
    assert (decided.status, future_shift.person) == ("approved", crew["binh"])


def test_a_rejected_swap_changes_no_shift(crew, future_shift):
    swap = services.swap_request(actor=None, shift=future_shift, replacement=crew["binh"])

    services.swap_decide(actor=None, swap=swap, approve=False, note="Không đủ lý do")

    future_shift.refresh_from_db()
    assert future_shift.person == crew["an"]


def test_a_swap_that_would_break_the_rest_rule_is_refused(crew, future_shift):
    day = timezone.localdate(future_shift.starts_at) + timedelta(days=1)
    services.roster_save(
        actor=None, post=crew["post"], start=day, end=day, shifts=[_shift(crew["binh"], day)]
    )
    swap = services.swap_request(actor=None, shift=future_shift, replacement=crew["binh"])
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.swap_decide(actor=None, swap=swap, approve=True)

    assert (refused.value.code, refused.value.field) == ("duty_roster_rules", "decision")
    assert rows() == before


@pytest.mark.parametrize(
    ("who", "code", "message"),
    [
        ("an", "duty_swap_same_person", "Người thay thế chính là người đang trực ca này."),
        ("khanh", "duty_shift_person_outside", "Nguyễn Văn Khánh không do Xã Dương Quang quản lý."),
    ],
)  # fmt: skip
def test_a_swap_request_is_refused(crew, future_shift, who, code, message):
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.swap_request(actor=None, shift=future_shift, replacement=crew[who])

    assert (refused.value.code, refused.value.message) == (code, message)
    assert rows() == before


def test_a_decided_swap_is_not_decided_again(crew, future_shift):
    swap = services.swap_request(actor=None, shift=future_shift, replacement=crew["binh"])
    services.swap_decide(actor=None, swap=swap, approve=False)

    with pytest.raises(DomainError) as refused:
        services.swap_decide(actor=None, swap=swap, approve=True)

    assert refused.value.message == "Đề nghị đổi ca này đã được quyết định."


def test_a_duty_log_is_recorded_once_a_day(crew):
    log = services.duty_log_record(
        actor=None, post=crew["post"], day=date(2023, 10, 2), on_duty=[crew["an"], crew["binh"]],
        events="Bình thường", handed_over_to="Ma Văn Cường",
    )  # fmt: skip
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.duty_log_record(
            actor=None, post=crew["post"], day=date(2023, 10, 2), on_duty=[crew["an"]]
        )

    assert sorted(p.given_name for p in log.on_duty.all()) == ["An", "Bình"]
    assert refused.value.message == ("Sổ trực của Trực ban Ban CHQS ngày 02/10/2023 đã được ghi.")
    assert rows() == before


@pytest.mark.parametrize(
    ("day", "nobody", "code"),
    [(date(2022, 12, 31), False, "duty_post_closed"), (date(2023, 3, 1), True, "duty_log_nobody"),
     (date(2099, 1, 1), False, "operations_date_in_future")],
)  # fmt: skip
def test_a_duty_log_is_refused(crew, day, nobody, code):
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.duty_log_record(
            actor=None, post=crew["post"], day=day, on_duty=[] if nobody else [crew["an"]]
        )

    assert refused.value.code == code
    assert rows() == before


def test_a_post_name_is_unique_in_its_unit(tree, crew):
    with pytest.raises(DomainError) as refused:
        duty_post(tree.duong_quang)

    assert refused.value.message == "Xã Dương Quang đã có chốt trực tên Trực ban Ban CHQS."


def test_many_duty_logs_are_recorded_at_once_with_an_audit_event_each(crew):
    days = [date(2023, 10, 2) + timedelta(days=n) for n in range(3)]
    entries = [
        services.DutyLogData(day, [crew["an"]], "Bình thường", "Lý Văn Bình") for day in days
    ]

    logs = services.duty_logs_record(actor=None, post=crew["post"], entries=entries)

    assert [(log.day, [p.given_name for p in log.on_duty.all()]) for log in logs] == [
        (day, ["An"]) for day in days
    ]
    events = AuditEvent.objects.filter(verb="operations.duty_log_recorded").order_by("id")
    assert [(e.target_id, e.changes["day"]) for e in events] == [
        (str(log.pk), [None, log.day.isoformat()]) for log in logs
    ]


@pytest.mark.parametrize(
    ("days", "message"),
    [([date(2023, 10, 2), date(2023, 10, 3), date(2023, 10, 2)],
      "Sổ trực của Trực ban Ban CHQS ngày 02/10/2023 đã được ghi."),
     ([date(2023, 10, 2), date(2099, 1, 1)], "Ngày 01/01/2099 là ngày trong tương lai.")],
)  # fmt: skip
def test_one_refused_duty_log_saves_none_of_the_batch(crew, days, message):
    before = rows()

    with pytest.raises(DomainError) as refused:
        services.duty_logs_record(
            actor=None,
            post=crew["post"],
            entries=[services.DutyLogData(day, [crew["an"]]) for day in days],
        )

    assert refused.value.message == message
    assert rows() == before
