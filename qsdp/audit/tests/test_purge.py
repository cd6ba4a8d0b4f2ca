"""``manage.py purge_expired``: what has outlived its retention period is
removed or anonymised; the military-service register of a living person of
service age is kept; the run is audited."""

import io
from datetime import UTC, date, datetime

import pytest
from django.core.management import call_command

from qsdp.core.audit import record_access
from qsdp.core.models import AccessLog, AuditEvent
from qsdp.military_service.tests.factories import registered
from qsdp.people.models import Person, Residence
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db

TODAY = "2026-06-01"


def _moved_away(person, on):
    Residence.objects.filter(person=person).update(ended_on=on, moved_to="Hà Nội")


@pytest.fixture
def world(tree, commune_officer):
    gone = create_person(
        tree.duong_quang,
        started_on=date(2010, 1, 1),
        family_name="Nguyễn",
        given_name="Gone",
        birth_date=date(1970, 3, 4),
        phone="0912345678",
        address="Thôn Nà Pài",
    )
    _moved_away(gone, date(2018, 5, 1))
    soldier = registered(
        tree.duong_quang, born=date(2000, 2, 2), given_name="Soldier", started_on=date(2010, 1, 1)
    )
    _moved_away(soldier, date(2018, 5, 1))
    recent = create_person(
        tree.duong_quang,
        given_name="Recent",
        birth_date=date(1970, 1, 1),
        started_on=date(2010, 1, 1),
    )
    _moved_away(recent, date(2024, 1, 1))
    living = create_person(tree.duong_quang, given_name="Living", birth_date=date(1970, 1, 1))
    old_read = record_access(
        actor=commune_officer, target=gone, fields=["religion"], purpose="t", person_id=gone.pk
    )
    AccessLog.objects.filter(pk=old_read.pk).update(at=datetime(2020, 5, 31, tzinfo=UTC))
    new_read = record_access(
        actor=commune_officer, target=gone, fields=["religion"], purpose="t", person_id=gone.pk
    )
    AccessLog.objects.filter(pk=new_read.pk).update(at=datetime(2021, 6, 2, tzinfo=UTC))
    return {
        "gone": gone,
        "soldier": soldier,
        "recent": recent,
        "living": living,
        "old_read": old_read,
        "new_read": new_read,
    }


def _run(*args):
    out = io.StringIO()
    call_command("purge_expired", "--today", TODAY, *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_counts_and_changes_nothing(world):
    events = AuditEvent.objects.count()

    output = _run("--dry-run")

    assert output.splitlines() == [
        "access_log: 1 (delete after 5 years)",
        "login_attempts: 0 (delete after 1 years)",
        "moved_away: 1 (anonymise after 5 years)",
        "kept_for_service: 1",
        "dry run: nothing changed",
    ]
    assert AccessLog.objects.count() == 2
    assert Person._base_manager.get(pk=world["gone"].pk).given_name == "Gone"
    assert AuditEvent.objects.count() == events


def test_the_purge_anonymises_and_deletes_what_expired_and_keeps_the_rest(world):
    _run()

    gone = Person._base_manager.get(pk=world["gone"].pk)
    assert (
        gone.national_id,
        gone.family_name,
        gone.given_name,
        gone.phone,
        gone.address,
        gone.birth_date,
    ) == ("", "", f"Ẩn danh {gone.pk}", "", "", date(1970, 1, 1))
    assert list(Residence.objects.filter(person=gone).values_list("address", "moved_to")) == [
        ("", "")
    ]
    assert AuditEvent.objects.filter(person_id=gone.pk).exclude(changes={}).count() == 0
    # The military-service register of a man of service age is never purged.
    assert Person._base_manager.get(pk=world["soldier"].pk).given_name == "Soldier"
    assert Person._base_manager.get(pk=world["recent"].pk).given_name == "Recent"
    assert Person._base_manager.get(pk=world["living"].pk).given_name == "Living"
    assert list(AccessLog.objects.values_list("pk", flat=True)) == [world["new_read"].pk]


def test_the_purge_is_audited(world):
    _run()

    event = AuditEvent.objects.get(verb="retention.purged")
    assert (event.actor, event.target_type, event.target_id) == (
        None,
        "core.task",
        f"purge_expired {TODAY}",
    )
    assert event.changes == {
        "access_log": 1,
        "login_attempts": 0,
        "moved_away": 1,
        "kept_for_service": 1,
    }


def test_a_second_run_finds_nothing_more(world):
    _run()

    assert "moved_away: 0" in _run("--dry-run")


def test_past_service_age_the_register_is_no_longer_kept(world):
    out = io.StringIO()
    call_command("purge_expired", "--today", "2046-03-01", "--dry-run", stdout=out)

    assert "kept_for_service: 0" in out.getvalue()
    assert "moved_away: 3" in out.getvalue()
