"""The persona matrix on every review page: anonymous, out of scope, read-only,
allowed. Denied requests change nothing; allowed ones change exactly what they say."""

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from qsdp.core.models import AuditEvent
from qsdp.review.models import ReviewDocument, ReviewStatus

pytestmark = pytest.mark.django_db

READS = [
    ("review:review-detail", {}),
    ("review:review-edit", {}),
    ("review:paragraph-edit", {"key": "call_up"}),
    ("review:review-docx", {}),
    ("review:review-pdf", {}),
    ("review:news-edit", {}),
    ("review:news-txt", {}),
    ("review:news-docx", {}),
]
WRITES = {
    "review:review-edit": {
        "number": "12/BC-UBND",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Lý Văn Sơn",
    },
    "review:paragraph-edit": {"text": "Đạt {call_up.fulfilment_pct}."},
    "review:review-sign": {},
    "review:news-edit": {"headline": "Tin", "text": "Đoạn."},
}


def url(name, review, **kwargs):
    return reverse(name, kwargs={"pk": review.pk, **kwargs})


def state(review):
    return ReviewDocument.objects.filter(pk=review.pk).values().get()


@pytest.mark.parametrize(("name", "kwargs"), [*READS, ("review:review-sign", {})])
def test_anonymous_is_sent_to_log_in(client, dq_review, name, kwargs):
    response = client.get(url(name, dq_review, **kwargs))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "kwargs"), READS)
def test_an_officer_of_another_commune_finds_nothing(client, outsider, dq_review, name, kwargs):
    client.force_login(outsider)

    assert client.get(url(name, dq_review, **kwargs)).status_code == 404


def test_the_list_shows_only_the_reviews_in_the_users_area(
    client, outsider, commune_officer, dq_review, city_review
):
    client.force_login(commune_officer)
    mine = client.get(reverse("review:review-list")).content.decode()
    client.force_login(outsider)
    theirs = client.get(reverse("review:review-list")).content.decode()

    assert "Xã Dương Quang" in mine and "Thành phố Bắc Kạn" not in mine
    assert "Chưa có báo cáo nào." in theirs


@pytest.mark.parametrize("name", sorted(WRITES))
def test_an_officer_of_another_commune_changes_nothing(client, outsider, dq_review, name):
    kwargs = {"key": "call_up"} if name == "review:paragraph-edit" else {}
    before = state(dq_review)
    client.force_login(outsider)

    assert client.post(url(name, dq_review, **kwargs), WRITES[name]).status_code == 404
    assert state(dq_review) == before


@pytest.mark.parametrize("name", sorted(WRITES))
def test_the_leader_reads_but_changes_nothing(client, leader, dq_review, name):
    kwargs = {"key": "call_up"} if name == "review:paragraph-edit" else {}
    before = state(dq_review)
    client.force_login(leader)

    assert client.get(url("review:review-detail", dq_review)).status_code == 200
    assert client.post(url(name, dq_review, **kwargs), WRITES[name]).status_code == 403
    assert state(dq_review) == before


def test_the_leader_may_not_create_a_review(client, leader, world):
    client.force_login(leader)

    response = client.post(
        reverse("review:review-create"),
        {
            "org_unit": world.city.pk,
            "year": "2023",
            "number": "/BC-UBND",
            "signer_title": "CHỦ TỊCH",
        },
    )

    assert response.status_code == 403
    assert not ReviewDocument.objects.exists()


def test_the_officer_creates_the_review_of_the_commune(client, commune_officer, world):
    client.force_login(commune_officer)

    response = client.post(
        reverse("review:review-create"),
        {
            "org_unit": world.duong_quang.pk,
            "year": "2023",
            "number": "/BC-UBND",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Lý Văn Sơn",
        },
    )

    review = ReviewDocument.objects.get()
    assert response["Location"] == url("review:review-detail", review)
    assert (review.org_unit, review.year, review.signer_name, review.status) == (
        world.duong_quang,
        2023,
        "Lý Văn Sơn",
        ReviewStatus.DRAFT,
    )


def test_the_officer_edits_a_paragraph_in_place(client, commune_officer, dq_review):
    client.force_login(commune_officer)
    target = url("review:paragraph-edit", dq_review, key="drills")

    form = client.get(target, headers={"HX-Request": "true"})
    saved = client.post(
        target, {"text": "Có {drills.held:02} cuộc diễn tập."}, headers={"HX-Request": "true"}
    )

    assert f'hx-post="{target}"' in form.content.decode()
    assert "<p>Có 00 cuộc diễn tập.</p>" in saved.content.decode()
    assert state(dq_review)["paragraphs"] == {"drills": "Có {drills.held:02} cuộc diễn tập."}


