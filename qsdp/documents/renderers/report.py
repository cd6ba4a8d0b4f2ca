"""A report (``qsdp.documents.report.ReportDocument``) as DOCX or PDF.

The body, header and closing are laid out as the letters of ``docx`` and ``pdf``
are (their helpers are reused); the annex follows on a new page, each table
titled and bordered, its head repeated on every page.
"""

import re
from copy import deepcopy
from io import BytesIO
from typing import Any

from django.template.loader import render_to_string
from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt

from qsdp.documents.context import Align
from qsdp.documents.layout import (
    OFFICE_FONT,
    SIZE_BODY,
    SIZE_TABLE,
    cell_text,
    column_widths_mm,
    content_width_mm,
    header_lines,
    nfc,
    text_lines,
)
from qsdp.documents.renderers import docx as docx_parts
from qsdp.documents.renderers import pdf as pdf_parts
from qsdp.documents.report import ReportAnnexTable, ReportDocument

THEME_FONTS = [qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")]
SCRIPT_FONTS = [qn(f"w:{a}") for a in ("ascii", "hAnsi", "eastAsia", "cs")]
PLAIN = re.compile(r"[^\t\r\n]+")  # a cell text python-docx writes as one ``w:t``


def render_report_docx(doc: ReportDocument) -> bytes:
    document = Document()
    docx_parts._page_setup(document, landscape=False)
    _east_asian_fonts(document)
    width = content_width_mm(landscape=False)
    docx_parts._header(document, doc, width)  # type: ignore[arg-type]
    docx_parts._paragraphs(document, doc.body)
    docx_parts._closing(document, doc.signer, doc.recipients, width)
    if doc.annex_title or doc.annex_tables:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for line in text_lines(doc.annex_title):
            docx_parts._line(document, line, size=SIZE_BODY, bold=True)
        for table in doc.annex_tables:
            _annex_table(document, table, width)
        docx_parts._paragraphs(document, doc.annex_notes)
    _run_fonts(document)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _office_font(fonts: Any) -> None:
    """A ``w:rFonts`` naming Times New Roman for every script, and no theme font (which
    would win over it)."""
    for attribute in THEME_FONTS:
        fonts.attrib.pop(attribute, None)
    for attribute in SCRIPT_FONTS:
        fonts.set(attribute, OFFICE_FONT)


def _east_asian_fonts(document: Any) -> None:
    """Every style names Times New Roman for all scripts, so no run falls back to a
    theme or East-Asian font (Word picks the font by the script of each character)."""
    for style in document.styles:
        element = getattr(style, "element", None)
        if element is None or style.type not in (1, 3):  # paragraph and table styles
            continue
        _office_font(element.get_or_add_rPr().get_or_add_rFonts())


def _run_fonts(document: Any) -> None:
    """Times New Roman on every run as well, for editors that read the run before the style."""
    for part in (document.element.body, *(s.header._element for s in document.sections)):
        for run in part.iter(qn("w:r")):
            _office_font(run.get_or_add_rPr().get_or_add_rFonts())


def _annex_table(document: Any, annex: ReportAnnexTable, width: float) -> None:
    title = docx_parts._line(
        document, nfc(annex.title), size=SIZE_BODY, bold=True, align=Align.LEFT
    )
    title.paragraph_format.space_before = Pt(6)
    widths = column_widths_mm(annex.columns, width)
    # The head, and a model data row formatted once and copied for every record.
    table = document.add_table(rows=2, cols=len(annex.columns))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    head, model = table.rows
    docx_parts._repeat_as_header(head)
    for index, column in enumerate(annex.columns):
        docx_parts._line(
            head.cells[index], nfc(column.title), size=SIZE_TABLE, bold=True, first=True
        )
        head.cells[index].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell = docx_parts._line(
            model.cells[index], "", size=SIZE_TABLE, align=Align(column.align), first=True
        )
        # The fonts ``_run_fonts`` would give each copy, given once.
        _office_font(cell.runs[0]._r.get_or_add_rPr().get_or_add_rFonts())
    docx_parts._set_widths(table, widths)
    texts = [[cell_text(record.get(c.key)) for c in annex.columns] for record in annex.rows]
    _copy_rows(model._tr, texts)


def _copy_rows(model: Any, rows: list[list[str]]) -> None:
    """A copy of the ``model`` row (``w:tr``, one empty run per cell) for each row of texts,
    in its place; the model goes. Formatting each cell through python-docx (each property a
    search of the children) took four fifths of the time of a 150-unit review."""
    for texts in rows:
        row = deepcopy(model)
        for run, text in zip(row.iter(qn("w:r")), texts, strict=True):
            if PLAIN.fullmatch(text):
                run.add_t(text)  # what ``run.text = text`` comes to, without its search
            elif text:
                run.text = text  # tabs and line breaks as ``w:tab`` and ``w:br``
        model.addprevious(row)
    model.getparent().remove(model)


@pdf_parts.collector_paused
def render_report_pdf(doc: ReportDocument) -> bytes:
    width = content_width_mm(landscape=False)
    tables = []
    for annex in doc.annex_tables:
        widths = column_widths_mm(annex.columns, width)
        tables.append(
            {
                "title": nfc(annex.title),
                "widths": [f"{w:.1f}mm" for w in widths],
                "titles": [nfc(c.title) for c in annex.columns],
                "rows": [
                    [
                        {"text": cell_text(row.get(c.key)), "align": Align(c.align).value}
                        for c in annex.columns
                    ]
                    for row in annex.rows
                ],
            }
        )
    html = render_to_string(
        "documents/report.html",
        {
            "title": nfc(doc.header.document_type),
            "orientation": "portrait",
            "document": {
                "header": header_lines(doc.header),
                "body": pdf_parts._paragraphs(doc.body),
                "closing": pdf_parts._closing(doc.signer, doc.recipients),
                "annex_title": text_lines(doc.annex_title),
                "annex_tables": tables,
                "annex_notes": pdf_parts._paragraphs(doc.annex_notes),
            },
        },
    )
    return pdf_parts._write_pdf(html)


def render_article_docx(headline: str, paragraphs: list[str]) -> bytes:
    """A news article (not an administrative document): a bold headline and justified
    paragraphs in Times New Roman on A4, for the press officer to paste or send."""
    document = Document()
    docx_parts._page_setup(document, landscape=False)
    _east_asian_fonts(document)
    docx_parts._line(document, nfc(headline), size=SIZE_BODY + 2, bold=True)
    docx_parts._paragraphs(document, paragraphs)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
