"""Whether a person is arranged into a reserve unit: the question other apps ask."""

from datetime import date

from django.db.models import Q

from qsdp.reserves.models import Arrangement


def arranged_on_q(on: date, prefix: str = "") -> Q:
    """Arrangements that hold on ``on`` (``prefix`` to reach them from another model)."""
    return Q(**{f"{prefix}arranged_on__lte": on}) & (
        Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gt": on})
    )


def is_arranged_into_reserve_unit(*, person_id: int, on: date) -> bool:
    """True when the person is a reservist arranged into a post of a reserve unit on ``on``.

    Not scoped: it answers a rule (Luật DQTV 2019 Điều 11 — an arranged
    reservist is not taken into the militia), not a page. An arrangement holds
    from ``arranged_on`` up to the day before ``ended_on``, and only while the
    reservist is in the register on ``on``.
    """
    return (
        Arrangement.objects.filter(arranged_on_q(on), reservist__person_id=person_id)
        .filter(reservist__registered_on__lte=on)
        .filter(Q(reservist__removed_on__isnull=True) | Q(reservist__removed_on__gt=on))
        .exists()
    )