def test_an_unknown_placeholder_is_shown_on_the_form(client, commune_officer, dq_review):
    client.force_login(commune_officer)

    response = client.post(
        url("review:paragraph-edit", dq_review, key="call_up"), {"text": "{nothing}"}
    )

    assert response.status_code == 200
    assert "có số liệu không tồn tại: nothing." in response.content.decode()
    assert state(dq_review)["paragraphs"] == {}


def test_the_officer_signs_and_the_review_keeps_its_figures(client, commune_officer, dq_review):
    client.force_login(commune_officer)

    response = client.post(url("review:review-sign", dq_review))

    review = ReviewDocument.objects.get(pk=dq_review.pk)
    assert response["Location"] == url("review:review-detail", review)
    assert review.status == ReviewStatus.SIGNED
    assert review.snapshot["facts"]["approvals"][0]["status"] == "approved"
    assert AuditEvent.objects.filter(verb="review.sign", target_id=str(review.pk)).count() == 1
    page = client.get(url("review:review-detail", review)).content.decode()
    assert "Ký báo cáo" not in page
    assert "Xã Dương Quang: đã phê duyệt ngày 20/11/2023" in page


def test_the_officer_edits_the_settings_and_the_news(client, commune_officer, dq_review):
    client.force_login(commune_officer)

    client.post(url("review:review-edit", dq_review), WRITES["review:review-edit"])
    client.post(url("review:news-edit", dq_review), {"headline": "Tin", "text": "Một.\n\nHai."})

    after = state(dq_review)
    assert (after["number"], after["signer_name"]) == ("12/BC-UBND", "Lý Văn Sơn")
    assert (after["news_headline"], after["news_text"]) == ("Tin", "Một.\n\nHai.")
    text = client.get(url("review:news-txt", dq_review)).content.decode()
    assert text == "Tin\n\nMột.\n\nHai.\n"


def test_the_downloads_are_the_review_and_the_news(client, command_staff, dq_review):
    client.force_login(command_staff)

    docx = client.get(url("review:review-docx", dq_review))
    pdf = client.get(url("review:review-pdf", dq_review))
    news = client.get(url("review:news-docx", dq_review))

    assert docx["Content-Type"].endswith("wordprocessingml.document")
    assert "BÁO CÁO" in [p.text for p in Document(BytesIO(docx.content)).paragraphs]
    assert pdf.content.startswith(b"%PDF-")
    assert Document(BytesIO(news.content)).paragraphs[0].text == (
        "Xã Dương Quang tổng kết công tác quốc phòng, quân sự địa phương năm 2023"
    )


def test_the_command_filters_the_list_by_unit_and_year(
    client, command_staff, dq_review, city_review, world
):
    client.force_login(command_staff)

    by_unit = client.get(
        reverse("review:review-list"), {"org_unit": world.city.pk}
    ).content.decode()
    by_year = client.get(reverse("review:review-list"), {"year": "2024"}).content.decode()

    assert f'href="{url("review:review-detail", city_review)}"' in by_unit
    assert f'href="{url("review:review-detail", dq_review)}"' not in by_unit
    assert "Chưa có báo cáo nào." in by_year


@pytest.fixture
def gatherings(monkeypatch):
    """The calls of ``gather_facts`` (every indicator of the unit and of each child)."""
    from qsdp.review import facts, selectors, services

    calls = []

    def counted(**kwargs):
        calls.append(kwargs)
        return facts.gather_facts(**kwargs)

    monkeypatch.setattr(selectors, "gather_facts", counted)
    monkeypatch.setattr(services, "gather_facts", counted)
    return calls


def test_saving_a_paragraph_gathers_the_figures_once(
    client, commune_officer, dq_review, gatherings
):
    client.force_login(commune_officer)

    saved = client.post(
        url("review:paragraph-edit", dq_review, key="drills"),
        {"text": "Có {drills.held:02} cuộc diễn tập."},
        headers={"HX-Request": "true"},
    )

    assert "<p>Có 00 cuộc diễn tập.</p>" in saved.content.decode()
    assert len(gatherings) == 1


def test_a_kept_news_summary_is_shown_without_gathering_the_figures(
    client, commune_officer, dq_review, gatherings
):
    client.force_login(commune_officer)
    client.post(url("review:news-edit", dq_review), {"headline": "Tin", "text": "Một.\n\nHai."})
    gatherings.clear()

    page = client.get(url("review:news-edit", dq_review)).content.decode()
    text = client.get(url("review:news-txt", dq_review)).content.decode()

    assert "<p>Hai.</p>" in page and text == "Tin\n\nMột.\n\nHai.\n"
    assert gatherings == []
