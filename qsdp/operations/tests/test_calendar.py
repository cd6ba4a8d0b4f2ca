"""The calendar of a unit: October 2023 in Dương Quang and Sông Cầu, on the
page (each source on its days, scoped like the lists) and printed as PDF."""

from datetime import date, time

import pytest
from django.urls import reverse

from qsdp.accounts.models import User
from qsdp.military_service.tests.documents import pdf_text
from qsdp.operations import services
from qsdp.operations.selectors import month_calendar
from qsdp.operations.services import PatrolData
from qsdp.operations.tests.factories import calendar_month, duty_post, held, person, plan, shifts
from qsdp.training.tests import factories as training

pytestmark = pytest.mark.django_db

OCTOBER = {"year": "2023", "month": "10"}


@pytest.fixture
def october(tree):  # type: ignore[no-untyped-def]
    calendar_month(tree)


def _items(response):  # type: ignore[no-untyped-def]
    return [(i.on.day, i.at, i.kind, i.title, i.unit) for i in response.context["calendar"].items]


DUONG_QUANG = [
    (2, time(7), "duty", "2 người", "Xã Dương Quang"),
    (4, time(7), "duty", "1 người", "Xã Dương Quang"),
    (5, None, "training", "Điều lệnh", "Thôn Nà Pài"),
    (6, None, "political", "Tình hình thời sự", "Xã Dương Quang"),
    (10, None, "drill", "Diễn tập chiến đấu xã Dương Quang", "Xã Dương Quang"),
    (11, None, "drill", "Diễn tập chiến đấu xã Dương Quang", "Xã Dương Quang"),
    (16, None, "course", "Bồi dưỡng già làng", "Xã Dương Quang"),
    (17, None, "course", "Bồi dưỡng già làng", "Xã Dương Quang"),
    (18, None, "course", "Bồi dưỡng già làng", "Xã Dương Quang"),
    (20, None, "patrol", "Chợ Dương Quang", "Xã Dương Quang"),
    (25, None, "drill_plan", "Diễn tập phòng thủ dân sự", "Xã Dương Quang"),
]
SONG_CAU = [
    (2, time(7), "duty", "1 người", "Phường Sông Cầu"),
    (5, None, "training", "Bắn súng Sông Cầu", "Phường Sông Cầu"),
    (10, None, "drill", "Diễn tập Sông Cầu", "Phường Sông Cầu"),
    (20, None, "patrol", "Bến xe Sông Cầu", "Phường Sông Cầu"),
]


def test_the_officer_sees_every_source_on_its_days_and_nothing_of_song_cau(
    client, october, commune_officer
):
    client.force_login(commune_officer)

    response = client.get(reverse("operations:calendar"), OCTOBER)

    assert response.status_code == 200
    assert _items(response) == DUONG_QUANG
    page = response.content.decode()
    assert ("Trực SSCĐ:</strong> 2 người" in page, "Sông Cầu" in page) == (True, False)


def test_the_grid_holds_the_weeks_of_the_month_monday_first(client, october, commune_officer):
    client.force_login(commune_officer)

    calendar = client.get(reverse("operations:calendar"), OCTOBER).context["calendar"]

    assert [len(week) for week in calendar.weeks] == [7] * 6
    assert (calendar.weeks[0][0].on, calendar.weeks[-1][-1].on) == (
        date(2023, 9, 25),
        date(2023, 11, 5),
    )
    assert [d.on.day for d in calendar.days if d.items] == [2, 4, 5, 6, 10, 11, 16, 17, 18, 20, 25]
    assert calendar.weeks[0][0].items == ()  # September's days stay empty


def test_each_item_links_to_its_record(client, october, commune_officer):
    client.force_login(commune_officer)

    items = client.get(reverse("operations:calendar"), OCTOBER).context["calendar"].items

    urls = {i.kind: i.url.split("?")[0] for i in items}
    assert [urls[k].rstrip("/").split("/")[-2] for k in ("training", "course", "drill")] == [
        "sessions",
        "courses",
        "drills",
    ]
    assert urls["duty"] == reverse("operations:duty-post-list")
    assert urls["patrol"] == reverse("operations:patrol-list")
    for url in {i.url for i in items}:
        assert client.get(url).status_code == 200, url


def test_anonymous_is_sent_to_login(client, october):
    for name in ("operations:calendar", "operations:calendar-pdf"):
        response = client.get(reverse(name), OCTOBER)

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_the_outsider_sees_only_his_own_ward(client, october, outsider):
    client.force_login(outsider)

    response = client.get(reverse("operations:calendar"), OCTOBER)

    assert response.status_code == 200
    assert _items(response) == SONG_CAU
    assert "Dương Quang" not in response.content.decode()


def test_the_outsider_cannot_pick_duong_quang(client, october, outsider, tree):
    client.force_login(outsider)

    response = client.get(
        reverse("operations:calendar"), {**OCTOBER, "org_unit": tree.duong_quang.pk}
    )

    assert response.status_code == 200
    assert "Dương Quang" not in response.content.decode()
    assert "org_unit" in response.context["form"].errors


