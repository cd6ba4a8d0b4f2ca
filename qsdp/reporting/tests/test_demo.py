"""On the demo (Bắc Kạn city, loaded once for the module): the 2023 figures of
the city's report, its targets for 2024, and the 2023 approval that locks it."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction

from qsdp.accounts.models import User
from qsdp.core.errors import DomainError
from qsdp.core.models import PeriodLock
from qsdp.demo.reporting import PLAN
from qsdp.military_service.models import ServiceEvent
from qsdp.operations.models import DrillPlan
from qsdp.operations.tests.factories import held
from qsdp.orgunits.models import OrgUnit, OrgUnitKind
from qsdp.reporting.models import Submission, SubmissionStatus, Target
from qsdp.reporting.selectors.indicators import indicator_table, targets_for
from qsdp.reporting.selectors.submissions import submission_overview


@pytest.fixture(scope="module")
def demo_city(django_db_setup, django_db_blocker):
    """The demo of 150 people, rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", people=150, stdout=io.StringIO())
        yield OrgUnit.objects.get(code="058", kind=OrgUnitKind.DISTRICT)
        transaction.set_rollback(True)


@pytest.fixture
def city(demo_city, db):
    return demo_city


@pytest.fixture
def staff(city):
    return User.objects.get(username="chqs.thanhpho")


def test_the_citys_2023_call_up_and_returnees_are_100_percent(city, staff):
    table = indicator_table(user=staff, org_unit=city, year=2023)

    values = table.unit.values
    assert values["call_up.fulfilment_pct"].value == Decimal("100.0")
    assert values["returnees.registered_on_time_pct"].value == Decimal("100.0")
    assert len(table.children) == 8


def test_the_2024_plan_has_its_targets(city):
    assert targets_for(org_unit=city, year=2024)["call_up.fulfilment_pct"] == Decimal(100)
    assert targets_for(org_unit=city, year=2024)["returnees.registered_on_time_pct"] == 100
    assert sorted(
        Target.objects.filter(year=2024)
        .exclude(org_unit=city)
        .values_list("org_unit__name", "indicator", "value", "basis")
    ) == [
        ("Xã Dương Quang", "drills.by_kind.defence_zone_combat", Decimal(1), PLAN),
        ("Xã Dương Quang", "drills.rated_good_or_better_pct", Decimal(100), PLAN),
    ]


def test_every_unit_submitted_on_time_and_was_approved(city, staff):
    overview = submission_overview(user=staff, org_unit=city, year=2023)

    assert (overview.total, overview.submitted, overview.approved, overview.on_time) == (
        8,
        8,
        8,
        8,
    )
    assert overview.own.status == SubmissionStatus.APPROVED
    assert Submission.objects.filter(status=SubmissionStatus.APPROVED).count() == 9
    assert PeriodLock.objects.get(org_unit=city).approved_at.date() == date(2023, 11, 24)


def test_a_2023_record_of_a_ward_is_refused_naming_the_citys_approval(city):
    plan = DrillPlan.objects.get(year=2024, org_unit__code="01849")
    events = ServiceEvent.objects.count()
    plan.year = 2023  # a plan of 2023 that was never held (in memory only)

    with pytest.raises(DomainError) as refused:
        held(plan)

    assert "phê duyệt của" in refused.value.message
    assert refused.value.extra["org_unit"] == "058"
    assert ServiceEvent.objects.count() == events
