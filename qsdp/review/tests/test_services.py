"""Writes of the review: create, paragraph edits tied to the data, signing, news."""

from datetime import date

import pytest

from qsdp.core.errors import DomainError
from qsdp.core.models import AuditEvent
from qsdp.operations.tests.factories import held, plan
from qsdp.review import services
from qsdp.review.models import ReviewDocument, ReviewStatus
from qsdp.review.news import news_article, personal_data_in
from qsdp.review.selectors import review_context


def texts(review):
    return {p.key: p.text for p in review_context(review).paragraphs()}


def test_a_review_is_created_once_per_unit_and_year(world, command_staff):
    review = services.review_create(actor=command_staff, org_unit=world.city, year=2023)

    with pytest.raises(DomainError) as refused:
        services.review_create(actor=command_staff, org_unit=world.city, year=2023)

    assert refused.value.message == "Thành phố Bắc Kạn đã có báo cáo tổng kết năm 2023."
    assert review.status == ReviewStatus.DRAFT
    assert review.number == "/BC-UBND"
    assert AuditEvent.objects.filter(verb="review.create", target_id=str(review.pk)).count() == 1


def test_an_edited_paragraph_keeps_its_numbers_tied_to_the_data(city_review, command_staff, world):
    services.review_paragraph_edit(
        actor=command_staff, review=city_review, key="drills",
        text="Năm {year} có {drills.held:02} cuộc diễn tập ({drills.units}).",
    )  # fmt: skip
    assert texts(city_review)["drills"] == "Năm 2023 có 01 cuộc diễn tập (Sông Cầu)."

    held(plan(world.song_cau, year=2023, title="Diễn tập KVPT"), start=date(2023, 9, 20))

    assert texts(city_review)["drills"] == "Năm 2023 có 02 cuộc diễn tập (Sông Cầu)."
    event = AuditEvent.objects.get(verb="review.paragraph_edit")
    assert event.changes == {
        "drills": ["", "Năm {year} có {drills.held:02} cuộc diễn tập ({drills.units})."]
    }


def test_an_unknown_placeholder_is_refused_naming_the_paragraph(city_review, command_staff):
    with pytest.raises(DomainError) as refused:
        services.review_paragraph_edit(
            actor=command_staff, review=city_review, key="call_up", text="Đạt {call_up.pct}%."
        )

    assert refused.value.message == (
        "Đoạn “4. Công tác tuyển quân và tiếp nhận quân nhân xuất ngũ” có số liệu không tồn tại: "
        "call_up.pct."
    )
    assert ReviewDocument.objects.get(pk=city_review.pk).paragraphs == {}


def test_an_empty_text_brings_back_the_paragraph_written_from_the_figures(
    city_review, command_staff
):
    services.review_paragraph_edit(actor=command_staff, review=city_review, key="awards", text="X.")
    services.review_paragraph_edit(actor=command_staff, review=city_review, key="awards", text=" ")

    assert ReviewDocument.objects.get(pk=city_review.pk).paragraphs == {}
    assert texts(city_review)["awards"] == (
        "Trong năm 2023 chưa có tập thể, cá nhân được khen thưởng về thực hiện nhiệm vụ QPQS "
        "địa phương."
    )


def test_signing_freezes_the_figures_and_the_approval_state(city_review, command_staff, world):
    services.review_sign(actor=command_staff, review=city_review)
    signed = ReviewDocument.objects.get(pk=city_review.pk)
    before = texts(signed)

    held(plan(world.song_cau, year=2023, title="Diễn tập KVPT"), start=date(2023, 9, 20))

    assert texts(ReviewDocument.objects.get(pk=city_review.pk)) == before
    assert signed.status == ReviewStatus.SIGNED
    assert signed.snapshot["values"]["drills.held"] == 1
    assert [a["status"] for a in signed.snapshot["facts"]["approvals"]] == ["", "", "approved"]
    assert set(signed.paragraphs) >= {"call_up", "drills", "awards"}
    assert review_context(signed).approval_lines[2].startswith("Xã Dương Quang: đã phê duyệt")
    with pytest.raises(DomainError) as refused:
        services.review_paragraph_edit(actor=command_staff, review=signed, key="drills", text="X")
    assert refused.value.message == "Báo cáo đã ký; không thể sửa báo cáo đã ký."


def test_the_news_summary_has_no_personal_data(city_review, world):
    review = ReviewDocument.objects.get(pk=city_review.pk)
    review.issued_on = date(2023, 11, 22)
    article = news_article(review_context(review), held_on=review.issued_on)
    text = f"{article.headline}\n{article.text}"

    assert (
        article.headline
        == "Thành phố Bắc Kạn tổng kết công tác quốc phòng, quân sự địa phương năm 2023"
    )
    assert article.paragraphs[0] == (
        "Ngày 22/11, UBND thành phố Bắc Kạn tổ chức hội nghị tổng kết công tác quốc phòng, "
        "quân sự địa phương năm 2023, triển khai nhiệm vụ năm 2024."
    )
    assert (
        "Chỉ đạo xã Dương Quang diễn tập chiến đấu trong khu vực phòng thủ"
        in article.paragraphs[-1]
    )
    assert personal_data_in(text, review=review) == []
    assert "Hoàng Văn An" not in text
    assert "006095001234" not in text
    assert "10/05/1995" not in text


def test_the_press_officer_may_not_put_personal_data_in_the_news(city_review, command_staff):
    with pytest.raises(DomainError) as refused:
        services.review_news_edit(
            actor=command_staff, review=city_review, headline="Tin",
            text="Đồng chí Hoàng Văn An (CCCD 006095001234, sinh 10/05/1995) được khen thưởng.",
        )  # fmt: skip

    assert refused.value.message == (
        "Bản tin không được nêu tên người hoặc dữ liệu cá nhân: 006095001234, Hoàng Văn An, "
        "10/05/1995."
    )
    review = services.review_news_edit(
        actor=command_staff, review=city_review, headline="Tin", text="Đoạn một.\n\nĐoạn hai."
    )
    assert (review.news_headline, review.news_text) == ("Tin", "Đoạn một.\n\nĐoạn hai.")
