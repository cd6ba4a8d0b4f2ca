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

from qsdp.military_service.indicators import call_up_enlisted
from qsdp.people.models import Person
from qsdp.people.selectors import PersonFilters, person_page
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="EXPLAIN plans and the trigram index are PostgreSQL's",
)


def _register(unit, size: int = 3000) -> None:  # type: ignore[no-untyped-def]
    """A register of ``size`` distinct names: with a handful of rows the planner
    rightly prefers any index over the one the query needs, whatever exists."""
    Person.objects.bulk_create(
        Person(
            family_name="Họ", middle_name=f"Đệm {n}", given_name=f"Tên {n}",
            search_name=f"ho dem {n} ten {n}", sort_name=f"ten {n} ho dem {n}",
            birth_date=date(2000, 1, 1), sex="male", org_unit=unit,
        )
        for n in range(size)
    )  # fmt: skip


def _plans(run, table: str, *off: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The plan of each query of ``run`` that reads ``table``, with the plan
    nodes ``off`` (besides sequential scans) disabled."""
    with CaptureQueriesContext(connection) as queries:
        run()
    plans = []
    with connection.cursor() as cursor:
        # Statistics of this transaction's rows, not those autovacuum took of
        # an earlier test's thousands (which made the planner pick other indexes).
        if table == "people_person":
            cursor.execute('ANALYZE "people_person"')
        for node in ("seqscan", *off):
            cursor.execute(f"SET LOCAL enable_{node} = off")
        for query in queries.captured_queries:
            if f'FROM "{table}"' in query["sql"]:
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
    page = [plan for plan in plans if "Limit" in plan]

    assert page and any(name in page[0] for name in ("person_sort_idx", "person_unit_sort_idx")), (
        page[0]
    )
    assert "Sort" not in page[0], page[0]  # the page is read in order, not all rows sorted


@pytest.mark.django_db
def test_an_indicator_finds_its_events_and_subtree_by_index(tree):
    plans = _plans(
        lambda: call_up_enlisted(org_unit=tree.province, year=2024),
        "military_service_serviceevent",
    )

    # The enlistments of the year by an index (the partial unique one serves),
    # the subtree by the path index (LIKE 'prefix%' as a range).
    assert plans and "Seq Scan" not in plans[0], plans[0]
    assert "orgunits_orgunit_path" in plans[0], plans[0]
