"""The review's sentences, written from a built set of figures (no database)."""

from dataclasses import replace

from qsdp.review.facts import Figure
from qsdp.review.generator import build_review
from qsdp.review.placeholders import fill, number_text, unknown_placeholders
from qsdp.review.tests.samples import city_facts


def texts(facts):
    return {p.key: p.text for p in build_review(facts).paragraphs()}


def with_figures(**figures):
    facts = city_facts()
    return replace(facts, indicators={**facts.indicators, **figures})


def test_the_city_review_says_what_the_seed_article_says():
    paragraphs = texts(city_facts())

    assert paragraphs["call_up"] == (
        "Công tác tuyển quân bảo đảm chặt chẽ, đúng luật, hoàn thành 100% chỉ tiêu tuyển chọn, "
        "gọi công dân nhập ngũ (45/45)."
    )
    assert paragraphs["returnees"] == (
        "Tổ chức tiếp nhận, đăng ký cho 100% quân nhân hoàn thành NVQS trở về địa phương "
        "đúng quy định (30/30)."
    )
    assert paragraphs["drills"] == (
        "Chỉ đạo tổ chức diễn tập phòng chống thiên tai – tìm kiếm cứu nạn, diễn tập chiến đấu "
        "trong khu vực phòng thủ cho 02 phường (Sông Cầu, Đức Xuân) chặt chẽ, vận hành đúng cơ "
        "chế, hoàn thành tốt nhiệm vụ (xếp loại Xuất sắc), an toàn tuyệt đối."
    )
    assert paragraphs["awards"] == (
        "Phát động và thực hiện tốt các phong trào thi đua; UBND thành phố Bắc Kạn khen thưởng "
        "cho 4 tập thể, 9 cá nhân có thành tích xuất sắc trong thực hiện nhiệm vụ QPQS địa "
        "phương năm 2023."
    )
    assert paragraphs["plan_drills"] == (
        "Chỉ đạo xã Dương Quang diễn tập chiến đấu trong khu vực phòng thủ hoàn thành tốt "
        "nhiệm vụ trở lên."
    )
    assert paragraphs["direction"].endswith(
        "phấn đấu: chỉ đạo công tác tuyển quân đạt 100% chỉ tiêu."
    )
    assert paragraphs["situation"].startswith(
        "Năm 2023, thành phố Bắc Kạn có 03 đơn vị hành chính cấp xã (02 phường, 01 xã)"
    )
    assert paragraphs["readiness"].endswith("không để xảy ra điểm nóng.")


def test_a_call_up_short_of_its_quota_is_said_so():
    paragraphs = texts(
        with_figures(
            **{
                "call_up.fulfilment_pct": Figure(93.3, 42, 45),
                "call_up.enlisted": Figure(42, 42, 1),
            }
        )
    )

    assert paragraphs["call_up"] == (
        "Công tác tuyển quân đạt 93,3% chỉ tiêu tuyển chọn, gọi công dân nhập ngũ (42/45), "
        "chưa hoàn thành chỉ tiêu được giao (còn thiếu 03 công dân)."
    )
    assert "tuyển chọn, gọi công dân nhập ngũ mới đạt 93,3%" in paragraphs["shortcomings"]


def test_a_returnee_not_registered_on_time_is_said_so():
    paragraphs = texts(with_figures(**{"returnees.registered_on_time_pct": Figure(96.7, 29, 30)}))

    assert paragraphs["returnees"] == (
        "Tổ chức tiếp nhận 30 quân nhân hoàn thành NVQS trở về địa phương; đăng ký đúng quy định "
        "cho 96,7% (29/30), còn 01 quân nhân chưa được đăng ký đúng thời hạn."
    )


