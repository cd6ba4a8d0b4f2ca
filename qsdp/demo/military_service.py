"""Recording the demo's military service (``service_plan``) through the
military-service services, with the system as actor: the first registrations,
the call-up years 2021–2024 of Thành phố Bắc Kạn and the soldiers back home in
2023 and 2024.

Built once: when the city's register already holds military-service events the
step records nothing (a second ``load_demo`` adds nothing, and people added by
a later, larger run get no military-service history). It runs before the 2023
moves are recorded, so that every event is recorded by the ward or commune the
man lived in at the time.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Exists, OuterRef
from django.utils import timezone

from qsdp.demo import service_plan as plan
from qsdp.demo.population import SyntheticPerson, TransferPlan
from qsdp.demo.units import DemoTree
from qsdp.military_service.indicators import indicator_value
from qsdp.military_service.models import (
    CallUpCandidate,
    CandidateList,
    CandidateStatus,
    RegistrationChannel,
    ServiceEvent,
)
from qsdp.military_service.rules.cycle import EventKind
from qsdp.military_service.services import (
    call_up_candidate_substitute,
    call_up_list_approve,
    call_up_list_build,
    call_up_order_issue,
    deferral_decide,
    discharge_record,
    education_check_record,
    enlistment_record,
    exemption_decide,
    first_registration_record,
    health_exam_record,
    political_check_record,
    quota_assign,
    reserve_registration_record,
    return_home_record,
)
from qsdp.people.models import Person

SUMMARY_YEARS = (2023, 2024)


@dataclass(frozen=True)
class CallUpFigures:
    quota: int
    enlisted: int
    fulfilment_pct: Decimal | None


@dataclass(frozen=True)
class ReturneeFigures:
    returned: int
    on_time: int
    overdue: int  # not registered into the reserve, past the deadline


@dataclass
class MilitaryServiceSummary:
    """The city's figures after the run (what is in the register, not what the
    run added); ``built``: recorded by this run."""

    built: bool = False
    call_up: dict[int, CallUpFigures] = field(default_factory=dict)
    returnees: dict[int, ReturneeFigures] = field(default_factory=dict)


class _Recorder:
    def __init__(self, tree: DemoTree, persons: dict[int, Person]) -> None:
        self.tree = tree
        self.persons = persons
        self.index = {person.pk: i for i, person in persons.items()}

    def register(self, registrations: Sequence[plan.Registration]) -> None:
        for registration in registrations:
            first_registration_record(
                actor=None,
                person=self.persons[registration.person],
                registered_on=registration.on,
                channel=RegistrationChannel.IN_PERSON,
            )

    def quotas(self, cycle_plan: plan.CyclePlan) -> None:
        cycle, year = cycle_plan.cycle, cycle_plan.cycle.year
        levels = (
            (self.tree.province, cycle.province_quota, cycle.province_decision),
            (self.tree.city, cycle_plan.city_quota, cycle.city_decision),
        )
        for unit, number, (decided_on, decision) in levels:
            quota_assign(
                actor=None,
                org_unit=unit,
                call_up_year=year,
                number=number,
                decided_on=decided_on,
                decision_number=decision,
            )
        decided_on, decision = cycle.communes_decision
        for code, number in cycle_plan.quotas.items():
            quota_assign(
                actor=None,
                org_unit=self.tree.units[code],
                call_up_year=year,
                number=number,
                decided_on=decided_on,
                decision_number=decision,
            )

    def decide(self, decision: plan.Decision) -> None:
        person = self.persons[decision.person]
        if decision.valid_until is None:
            exemption_decide(
                actor=None,
                person=person,
                reason_code=decision.reason_code,
                decided_on=decision.decided_on,
                decision_number=decision.number,
                signer=plan.DECISION_SIGNER,
                call_up_year=decision.call_up_year,
                facts=decision.facts,
            )
        else:
            deferral_decide(
                actor=None,
                person=person,
                reason_code=decision.reason_code,
                decided_on=decision.decided_on,
                valid_until=decision.valid_until,
                decision_number=decision.number,
                signer=plan.DECISION_SIGNER,
                call_up_year=decision.call_up_year,
                facts=decision.facts,
            )

    def examine(self, exam: plan.Exam, year: int, *, with_education: bool) -> None:
        person = self.persons[exam.person]
        health_exam_record(
            actor=None,
            person=person,
            examined_on=exam.on,
            call_up_year=year,
            indicator_scores=exam.scores,
            myopia_diopters=exam.myopia,
            bmi=exam.bmi,
        )
        if with_education and person.education_grade is not None:
            education_check_record(
                actor=None,
                person=person,
                checked_on=exam.on,
                call_up_year=year,
                completed_grade=person.education_grade,
            )

    def candidates(self, year: int, code: str | None = None) -> list[CallUpCandidate]:
        """The approved primary lists of ``year`` (of one unit when given), by unit and rank."""
        units = [self.tree.units[code]] if code else list(self.tree.units.values())
        return list(
            CallUpCandidate.objects.filter(
                call_up_year=year,
                org_unit__in=units,
                list_kind=CandidateList.PRIMARY,
                status=CandidateStatus.APPROVED,
            )
            .select_related("person", "org_unit")
            .order_by("org_unit__code", "rank")
        )

    def order(self, candidate: CallUpCandidate, cycle: plan.Cycle, on: date) -> None:
        call_up_order_issue(
            actor=None,
            candidate=candidate,
            issued_on=on,
            report_on=cycle.handover,
            report_place=plan.REPORT_PLACE,
        )

    def cycle(self, history: plan.History, cycle: plan.Cycle) -> None:
        cycle_plan = plan.plan_cycle(history, cycle)
        if not cycle_plan.quotas:
            return  # too few men in a small demo
        year = cycle.year
        self.quotas(cycle_plan)
        for decision in (*cycle_plan.exemptions, *cycle_plan.deferrals):
            self.decide(decision)
        for exam in cycle_plan.exams:
            self.examine(exam, year, with_education=not cycle.minimal)
        for decision in cycle_plan.health_deferrals:
            self.decide(decision)
        for check in cycle_plan.political:
            political_check_record(
                actor=None,
                person=self.persons[check.person],
                checked_on=check.on,
                call_up_year=year,
                items=check.items,
                checked_by=check.checked_by,
            )
        for code in cycle_plan.quotas:
            unit = self.tree.units[code]
            call_up_list_build(
                actor=None, org_unit=unit, call_up_year=year, handover_on=cycle.handover
            )
            call_up_list_approve(
                actor=None, org_unit=unit, call_up_year=year, approved_on=cycle.list_approved_on
            )
        for candidate in self.candidates(year):
            self.order(candidate, cycle, cycle.orders_on)
        if cycle_plan.dropout is not None:
            self.dropout(history, cycle, cycle_plan.dropout)
        enlisted = []
        for candidate in self.candidates(year):
            enlistment_record(
                actor=None, person=candidate.person, call_up_year=year, handover_on=cycle.handover
            )
            enlisted.append(self.index[candidate.person_id])
        plan.record_enlisted(history, enlisted, year)

    def dropout(self, history: plan.History, cycle: plan.Cycle, dropout: plan.Dropout) -> None:
        """The last man of a primary list is deferred after his order; the first
        free man of the reserve list takes his place and gets an order."""
        candidate = self.candidates(cycle.year, dropout.unit)[-1]
        deferral_decide(
            actor=None,
            person=candidate.person,
            reason_code=dropout.reason_code,
            decided_on=dropout.deferred_on,
            valid_until=dropout.valid_until,
            decision_number=dropout.decision,
            signer=plan.DECISION_SIGNER,
            call_up_year=cycle.year,
        )
        substitute = call_up_candidate_substitute(
            actor=None, candidate=candidate, on=dropout.substituted_on, reason=dropout.reason
        )
        self.order(substitute, cycle, dropout.substituted_on)
        plan.record_dropout(history, self.index[candidate.person_id], dropout)

    def returns(self, history: plan.History, returns: plan.Returns) -> None:
        for back in plan.plan_returns(history, returns):
            person = self.persons[back.person]
            discharge_record(
                actor=None,
                person=person,
                decided_on=back.discharged_on,
                decision_number=back.decision_number,
                signer=plan.DISCHARGE_SIGNER,
            )
            return_home_record(actor=None, person=person, returned_on=back.returned_on)
            if back.registered_on is not None:
                reserve_registration_record(
                    actor=None, person=person, registered_on=back.registered_on
                )


def is_built(tree: DemoTree) -> bool:
    return ServiceEvent.objects.filter(org_unit__in=list(tree.units.values())).exists()


def _persons(people: Sequence[SyntheticPerson], indices: set[int]) -> dict[int, Person]:
    """The register's person of each index, found by name and birth date."""
    keys = {people[i].key: i for i in indices}
    first = min((people[i].data.birth_date for i in indices), default=date.min)
    found = Person.objects.filter(birth_date__gte=first).select_related("org_unit")
    return {
        keys[(p.search_name, p.birth_date)]: p
        for p in found
        if (p.search_name, p.birth_date) in keys
    }


