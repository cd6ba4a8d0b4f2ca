"""The stage lists as documents (XLSX, PDF): one view for every list, with the
filters of its page, the Decree 30 header and Vietnamese column heads."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from qsdp.core.models import AccessLog
from qsdp.documents.layout import nfc, vietnamese_date
from qsdp.military_service.services import (
    deferral_decide,
    discharge_record,
    education_check_record,
    enlistment_record,
    exemption_decide,
    reserve_registration_record,
    return_home_record,
)
from qsdp.military_service.tests.documents import pdf_text, xlsx_table, xlsx_text
from qsdp.military_service.tests.factories import (
    approved_list,
    enlisted,
    examined,
    man,
    order,
    quotas,
    registered,
)

pytestmark = pytest.mark.django_db


def _back_home(person, *, registered_on=None):  # type: ignore[no-untyped-def]
    discharge_record(
        actor=None, person=person, decided_on=date(2026, 2, 10), decision_number="45/QĐ-XN"
    )
    return_home_record(actor=None, person=person, returned_on=date(2026, 2, 23))
    if registered_on is not None:
        reserve_registration_record(actor=None, person=person, registered_on=registered_on)


def _commune(tree, unit, names):  # type: ignore[no-untyped-def]
    """One commune's records at every stage; ``names`` maps the roles to given names."""
    soldiers = enlisted(tree, names["soldiers"], unit=unit, year=2024)
    for number, soldier in enumerate(soldiers):
        _back_home(soldier, registered_on=date(2026, 3, 5) if number == 0 else None)
    men = [
        registered(unit, given_name=name, born=born)
        for name, born in zip(names["candidates"], names["born"], strict=True)
    ]
    for man_, health in zip(men, names["health"], strict=True):
        examined(man_, health_class=health)
    if "grade" in names:
        education_check_record(
            actor=None, person=men[-1], checked_on=date(2025, 11, 25), call_up_year=2026,
            completed_grade=names["grade"],
        )  # fmt: skip
    candidates = approved_list(unit)
    order(candidates[0])
    enlistment_record(
        actor=None, person=candidates[0].person, call_up_year=2026, handover_on=date(2026, 3, 4)
    )
    deferred = registered(unit, given_name=names["deferred"])
    deferral_decide(
        actor=None, person=deferred, reason_code="sibling_on_active_duty",
        decided_on=date(2025, 9, 1), valid_until=date(2026, 9, 1), call_up_year=2026,
        decision_number="12/QĐ-UBND",
    )  # fmt: skip
    exempt = registered(unit, given_name=names["exempt"], born=date(2005, 7, 7))
    exemption_decide(
        actor=None, person=exempt, reason_code="child_of_fallen_soldier",
        decided_on=date(2025, 10, 1), call_up_year=2026, decision_number="15/QĐ-UBND",
    )  # fmt: skip
    man(unit, given_name=names["turning_17"], born=date(2008, 11, 2))
    man(unit, given_name=names["unregistered"], born=date(2004, 3, 1))


@pytest.fixture
def stages(tree):
    quotas(tree, year=2024, duong_quang=2, song_cau=1)
    quotas(tree, duong_quang=2, song_cau=1)
    _commune(
        tree,
        tree.duong_quang,
        {
            "soldiers": ["Khang", "Lâm"],
            "candidates": ["Cường", "An", "Bình"],
            "born": [date(2003, 1, 1), date(2004, 5, 10), date(2005, 2, 1)],
            "health": [1, 1, 2],
            "grade": 9,
            "deferred": "Dũng",
            "exempt": "Đức",
            "turning_17": "Giang",
            "unregistered": "Hải",
        },
    )
    _commune(
        tree,
        tree.song_cau,
        {
            "soldiers": ["Quang"],
            "candidates": ["Hùng", "Sáng"],
            "born": [date(2003, 1, 1), date(2004, 5, 10)],
            "health": [1, 2],
            "deferred": "Sơn",
            "exempt": "Thái",
            "turning_17": "Tâm",
            "unregistered": "Vinh",
        },
    )


