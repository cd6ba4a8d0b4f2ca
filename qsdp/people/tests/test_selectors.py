from datetime import date

import pytest
from django.http import Http404

from qsdp.core.models import AccessLog
from qsdp.people.selectors import (
    PersonFilters,
    person_counts_by_unit,
    person_get,
    person_list,
    person_page,
    person_sensitive_read,
    person_timeline,
)
from qsdp.people.services import person_transfer_out
from qsdp.people.tests.factories import create_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    return {
        "an": create_person(
            tree.duong_quang, family_name="Nguyễn", middle_name="Văn", given_name="An"
        ),
        "binh": create_person(
            tree.duong_quang, family_name="Nguyễn", middle_name="Văn", given_name="Bình"
        ),
        "thi": create_person(
            tree.duong_quang, family_name="Trần", middle_name="Thị", given_name="Hoa", sex="female"
        ),
        "sc": create_person(
            tree.song_cau, family_name="Nguyễn", middle_name="Văn", given_name="Cường"
        ),
    }


def names(queryset):
    return [p.full_name for p in queryset]


def test_search_without_diacritics_finds_the_officers_own_people_only(people, commune_officer):
    found = person_list(user=commune_officer, filters=PersonFilters(q="nguyen van"))

    assert names(found) == ["Nguyễn Văn An", "Nguyễn Văn Bình"]


def test_command_staff_search_covers_every_commune(people, command_staff):
    found = person_list(user=command_staff, filters=PersonFilters(q="NGUYEN VAN"))

    assert names(found) == ["Nguyễn Văn An", "Nguyễn Văn Bình", "Nguyễn Văn Cường"]


def test_search_by_cccd_prefix(people, command_staff):
    found = person_list(user=command_staff, filters=PersonFilters(q=people["sc"].national_id))

    assert names(found) == ["Nguyễn Văn Cường"]


def test_filters_by_sex_and_birth_year(people, commune_officer):
    found = person_list(
        user=commune_officer,
        filters=PersonFilters(sex="female", birth_year=people["thi"].birth_date.year),
    )

    assert names(found) == ["Trần Thị Hoa"]


def test_keyset_pages_cover_everyone_once(people, command_staff):
    first = person_page(user=command_staff, filters=PersonFilters(), size=3)
    second = person_page(
        user=command_staff, filters=PersonFilters(), after=first.next_cursor, size=3
    )

    assert (first.total, len(first.items), second.next_cursor) == (4, 3, None)
    assert names(first.items) + names(second.items) == [
        "Nguyễn Văn An",
        "Nguyễn Văn Bình",
        "Nguyễn Văn Cường",
        "Trần Thị Hoa",
    ]


def test_a_broken_cursor_starts_from_the_first_page(people, command_staff):
    page = person_page(user=command_staff, filters=PersonFilters(), after="not-a-cursor", size=10)

    assert (page.is_first, len(page.items)) == (True, 4)


def test_person_of_another_commune_is_404(people, outsider):
    with pytest.raises(Http404):
        person_get(user=outsider, pk=people["an"].pk)


def test_receiving_commune_sees_an_incoming_transfer(tree, people, commune_officer, outsider):
    person_transfer_out(
        actor=commune_officer,
        person=people["an"],
        on=date(2024, 1, 2),
        moved_to="",
        moved_to_unit=tree.song_cau,
    )

    assert person_get(user=outsider, pk=people["an"].pk) == people["an"]
    assert names(person_list(user=outsider, filters=PersonFilters(status="incoming"))) == [
        "Nguyễn Văn An"
    ]


def test_reading_sensitive_fields_is_logged(people, commune_officer):
    values = person_sensitive_read(user=commune_officer, person=people["an"], purpose="Xem hồ sơ")

    assert values == {"ethnicity": "Kinh", "religion": "Không"}
    log = AccessLog.objects.get()
    assert (log.actor, log.person_id, log.fields, log.purpose) == (
        commune_officer, people["an"].pk, ["ethnicity", "religion"], "Xem hồ sơ",
    )  # fmt: skip


def test_counts_per_unit_in_scope(people, command_staff, commune_officer):
    assert [(c.unit_name, c.people) for c in person_counts_by_unit(user=command_staff)] == [
        ("Xã Dương Quang", 3), ("Phường Sông Cầu", 1),
    ]  # fmt: skip
    assert [(c.unit_name, c.people) for c in person_counts_by_unit(user=commune_officer)] == [
        ("Xã Dương Quang", 3)
    ]


def test_timeline_shows_residence_and_changes_newest_first(tree, people, commune_officer):
    person_transfer_out(
        actor=commune_officer, person=people["an"], on=date(2024, 1, 2), moved_to="Hà Nội"
    )

    titles = [entry.title for entry in person_timeline(person=people["an"])]

    assert titles[-1] == "Bắt đầu cư trú: Xã Dương Quang"
    assert "Đã chuyển đi" in titles
    assert "Kết thúc cư trú: Xã Dương Quang" in titles


def test_timeline_shows_before_and_after_but_not_sensitive_values(tree, people, commune_officer):
    from qsdp.people.services import person_update
    from qsdp.people.tests.factories import PersonDataFactory

    an = people["an"]
    person_update(
        actor=commune_officer,
        person=an,
        data=PersonDataFactory(
            family_name=an.family_name,
            middle_name=an.middle_name,
            given_name=an.given_name,
            birth_date=an.birth_date,
            national_id=an.national_id,
            sex="male",
            occupation="Công nhân",
            ethnicity="02",
        ),
    )

    (change,) = [e for e in person_timeline(person=an) if e.title == "Sửa thông tin"]

    assert change.detail == "Dân tộc: đã thay đổi; Nghề nghiệp: — → Công nhân"
    assert change.actor == str(commune_officer)


def test_timeline_names_the_verbs_of_later_apps_as_they_registered_them(tree, people, monkeypatch):
    from qsdp.core import panels
    from qsdp.core.audit import record_event

    monkeypatch.setattr(panels, "_TIMELINE_TITLES", {})
    panels.register_timeline_titles({"militia.joined": "Vào dân quân"})
    an = people["an"]
    for verb in ("militia.joined", "militia.unknown"):
        record_event(actor=None, verb=verb, target=an, person_id=an.pk)

    titles = [entry.title for entry in person_timeline(person=an)]

    assert titles[:3] == ["Ghi vào sổ đăng ký", "Vào dân quân", "militia.unknown"]
