"""Shared fixtures: a small Bắc Kạn tree and the named personas of DESIGN.md.

Tree: Tỉnh Bắc Kạn → Thành phố Bắc Kạn (with its military command) → Xã Dương
Quang and Phường Sông Cầu (each with a village and a commune command).
"""

import importlib
from dataclasses import dataclass
from datetime import date

import pytest
from django.utils import translation

from qsdp.accounts.models import Role
from qsdp.accounts.tests.factories import RoleAssignmentFactory, UserFactory
from qsdp.orgunits.models import OrgUnit, OrgUnitKind
from qsdp.orgunits.tests.factories import OrgUnitFactory


@dataclass
class Tree:
    province: OrgUnit
    city: OrgUnit
    city_command: OrgUnit
    duong_quang: OrgUnit
    duong_quang_command: OrgUnit
    duong_quang_village: OrgUnit
    song_cau: OrgUnit
    song_cau_command: OrgUnit


@pytest.fixture(autouse=True)
def _vietnamese(settings):
    """Every test starts in Vietnamese: a test that switches to English (the
    language switch) must not change what the next one sees."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def tree(db) -> Tree:
    opened = date(2000, 1, 1)
    province = OrgUnitFactory(
        name="Tỉnh Bắc Kạn", kind=OrgUnitKind.PROVINCE, code="06", opened_on=opened
    )
    city = OrgUnitFactory(
        name="Thành phố Bắc Kạn",
        kind=OrgUnitKind.DISTRICT,
        code="058",
        parent=province,
        opened_on=opened,
    )
    city_command = OrgUnitFactory(
        name="Ban CHQS thành phố Bắc Kạn",
        kind=OrgUnitKind.DISTRICT_COMMAND,
        code="",
        parent=province,
        serves=city,
        opened_on=opened,
    )
    duong_quang = OrgUnitFactory(
        name="Xã Dương Quang", kind=OrgUnitKind.COMMUNE, code="01849", parent=city, opened_on=opened
    )
    dq_command = OrgUnitFactory(
        name="Ban CHQS xã Dương Quang",
        kind=OrgUnitKind.COMMUNE_COMMAND,
        code="",
        parent=city_command,
        serves=duong_quang,
        opened_on=opened,
    )
    dq_village = OrgUnitFactory(
        name="Thôn Nà Pài", kind=OrgUnitKind.VILLAGE, code="", parent=duong_quang, opened_on=opened
    )
    song_cau = OrgUnitFactory(
        name="Phường Sông Cầu", kind=OrgUnitKind.WARD, code="01837", parent=city, opened_on=opened
    )
    sc_command = OrgUnitFactory(
        name="Ban CHQS phường Sông Cầu",
        kind=OrgUnitKind.COMMUNE_COMMAND,
        code="",
        parent=city_command,
        serves=song_cau,
        opened_on=opened,
    )
    return Tree(
        province, city, city_command, duong_quang, dq_command, dq_village, song_cau, sc_command
    )


def _persona(username: str, role: str, unit: OrgUnit):
    user = UserFactory(username=username)
    RoleAssignmentFactory(user=user, role=role, org_unit=unit)
    return user


@pytest.fixture
def commune_officer(tree):
    """Officer of Ban CHQS xã Dương Quang: reads and writes Dương Quang."""
    return _persona("officer_dq", Role.COMMUNE_OFFICER, tree.duong_quang_command)


@pytest.fixture
def outsider(tree):
    """Officer of Sông Cầu: sees nothing of Dương Quang."""
    return _persona("officer_sc", Role.COMMUNE_OFFICER, tree.song_cau_command)


@pytest.fixture
def command_staff(tree):
    """Staff of the city military command: reads and writes the whole city."""
    return _persona("staff_city", Role.COMMAND_STAFF, tree.city_command)


@pytest.fixture
def leader(tree):
    """Chairman of the city: reads the whole city, changes nothing."""
    return _persona("leader_city", Role.LEADER, tree.city)


@pytest.fixture
def auditor(tree):
    return _persona("auditor_city", Role.AUDITOR, tree.city)


@pytest.fixture
def admin_user(tree):
    return _persona("admin", Role.ADMIN, tree.province)


# The rows the data migrations seed (rule settings, training scales and
# categories, award forms). A transactional test (browser, backup, bench data)
# empties every table when it ends; they are put back right then, so that
# whatever runs next on that worker — a test or a module-scoped demo load —
# finds the database as migrated.
SEEDS = (
    "qsdp.core.migrations.0003_seed_rule_settings",
    "qsdp.training.migrations.0002_seed_grades_and_categories",
    "qsdp.awards.migrations.0002_seed_award_forms",
)


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):  # type: ignore[no-untyped-def]
    yield  # the test's fixtures are torn down here: a transactional test flushes
    # After the last test the session's fixtures are gone too, the test database with them.
    if nextitem is None or not _is_transactional(item):
        return
    from django.apps import apps
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    from qsdp.core.models import RuleSetting

    with item.config.stash[blocking_manager_key].unblock():
        if not RuleSetting.objects.exists():
            for module in SEEDS:
                importlib.import_module(module).seed(apps, None)
        # Closed at once: left open, this session outlived the worker's tests on
        # PostgreSQL and kept its test database from being dropped at the end.
        connection.close()
