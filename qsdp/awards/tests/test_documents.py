"""The award decision as a document: header, articles and the recipients' list."""

from datetime import date

import pytest

from qsdp.awards.documents import decision_document
from qsdp.awards.selectors import decision_get, decision_recipients

pytestmark = pytest.mark.django_db


def test_the_decision_names_its_number_date_form_and_recipients(world, command_staff):
    decision = decision_get(user=command_staff, pk=world["decision"].pk)

    doc = decision_document(decision, decision_recipients(decision))

    assert (doc.header.number, doc.header.issued_on, doc.header.document_type) == (
        "12/QĐ-UBND",
        date(2023, 11, 22),
        "QUYẾT ĐỊNH",
    )
    assert doc.header.issuing_body == "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN"
    assert doc.header.summary == (
        "Về việc khen thưởng Giấy khen của Chủ tịch UBND cấp huyện, cấp xã cho các tập thể, "
        "cá nhân có thành tích trong thực hiện nhiệm vụ quốc phòng, quân sự địa phương năm 2023"
    )
    assert doc.intro_paragraphs[-1] == (
        "Điều 1. Tặng Giấy khen của Chủ tịch UBND cấp huyện, cấp xã (Có thành tích xuất sắc "
        "năm 2023) cho 01 tập thể và 01 cá nhân đã có thành tích (có danh sách kèm theo)."
    )
    assert [(row["no"], row["who"], row["kind"], row["unit"]) for row in doc.rows] == [
        (1, "Ban CHQS xã Dương Quang", "Tập thể", "Xã Dương Quang"),
        (2, world["dung"].full_name, "Cá nhân", "Xã Dương Quang"),
    ]
    assert (doc.signer.title, doc.signer.name) == ("CHỦ TỊCH UBND THÀNH PHỐ", "Lường Văn Khánh")
