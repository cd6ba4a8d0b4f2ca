"""The queries ``make bench`` measures can be served by an index on PostgreSQL.

The test database is small, so PostgreSQL would rightly scan the tables; with
sequential scans disabled for the transaction, the plan shows whether an
index exists that serves the query (and which one). SQLite has no trigram
index and a different planner: the test is skipped there.
"""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from qsdp.imports import matching
from qsdp.military_service.indicators import call_up_enlisted, first_registration_registered_pct
from qsdp.military_service.models import ServiceEvent
from qsdp.orgunits.models import OrgUnit
from qsdp.people.models import Person, Residence
from qsdp.people.selectors import PersonFilters, person_page
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="EXPLAIN plans and the trigram index are PostgreSQL's",
)


def _register(unit, size: int = 3000) -> None:  # type: ignore[no-untyped-def]
    """A register of ``size`` distinct names and CCCDs: with a handful of rows
    the planner rightly prefers any index over the one the query needs."""
    Person.objects.bulk_create(
        Person(
            family_name="Họ", middle_name=f"Đệm {n}", given_name=f"Tên {n}",
            search_name=f"ho dem {n} ten {n}", sort_name=f"ten {n} ho dem {n}",
            birth_date=date(2000, 1, 1), sex="male", org_unit=unit,
            national_id=f"001200{n:06d}",
        )
        for n in range(size)
    )  # fmt: skip


def _plans(run, table: str, *off: str, joined: bool = False) -> list[str]:  # type: ignore[no-untyped-def]
    """The plan of each query of ``run`` that reads ``table`` (or joins it),
    with the plan nodes ``off`` (besides sequential scans) disabled."""
    with CaptureQueriesContext(connection) as queries:
        run()
    plans = []
    with connection.cursor() as cursor:
        # Statistics of this transaction's rows, not those autovacuum took of
        # an earlier test's thousands (which made the planner pick other indexes):
        # the table's and the units' (every query reaches its subtree through them).
        cursor.execute(f'ANALYZE "{table}", "orgunits_orgunit"')
        for node in ("seqscan", *off):
            cursor.execute(f"SET LOCAL enable_{node} = off")
        for query in queries.captured_queries:
            if f'{"JOIN" if joined else "FROM"} "{table}"' in query["sql"]:
                cursor.execute(f"EXPLAIN {query['sql']}")
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return plans


@pytest.mark.django_db
def test_the_name_search_uses_the_trigram_index(tree, command_staff):
    _register(tree.duong_quang)
    create_person(tree.duong_quang, family_name="Nguyễn", middle_name="Văn", given_name="Đạt")

    plans = _plans(
        lambda: person_page(user=command_staff, filters=PersonFilters(q="nguyen van"), size=50),
        "people_person",
        "indexscan",  # only bitmap scans, which need an index matching a condition
    )

    assert plans and all("person_search_name_trgm" in plan for plan in plans), plans


@pytest.mark.django_db
def test_the_register_list_reads_a_page_in_index_order(tree, command_staff):
    _register(tree.duong_quang)

    plans = _plans(
        lambda: person_page(user=command_staff, filters=PersonFilters(), size=50),
        "people_person",
        "sort",  # in index order if an index gives it
    )
    # The page's own query; the count (an Aggregate over a LIMIT, capped) reads no order.
    page = [plan for plan in plans if "Limit" in plan and not plan.startswith("Aggregate")]

    assert page and any(name in page[0] for name in ("person_sort_idx", "person_unit_sort_idx")), (
        page[0]
    )
    assert "Sort" not in page[0], page[0]  # the page is read in order, not all rows sorted


@pytest.mark.django_db
def test_an_indicator_finds_its_events_and_subtree_by_index(tree):
    # A country of 3,000 communes outside the province, each with an enlistment
    # of the year: the province's few units are found by their path, and its
    # events from them.
    outside = OrgUnit.objects.bulk_create(
        OrgUnit(
            code=f"X{n}", name=f"Xã {n}", kind="commune", path=f"/9{n:04d}/",
            opened_on=date(2000, 1, 1),
        )
        for n in range(3000)
    )  # fmt: skip
    _register(tree.duong_quang)
    ServiceEvent.objects.bulk_create(
        ServiceEvent(
            person=person,
            kind="enlistment",
            call_up_year=2024,
            occurred_on=date(2024, 2, 20),
            org_unit=unit,
        )
        for person, unit in zip(Person.objects.all(), outside, strict=False)
    )

    plans = _plans(
        lambda: call_up_enlisted(org_unit=tree.province, year=2024),
        "military_service_serviceevent",
    )

    # The subtree by the path index (LIKE 'prefix%' as a range), its events
    # by the recording unit's index.
    assert plans and "Seq Scan" not in plans[0], plans[0]
    assert "orgunits_orgunit_path" in plans[0], plans[0]


@pytest.fixture
def residents(tree):  # type: ignore[no-untyped-def]
    """3,000 residents of a commune born 1950–2009, half of them men."""
    Person.objects.bulk_create(
        Person(
            family_name="Họ", given_name=f"Tên {n}", search_name=f"ho ten {n}",
            sort_name=f"ten {n} ho", birth_date=date(1950 + n % 60, 1 + n % 12, 1),
            sex="male" if n % 2 else "female", org_unit=tree.duong_quang,
        )
        for n in range(3000)
    )  # fmt: skip
    Residence.objects.bulk_create(
        Residence(person=person, org_unit=tree.duong_quang, started_on=date(2010, 1, 1))
        for person in Person.objects.all()
    )
    with connection.cursor() as cursor:
        cursor.execute('ANALYZE "people_person"')
        cursor.execute('ANALYZE "people_residence"')


@pytest.mark.django_db
def test_the_registration_cohort_is_found_by_the_index_of_men_by_birth_date(tree, residents):
    plans = _plans(
        lambda: first_registration_registered_pct(org_unit=tree.city, year=2017),
        "people_person",
    )

    assert plans and "person_male_birth_idx" in plans[0], plans[0]


@pytest.mark.django_db
def test_an_imports_keys_find_the_register_through_its_indexes(tree):
    _register(tree.duong_quang)

    plans = _plans(
        lambda: (
            matching.by_national_id(f"001200{n:06d}" for n in range(0, 3000, 30)),
            matching.by_name_and_birth(
                (f"ho dem {n} ten {n}", date(2000, 1, 1)) for n in range(100)
            ),
        ),
        "people_person",
        joined=True,
    )

    # The CCCD by the partial unique index (its condition written as there),
    # the name and date of birth by theirs: no file's keys read the register whole.
    assert len(plans) == 2, plans
    assert "person_national_id_unique" in plans[0], plans[0]
    assert "person_name_birth_idx" in plans[1], plans[1]