def test_the_leader_reads_the_whole_city_and_one_unit_at_a_time(client, october, leader, tree):
    client.force_login(leader)

    city = client.get(reverse("operations:calendar"), OCTOBER)
    ward = client.get(reverse("operations:calendar"), {**OCTOBER, "org_unit": tree.song_cau.pk})
    pdf = client.get(reverse("operations:calendar-pdf"), OCTOBER)

    assert (city.status_code, ward.status_code, pdf.status_code) == (200, 200, 200)
    assert sorted(_items(city), key=str) == sorted(DUONG_QUANG + SONG_CAU, key=str)
    assert _items(ward) == SONG_CAU
    assert city.context["calendar"].unit_name == "Thành phố Bắc Kạn"


def test_previous_and_next_keep_the_unit(client, october, leader, tree):
    client.force_login(leader)

    response = client.get(
        reverse("operations:calendar"), {"year": "2024", "month": "1", "org_unit": tree.city.pk}
    )

    context = response.context
    assert (context["previous_query"], context["next_query"]) == (
        f"year=2023&month=12&org_unit={tree.city.pk}",
        f"year=2024&month=2&org_unit={tree.city.pk}",
    )


def test_a_month_change_by_htmx_gets_the_month_only(client, october, commune_officer):
    client.force_login(commune_officer)

    response = client.get(
        reverse("operations:calendar"), {"year": "2023", "month": "11"}, HTTP_HX_REQUEST="true"
    )

    page = response.content.decode()
    assert response.templates[0].name == "operations/partials/calendar_month.html"
    assert "<html" not in page
    assert 'id="calendar-status" hx-swap-oob="innerHTML">Tháng 11/2023: 0 mục' in page
    assert _items(response) == []


def test_the_month_prints_as_a_landscape_table(client, october, commune_officer):
    client.force_login(commune_officer)

    response = client.get(reverse("operations:calendar-pdf"), OCTOBER)

    text = " ".join(pdf_text(response.content).split())
    assert response["Content-Type"] == "application/pdf"
    assert [
        phrase in text
        for phrase in (
            "ỦY BAN NHÂN DÂN XÃ DƯƠNG QUANG", "LỊCH CÔNG TÁC", "tuần tra tháng 10/2023",
            "1 Thứ 2, 02/10/2023 07:00 Trực SSCĐ 2 người Xã Dương Quang",
            "3 Thứ 5, 05/10/2023 Huấn luyện Điều lệnh Thôn Nà Pài",
            "4 Thứ 6, 06/10/2023 Giáo dục chính trị Tình hình thời sự",
            "6 Thứ 4, 11/10/2023 Diễn tập Diễn tập chiến đấu xã Dương Quang",
            "9 Thứ 4, 18/10/2023 Giáo dục QP&AN Bồi dưỡng già làng",
            "10 Thứ 6, 20/10/2023 Tuần tra Chợ Dương Quang",
            "11 Thứ 4, 25/10/2023 Diễn tập (dự kiến) Diễn tập phòng thủ dân sự",
            "Trong tháng có 11 nội dung theo lịch.",
        )
    ] == [True] * 11  # fmt: skip
    assert "Sông Cầu" not in text


def _more_of_everything(tree):  # type: ignore[no-untyped-def]
    """A second helping of each source in Dương Quang's October."""
    dq = tree.duong_quang
    dq_plan = training.plan(tree.duong_quang_command, audience="reservists", title="Dự bị 2023")
    for day in (12, 13, 14):
        training.session(dq_plan, dq, on=date(2023, 10, day), topic=f"Bài {day}")
    training.course(dq, code="village_elder", starts=date(2023, 10, 23), ends=date(2023, 10, 27))
    held(plan(dq, kind="disaster_response", title="PCTT-TKCN"), start=date(2023, 10, 28))
    post = duty_post(dq, name="Chốt Nà Pài")
    for day, name in ((6, "Chiến"), (9, "Thắng"), (12, "Lợi")):
        shifts(post, date(2023, 10, day), person(dq, given_name=name))
    for day in (21, 22):
        services.patrol_record(
            actor=None, org_unit=dq, data=PatrolData(date(2023, 10, day), f"Thôn {day}", 2, 1)
        )


def test_the_calendar_takes_the_same_queries_however_full_the_month(
    client, october, tree, commune_officer, django_assert_num_queries,
    django_assert_max_num_queries,
):  # fmt: skip
    # The user's scope, then one query per source.
    with django_assert_num_queries(7):
        first = month_calendar(user=commune_officer, year=2023, month=10)
    client.force_login(commune_officer)
    with django_assert_max_num_queries(16):
        client.get(reverse("operations:calendar"), OCTOBER)

    _more_of_everything(tree)
    officer = User.objects.get(pk=commune_officer.pk)  # the scope is cached on the user

    with django_assert_num_queries(7):
        fuller = month_calendar(user=officer, year=2023, month=10)
    with django_assert_max_num_queries(16):
        client.get(reverse("operations:calendar"), OCTOBER)
    assert (len(first.items), len(fuller.items)) == (11, 26)
