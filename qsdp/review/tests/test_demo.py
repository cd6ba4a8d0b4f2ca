"""The acceptance on the demo (150 people, as the demo tests load it): the city's
2023 review from ``manage.py annual_report``, as JSON, DOCX and PDF."""

import io
import json
from io import BytesIO

import pytest
from django.core.management import call_command
from django.db import transaction
from docx import Document
from pypdf import PdfReader

from qsdp.orgunits.models import OrgUnit, OrgUnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", people=150, stdout=io.StringIO())
        yield OrgUnit.objects.get(code="058", kind=OrgUnitKind.DISTRICT)
        transaction.set_rollback(True)


def annual_report(tmp_path, kind):
    output = tmp_path / f"review.{kind}"
    call_command(
        "annual_report", "--org-unit", "058", "--year", "2023", "--format", kind,
        "--output", str(output), "--date", "2023-11-22", stdout=io.StringIO(),
    )  # fmt: skip
    return output


def test_the_json_of_the_citys_2023_review(demo, tmp_path):
    data = json.loads(annual_report(tmp_path, "json").read_text(encoding="utf-8"))

    assert data["org_unit"] == {"code": "058", "name": "Thành phố Bắc Kạn"}
    assert data["year"] == 2023
    assert data["indicators"]["call_up.fulfilment_pct"] == 100
    assert data["indicators"]["returnees.registered_on_time_pct"] == 100
    wards = {code for code, unit in demo_units(demo).items() if unit.kind == OrgUnitKind.WARD}
    assert len(data["drills"]) == 2
    assert {d["org_unit"] for d in data["drills"]} <= wards
    assert len({d["org_unit"] for d in data["drills"]}) == 2
    assert data["awards"] == {"collective": 4, "individual": 9}
    assert data["plan"]["year"] == 2024
    assert data["plan"]["targets"]["call_up.fulfilment_pct"] == 100
    duong_quang = next(c for c, u in demo_units(demo).items() if u.name == "Xã Dương Quang")
    assert {"org_unit": duong_quang, "kind": "defence_zone_combat"}.items() <= data["plan"][
        "drills"
    ][0].items()


def demo_units(city):
    return {
        unit.code: unit for unit in OrgUnit.objects.filter(parent=city, closed_on__isnull=False)
    }


SENTENCES = [
    "hoàn thành 100% chỉ tiêu tuyển chọn, gọi công dân nhập ngũ",
    "Tổ chức tiếp nhận, đăng ký cho 100% quân nhân hoàn thành NVQS trở về địa phương đúng quy định",
    "cho 02 phường (",
    "khen thưởng cho 4 tập thể, 9 cá nhân",
    "Chỉ đạo xã Dương Quang diễn tập chiến đấu trong khu vực phòng thủ hoàn thành tốt nhiệm vụ "
    "trở lên.",
    "chỉ đạo công tác tuyển quân đạt 100% chỉ tiêu",
    "Bắc Kạn, ngày 22 tháng 11 năm 2023",
]


def test_the_docx_and_pdf_of_the_citys_review_say_so(demo, tmp_path):
    document = Document(annual_report(tmp_path, "docx"))
    docx_text = " ".join(p.text for p in document.paragraphs)
    docx_text += " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    reader = PdfReader(BytesIO(annual_report(tmp_path, "pdf").read_bytes()))
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)

    for sentence in SENTENCES:
        assert sentence in docx_text
        assert sentence in pdf_text
