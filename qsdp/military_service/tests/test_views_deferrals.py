"""Deferral and exemption pages, the lists and the public list as documents."""

import unicodedata
from datetime import date

import pytest
from django.urls import reverse

from qsdp.military_service.models import ServiceEvent
from qsdp.military_service.services import deferral_decide, exemption_decide
from qsdp.military_service.tests.documents import pdf_text, xlsx_table, xlsx_text
from qsdp.military_service.tests.factories import counts, examined, registered

pytestmark = pytest.mark.django_db
DECISION = {
    "outcome": "deferral", "reason_code": "full_time_university_student",
    "decided_on": "10/09/2025", "valid_until": "30/06/2029", "decision_number": "12/QĐ-UBND",
    "signer": "Hoàng Văn Minh", "call_up_year": "2026",
}  # fmt: skip


@pytest.fixture
def an(tree):
    return registered(
        tree.duong_quang, given_name="An", occupation="Sinh viên", workplace="Đại học Thái Nguyên",
        address="Thôn Nà Pài",
    )  # fmt: skip


def url(name, person):
    return reverse(f"military_service:{name}", args=[person.pk])


def test_a_deferral_is_recorded_with_its_point(client, an, commune_officer):
    client.force_login(commune_officer)

    response = client.post(url("deferral-decide", an), DECISION, follow=True)

    event = ServiceEvent.objects.get(kind="deferral")
    assert (
        event.reason_code, event.legal_point, event.valid_until, event.decision_number,
        event.signer, event.call_up_year, event.details,
    ) == (
        "full_time_university_student", "Điều 41 khoản 1 điểm g", date(2029, 6, 30),
        "12/QĐ-UBND", "Hoàng Văn Minh", 2026, {"facts": {}},
    )  # fmt: skip
    assert [str(m) for m in response.context["messages"]] == [
        "Đã ghi quyết định tạm hoãn gọi nhập ngũ đến ngày 30/06/2029 (Điều 41 khoản 1 điểm g)."
    ]


def test_an_exemption_with_its_facts(client, an, commune_officer):
    client.force_login(commune_officer)

    client.post(
        url("deferral-decide", an),
        {**DECISION, "outcome": "exemption", "reason_code": "child_of_war_invalid",
         "valid_until": "", "invalid_grade": "2", "is_the_one_designated_child": "true"},
    )  # fmt: skip

    event = ServiceEvent.objects.get(kind="exemption")
    assert (event.legal_point, event.valid_until, event.details) == (
        "Điều 41 khoản 2 điểm c",
        None,
        {"facts": {"invalid_grade": 2, "is_the_one_designated_child": True}},
    )


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            {"outcome": "deferral", "reason_code": "child_of_fallen_soldier"},
            "reason_code",
            "Theo Điều 41 khoản 2 điểm a, trường hợp này được miễn gọi nhập ngũ, không phải "
            "tạm hoãn.",
        ),
        (
            {"reason_code": "child_of_war_invalid", "invalid_grade": "3"},
            "reason_code",
            "Con của thương binh: chỉ con của thương binh hạng một hoặc hạng hai được miễn, "
            "không phải hạng 3, nên không thuộc diện tạm hoãn hay miễn gọi nhập ngũ "
            "(Luật NVQS 2015 Điều 41).",
        ),
        (
            {"valid_until": ""},
            "valid_until",
            "Nhập ngày hết hạn tạm hoãn, không trước ngày quyết định (10/09/2025).",
        ),
    ],
)
def test_a_decision_the_law_refuses_shows_why_and_saves_nothing(
    client, an, commune_officer, change, field, message
):
    client.force_login(commune_officer)
    before = counts()

    response = client.post(url("deferral-decide", an), {**DECISION, **change})

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert counts() == before


def test_a_ground_missing_its_fact_asks_for_it(client, an, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        url("deferral-decide", an), {**DECISION, "reason_code": "child_of_sick_soldier"}
    )

    assert list(response.context["form"].errors) == ["parent_work_capacity_loss_percent"]
    assert ServiceEvent.objects.filter(kind="deferral").count() == 0


def test_the_page_opens_on_the_outcome_asked_for(client, an, commune_officer):
    client.force_login(commune_officer)

    response = client.get(url("deferral-decide", an), {"outcome": "exemption"})

    assert response.context["form"]["outcome"].value() == "exemption"


def test_a_deferral_ends(client, an, commune_officer):
    deferral_decide(
        actor=None, person=an, reason_code="sibling_on_active_duty",
        decided_on=date(2025, 9, 1), valid_until=date(2027, 9, 1),
    )  # fmt: skip
    client.force_login(commune_officer)

    client.post(url("deferral-end", an), {"ended_on": "01/10/2025", "reason": "Anh đã xuất ngũ"})

    event = ServiceEvent.objects.get(kind="deferral_ended")
    assert (event.occurred_on, event.details) == (date(2025, 10, 1), {"reason": "Anh đã xuất ngũ"})


def test_ending_a_deferral_that_is_not_there_is_refused(client, an, commune_officer):
    client.force_login(commune_officer)
    before = counts()

    response = client.post(url("deferral-end", an), {"ended_on": "01/10/2025", "reason": "?"})

    assert response.context["form"].non_field_errors() == [
        "Không thể ghi hết tạm hoãn: công dân không đang được tạm hoãn gọi nhập ngũ."
    ]
    assert counts() == before


