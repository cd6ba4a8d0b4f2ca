"""Building the Bắc Kạn 2023 demo: units, people, their military service, their
2023 moves, the reserve register and the militia, accounts.

Everything goes through the services (``org_unit_create``, ``person_create``,
``person_transfer_out``/``_in``) with the system as actor, so the audit trail
and the derived fields are those of real use. One transaction: a run that fails
half-way leaves nothing behind. Idempotent: what exists is kept, so a second
run changes only the accounts' password. The military service
(``qsdp.demo.military_service``) is recorded before the moves, so that each
event belongs to the ward or commune the man lived in at the time. The reserve
register (``qsdp.demo.reserves``) and then the militia (``qsdp.demo.militia``),
which leaves the reservists out, are recorded after the moves, from the
residents who did not move within the city (``qsdp.demo.forces``); then the
year's operations (``qsdp.demo.operations``: directives, drills, readiness duty
kept by the militia, patrols and incidents) and its training
(``qsdp.demo.training``: the militia's and reservists' training, KTQP&AN
fostering, the grassroots propagandists); last the year's awards
(``qsdp.demo.awards``), which draw on all of them.
"""

import time
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from qsdp.accounts.models import RoleAssignment, User
from qsdp.awards.models import AwardDecision, AwardEvidence, AwardProposal, AwardRecipient
from qsdp.core.models import AuditEvent, PeriodLock
from qsdp.demo.accounts import AccountLine, ensure_accounts
from qsdp.demo.awards import build_awards
from qsdp.demo.forces import load_pool
from qsdp.demo.military_service import (
    MilitaryServiceSummary,
    build_military_service,
    describe,
)
from qsdp.demo.militia import MilitiaSummary, build_militia
from qsdp.demo.militia import describe as describe_militia
from qsdp.demo.operations import OperationsSummary, build_operations
from qsdp.demo.operations import describe as describe_operations
from qsdp.demo.population import (
    SyntheticPerson,
    TransferPlan,
    generate_people,
    plan_transfers,
)
from qsdp.demo.reporting import build_reporting, period_locks_lifted
from qsdp.demo.reserves import ReserveSummary, build_reserves
from qsdp.demo.reserves import describe as describe_reserves
from qsdp.demo.training import TrainingSummary, build_training
from qsdp.demo.training import describe as describe_training
from qsdp.demo.units import DemoTree, add_villages, load_tree
from qsdp.military_service.models import (
    CallUpCandidate,
    CallUpOrder,
    HealthExam,
    Quota,
    ServiceEvent,
)
from qsdp.militia.models import (
    DutyDecision,
    MilitiaMember,
    MilitiaRegistration,
    MilitiaUnit,
    ServiceCompletion,
    TermExtension,
    TrainingRecord,
)
from qsdp.operations.models import (
    Directive,
    DirectiveTask,
    Drill,
    DrillPhase,
    DrillPlan,
    DutyLog,
    DutyPost,
    DutyShift,
    DutySwap,
    Incident,
    IncidentFollowUp,
    Patrol,
    TaskReport,
)
from qsdp.orgunits.models import OrgUnit, OrgUnitKind, OrgUnitLineage
from qsdp.orgunits.national import LoadSummary
from qsdp.people.models import Person, Residence, ResidenceStart
from qsdp.people.services import person_create, person_transfer_in, person_transfer_out
from qsdp.reporting.models import Submission, Target
from qsdp.reserves.models import (
    Arrangement,
    CommanderDecision,
    ReadinessCheck,
    ReserveEquipment,
    ReservePost,
    ReserveReview,
    ReserveUnit,
    Reservist,
)
from qsdp.training.models import (
    Attendance,
    CourseParticipant,
    EducationCourse,
    Propagandist,
    PropagandistTraining,
    TrainingPlan,
    TrainingSession,
)

DEFAULT_PEOPLE = 3000