SONG_CAU = ["Quang", "Hùng", "Sáng", "Sơn", "Thái", "Tâm", "Vinh"]
DQ = "Xã Dương Quang"
SONG_CAU_NAMES = [f"Nguyễn Văn {name}" for name in SONG_CAU]

# Per list: the page's filters, the summary under "DANH SÁCH", the head and the rows
# the Dương Quang officer gets (XLSX keeps dates as dates).
LISTS = {
    "january": (
        {"year": 2025},
        "Công dân nam đủ 17 tuổi trong năm 2025 và công dân nam trong độ tuổi thực hiện "
        "nghĩa vụ quân sự chưa đăng ký nghĩa vụ quân sự",
        ["STT", "Họ và tên", "Ngày sinh", "Xã, phường", "Nơi thường trú", "Diện", "Đăng ký"],
        [
            [1, "Nguyễn Văn Giang", date(2008, 11, 2), DQ, DQ, "Đủ 17 tuổi trong năm",
             "Chưa đăng ký"],
            [2, "Nguyễn Văn Hải", date(2004, 3, 1), DQ, DQ, "Trong độ tuổi, chưa đăng ký",
             "Chưa đăng ký"],
        ],
    ),
    "registrations": (
        {"year": 2021},
        "Công dân đăng ký nghĩa vụ quân sự lần đầu năm 2021",
        ["STT", "Họ và tên", "Ngày sinh", "Xã, phường", "Ngày đăng ký", "Hình thức đăng ký"],
        [
            [1, "Nguyễn Văn An", date(2004, 5, 10), DQ, date(2021, 4, 15), "Trực tiếp"],
            [2, "Nguyễn Văn Dũng", date(2004, 5, 10), DQ, date(2021, 4, 15), "Trực tiếp"],
        ],
    ),
    "deferrals": (
        {"year": 2026},
        "Công dân được tạm hoãn gọi nhập ngũ, miễn gọi nhập ngũ năm 2026",
        ["STT", "Họ và tên", "Ngày sinh", "Xã, phường", "Quyết định", "Lý do", "Căn cứ pháp lý",
         "Số quyết định", "Ngày quyết định", "Đến ngày"],
        [
            [1, "Nguyễn Văn Đức", date(2005, 7, 7), DQ, "Miễn gọi nhập ngũ", "Con của liệt sĩ",
             "Điều 41 khoản 2 điểm a", "15/QĐ-UBND", date(2025, 10, 1), ""],
            [2, "Nguyễn Văn Dũng", date(2004, 5, 10), DQ, "Tạm hoãn gọi nhập ngũ",
             "Có anh, chị hoặc em ruột đang phục vụ tại ngũ", "Điều 41 khoản 1 điểm d",
             "12/QĐ-UBND", date(2025, 9, 1), date(2026, 9, 1)],
        ],
    ),
    "recheck": (
        {"year": 2026},
        "Công dân tạm hoãn gọi nhập ngũ hết thời hạn tạm hoãn trong năm 2026, cần xét lại",
        ["STT", "Họ và tên", "Ngày sinh", "Xã, phường", "Lý do", "Căn cứ pháp lý",
         "Số quyết định", "Ngày quyết định", "Tạm hoãn đến ngày"],
        [
            [1, "Nguyễn Văn Dũng", date(2004, 5, 10), DQ,
             "Có anh, chị hoặc em ruột đang phục vụ tại ngũ", "Điều 41 khoản 1 điểm d",
             "12/QĐ-UBND", date(2025, 9, 1), date(2026, 9, 1)],
        ],
    ),
    "candidates": (
        {"year": 2026},
        "Công dân gọi nhập ngũ năm 2026 (danh sách chính và dự phòng)",
        ["STT", "Họ và tên", "Ngày sinh", "Xã, phường", "Danh sách", "Thứ tự", "Loại sức khỏe",
         "Văn hóa", "Tình trạng", "Lệnh gọi nhập ngũ", "Ngày nhập ngũ"],
        [
            [1, "Nguyễn Văn Cường", date(2003, 1, 1), DQ, "Danh sách chính", 1, 1, "12/12",
             "Đã duyệt", "1/LGNN", date(2026, 3, 4)],
            [2, "Nguyễn Văn An", date(2004, 5, 10), DQ, "Danh sách chính", 2, 1, "12/12",
             "Đã duyệt", "", ""],
            # Ranked by the grade of his education check, not the register's 12.
            [3, "Nguyễn Văn Bình", date(2005, 2, 1), DQ, "Danh sách dự phòng", 1, 2, "9/12",
             "Đã duyệt", "", ""],
        ],
    ),
    "orders": (
        {"year": 2026},
        "Lệnh gọi công dân nhập ngũ đã phát hành năm 2026",
        ["STT", "Số", "Họ và tên", "Ngày sinh", "Xã, phường", "Ngày ra lệnh", "Ngày có mặt",
         "Địa điểm có mặt"],
        [
            [1, "1/LGNN", "Nguyễn Văn Cường", date(2003, 1, 1), DQ, date(2026, 1, 20),
             date(2026, 3, 4), "Sân vận động xã Dương Quang"],
        ],
    ),
    "returnees": (
        {"year": 2026},
        "Quân nhân xuất ngũ về địa phương năm 2026 và việc đăng ký ngạch dự bị",
        ["STT", "Họ và tên", "Ngày sinh", "Xã, phường", "Ngày về", "Hạn",
         "Ngày đăng ký ngạch dự bị", "Trạng thái"],
        [
            [1, "Nguyễn Văn Khang", date(2003, 5, 10), DQ, date(2026, 2, 23), date(2026, 3, 16),
             date(2026, 3, 5), "Đúng hạn"],
            [2, "Nguyễn Văn Lâm", date(2003, 5, 10), DQ, date(2026, 2, 23), date(2026, 3, 16),
             "", "Quá hạn"],
        ],
    ),
}  # fmt: skip
PAGES = {
    "january": "january-list",
    "registrations": "registration-list",
    "deferrals": "deferral-list",
    "recheck": "recheck-list",
    "candidates": "candidate-list",
    "orders": "order-list",
    "returnees": "returnee-list",
}


