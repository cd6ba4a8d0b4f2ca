"""DOCX through python-docx, built in code (no template file): the layout of Decree 30.

A4 with the decree's margins, Times New Roman, the two-column header, the body justified,
the recipients and the signer side by side, and the page number centred in the header from
the second page (a different first-page header that stays empty, a PAGE field in the other).
"""

from collections.abc import Sequence
from io import BytesIO
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from qsdp.documents.context import (
    Align,
    LetterDocument,
    Paragraph,
    Signer,
    TableDocument,
    as_paragraph,
)
from qsdp.documents.layout import (
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    OFFICE_FONT,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    RECIPIENTS_LABEL,
    SIZE_BODY,
    SIZE_HEADER,
    SIZE_RECIPIENTS,
    SIZE_RECIPIENTS_LABEL,
    SIZE_TABLE,
    cell_text,
    column_widths_mm,
    content_width_mm,
    header_lines,
    nfc,
    signer_heading,
    text_lines,
)

ALIGNMENTS = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
FIRST_LINE_INDENT_MM = 10
HEADER_SPLIT = 0.4  # the issuing body's share of the width; the national name has the rest


def render_docx(doc: TableDocument | LetterDocument) -> bytes:
    """The document as DOCX bytes."""
    landscape = isinstance(doc, TableDocument) and doc.landscape
    document = Document()
    _page_setup(document, landscape=landscape)
    width = content_width_mm(landscape=landscape)

    _header(document, doc, width)
    if isinstance(doc, TableDocument):
        _paragraphs(document, doc.intro_paragraphs)
        _table(document, doc, width)
        _paragraphs(document, doc.closing_paragraphs)
    else:
        _paragraphs(document, doc.paragraphs)
    _closing(document, doc.signer, doc.recipients, width)

    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page_setup(document: Any, *, landscape: bool) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (
        (PAGE_HEIGHT_MM, PAGE_WIDTH_MM) if landscape else (PAGE_WIDTH_MM, PAGE_HEIGHT_MM)
    )
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)

    # Times New Roman everywhere: the defaults name theme fonts, which would win over it.
    fonts = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = fonts.find(qn("w:rPr")).find(qn("w:rFonts"))
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), OFFICE_FONT)
    normal = document.styles["Normal"]
    normal.font.name = OFFICE_FONT
    normal.font.size = Pt(SIZE_BODY)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    # The page number, centred in the top margin, from the second page on.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number.add_run())
    number.runs[0].font.size = Pt(SIZE_HEADER)


def _page_field(run: Any) -> None:
    """A PAGE field: begin, instruction, separate, a placeholder, end."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
    placeholder = OxmlElement("w:t")
    placeholder.text = "2"
    run._r.append(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _line(
    container: Any,
    text: str,
    *,
    size: float = SIZE_BODY,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: Align = Align.CENTER,
    first: bool = False,
) -> Any:
    """One paragraph of one run; `first` reuses the empty paragraph a new cell comes with."""
    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    paragraph.alignment = ALIGNMENTS[align]
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    return paragraph


def _rule(container: Any, width_mm: float, rule_mm: float) -> None:
    """A short solid rule, centred: an empty paragraph's bottom border between indents."""
    paragraph = container.add_paragraph()
    indent = max((width_mm - rule_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(indent)
    paragraph.paragraph_format.right_indent = Mm(indent)
    paragraph.paragraph_format.line_spacing = Pt(3)
    paragraph.paragraph_format.space_before = Pt(3)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _set_widths(table: Any, widths_mm: Sequence[float]) -> None:
    """Column widths in the grid (LibreOffice reads these) and in every cell (Word does)."""
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _layout_table(document: Any, rows: int, widths_mm: Sequence[float]) -> Any:
    """A borderless table of fixed column widths and no cell padding, for blocks side by side."""
    table = document.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_widths(table, widths_mm)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)
    return table


def _header(document: Any, doc: TableDocument | LetterDocument, width: float) -> None:
    lines = header_lines(doc.header)
    left, right = width * HEADER_SPLIT, width * (1 - HEADER_SPLIT)
    table = _layout_table(document, 2, [left, right])
    body, nation = table.rows[0].cells
    first = True
    for text in lines.parent_lines:
        _line(body, text, size=SIZE_HEADER, first=first)
        first = False
    for text in lines.issuing_lines:
        _line(body, text, size=SIZE_HEADER, bold=True, first=first)
        first = False
    _rule(body, left, left / 3)
    _line(nation, lines.national_name, size=SIZE_HEADER, bold=True, first=True)
    _line(nation, lines.motto, bold=True, underline=True)
    number, place_date = table.rows[1].cells
    _line(number, lines.number, size=SIZE_HEADER, first=True).paragraph_format.space_before = Pt(6)
    _line(place_date, lines.date, italic=True, first=True).paragraph_format.space_before = Pt(6)

    title = _line(document, lines.document_type, bold=True)
    title.paragraph_format.space_before = Pt(18)
    for text in lines.summary_lines:
        _line(document, text, bold=True)
    _rule(document, width, width / 4)
    document.add_paragraph().paragraph_format.space_after = Pt(6)


def _paragraphs(document: Any, items: Sequence[str | Paragraph]) -> None:
    for item in items:
        paragraph = as_paragraph(item)
        out = document.add_paragraph()
        out.alignment = ALIGNMENTS[Align(paragraph.align)]
        out.paragraph_format.space_after = Pt(6)
        if paragraph.indent:
            out.paragraph_format.first_line_indent = Mm(FIRST_LINE_INDENT_MM)
        for part in paragraph.parts:
            run = out.add_run(nfc(part.text))
            run.bold, run.italic = part.bold, part.italic


def _repeat_as_header(row: Any) -> None:
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def _table(document: Any, doc: TableDocument, width: float) -> None:
    widths = column_widths_mm(doc.columns, width)
    table = document.add_table(rows=2 + len(doc.rows), cols=len(doc.columns))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head, numbers = table.rows[0], table.rows[1]
    _repeat_as_header(head)
    _repeat_as_header(numbers)
    for index, column in enumerate(doc.columns):
        _line(
            head.cells[index],
            "\n".join(text_lines(column.title)),
            size=SIZE_TABLE,
            bold=True,
            first=True,
        )
        _line(numbers.cells[index], f"({index + 1})", size=SIZE_TABLE - 1, italic=True, first=True)
        head.cells[index].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for row, record in zip(table.rows[2:], doc.rows, strict=True):
        for index, column in enumerate(doc.columns):
            text = cell_text(record.get(column.key))
            _line(row.cells[index], text, size=SIZE_TABLE, align=Align(column.align), first=True)
    _set_widths(table, widths)
    document.add_paragraph()


def _closing(document: Any, signer: Signer | None, recipients: Sequence[str], width: float) -> None:
    if not (signer or recipients):
        return
    table = _layout_table(document, 1, [width / 2, width / 2])
    left, right = table.rows[0].cells
    if recipients:
        _line(
            left,
            RECIPIENTS_LABEL,
            size=SIZE_RECIPIENTS_LABEL,
            bold=True,
            italic=True,
            align=Align.LEFT,
            first=True,
        )
        for recipient in recipients:
            _line(left, f"- {nfc(recipient)}", size=SIZE_RECIPIENTS, align=Align.LEFT)
    if signer:
        first = True
        for text in signer_heading(signer):
            _line(right, text, bold=True, first=first)
            first = False
        if signer.note:
            _line(right, nfc(signer.note), italic=True)
        for _ in range(4):  # room for the signature and the seal
            _line(right, "")
        _line(right, nfc(signer.name), bold=True)