@dataclass
class DemoSummary:
    password: str
    accounts: list[AccountLine]
    units: LoadSummary
    villages_created: int = 0
    people_created: int = 0
    people_existing: int = 0
    # The register's state after the run (not what this run added):
    moves: int = 0  # residences in the city begun by a transfer-in
    moves_away: int = 0  # residences in the city ended by a move out of it
    pending: int = 0  # people transferred out to a unit of the city, not yet received
    counts: dict[str, int] = field(default_factory=dict)
    city_units: int = 0  # wards and communes of Thành phố Bắc Kạn
    city_villages: int = 0  # their villages and residential groups
    city_people: int = 0
    military_service: MilitaryServiceSummary = field(default_factory=MilitaryServiceSummary)
    reserves: ReserveSummary = field(default_factory=ReserveSummary)
    militia: MilitiaSummary = field(default_factory=MilitiaSummary)
    operations: OperationsSummary = field(default_factory=OperationsSummary)
    training: TrainingSummary = field(default_factory=TrainingSummary)
    seconds: float = 0.0


def table_counts() -> dict[str, int]:
    """The rows of every table the demo writes (equal after a second run)."""
    return {
        "org_units": OrgUnit.objects.count(),
        "lineage": OrgUnitLineage.objects.count(),
        "people": Person.objects.count(),
        "residences": Residence.objects.count(),
        "users": User.objects.count(),
        "role_assignments": RoleAssignment.objects.count(),
        "service_events": ServiceEvent.objects.count(),
        "health_exams": HealthExam.objects.count(),
        "quotas": Quota.objects.count(),
        "call_up_candidates": CallUpCandidate.objects.count(),
        "call_up_orders": CallUpOrder.objects.count(),
        "reservists": Reservist.objects.count(),
        "reserve_units": ReserveUnit.objects.count(),
        "reserve_posts": ReservePost.objects.count(),
        "arrangements": Arrangement.objects.count(),
        "reserve_reviews": ReserveReview.objects.count(),
        "commander_decisions": CommanderDecision.objects.count(),
        "readiness_checks": ReadinessCheck.objects.count(),
        "reserve_equipment": ReserveEquipment.objects.count(),
        "militia_units": MilitiaUnit.objects.count(),
        "militia_members": MilitiaMember.objects.count(),
        "term_extensions": TermExtension.objects.count(),
        "duty_decisions": DutyDecision.objects.count(),
        "militia_registrations": MilitiaRegistration.objects.count(),
        "training_records": TrainingRecord.objects.count(),
        "service_completions": ServiceCompletion.objects.count(),
        "directives": Directive.objects.count(),
        "directive_tasks": DirectiveTask.objects.count(),
        "task_reports": TaskReport.objects.count(),
        "drill_plans": DrillPlan.objects.count(),
        "drills": Drill.objects.count(),
        "drill_phases": DrillPhase.objects.count(),
        "duty_posts": DutyPost.objects.count(),
        "duty_shifts": DutyShift.objects.count(),
        "duty_swaps": DutySwap.objects.count(),
        "duty_logs": DutyLog.objects.count(),
        "patrols": Patrol.objects.count(),
        "incidents": Incident.objects.count(),
        "incident_follow_ups": IncidentFollowUp.objects.count(),
        "training_plans": TrainingPlan.objects.count(),
        "training_sessions": TrainingSession.objects.count(),
        "attendances": Attendance.objects.count(),
        "education_courses": EducationCourse.objects.count(),
        "course_participants": CourseParticipant.objects.count(),
        "propagandists": Propagandist.objects.count(),
        "propagandist_trainings": PropagandistTraining.objects.count(),
        "award_proposals": AwardProposal.objects.count(),
        "award_recipients": AwardRecipient.objects.count(),
        "award_evidence": AwardEvidence.objects.count(),
        "award_decisions": AwardDecision.objects.count(),
        "targets": Target.objects.count(),
        "submissions": Submission.objects.count(),
        "period_locks": PeriodLock.objects.count(),
        "audit_events": AuditEvent.objects.count(),
    }


