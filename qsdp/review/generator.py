"""The year-end review as plain data: facts and document settings in, ``ReviewContext`` out.

Report on local defence and military work (báo cáo tổng kết công tác QP-QSĐP,
DOMAIN.md §7): the header of Decree 30/2020, sections I–IV written from the
figures, the signer and recipients, and an annex of indicators by unit with the
approval state of the data. No rendering here: ``to_report_document`` hands the
context to ``qsdp.documents``.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from qsdp.documents.context import Align, DocumentHeader, Paragraph, Signer, TableColumn
from qsdp.documents.layout import place_of
from qsdp.documents.report import ReportAnnexTable, ReportDocument
from qsdp.review.facts import Approval, ReviewFacts
from qsdp.review.narrative import PARAGRAPHS, default_paragraphs, lower_first, values_of
from qsdp.review.placeholders import Value, fill

SECTION_TITLES = {
    "I": "I. ĐẶC ĐIỂM TÌNH HÌNH",
    "II": "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUỐC PHÒNG, QUÂN SỰ ĐỊA PHƯƠNG NĂM {year}",
    "III": "III. ĐÁNH GIÁ CHUNG",
    "IV": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {next_year}",
}
STATUS_TEXT = {
    "": "chưa gửi số liệu",
    "open": "chưa gửi số liệu",
    "submitted": "đã gửi, chưa phê duyệt",
    "approved": "đã phê duyệt",
}
# The annex: a table per group of indicators (a portrait page holds five columns of figures).
ANNEX_GROUPS = [
    ("Tuyển quân", ["call_up.quota", "call_up.enlisted", "call_up.fulfilment_pct",
                    "returnees.count", "returnees.registered_on_time_pct"]),
    ("Lực lượng", ["militia.count", "reserves.count", "reserves.arranged_pct",
                   "reserves.reviewed_pct", "training.pass_pct"]),
    ("Diễn tập, trực SSCĐ, khen thưởng", ["drills.held", "readiness_duty.days_covered_pct",
                                          "patrols.count", "awards.collective_count",
                                          "awards.individual_count"]),
]  # fmt: skip
ANNEX_LABELS = {
    "call_up.quota": "Chỉ tiêu nhập ngũ",
    "call_up.enlisted": "Đã giao quân",
    "call_up.fulfilment_pct": "Đạt chỉ tiêu (%)",
    "returnees.count": "Xuất ngũ về",
    "returnees.registered_on_time_pct": "Đăng ký đúng hạn (%)",
    "militia.count": "Dân quân tự vệ",
    "reserves.count": "Quân nhân dự bị",
    "reserves.arranged_pct": "Sắp xếp vào đơn vị (%)",
    "reserves.reviewed_pct": "Rà soát (%)",
    "training.pass_pct": "Huấn luyện đạt (%)",
    "drills.held": "Diễn tập",
    "readiness_duty.days_covered_pct": "Ngày trực SSCĐ (%)",
    "patrols.count": "Tuần tra",
    "awards.collective_count": "Tập thể khen thưởng",
    "awards.individual_count": "Cá nhân khen thưởng",
}


@dataclass(frozen=True)
class ReviewSettings:
    """What the officer sets on the document; the rest is computed."""

    number: str = "/BC-UBND"
    issued_on: date | None = None
    place: str = ""  # empty: the unit's place name
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""
    recipients: tuple[str, ...] = ()  # empty: the usual list for the unit
    paragraphs: Mapping[str, str] = field(default_factory=dict)  # key → edited template


@dataclass(frozen=True)
class ReviewParagraph:
    key: str
    template: str
    text: str
    edited: bool


@dataclass(frozen=True)
class ReviewSubsection:
    title: str
    paragraphs: list[ReviewParagraph]


@dataclass(frozen=True)
class ReviewSection:
    number: str
    title: str
    subsections: list[ReviewSubsection]


@dataclass(frozen=True)
class AnnexTable:
    title: str
    columns: list[str]  # indicator codes
    labels: list[str]
    rows: list[tuple[str, list[Value]]]  # unit name, a value per column


@dataclass(frozen=True)
class ReviewContext:
    header: DocumentHeader
    sections: list[ReviewSection]
    signer: Signer
    recipients: list[str]
    annex_title: str
    annex_tables: list[AnnexTable]
    approval_lines: list[str]
    values: dict[str, Value]
    facts: ReviewFacts

    def paragraphs(self) -> list[ReviewParagraph]:
        return [p for s in self.sections for sub in s.subsections for p in sub.paragraphs]

    def text(self) -> str:
        """Every paragraph's text, one a line (for tests and the news summary)."""
        return "\n".join(p.text for p in self.paragraphs())


def issuing_body(unit_name: str) -> str:
    """ "UỶ BAN NHÂN DÂN\\nTHÀNH PHỐ BẮC KẠN" for "Thành phố Bắc Kạn"."""
    return f"UỶ BAN NHÂN DÂN\n{unit_name.upper()}"


