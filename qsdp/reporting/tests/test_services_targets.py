from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.reporting.models import Target
from qsdp.reporting.selectors.indicators import targets_for
from qsdp.reporting.services.targets import (
    target_delete,
    target_set,
    targets_copy_previous_year,
)

pytestmark = pytest.mark.django_db


def test_command_staff_sets_a_target_of_a_commune_and_it_is_audited(tree, command_staff):
    target = target_set(
        actor=command_staff,
        org_unit=tree.duong_quang,
        year=2024,
        indicator="call_up.fulfilment_pct",
        value=Decimal("100"),
        basis="Kế hoạch số 12/KH-UBND ngày 05/01/2024",
    )

    assert targets_for(org_unit=tree.duong_quang, year=2024) == {
        "call_up.fulfilment_pct": Decimal("100.0")
    }
    assert (target.set_by, target.basis) == (
        command_staff,
        "Kế hoạch số 12/KH-UBND ngày 05/01/2024",
    )
    event = AuditEvent.objects.get(verb="reporting.target_set")
    assert event.changes["value"] == [None, "100"]


def test_setting_again_changes_the_one_target(tree, command_staff):
    for value in ("90", "95"):
        target_set(
            actor=command_staff, org_unit=tree.city, year=2024,
            indicator="militia.count", value=Decimal(value),
        )  # fmt: skip

    assert list(Target.objects.values_list("indicator", "value")) == [
        ("militia.count", Decimal("95.0"))
    ]


@pytest.mark.parametrize(
    ("indicator", "value", "code"),
    [
        ("call_up.fulfilment_pct", "100.5", "reporting_target_out_of_range"),
        ("call_up.fulfilment_pct", "-1", "reporting_target_out_of_range"),
        ("militia.count", "-1", "reporting_target_out_of_range"),
        ("militia.count", "2.5", "reporting_target_not_whole"),
        ("no.such_code", "1", "reporting_unknown_indicator"),
    ],
)
def test_values_are_checked_against_the_indicator_kind(tree, command_staff, indicator, value, code):
    events = AuditEvent.objects.count()
    with pytest.raises(DomainError) as refused:
        target_set(
            actor=command_staff, org_unit=tree.city, year=2024,
            indicator=indicator, value=Decimal(value),
        )  # fmt: skip

    assert refused.value.code == code
    assert (Target.objects.count(), AuditEvent.objects.count()) == (0, events)


@pytest.mark.parametrize("persona", ["commune_officer", "leader"])
def test_only_the_command_sets_targets(request, tree, persona):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        target_set(
            actor=user, org_unit=tree.duong_quang, year=2024,
            indicator="militia.count", value=Decimal(10),
        )  # fmt: skip
    assert Target.objects.count() == 0


def test_delete_removes_the_target_with_an_audit_event(tree, command_staff):
    target = target_set(
        actor=command_staff, org_unit=tree.city, year=2024,
        indicator="patrols.count", value=Decimal(12),
    )  # fmt: skip

    target_delete(actor=command_staff, target=target)

    assert Target.objects.count() == 0
    assert AuditEvent.objects.filter(verb="reporting.target_deleted").count() == 1


def test_copy_from_the_previous_year_keeps_what_is_already_set(tree, command_staff):
    for indicator, value in (("patrols.count", 12), ("militia.count", 40)):
        target_set(
            actor=command_staff, org_unit=tree.city, year=2023,
            indicator=indicator, value=Decimal(value), basis="Kế hoạch 2023",
        )  # fmt: skip
    target_set(
        actor=command_staff, org_unit=tree.city, year=2024,
        indicator="militia.count", value=Decimal(45),
    )  # fmt: skip

    copies = targets_copy_previous_year(actor=command_staff, org_unit=tree.city, year=2024)

    assert [c.indicator for c in copies] == ["patrols.count"]
    assert targets_for(org_unit=tree.city, year=2024) == {
        "militia.count": Decimal(45),
        "patrols.count": Decimal(12),
    }
    event = AuditEvent.objects.get(verb="reporting.targets_copied")
    assert event.changes["indicators"] == ["patrols.count"]


def test_copy_with_nothing_to_copy_is_refused(tree, command_staff):
    with pytest.raises(DomainError) as refused:
        targets_copy_previous_year(actor=command_staff, org_unit=tree.city, year=2024)
    assert refused.value.code == "reporting_nothing_to_copy"
