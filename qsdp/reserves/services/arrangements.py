"""Arranging reservists into the posts of reserve units (Luật Lực lượng DBĐV 2019
Điều 15 and 16 khoản 1): healthy reservists within the age limit, by matching
military specialty, or the nearest specialty with the reason stated; a post holds
its establishment strength and the 10–15 % spare, no more."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.locks import ensure_period_open
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.reserves import rules
from qsdp.reserves.errors import ReserveErrorCode as Code
from qsdp.reserves.limits import age_limit
from qsdp.reserves.models import Arrangement, ReservePost, Reservist
from qsdp.reserves.selectors.arrangement import arranged_on_q
from qsdp.reserves.services._common import (
    audit_created,
    check_in_register,
    check_not_future,
    guard,
    lock_reservist,
    save_new,
    user_or_none,
)

FIT_HEALTH_CLASSES = (1, 2, 3)  # classes 4–6 are not arranged into posts
ARRANGEMENT_FIELDS = ("reservist", "post", "arranged_on", "near_match_reason")
ARRANGE_BASIS = "Luật Lực lượng DBĐV 2019 Điều 16 khoản 1"


def check_fit(reservist: Reservist, on: date) -> None:
    """Refuse a reservist past his age limit on ``on`` or not healthy."""
    person = reservist.person
    limit = age_limit(
        sex=person.sex, birth_date=person.birth_date, rank_group=reservist.rank_group,
        rank=reservist.rank, on=on,
    )  # fmt: skip
    if not limit.within:
        raise DomainError(
            Code.PAST_AGE_LIMIT,
            _("%(name)s cannot be arranged into a post: %(reason)s.")
            % {"name": person, "reason": limit.sentence},
            field="arranged_on",
        )
    if reservist.health_class is None:
        raise DomainError(
            Code.HEALTH_UNKNOWN,
            _(
                "Record the health class of %(name)s before arranging him: only healthy "
                "reservists are arranged into posts (%(basis)s)."
            )
            % {"name": person, "basis": ARRANGE_BASIS},
        )
    if reservist.health_class not in FIT_HEALTH_CLASSES:
        raise DomainError(
            Code.UNFIT,
            _(
                "%(name)s has health class %(class)s and is not fit to be arranged into a post: "
                "only classes 1 to 3 are (%(basis)s)."
            )
            % {"name": person, "class": reservist.health_class, "basis": ARRANGE_BASIS},
        )


def check_room(post: ReservePost, on: date) -> None:
    """Refuse when the post already holds its establishment and the most spare."""
    answer = rules.reserve_unit_strength(establishment_strength=post.establishment_count, on=on)
    arranged = Arrangement.objects.filter(arranged_on_q(on), post=post).count()
    if arranged >= answer.max_total_with_spare:
        raise DomainError(
            Code.POST_FULL,
            _(
                "The post “%(post)s” is full: %(arranged)s reservists are arranged into it on "
                "%(on)s, the most it keeps. %(explanation)s (%(basis)s)."
            )
            % {
                "post": post.title,
                "arranged": arranged,
                "on": vn_date(on),
                "explanation": answer.explanation.rstrip("."),
                "basis": answer.legal_basis,
            },
            field="post",
        )


@transaction.atomic
def reservist_arrange(
    *,
    actor: Any,
    reservist: Reservist,
    post: ReservePost,
    arranged_on: date,
    near_match_reason: str = "",
) -> Arrangement:
    """Arrange ``reservist`` into ``post`` from ``arranged_on``.

    Refused with nothing saved: a reservist not in the register that day, past
    his age limit, of unknown health or unfit (class 4–6), already arranged; a
    post of another specialty without a stated near-match reason; a full post.
    """
    guard(actor, reservist.person.org_unit.path)
    ensure_period_open(org_unit=reservist.managed_by, on=arranged_on, field="arranged_on")
    reservist = lock_reservist(reservist)
    post = ReservePost.objects.select_for_update().select_related("unit").get(pk=post.pk)
    check_not_future(arranged_on, "arranged_on")
    check_in_register(reservist, arranged_on, "arranged_on")
    check_fit(reservist, arranged_on)
    current = (
        Arrangement.objects.filter(reservist=reservist, ended_on__isnull=True)
        .select_related("post__unit")
        .first()
    )
    if current is not None:
        raise DomainError(
            Code.ALREADY_ARRANGED,
            _(
                "%(name)s is already arranged into “%(post)s” of %(unit)s since %(date)s: end "
                "that arrangement first."
            )
            % {
                "name": reservist.person,
                "post": current.post.title,
                "unit": current.post.unit.name,
                "date": vn_date(current.arranged_on),
            },
            field="post",
        )
    reason = nfc(near_match_reason)
    matches = bool(reservist.specialty_code) and reservist.specialty_code == post.specialty_code
    if matches:
        reason = ""
    elif not reason:
        raise DomainError(
            Code.SPECIALTY_MISMATCH,
            _(
                "The post “%(post)s” needs the specialty %(needed)s and %(name)s has %(has)s: "
                "state the reason for arranging him by the nearest specialty (%(basis)s)."
            )
            % {
                "post": post.title,
                "needed": f"{post.specialty_code} {post.specialty_name}",
                "name": reservist.person,
                "has": f"{reservist.specialty_code} {reservist.specialty_name}".strip()
                or _("none recorded"),
                "basis": ARRANGE_BASIS,
            },
            field="near_match_reason",
        )
    check_room(post, arranged_on)
    arrangement = Arrangement(
        reservist=reservist,
        post=post,
        arranged_on=arranged_on,
        near_match_reason=reason,
        recorded_by=user_or_none(actor),
    )
    save_new(arrangement)
    audit_created(
        actor=actor, verb="arrangement.created", obj=arrangement, fields=ARRANGEMENT_FIELDS,
        person_id=reservist.person_id,
    )  # fmt: skip
    return arrangement


@transaction.atomic
def arrangement_end(*, actor: Any, arrangement: Arrangement, on: date, reason: str) -> Arrangement:
    """End an arrangement on ``on`` (the first day the reservist is no longer in the post)."""
    guard(actor, arrangement.reservist.person.org_unit.path)
    ensure_period_open(org_unit=arrangement.reservist.managed_by, on=on, field="on")
    arrangement = Arrangement.objects.select_for_update().get(pk=arrangement.pk)
    if arrangement.ended_on is not None:
        raise DomainError(
            Code.NOT_ARRANGED,
            _("This arrangement already ended on %(date)s.")
            % {"date": vn_date(arrangement.ended_on)},
        )
    check_not_future(on, "ended_on")
    if on < arrangement.arranged_on:
        raise DomainError(
            Code.END_BEFORE_START,
            _("The date is before the arrangement began on %(date)s.")
            % {"date": vn_date(arrangement.arranged_on)},
            field="ended_on",
        )
    if not reason.strip():
        raise DomainError(
            Code.END_REASON_MISSING,
            _("Give the reason for ending the arrangement."),
            field="reason",
        )
    arrangement.ended_on = on
    arrangement.end_reason = nfc(reason)
    arrangement.full_clean()
    arrangement.save()
    record_event(
        actor=actor,
        verb="arrangement.ended",
        target=arrangement,
        person_id=arrangement.reservist.person_id,
        changes={"ended_on": [None, on.isoformat()], "end_reason": [None, arrangement.end_reason]},
    )
    return arrangement
