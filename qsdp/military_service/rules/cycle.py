"""The yearly cycle of military service as a transition table (pure: no ORM).

A person's military-service status is never stored: it is the fold of his dated
events through ``TRANSITIONS`` (status × event kind → status), as django-oscar
folds an order's status through its pipeline. Services replay the history with
the new event in its place (a back-dated entry must keep the whole history
legal); ``person_status`` answers "what was he on date D".

A deferral lasts to its ``valid_until`` (inclusive): on the day after, the
person is back to ``registered`` without any event (Luật NVQS 2015 Điều 41
khoản 3: when the reason ends he is called up).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qsdp.military_service.errors import MilitaryServiceErrorCode


class Status(models.TextChoices):
    NOT_REGISTERED = "not_registered", gettext_lazy("Not registered")
    EXEMPT_FROM_REGISTRATION = "exempt_from_registration", gettext_lazy("Exempt from registration")
    NOT_ALLOWED_TO_REGISTER = "not_allowed_to_register", gettext_lazy("Not allowed to register")
    REGISTERED = "registered", gettext_lazy("Registered")
    DEFERRED = "deferred", gettext_lazy("Call-up deferred")
    EXEMPT = "exempt", gettext_lazy("Exempt from call-up")
    ORDERED = "ordered", gettext_lazy("Call-up order issued")
    ENLISTED = "enlisted", gettext_lazy("Enlisted")
    DISCHARGED = "discharged", gettext_lazy("Discharged")
    RETURNED = "returned", gettext_lazy("Returned home")
    RESERVE_REGISTERED = "reserve_registered", gettext_lazy("Registered in the reserve")


class EventKind(models.TextChoices):
    FIRST_REGISTRATION = "first_registration", gettext_lazy("First registration")
    SUPPLEMENTARY_REGISTRATION = (
        "supplementary_registration",
        gettext_lazy("Supplementary registration"),
    )
    REGISTRATION_EXEMPTION = "registration_exemption", gettext_lazy("Exemption from registration")
    REGISTRATION_BAR = "registration_bar", gettext_lazy("Bar on registration")
    REGISTRATION_BAR_ENDED = (
        "registration_bar_ended",
        gettext_lazy("End of the bar on registration"),
    )
    TEMPORARY_ABSENCE = "temporary_absence", gettext_lazy("Temporary absence")
    ABSENCE_RETURN = "absence_return", gettext_lazy("Return from temporary absence")
    PRE_SCREENING = "pre_screening", gettext_lazy("Pre-screening")
    HEALTH_EXAM = "health_exam", gettext_lazy("Health examination")
    EDUCATION_CHECK = "education_check", gettext_lazy("Education check")
    POLITICAL_CHECK = "political_check", gettext_lazy("Political check")
    DEFERRAL = "deferral", gettext_lazy("Call-up deferral")
    EXEMPTION = "exemption", gettext_lazy("Call-up exemption")
    DEFERRAL_ENDED = "deferral_ended", gettext_lazy("End of deferral")
    CALL_UP_ORDER = "call_up_order", gettext_lazy("Call-up order")
    ENLISTMENT = "enlistment", gettext_lazy("Enlistment (handover)")
    DISCHARGE = "discharge", gettext_lazy("Discharge")
    RETURN_HOME = "return_home", gettext_lazy("Return home (reception)")
    RESERVE_REGISTRATION = "reserve_registration", gettext_lazy("Reserve registration")


S, K = Status, EventKind

# Statuses in which a person is on the register and not serving.
ON_REGISTER = (S.REGISTERED, S.DEFERRED, S.EXEMPT)
# Statuses in which the checks before the call-up are made.
UNDER_SELECTION = (S.REGISTERED, S.DEFERRED)


def _build() -> dict[tuple[Status, EventKind], Status]:
    table: dict[tuple[Status, EventKind], Status] = {
        (S.NOT_REGISTERED, K.FIRST_REGISTRATION): S.REGISTERED,
        (S.NOT_REGISTERED, K.REGISTRATION_EXEMPTION): S.EXEMPT_FROM_REGISTRATION,
        (S.NOT_REGISTERED, K.REGISTRATION_BAR): S.NOT_ALLOWED_TO_REGISTER,
        (S.NOT_ALLOWED_TO_REGISTER, K.REGISTRATION_BAR_ENDED): S.NOT_REGISTERED,
        (S.DEFERRED, K.DEFERRAL_ENDED): S.REGISTERED,
        (S.REGISTERED, K.CALL_UP_ORDER): S.ORDERED,
        (S.ORDERED, K.ENLISTMENT): S.ENLISTED,
        (S.ENLISTED, K.DISCHARGE): S.DISCHARGED,
        (S.DISCHARGED, K.RETURN_HOME): S.RETURNED,
        (S.DISCHARGED, K.RESERVE_REGISTRATION): S.RESERVE_REGISTERED,
        (S.RETURNED, K.RESERVE_REGISTRATION): S.RESERVE_REGISTERED,
    }
    for status in (*ON_REGISTER, S.ORDERED):
        table[status, K.SUPPLEMENTARY_REGISTRATION] = status
    for status in ON_REGISTER:
        table[status, K.TEMPORARY_ABSENCE] = status
        table[status, K.ABSENCE_RETURN] = status
    for status in UNDER_SELECTION:
        for kind in (K.PRE_SCREENING, K.HEALTH_EXAM, K.EDUCATION_CHECK, K.POLITICAL_CHECK):
            table[status, kind] = status
    # A deferral or an exemption may also come after the order (he falls ill,
    # his brother is killed): the order then no longer binds him.
    for status in (S.REGISTERED, S.DEFERRED, S.ORDERED):
        table[status, K.DEFERRAL] = S.DEFERRED
        table[status, K.EXEMPTION] = S.EXEMPT
    return table


TRANSITIONS: dict[tuple[Status, EventKind], Status] = _build()


@dataclass(frozen=True)
class CycleEvent:
    """What the table needs of an event; ``valid_until`` only for a deferral."""

    kind: str
    occurred_on: date
    valid_until: date | None = None


class IllegalTransition(Exception):
    """The event cannot happen to a person in ``status``; ``reason`` says why, in Vietnamese."""

    code = MilitaryServiceErrorCode.ILLEGAL_TRANSITION

    def __init__(self, status: Status, kind: EventKind, reason: str) -> None:
        self.status = status
        self.kind = kind
        self.reason = reason
        super().__init__(reason)


def _reason(status: Status, kind: EventKind) -> str:
    label = {"event": kind.label, "status": status.label}
    if status == S.NOT_REGISTERED:
        return (
            _(
                "Cannot record “%(event)s”: the citizen has not made his first military-service "
                "registration (Luật NVQS 2015 Điều 16)."
            )
            % label
        )
    if kind == K.FIRST_REGISTRATION and status == S.NOT_ALLOWED_TO_REGISTER:
        return _(
            "Cannot record the first registration: the citizen is not allowed to register "
            "while the reason lasts (Luật NVQS 2015 Điều 13)."
        )
    if kind == K.FIRST_REGISTRATION and status == S.EXEMPT_FROM_REGISTRATION:
        return _(
            "Cannot record the first registration: the citizen is exempt from registration "
            "(Luật NVQS 2015 Điều 14)."
        )
    if kind == K.FIRST_REGISTRATION:
        return _("The citizen has already made his first military-service registration.")
    if kind == K.CALL_UP_ORDER and status == S.DEFERRED:
        return _(
            "Cannot issue a call-up order: the citizen's call-up is deferred "
            "(Luật NVQS 2015 Điều 41 khoản 1)."
        )
    if kind == K.CALL_UP_ORDER and status == S.EXEMPT:
        return _(
            "Cannot issue a call-up order: the citizen is exempt from call-up "
            "(Luật NVQS 2015 Điều 41 khoản 2)."
        )
    if kind == K.ENLISTMENT and status in ON_REGISTER:
        return _("Cannot record the handover: the citizen has no call-up order.")
    if kind == K.DEFERRAL_ENDED:
        return _("Cannot end a deferral: the citizen's call-up is not deferred.")
    return _("Cannot record “%(event)s”: the citizen's status is “%(status)s”.") % label


def transition(status: Status | str, kind: EventKind | str) -> Status:
    """The status after ``kind`` happens in ``status``; ``IllegalTransition`` when it cannot."""
    status, kind = Status(status), EventKind(kind)
    after = TRANSITIONS.get((status, kind))
    if after is None:
        raise IllegalTransition(status, kind, _reason(status, kind))
    return after


def _expire(status: Status, deferred_until: date | None, on: date) -> Status:
    if status == S.DEFERRED and deferred_until is not None and deferred_until < on:
        return S.REGISTERED
    return status


def replay(events: Iterable[CycleEvent], *, on: date | None = None) -> Status:
    """The status after ``events`` (in date order, stable for one day), as of ``on``.

    Raises ``IllegalTransition`` at the first event the table refuses."""
    status = S.NOT_REGISTERED
    deferred_until: date | None = None
    for event in sorted(events, key=lambda e: e.occurred_on):
        if on is not None and event.occurred_on > on:
            break
        status = transition(_expire(status, deferred_until, event.occurred_on), event.kind)
        if event.kind == K.DEFERRAL:
            deferred_until = event.valid_until
    return _expire(status, deferred_until, on) if on is not None else status


def person_status(events: Iterable[CycleEvent], on: date) -> Status:
    """The status of a person on ``on``, from his (not cancelled) events."""
    return replay(events, on=on)


def allowed_events(status: Status | str) -> list[EventKind]:
    """The events that may happen next, in the order of the cycle (for the UI)."""
    return [kind for kind in EventKind if (Status(status), kind) in TRANSITIONS]