def _residence_start(person: SyntheticPerson, unit: OrgUnit) -> date:
    """Registered since birth, or since the unit exists if it is younger."""
    return max(person.data.birth_date, unit.opened_on)


def _create_people(tree: DemoTree, people: list[SyntheticPerson]) -> dict[int, Person]:
    """Record the people not in the register yet (same CCCD, or same name and
    birth date); returns those created, by their index in ``people``."""
    ids = set(Person.objects.exclude(national_id="").values_list("national_id", flat=True))
    keys = set(Person.objects.values_list("search_name", "birth_date"))
    created: dict[int, Person] = {}
    for index, person in enumerate(people):
        if person.data.national_id in ids or person.key in keys:
            continue
        unit = tree.units[person.unit.code]
        created[index] = person_create(
            actor=None,
            org_unit=unit,
            data=person.data,
            residence_started_on=_residence_start(person, unit),
        )
    return created


def _transfer(tree: DemoTree, plan: TransferPlan, person: Person) -> None:
    target = tree.units[plan.to.code] if plan.to else None
    person_transfer_out(
        actor=None, person=person, on=plan.out_on, moved_to=plan.moved_to, moved_to_unit=target
    )
    if target is not None and plan.in_on is not None:
        person_transfer_in(
            actor=None, person=person, org_unit=target, on=plan.in_on, address=plan.address
        )


def _describe(tree: DemoTree, summary: DemoSummary) -> None:
    units = list(tree.units.values())
    residences = Residence.objects.filter(org_unit__in=units)
    summary.moves = residences.filter(start_reason=ResidenceStart.TRANSFER_IN).count()
    summary.moves_away = residences.filter(
        ended_on__isnull=False, moved_to_unit__isnull=True
    ).count()
    summary.pending = Person.objects.filter(pending_transfer_to__in=units).count()
    summary.city_units = len(units)
    summary.city_villages = OrgUnit.objects.filter(
        parent__in=units, kind=OrgUnitKind.VILLAGE
    ).count()
    summary.city_people = Person.objects.filter(org_unit__in=units).count()


@transaction.atomic
def build_demo(*, people: int = DEFAULT_PEOPLE, password: str) -> DemoSummary:
    """Build (or complete) the demo with ``people`` synthetic people; the demo
    accounts get ``password``."""
    started = time.monotonic()
    with period_locks_lifted():  # the approved years are replayed, then locked again
        tree, loaded = load_tree()
        summary = DemoSummary(password=password, accounts=[], units=loaded)
        summary.villages_created = add_villages(tree)
        population = generate_people(people)
        created = _create_people(tree, population)
        summary.people_created = len(created)
        summary.people_existing = len(population) - len(created)
        transfers = plan_transfers(population)
        built = build_military_service(tree, population, transfers)
        # Only people recorded in this run move: the others moved when they were recorded.
        for plan in transfers:
            if plan.person in created:
                _transfer(tree, plan, created[plan.person])
        pool = load_pool(tree, population, transfers)
        reserves_built = build_reserves(tree, pool)
        militia_built = build_militia(tree, pool)
        operations_built = build_operations(tree, pool)
        training_built = build_training(tree, pool)
        build_awards(tree)
        summary.accounts = ensure_accounts(tree, password=password)
    build_reporting(tree)
    summary.counts = table_counts()
    _describe(tree, summary)
    summary.military_service = describe(tree)
    summary.military_service.built = built
    summary.reserves = describe_reserves(tree)
    summary.reserves.built = reserves_built
    summary.militia = describe_militia(tree)
    summary.militia.built = militia_built
    summary.operations = describe_operations(tree)
    summary.operations.built = operations_built
    summary.training = describe_training(tree)
    summary.training.built = training_built
    summary.seconds = time.monotonic() - started
    return summary
