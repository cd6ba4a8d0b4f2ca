"""The roster of grassroots propagandists (tuyên truyền viên cơ sở) of a
commune and the training each of them took."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from qsdp.core.audit import record_event
from qsdp.core.errors import DomainError
from qsdp.core.text import nfc
from qsdp.military_service.rules.common import vn_date
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person
from qsdp.training.errors import TrainingErrorCode as Code
from qsdp.training.models import Propagandist, PropagandistTraining, ResultScale
from qsdp.training.selectors.scales import area_of
from qsdp.training.services._common import (
    check_not_future,
    check_person_in,
    grade,
    guard,
    user_or_none,
)


@transaction.atomic
def propagandist_appoint(
    *,
    actor: Any,
    org_unit: OrgUnit,
    appointed_on: date,
    person: Person | None = None,
    full_name: str = "",
    position: str = "",
) -> Propagandist:
    """Put a person of the register (or someone named) on the unit's roster."""
    area = area_of(org_unit)
    guard(actor, area.path)
    full_name = nfc(full_name).strip()
    if (person is None) == (not full_name):
        raise DomainError(
            Code.PROPAGANDIST_IDENTITY,
            _("Choose a person of the register or write a name, not both."),
            field="full_name",
        )
    check_not_future(appointed_on, "appointed_on")
    if person is not None:
        check_person_in(person, area, "person")
        if Propagandist.objects.filter(
            person=person, org_unit=org_unit, left_on__isnull=True
        ).exists():
            raise DomainError(
                Code.PROPAGANDIST_ALREADY,
                _("%(name)s is already a propagandist of %(unit)s.")
                % {"name": person.full_name, "unit": org_unit.name},
                field="person",
            )
        full_name = person.full_name
    propagandist = Propagandist(
        person=person,
        full_name=full_name,
        position=nfc(position).strip(),
        org_unit=org_unit,
        appointed_on=appointed_on,
        created_by=user_or_none(actor),
    )
    propagandist.full_clean(validate_constraints=False)
    propagandist.save()
    record_event(
        actor=actor,
        verb="training.propagandist_appointed",
        target=propagandist,
        person_id=person.pk if person else None,
        changes={"org_unit": [None, org_unit.pk], "appointed_on": [None, appointed_on.isoformat()]},
    )
    return propagandist


@transaction.atomic
def propagandist_leave(*, actor: Any, propagandist: Propagandist, left_on: date) -> Propagandist:
    """Take a propagandist off the roster from ``left_on``."""
    guard(actor, area_of(propagandist.org_unit).path)
    propagandist = Propagandist.objects.select_for_update().get(pk=propagandist.pk)
    if propagandist.left_on is not None:
        raise DomainError(
            Code.PROPAGANDIST_ALREADY_LEFT,
            _("%(name)s already left the roster on %(date)s.")
            % {"name": propagandist.name, "date": vn_date(propagandist.left_on)},
            field="left_on",
        )
    check_not_future(left_on, "left_on")
    if left_on < propagandist.appointed_on:
        raise DomainError(
            Code.PROPAGANDIST_LEFT_BEFORE,
            _("The date must not be before the appointment (%(date)s).")
            % {"date": vn_date(propagandist.appointed_on)},
            field="left_on",
        )
    propagandist.left_on = left_on
    propagandist.full_clean(validate_constraints=False)
    propagandist.save(update_fields=["left_on"])
    record_event(
        actor=actor,
        verb="training.propagandist_left",
        target=propagandist,
        person_id=propagandist.person_id,
        changes={"left_on": [None, left_on.isoformat()]},
    )
    return propagandist


@transaction.atomic
def propagandist_training_record(
    *,
    actor: Any,
    propagandist: Propagandist,
    trained_on: date,
    title: str,
    organiser: str = "",
    result: str = "",
) -> PropagandistTraining:
    """A training the propagandist took while on the roster, with its result."""
    guard(actor, area_of(propagandist.org_unit).path)
    check_not_future(trained_on, "trained_on")
    last = propagandist.left_on
    if trained_on < propagandist.appointed_on or (last is not None and trained_on > last):
        raise DomainError(
            Code.PROPAGANDIST_TRAINING_DATE,
            _("The training must fall while %(name)s is on the roster (from %(from)s).")
            % {"name": propagandist.name, "from": vn_date(propagandist.appointed_on)},
            field="trained_on",
        )
    training = PropagandistTraining(
        propagandist=propagandist,
        trained_on=trained_on,
        title=nfc(title).strip(),
        organiser=nfc(organiser).strip(),
        result=grade(ResultScale.DEFENCE_EDUCATION, result, trained_on, "result"),
        created_by=user_or_none(actor),
    )
    training.full_clean(validate_constraints=False)
    training.save()
    record_event(
        actor=actor,
        verb="training.propagandist_trained",
        target=training,
        person_id=propagandist.person_id,
        changes={"trained_on": [None, trained_on.isoformat()], "title": [None, training.title]},
    )
    return training
