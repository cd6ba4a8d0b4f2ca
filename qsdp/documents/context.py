"""The plain objects a renderer is fed: no ORM, no request, only text, numbers and dates.

A selector in a domain app fills them; `qsdp.documents.renderers` turns them into a file.
Texts are given as they are to be printed (capitals where the form wants capitals);
a line break inside `parent_body`, `issuing_body` or `summary` is written as "\\n".
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class DocumentHeader:
    """The header of Decree 30/2020: issuing body, number, place and date, type and summary.

    `number` is the number and symbol after "Số:", e.g. "15/BC-BCHQS". Empty, the line
    keeps a blank for a hand-written number ("Số:      /…"); starting with "/", only the
    symbol is printed after the blank ("Số:      /BC-BCHQS"). Without `issued_on` the date
    line keeps blanks to fill in by hand.
    """

    parent_body: str  # e.g. "UBND THÀNH PHỐ BẮC KẠN" (capitals, not bold); may be ""
    issuing_body: str  # e.g. "BAN CHỈ HUY QUÂN SỰ\nTHÀNH PHỐ" (capitals, bold)
    number: str
    place: str  # e.g. "Bắc Kạn"
    issued_on: date | None
    document_type: str  # e.g. "DANH SÁCH", "BÁO CÁO", "LỆNH GỌI CÔNG DÂN NHẬP NGŨ"
    summary: str = ""  # e.g. "Công dân nhập ngũ năm 2023"


@dataclass(frozen=True)
class Signer:
    """The signature block: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / (space) / the name."""

    title: str  # e.g. "CHỈ HUY TRƯỞNG", "CHỦ TỊCH"
    name: str
    acting_for: str = ""  # e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỈ HUY TRƯỞNG"
    note: str = ""  # printed in italics under the title, e.g. "(Ký, ghi rõ họ tên, đóng dấu)"


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph with its own style."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph. A plain `str` in a document is a justified, indented paragraph.

    `runs`, when given, replace `text`: `Paragraph(runs=(Run("Họ và tên: "),
    Run("Phùng Chí Kiên", bold=True)))`.
    """

    text: str = ""
    bold: bool = False
    italic: bool = False
    align: Align = Align.JUSTIFY
    indent: bool = True  # first-line indent, as body paragraphs have
    runs: Sequence[Run] = ()

    @property
    def parts(self) -> tuple[Run, ...]:
        if self.runs:
            return tuple(self.runs)
        return (Run(self.text, bold=self.bold, italic=self.italic),)


def as_paragraph(item: "str | Paragraph") -> Paragraph:
    return item if isinstance(item, Paragraph) else Paragraph(item)


@dataclass(frozen=True)
class TableColumn:
    """A table column: `key` is looked up in each row, `title` heads the column."""

    key: str
    title: str
    width_mm: float | None = None  # None: shared out of what the fixed columns leave
    align: Align = Align.LEFT


@dataclass(frozen=True)
class TableDocument:
    """A list or a statistics table ("DANH SÁCH …", "BẢNG TỔNG HỢP …") under the header.

    Each row maps a column key to a value: `str`, `int`, `float`, `Decimal`, `date`,
    `datetime`, `bool` (printed "x" when true) or None (an empty cell).
    """

    header: DocumentHeader
    columns: Sequence[TableColumn]
    rows: Sequence[dict[str, object]]
    intro_paragraphs: Sequence[str | Paragraph] = ()
    closing_paragraphs: Sequence[str | Paragraph] = ()
    signer: Signer | None = None
    recipients: Sequence[str] = ()
    landscape: bool = False
    title_for_sheet: str = ""  # the XLSX sheet name; the document type when empty


@dataclass(frozen=True)
class LetterDocument:
    """A document of running text, such as an order ("LỆNH GỌI CÔNG DÂN NHẬP NGŨ") or a report.

    Give `render_pdf` a list of them to print one per page into one PDF.
    """

    header: DocumentHeader
    paragraphs: Sequence[str | Paragraph]
    signer: Signer | None = None
    recipients: Sequence[str] = ()
