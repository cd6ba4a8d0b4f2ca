"""The transition table, exhaustively (pure: no database)."""

from datetime import date

import pytest

from qsdp.military_service.rules.cycle import (
    TRANSITIONS,
    CycleEvent,
    EventKind,
    IllegalTransition,
    Status,
    allowed_events,
    person_status,
    replay,
    transition,
)

S, K = Status, EventKind
CHECKS = (K.PRE_SCREENING, K.HEALTH_EXAM, K.EDUCATION_CHECK, K.POLITICAL_CHECK)

# Every legal move, written out by hand from the cycle (the table is built in code).
LEGAL = {
    (S.NOT_REGISTERED, K.FIRST_REGISTRATION): S.REGISTERED,
    (S.NOT_REGISTERED, K.REGISTRATION_EXEMPTION): S.EXEMPT_FROM_REGISTRATION,
    (S.NOT_REGISTERED, K.REGISTRATION_BAR): S.NOT_ALLOWED_TO_REGISTER,
    (S.NOT_ALLOWED_TO_REGISTER, K.REGISTRATION_BAR_ENDED): S.NOT_REGISTERED,
    (S.REGISTERED, K.SUPPLEMENTARY_REGISTRATION): S.REGISTERED,
    (S.DEFERRED, K.SUPPLEMENTARY_REGISTRATION): S.DEFERRED,
    (S.EXEMPT, K.SUPPLEMENTARY_REGISTRATION): S.EXEMPT,
    (S.ORDERED, K.SUPPLEMENTARY_REGISTRATION): S.ORDERED,
    (S.REGISTERED, K.TEMPORARY_ABSENCE): S.REGISTERED,
    (S.DEFERRED, K.TEMPORARY_ABSENCE): S.DEFERRED,
    (S.EXEMPT, K.TEMPORARY_ABSENCE): S.EXEMPT,
    (S.REGISTERED, K.ABSENCE_RETURN): S.REGISTERED,
    (S.DEFERRED, K.ABSENCE_RETURN): S.DEFERRED,
    (S.EXEMPT, K.ABSENCE_RETURN): S.EXEMPT,
    **{(S.REGISTERED, kind): S.REGISTERED for kind in CHECKS},
    **{(S.DEFERRED, kind): S.DEFERRED for kind in CHECKS},
    (S.REGISTERED, K.DEFERRAL): S.DEFERRED,
    (S.DEFERRED, K.DEFERRAL): S.DEFERRED,
    (S.ORDERED, K.DEFERRAL): S.DEFERRED,
    (S.REGISTERED, K.EXEMPTION): S.EXEMPT,
    (S.DEFERRED, K.EXEMPTION): S.EXEMPT,
    (S.ORDERED, K.EXEMPTION): S.EXEMPT,
    (S.DEFERRED, K.DEFERRAL_ENDED): S.REGISTERED,
    (S.REGISTERED, K.CALL_UP_ORDER): S.ORDERED,
    (S.ORDERED, K.ENLISTMENT): S.ENLISTED,
    (S.ENLISTED, K.DISCHARGE): S.DISCHARGED,
    (S.DISCHARGED, K.RETURN_HOME): S.RETURNED,
    (S.DISCHARGED, K.RESERVE_REGISTRATION): S.RESERVE_REGISTERED,
    (S.RETURNED, K.RESERVE_REGISTRATION): S.RESERVE_REGISTERED,
}


def test_the_table_is_exactly_the_cycle():
    assert TRANSITIONS == LEGAL


@pytest.mark.parametrize(("status", "kind"), [(s, k) for s in Status for k in EventKind])
def test_every_pair_is_either_a_move_or_refused_with_a_reason(status, kind):
    if (status, kind) in LEGAL:
        assert transition(status, kind) == LEGAL[status, kind]
    else:
        with pytest.raises(IllegalTransition) as refused:
            transition(status, kind)
        assert (refused.value.status, refused.value.kind) == (status, kind)
        assert refused.value.reason != ""