def default_recipients(facts: ReviewFacts) -> tuple[str, ...]:
    above = [f"UBND {lower_first(facts.parent_name)};"] if facts.parent_name else []
    below = ["Các xã, phường;"] if facts.children else []
    return (*above, f"Ban CHQS {lower_first(facts.org_unit.name)};", *below, "Lưu: VT.")


def _moment(text: str | None) -> str:
    if not text:
        return ""
    return datetime.fromisoformat(text).strftime("%d/%m/%Y")


def approval_line(approval: Approval) -> str:
    line = f"{approval.org_unit.name}: {STATUS_TEXT.get(approval.status, approval.status)}"
    if approval.status == "approved" and approval.approved_at:
        line += f" ngày {_moment(approval.approved_at)}"
    elif approval.status == "submitted" and approval.submitted_at:
        sent = _moment(approval.submitted_at)
        line = f"{approval.org_unit.name}: đã gửi ngày {sent}, chưa phê duyệt"
    if approval.locked_by:
        # The reference usually names the approval's date already ("… ngày 24/11/2023").
        locked = _moment(approval.locked_at)
        reference = approval.lock_reference
        line += (
            f"; số liệu đã khoá ({reference if locked in reference else f'{reference}, {locked}'})"
        )
    return line + "."


def _annex(facts: ReviewFacts) -> list[AnnexTable]:
    own = {code: figure.value for code, figure in facts.indicators.items()}
    rows_of = [(facts.org_unit.name, own)] + [
        (child.name, facts.by_unit.get(child.code, {})) for child in facts.children
    ]
    return [
        AnnexTable(
            title=title,
            columns=codes,
            labels=[ANNEX_LABELS[code] for code in codes],
            rows=[(name, [values.get(code) for code in codes]) for name, values in rows_of],
        )
        for title, codes in ANNEX_GROUPS
    ]


def build_review(facts: ReviewFacts, settings: ReviewSettings | None = None) -> ReviewContext:
    """The review of ``facts`` with the officer's ``settings`` (defaults when None)."""
    settings = settings or ReviewSettings()
    values = values_of(facts)
    defaults = default_paragraphs(facts)
    sections: dict[str, ReviewSection] = {}
    for number, sub_title, key, _ in PARAGRAPHS:
        section = sections.setdefault(
            number, ReviewSection(number, fill(SECTION_TITLES[number], values), [])
        )
        if not section.subsections or section.subsections[-1].title != sub_title:
            section.subsections.append(ReviewSubsection(sub_title, []))
        template = settings.paragraphs.get(key) or defaults[key]
        section.subsections[-1].paragraphs.append(
            ReviewParagraph(key, template, fill(template, values), key in settings.paragraphs)
        )
    unit = facts.org_unit.name
    header = DocumentHeader(
        parent_body="",
        issuing_body=issuing_body(unit),
        number=settings.number,
        place=settings.place or place_of(unit),
        issued_on=settings.issued_on,
        document_type="BÁO CÁO",
        summary=(
            f"Tổng kết công tác quốc phòng, quân sự địa phương năm {facts.year};\n"
            f"phương hướng, nhiệm vụ năm {facts.plan_year}"
        ),
    )
    approvals = [approval_line(a) for a in facts.approvals]
    approvals.append(f"Số liệu tính đến {_moment(facts.gathered_at)}.")
    return ReviewContext(
        header=header,
        sections=list(sections.values()),
        signer=Signer(
            title=settings.signer_title, name=settings.signer_name, acting_for="TM. UỶ BAN NHÂN DÂN"
        ),
        recipients=list(settings.recipients or default_recipients(facts)),
        annex_title=f"PHỤ LỤC\nSố liệu các chỉ tiêu năm {facts.year} theo đơn vị",
        annex_tables=_annex(facts),
        approval_lines=approvals,
        values=values,
        facts=facts,
    )


def to_report_document(context: ReviewContext) -> ReportDocument:
    """The context as the plain document ``qsdp.documents`` renders."""
    body: list[str | Paragraph] = []
    for section in context.sections:
        body.append(Paragraph(section.title, bold=True))
        for sub in section.subsections:
            if sub.title:
                body.append(Paragraph(sub.title, bold=True))
            body.extend(p.text for p in sub.paragraphs)
    tables = [
        ReportAnnexTable(
            title=table.title,
            columns=[
                TableColumn("unit", "Đơn vị", width_mm=40),
                *(
                    TableColumn(code, label, align=Align.RIGHT)
                    for code, label in zip(table.columns, table.labels, strict=True)
                ),
            ],
            rows=[
                {"unit": name, **dict(zip(table.columns, values, strict=True))}
                for name, values in table.rows
            ],
        )
        for table in context.annex_tables
    ]
    return ReportDocument(
        header=context.header,
        body=body,
        signer=context.signer,
        recipients=context.recipients,
        annex_title=context.annex_title,
        annex_tables=tables,
        annex_notes=[
            Paragraph("Tình trạng phê duyệt số liệu:", italic=True, indent=False),
            *(Paragraph(f"- {line}", indent=False) for line in context.approval_lines),
        ],
    )
