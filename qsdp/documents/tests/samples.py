"""Documents as a selector would build them: a call-up list and call-up orders, Bắc Kạn 2023."""

from datetime import date

from qsdp.documents.context import (
    Align,
    DocumentHeader,
    LetterDocument,
    Paragraph,
    Run,
    Signer,
    TableColumn,
    TableDocument,
)

NAMES = [
    "Phùng Chí Kiên",
    "Đặng Thị Hường",
    "Nguyễn Văn Đạt",
    "Hoàng Đức Thắng",
    "Lường Văn Quý",
    "Triệu Tiến Dũng",
]

COMMAND_HEADER = DocumentHeader(
    parent_body="UBND THÀNH PHỐ BẮC KẠN",
    issuing_body="BAN CHỈ HUY QUÂN SỰ\nTHÀNH PHỐ",
    number="15/DS-BCHQS",
    place="Bắc Kạn",
    issued_on=date(2023, 2, 5),
    document_type="DANH SÁCH",
    summary="Công dân thực hiện Nghĩa vụ quân sự năm 2023",
)

COLUMNS = [
    TableColumn("no", "STT", width_mm=12, align=Align.CENTER),
    TableColumn("name", "Họ và tên"),
    TableColumn("born_on", "Ngày sinh", width_mm=28, align=Align.CENTER),
    TableColumn("ward", "Phường, xã"),
    TableColumn("health_class", "Loại sức khỏe", width_mm=22, align=Align.CENTER),
]

SIGNER = Signer(
    title="PHÓ CHỈ HUY TRƯỞNG",
    name="Hoàng Văn Minh",
    acting_for="KT. CHỈ HUY TRƯỞNG",
)

RECIPIENTS = ["Bộ CHQS tỉnh Bắc Kạn;", "UBND thành phố;", "Lưu: VT, QS."]


def call_up_list(rows: int = 6, *, landscape: bool = False) -> TableDocument:
    return TableDocument(
        header=COMMAND_HEADER,
        columns=COLUMNS,
        rows=[
            {
                "no": i + 1,
                "name": NAMES[i % len(NAMES)],
                "born_on": date(2004, 1 + i % 12, 1 + i % 28),
                "ward": "Phường Phùng Chí Kiên" if i % 2 else "Xã Dương Quang",
                "health_class": 1 + i % 3,
            }
            for i in range(rows)
        ],
        intro_paragraphs=[
            "Căn cứ Luật Nghĩa vụ quân sự năm 2015; Ban Chỉ huy quân sự thành phố lập danh "
            "sách công dân nhập ngũ năm 2023 như sau:"
        ],
        closing_paragraphs=[f"Danh sách có {rows} công dân."],
        signer=SIGNER,
        recipients=RECIPIENTS,
        landscape=landscape,
        title_for_sheet="Nhập ngũ 2023",
    )


def call_up_order(name: str, ward: str = "Phường Phùng Chí Kiên") -> LetterDocument:
    return LetterDocument(
        header=DocumentHeader(
            parent_body="",
            issuing_body="ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN",
            number="/LGNN-UBND",
            place="Bắc Kạn",
            issued_on=date(2023, 2, 5),
            document_type="LỆNH GỌI CÔNG DÂN NHẬP NGŨ",
        ),
        paragraphs=[
            Paragraph(
                "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN",
                bold=True,
                align=Align.CENTER,
                indent=False,
            ),
            "Căn cứ Luật Nghĩa vụ quân sự ngày 19 tháng 6 năm 2015;",
            "Căn cứ Quyết định giao chỉ tiêu gọi công dân nhập ngũ năm 2023,",
            Paragraph("Gọi công dân:", bold=True, indent=False),
            Paragraph(runs=(Run("Họ và tên: "), Run(name, bold=True))),
            Paragraph(runs=(Run("Nơi cư trú: "), Run(f"{ward}, thành phố Bắc Kạn"))),
            "Có mặt lúc 07 giờ 00 ngày 14 tháng 02 năm 2023 tại Ban Chỉ huy quân sự "
            "thành phố Bắc Kạn để thực hiện Nghĩa vụ quân sự.",
        ],
        signer=Signer(title="CHỦ TỊCH", name="Đinh Quang Tuyên", acting_for="TM. ỦY BAN NHÂN DÂN"),
        recipients=["Công dân có tên trên;", "Ban CHQS thành phố;", "Lưu: VT."],
    )