@pytest.mark.parametrize(
    ("status", "kind", "reason"),
    [
        (
            S.DEFERRED,
            K.CALL_UP_ORDER,
            "Không thể phát lệnh gọi nhập ngũ: công dân đang được tạm hoãn gọi nhập ngũ "
            "(Luật NVQS 2015 Điều 41 khoản 1).",
        ),
        (
            S.EXEMPT,
            K.CALL_UP_ORDER,
            "Không thể phát lệnh gọi nhập ngũ: công dân được miễn gọi nhập ngũ "
            "(Luật NVQS 2015 Điều 41 khoản 2).",
        ),
        (
            S.NOT_REGISTERED,
            K.HEALTH_EXAM,
            "Không thể ghi “Khám sức khỏe”: công dân chưa đăng ký nghĩa vụ quân sự lần đầu "
            "(Luật NVQS 2015 Điều 16).",
        ),
        (
            S.NOT_ALLOWED_TO_REGISTER,
            K.FIRST_REGISTRATION,
            "Không thể ghi đăng ký lần đầu: công dân thuộc diện không được đăng ký nghĩa vụ "
            "quân sự trong thời gian đó (Luật NVQS 2015 Điều 13).",
        ),
        (
            S.REGISTERED,
            K.ENLISTMENT,
            "Không thể ghi giao nhận quân: công dân chưa có lệnh gọi nhập ngũ.",
        ),
        (
            S.ENLISTED,
            K.DEFERRAL,
            "Không thể ghi “Tạm hoãn gọi nhập ngũ”: công dân đang ở trạng thái “Đã nhập ngũ”.",
        ),
    ],
)
def test_refusals_say_why_in_vietnamese(status, kind, reason):
    with pytest.raises(IllegalTransition) as refused:
        transition(status, kind)

    assert refused.value.reason == reason


def ev(kind, day, valid_until=None):
    return CycleEvent(kind, day, valid_until)


LIFE = [
    ev(K.FIRST_REGISTRATION, date(2023, 4, 10)),
    ev(K.HEALTH_EXAM, date(2023, 11, 20)),
    ev(K.CALL_UP_ORDER, date(2024, 1, 25)),
    ev(K.ENLISTMENT, date(2024, 2, 26)),
    ev(K.DISCHARGE, date(2026, 2, 10)),
    ev(K.RETURN_HOME, date(2026, 2, 20)),
    ev(K.RESERVE_REGISTRATION, date(2026, 3, 2)),
]


@pytest.mark.parametrize(
    ("on", "status"),
    [
        (date(2023, 4, 9), S.NOT_REGISTERED),
        (date(2023, 4, 10), S.REGISTERED),
        (date(2024, 1, 24), S.REGISTERED),
        (date(2024, 1, 25), S.ORDERED),
        (date(2024, 2, 26), S.ENLISTED),
        (date(2026, 2, 10), S.DISCHARGED),
        (date(2026, 2, 25), S.RETURNED),
        (date(2030, 1, 1), S.RESERVE_REGISTERED),
    ],
)
def test_status_on_any_date_follows_the_events(on, status):
    assert person_status(reversed(LIFE), on) == status


def test_a_deferral_lapses_the_day_after_its_valid_until():
    events = [
        ev(K.FIRST_REGISTRATION, date(2022, 4, 1)),
        ev(K.DEFERRAL, date(2022, 9, 1), valid_until=date(2023, 12, 31)),
    ]

    assert person_status(events, date(2023, 12, 31)) == S.DEFERRED
    assert person_status(events, date(2024, 1, 1)) == S.REGISTERED
    # ... so an order after it is legal, and one during it is not.
    assert replay([*events, ev(K.CALL_UP_ORDER, date(2024, 1, 20))]) == S.ORDERED
    with pytest.raises(IllegalTransition):
        replay([*events, ev(K.CALL_UP_ORDER, date(2023, 12, 20))])


def test_a_deferral_without_end_date_lasts_until_ended():
    events = [
        ev(K.FIRST_REGISTRATION, date(2022, 4, 1)),
        ev(K.DEFERRAL, date(2022, 9, 1)),
    ]

    assert person_status(events, date(2040, 1, 1)) == S.DEFERRED
    assert person_status([*events, ev(K.DEFERRAL_ENDED, date(2024, 5, 1))], date(2024, 5, 1)) == (
        S.REGISTERED
    )


def test_a_back_dated_event_must_keep_the_history_legal():
    # A first registration recorded after a later health exam is fine in date order ...
    assert replay([LIFE[1], LIFE[0]]) == S.REGISTERED
    # ... but an exam dated before the registration is not.
    with pytest.raises(IllegalTransition):
        replay([LIFE[0], ev(K.HEALTH_EXAM, date(2023, 1, 5))])


def test_allowed_events_for_the_ui():
    assert allowed_events(S.ORDERED) == [
        K.SUPPLEMENTARY_REGISTRATION, K.DEFERRAL, K.EXEMPTION, K.ENLISTMENT,
    ]  # fmt: skip
    assert allowed_events(S.RESERVE_REGISTERED) == []