@pytest.fixture
def decisions(tree, an):
    binh = registered(tree.duong_quang, given_name="Bình", occupation="Làm nông")
    examined(binh, health_class=2)
    deferral_decide(
        actor=None, person=an, reason_code="full_time_university_student",
        decided_on=date(2025, 9, 10), valid_until=date(2026, 6, 30), call_up_year=2026,
    )  # fmt: skip
    exemption_decide(
        actor=None, person=binh, reason_code="child_of_fallen_soldier",
        decided_on=date(2025, 12, 1), call_up_year=2026,
    )  # fmt: skip
    return {"an": an, "binh": binh}


def test_the_lists_of_decisions_and_of_deferrals_to_check_again(
    client, decisions, leader, tree, django_assert_max_num_queries
):
    for name in ("Cường", "Dũng", "Giang", "Hải", "Khoa", "Lâm"):
        deferral_decide(
            actor=None, person=registered(tree.song_cau, given_name=name),
            reason_code="general_school_student", decided_on=date(2025, 9, 1),
            valid_until=date(2027, 5, 31), call_up_year=2026,
        )  # fmt: skip
    client.force_login(leader)

    # Session, user, scope, count, rows, the units of the filter (and the session
    # saved): the same for 8 rows as for 2.
    with django_assert_max_num_queries(9):
        listed = client.get(reverse("military_service:deferral-list"), {"year": 2026})
    exemptions = client.get(
        reverse("military_service:deferral-list"), {"year": 2026, "kind": "exemption"}
    )
    recheck = client.get(reverse("military_service:recheck-list"), {"year": 2026})

    assert [(e.kind, e.person.given_name) for e in listed.context["page"].items][:2] == [
        ("exemption", "Bình"), ("deferral", "An"),
    ]  # fmt: skip
    assert listed.context["page"].total == 8
    assert [e.person.given_name for e in exemptions.context["page"].items] == ["Bình"]
    assert [(e.person.given_name, e.valid_until) for e in recheck.context["page"].items] == [
        ("An", date(2026, 6, 30))
    ]


def public(client, tree, kind):
    return client.get(
        reverse("military_service:public-deferral-document", args=[kind]),
        {"year": 2026, "org_unit": tree.duong_quang.pk, "signer": "Triệu Văn Lâm"},
    )


def test_the_public_list_as_xlsx_holds_only_the_legal_fields(
    client, tree, decisions, commune_officer
):
    client.force_login(commune_officer)

    response = public(client, tree, "xlsx")

    head, rows = xlsx_table(response.content)
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert head == [
        "STT", "Họ và tên", "Ngày sinh", "Nơi thường trú", "Nghề nghiệp",
        "Nơi làm việc, học tập", "Lý do",
    ]  # fmt: skip
    assert rows == [
        [1, "Nguyễn Văn An", decisions["an"].birth_date.strftime("%d/%m/%Y"),
         "Thôn Nà Pài, Xã Dương Quang", "Sinh viên", "Đại học Thái Nguyên",
         "Tạm hoãn gọi nhập ngũ: Đang được đào tạo trình độ đại học hệ chính quy "
         "(Điều 41 khoản 1 điểm g)"],
        [2, "Nguyễn Văn Bình", decisions["binh"].birth_date.strftime("%d/%m/%Y"),
         "Xã Dương Quang", "Làm nông", "",
         "Miễn gọi nhập ngũ: Con của liệt sĩ (Điều 41 khoản 2 điểm a)"],
    ]  # fmt: skip
    text = xlsx_text(response.content)
    assert (decisions["an"].national_id in text, "sức khỏe" in text.lower()) == (False, False)


def test_the_public_list_as_pdf_names_the_citizens_and_nothing_more(
    client, tree, decisions, commune_officer
):
    client.force_login(commune_officer)

    response = public(client, tree, "pdf")

    text = unicodedata.normalize("NFC", pdf_text(response.content))
    assert response.content.startswith(b"%PDF")
    assert ("Nguyễn Văn An" in text, "Nguyễn Văn Bình" in text, "Triệu Văn Lâm" in text) == (
        True, True, True,
    )  # fmt: skip
    for national_id in (decisions["an"].national_id, decisions["binh"].national_id):
        assert national_id not in text
    assert "loại 2" not in text.lower()
    assert "sức khỏe" not in text.lower()


def test_the_public_list_page_previews_it_with_its_downloads(
    client, tree, decisions, commune_officer
):
    client.force_login(commune_officer)

    first = client.get(reverse("military_service:public-deferral-list"))
    response = client.get(
        reverse("military_service:public-deferral-list"),
        {"year": 2026, "org_unit": tree.duong_quang.pk},
    )

    # His only commune is chosen for him.
    assert first.context["form"]["org_unit"].value() == tree.duong_quang.pk
    assert first.context["listing"].unit_name == "Xã Dương Quang"
    html = response.content.decode()
    assert [r.full_name for r in response.context["listing"].deferred] == ["Nguyễn Văn An"]
    assert html.count("<tr>") == 3  # the head and two citizens
    assert decisions["an"].national_id not in html
    pdf = reverse("military_service:public-deferral-document", args=["pdf"])
    assert f'href="{pdf}?year=2026&amp;org_unit={tree.duong_quang.pk}"' in html
