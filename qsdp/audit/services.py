"""The retention purge (``manage.py purge_expired``): removes or anonymises what
has outlived its period in ``qsdp.core.retention`` and keeps what the law
requires. One audit event records what it did."""

from dataclasses import dataclass
from datetime import date, datetime, time

from axes.models import AccessAttempt, AccessFailureLog
from axes.models import AccessLog as LoginLog
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, QuerySet
from django.utils import timezone

from qsdp.core.audit import record_task_event
from qsdp.core.models import AccessLog, AuditEvent
from qsdp.core.retention import years_for
from qsdp.core.text import fold
from qsdp.military_service.models import ServiceEvent
from qsdp.militia.models import MilitiaMember
from qsdp.people.models import Person, Residence
from qsdp.reserves.models import Reservist
from qsdp.reserves.rules.ages import last_day_in_reserve

ANONYMOUS = "Ẩn danh"


@dataclass(frozen=True)
class PurgeResult:
    dry_run: bool
    counts: dict[str, int]
    kept_for_service: int


def _years_before(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _of_service_age(person: Person, today: date) -> bool:
    """Within the service age of Luật NVQS Điều 25 (men to the end of 45, women
    to the end of 40)."""
    return today <= last_day_in_reserve(sex=person.sex, birth_date=person.birth_date, on=today)


def _moved_away(cutoff: date) -> QuerySet[Person]:
    """People with no open residence whose last one ended before ``cutoff``, not
    yet anonymised."""
    open_residence = Residence.objects.filter(person=OuterRef("pk"), ended_on__isnull=True)
    return (
        Person._base_manager.annotate(
            has_open=Exists(open_residence), last_end=Max("residences__ended_on")
        )
        .filter(has_open=False, last_end__lt=cutoff)
        .exclude(family_name="", middle_name="", given_name__startswith=ANONYMOUS)
    )


def _in_service_register(person: Person) -> bool:
    return (
        ServiceEvent.objects.filter(person=person).exists()
        or Reservist.objects.filter(person=person).exists()
        or MilitiaMember.objects.filter(person=person).exists()
    )


def _anonymise(person: Person) -> None:
    name = f"{ANONYMOUS} {person.pk}"
    fields = {f.name: f for f in Person._meta.concrete_fields}
    Person._base_manager.filter(pk=person.pk).update(
        national_id="",
        family_name="",
        middle_name="",
        given_name=name,
        birth_date=person.birth_date.replace(month=1, day=1),  # the year stays for statistics
        ethnicity=fields["ethnicity"].get_default(),
        religion=fields["religion"].get_default(),
        occupation="",
        workplace="",
        phone="",
        address="",
        search_name=fold(name),
        sort_name=fold(name),
    )
    Residence.objects.filter(person=person).update(address="", moved_to="")
    # The trail of the person's changes would otherwise still name them.
    AuditEvent.objects.filter(person_id=person.pk).update(changes={}, target_repr="")


@transaction.atomic
def purge_expired(*, actor: object, today: date, dry_run: bool) -> PurgeResult:
    counts: dict[str, int] = {}

    years = years_for("access_log")
    reads = AccessLog.objects.filter(at__lt=_start_of(_years_before(today, years or 0)))
    counts["access_log"] = reads.count()

    years = years_for("login_attempts")
    before = _start_of(_years_before(today, years or 0))
    logins = [
        model.objects.filter(attempt_time__lt=before)
        for model in (AccessAttempt, AccessFailureLog, LoginLog)
    ]
    counts["login_attempts"] = sum(rows.count() for rows in logins)

    years = years_for("moved_away")
    expired = list(_moved_away(_years_before(today, years or 0)))
    kept = [p for p in expired if _in_service_register(p) and _of_service_age(p, today)]
    to_anonymise = [p for p in expired if p not in kept]
    counts["moved_away"] = len(to_anonymise)

    if not dry_run:
        reads.delete()
        for rows in logins:
            rows.delete()
        for person in to_anonymise:
            _anonymise(person)
        record_task_event(
            actor=actor,
            verb="retention.purged",
            task=f"purge_expired {today.isoformat()}",
            changes={**counts, "kept_for_service": len(kept)},
        )
    return PurgeResult(dry_run=dry_run, counts=counts, kept_for_service=len(kept))
