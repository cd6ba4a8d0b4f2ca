"""The review world on the small Bắc Kạn tree."""

from datetime import date
from decimal import Decimal

import pytest

from qsdp.core.models import PeriodLock
from qsdp.operations.tests.factories import held, plan
from qsdp.people.tests.factories import create_person
from qsdp.reporting.models import Submission, SubmissionStatus, Target
from qsdp.reporting.tests.factories import at
from qsdp.review import services


@pytest.fixture
def world(tree, command_staff):
    """Sông Cầu's PCTT-TKCN drill held in August 2023 and rated Giỏi; Dương Quang's
    combat drill planned for 2024; the city's 2024 call-up target of 100 %;
    Dương Quang's 2023 data approved on 20/11/2023 (which locks it); a resident
    of Dương Quang, Hoàng Văn An, born 10/05/1995."""
    held(
        plan(tree.song_cau, year=2023, kind="disaster_response", title="Diễn tập PCTT-TKCN"),
        start=date(2023, 8, 15),
        rating="good",
    )
    plan(tree.duong_quang, year=2024, title="Diễn tập chiến đấu xã Dương Quang 2024")
    Target.objects.create(
        org_unit=tree.city, year=2024, indicator="call_up.fulfilment_pct", value=Decimal(100),
        set_by=command_staff,
    )  # fmt: skip
    # The approval's rows as reporting writes them (its service is tested there).
    Submission.objects.create(
        org_unit=tree.duong_quang, year=2023, status=SubmissionStatus.APPROVED,
        submitted_at=at(2023, 11, 10), approved_at=at(2023, 11, 20), approved_by=command_staff,
    )  # fmt: skip
    PeriodLock.objects.create(
        org_unit=tree.duong_quang, year=2023, approved_at=at(2023, 11, 20),
        approved_by=command_staff,
        reference="phê duyệt của Ban CHQS thành phố Bắc Kạn ngày 20/11/2023",
    )  # fmt: skip
    create_person(
        tree.duong_quang, family_name="Hoàng", middle_name="Văn", given_name="An",
        birth_date=date(1995, 5, 10), national_id="006095001234",
    )  # fmt: skip
    return tree


@pytest.fixture
def dq_review(world):
    """Dương Quang's draft review of 2023."""
    return services.review_create(actor=None, org_unit=world.duong_quang, year=2023)


@pytest.fixture
def city_review(world):
    return services.review_create(actor=None, org_unit=world.city, year=2023)