def document(client, list_name, kind, query):  # type: ignore[no-untyped-def]
    url = reverse("military_service:stage-list-document", args=[list_name, kind])
    return client.get(url, query)


def flat(text: str) -> str:
    """The text in NFC on one line: a long summary wraps in the PDF."""
    return " ".join(nfc(text).split())


def header(unit: str = "XÃ DƯƠNG QUANG") -> list[str]:
    return [
        f"ỦY BAN NHÂN DÂN {unit}",
        "BAN CHỈ HUY QUÂN SỰ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        f"Dương Quang, {vietnamese_date(timezone.localdate())}",
        "DANH SÁCH",
        "CHỈ HUY TRƯỞNG",
    ]


@pytest.mark.parametrize("list_name", LISTS)
def test_each_stage_list_as_xlsx(client, stages, commune_officer, list_name):
    query, summary, head, rows = LISTS[list_name]
    client.force_login(commune_officer)

    response = document(client, list_name, "xlsx", query)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment;")
    assert xlsx_table(response.content) == (head, rows)
    text = flat(xlsx_text(response.content))
    for line in [*header(), summary, f"Danh sách có {len(rows)} công dân."]:
        assert line in text, line
    assert [name for name in SONG_CAU_NAMES if name in text] == []


@pytest.mark.parametrize("list_name", LISTS)
def test_each_stage_list_as_pdf(client, stages, commune_officer, list_name):
    query, summary, _head, rows = LISTS[list_name]
    client.force_login(commune_officer)

    response = document(client, list_name, "pdf", query)

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = flat(pdf_text(response.content))
    for line in [*header(), summary, f"Danh sách có {len(rows)} công dân."]:
        assert line in text, line
    names = [next(cell for cell in row if str(cell).startswith("Nguyễn")) for row in rows]
    places = [text.find(str(name)) for name in names]
    assert -1 not in places and places == sorted(places), names
    birth = next(cell for cell in rows[0] if isinstance(cell, date))
    assert birth.strftime("%d/%m/%Y") in text
    assert [name for name in SONG_CAU_NAMES if name in text] == []