def test_missing_figures_are_said_to_be_missing():
    facts = city_facts()
    indicators = {k: v for k, v in facts.indicators.items() if not k.startswith("awards.")}
    paragraphs = texts(
        replace(
            facts,
            indicators={**indicators, "call_up.fulfilment_pct": Figure(None, 0, 0)},
            drills=[],
            plan_drills=[],
            plan_targets={},
        )
    )

    assert paragraphs["awards"] == "Chưa có số liệu thi đua, khen thưởng năm 2023 trong hệ thống."
    assert paragraphs["call_up"] == (
        "Năm 2023, thành phố Bắc Kạn không được giao chỉ tiêu gọi công dân nhập ngũ."
    )
    assert paragraphs["drills"] == "Năm 2023, thành phố Bắc Kạn không tổ chức diễn tập."
    assert paragraphs["plan_drills"] == "Năm 2024 chưa có kế hoạch diễn tập trong hệ thống."
    assert paragraphs["direction"].endswith("chưa có chỉ tiêu kế hoạch năm 2024 trong hệ thống.")


def test_strengths_and_shortcomings_are_weighed_against_the_years_targets():
    paragraphs = texts(
        replace(city_facts(), targets={"reserves.arranged_pct": 98.0, "patrols.count": 200})
    )

    assert (
        "sắp xếp quân nhân dự bị vào đơn vị mới đạt 95,5% (chỉ tiêu 98%)"
        in paragraphs["shortcomings"]
    )
    assert "lượt tuần tra đạt 240 (chỉ tiêu 200)" in paragraphs["strengths"]
    assert "chưa có chỉ tiêu được giao" not in paragraphs["strengths"]


def test_an_edited_paragraph_keeps_its_figures_tied_to_the_data():
    facts = city_facts()
    edited = (
        "Tuyển quân: {call_up.fulfilment_pct}% ({call_up.enlisted}/{call_up.quota}); "
        "{drills.units_count:02} đơn vị diễn tập."
    )
    from qsdp.review.generator import ReviewSettings

    context = build_review(facts, ReviewSettings(paragraphs={"call_up": edited}))
    later = build_review(
        with_figures(
            **{
                "call_up.fulfilment_pct": Figure(97.8, 44, 45),
                "call_up.enlisted": Figure(44, 44, 1),
            }
        ),
        ReviewSettings(paragraphs={"call_up": edited}),
    )

    by_key = {p.key: p for p in context.paragraphs()}
    assert by_key["call_up"].text == "Tuyển quân: 100% (45/45); 02 đơn vị diễn tập."
    assert by_key["call_up"].edited is True
    assert {p.key: p.text for p in later.paragraphs()}[
        "call_up"
    ] == "Tuyển quân: 97,8% (44/45); 02 đơn vị diễn tập."


def test_placeholders():
    values = {"a.b": 2, "c": 97.5, "d": None}

    assert fill("{a.b:02} {c}% {d} {x}", values) == "02 97,5% (chưa có số liệu) {x}"
    assert unknown_placeholders("{a.b} {x.y} {c", values) == ["x.y", "{c"]
    assert number_text(100.0) == "100"


def test_the_header_is_that_of_the_peoples_committee():
    from datetime import date

    from qsdp.review.generator import ReviewSettings

    context = build_review(
        city_facts(), ReviewSettings(number="215/BC-UBND", issued_on=date(2023, 11, 22))
    )

    assert context.header.issuing_body == "UỶ BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN"
    assert context.header.place == "Bắc Kạn"
    assert context.header.summary == (
        "Tổng kết công tác quốc phòng, quân sự địa phương năm 2023;\n"
        "phương hướng, nhiệm vụ năm 2024"
    )
    assert context.signer.acting_for == "TM. UỶ BAN NHÂN DÂN"
    assert context.recipients == [
        "UBND tỉnh Bắc Kạn;",
        "Ban CHQS thành phố Bắc Kạn;",
        "Các xã, phường;",
        "Lưu: VT.",
    ]
    assert context.approval_lines == [
        "Thành phố Bắc Kạn: đã gửi ngày 15/11/2023, chưa phê duyệt.",
        "Phường Đức Xuân: đã phê duyệt ngày 12/11/2023; số liệu đã khoá "
        "(phê duyệt số liệu năm 2023, 12/11/2023).",
        "Số liệu tính đến 20/11/2023.",
    ]
    assert context.annex_tables[0].rows[0] == (
        "Thành phố Bắc Kạn",
        [45, 45, 100.0, 30, 100.0],
    )