def build_military_service(
    tree: DemoTree, people: Sequence[SyntheticPerson], transfers: Sequence[TransferPlan]
) -> bool:
    """Record the demo's military service unless the register has it; returns
    whether it recorded anything."""
    if is_built(tree):
        return False
    registrations = plan.plan_registrations(people, transfers)
    persons = _persons(people, {r.person for r in registrations})
    # A man of an earlier run who has already moved would be recorded at his
    # new place: he is left out.
    registrations = [
        r
        for r in registrations
        if r.person in persons
        and persons[r.person].org_unit_id == tree.units[people[r.person].unit.code].pk
    ]
    if not registrations:
        return False
    recorder = _Recorder(tree, persons)
    recorder.register(registrations)
    history = plan.start(people, transfers, registrations)
    returns = {r.year: r for r in plan.RETURNS}
    for cycle in plan.CYCLES:
        recorder.cycle(history, cycle)
        if cycle.year in returns:
            recorder.returns(history, returns[cycle.year])
    return True


def _returnees(tree: DemoTree, year: int, today: date) -> ReturneeFigures:
    returned = indicator_value("returnees.count", org_unit=tree.city, year=year).numerator
    on_time = indicator_value(
        "returnees.registered_on_time_pct", org_unit=tree.city, year=year
    ).numerator
    registered = ServiceEvent.objects.filter(
        person=OuterRef("person"),
        kind=EventKind.RESERVE_REGISTRATION,
        cancelled_on__isnull=True,
        occurred_on__gte=OuterRef("occurred_on"),
    )
    overdue = (
        ServiceEvent.objects.filter(
            kind=EventKind.RETURN_HOME,
            cancelled_on__isnull=True,
            occurred_on__year=year,
            org_unit__path__startswith=tree.city.path,
            due_on__lt=today,
        )
        .exclude(Exists(registered))
        .count()
    )
    return ReturneeFigures(returned, on_time, overdue)


def describe(tree: DemoTree) -> MilitaryServiceSummary:
    """The city's call-up and returnee figures of 2023 and 2024, from the indicators."""
    summary = MilitaryServiceSummary()
    today = timezone.localdate()
    for year in SUMMARY_YEARS:
        pct = indicator_value("call_up.fulfilment_pct", org_unit=tree.city, year=year)
        value = pct.value if isinstance(pct.value, Decimal) else None
        summary.call_up[year] = CallUpFigures(pct.denominator, pct.numerator, value)
        summary.returnees[year] = _returnees(tree, year, today)
    return summary