def test_the_filters_of_the_page_carry_over(client, stages, tree, command_staff):
    client.force_login(command_staff)

    dq = {"year": 2026, "org_unit": tree.duong_quang.pk}
    exempt = document(client, "deferrals", "xlsx", {**dq, "kind": "exemption"})
    overdue = document(client, "returnees", "xlsx", {**dq, "overdue_only": "on"})
    of_dq = document(client, "orders", "pdf", dq)
    city = document(client, "orders", "xlsx", {"year": 2026})

    assert [row[1] for row in xlsx_table(exempt.content)[1]] == ["Nguyễn Văn Đức"]
    assert "Công dân được miễn gọi nhập ngũ năm 2026" in flat(xlsx_text(exempt.content))
    assert [row[1] for row in xlsx_table(overdue.content)[1]] == ["Nguyễn Văn Lâm"]
    assert "chưa đăng ký ngạch dự bị đúng hạn" in flat(xlsx_text(overdue.content))
    dq_text = flat(pdf_text(of_dq.content))
    assert "ỦY BAN NHÂN DÂN XÃ DƯƠNG QUANG" in dq_text
    assert ("Nguyễn Văn Cường" in dq_text, "Nguyễn Văn Hùng" in dq_text) == (True, False)
    # Without a unit, the whole city, under the city's header.
    assert [row[2] for row in xlsx_table(city.content)[1]] == [
        "Nguyễn Văn Hùng", "Nguyễn Văn Cường",
    ]  # fmt: skip
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN" in xlsx_text(city.content)


def test_the_outsider_gets_only_his_own_communes_rows(client, stages, tree, outsider):
    client.force_login(outsider)

    for list_name, (query, *_rest) in LISTS.items():
        for kind in ("xlsx", "pdf"):
            # Asking for Dương Quang is no filter of his: his own list comes back.
            response = document(client, list_name, kind, {**query, "org_unit": tree.duong_quang.pk})
            text = flat(
                xlsx_text(response.content) if kind == "xlsx" else pdf_text(response.content)
            )
            assert response.status_code == 200, (list_name, kind)
            assert "ỦY BAN NHÂN DÂN PHƯỜNG SÔNG CẦU" in text, (list_name, kind)
            assert "Dương Quang" not in text.replace("Sân vận động xã Dương Quang", "")
            assert "Nguyễn Văn An" not in text and "Nguyễn Văn Dũng" not in text


def test_anonymous_is_sent_to_login_and_the_leader_reads(client, stages, leader):
    urls = [
        reverse("military_service:stage-list-document", args=[name, kind])
        + f"?year={query['year']}"
        for name, (query, *_rest) in LISTS.items()
        for kind in ("xlsx", "pdf")
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url

    client.force_login(leader)
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_an_unknown_list_is_not_found(client, stages, leader):
    client.force_login(leader)

    assert client.get("/military-service/lists/people.xlsx").status_code == 404
    assert client.get("/military-service/lists/january.docx").status_code == 404


def test_each_list_page_links_its_downloads_with_its_filters(client, stages, commune_officer):
    client.force_login(commune_officer)

    for list_name, page in PAGES.items():
        html = client.get(reverse(f"military_service:{page}"), {"year": 2026}).content.decode()
        for kind, label in (("pdf", "Tải PDF"), ("xlsx", "Tải Excel")):
            url = reverse("military_service:stage-list-document", args=[list_name, kind])
            assert f'href="{url}?year=2026"' in html, (list_name, kind)
            assert label in html


def test_the_health_classes_read_into_the_candidate_list_are_logged(
    client, stages, commune_officer
):
    client.force_login(commune_officer)
    before = AccessLog.objects.count()

    document(client, "candidates", "xlsx", {"year": 2026})

    logged = AccessLog.objects.order_by("id")[before:]
    assert [(entry.fields, entry.actor_id) for entry in logged] == [
        (["health_class"], commune_officer.pk)
    ] * 3


def test_the_leader_gets_the_candidate_list_with_the_health_classes_masked(client, stages, leader):
    client.force_login(leader)
    before = AccessLog.objects.count()

    response = document(client, "candidates", "xlsx", {"year": 2026})

    head, rows = xlsx_table(response.content)
    column = head.index("Loại sức khỏe")
    assert [row[column] for row in rows] == ["•••"] * 5  # the whole city
    assert AccessLog.objects.count() == before
