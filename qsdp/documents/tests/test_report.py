import gc
from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from qsdp.documents.context import Align, DocumentHeader, TableColumn
from qsdp.documents.renderers.report import render_report_docx, render_report_pdf
from qsdp.documents.report import ReportAnnexTable, ReportDocument
from qsdp.documents.tests.test_pdf import collections_in_weasyprint

COLUMNS = [
    TableColumn("unit", "Đơn vị", width_mm=40),
    TableColumn("quota", "Chỉ tiêu", align=Align.RIGHT),
    TableColumn("pct", "Đạt (%)", align=Align.RIGHT),
]
ROWS = [
    {"unit": "Xã Dương Quang", "quota": 12, "pct": 87.5},
    {"unit": "Phường Đức Xuân", "quota": None, "pct": 100.0},
    {"unit": "Phường\tSông Cầu\nmới", "quota": 0, "pct": None},
    {"unit": " Xã Nông Thượng ", "quota": 7},
]


def report(rows) -> ReportDocument:
    return ReportDocument(
        header=DocumentHeader(
            "", "UỶ BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN", "", "Bắc Kạn", None, "BÁO CÁO"
        ),
        body=["Năm 2023, thành phố hoàn thành chỉ tiêu giao quân."],
        annex_title="PHỤ LỤC",
        annex_tables=[ReportAnnexTable("Tuyển quân", COLUMNS, rows)],
    )


def annex(rows):
    return Document(BytesIO(render_report_docx(report(rows)))).tables[-1]


def cell_paragraph_as_python_docx_writes_it(text: str, align: WD_ALIGN_PARAGRAPH) -> bytes:
    """A table cell's paragraph formatted run by run through python-docx."""
    cell = Document().add_table(rows=1, cols=1).cell(0, 0)
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.font.size = Pt(12)
    run.bold = run.italic = run.underline = False
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), "Times New Roman")
    return etree.tostring(paragraph._p)


def test_the_annex_has_a_row_per_unit_with_its_texts():
    table = annex(ROWS)

    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Đơn vị", "Chỉ tiêu", "Đạt (%)"],
        ["Xã Dương Quang", "12", "87,5"],
        ["Phường Đức Xuân", "", "100"],
        ["Phường\tSông Cầu\nmới", "0", ""],
        [" Xã Nông Thượng ", "7", ""],
    ]


def test_every_annex_cell_is_the_paragraph_python_docx_writes_for_it():
    table = annex(ROWS)
    aligns = [WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT]

    for row in table.rows[1:]:
        for cell, align in zip(row.cells, aligns, strict=True):
            expected = cell_paragraph_as_python_docx_writes_it(cell.text, align)
            assert etree.tostring(cell.paragraphs[0]._p) == expected


def test_every_annex_row_has_the_column_widths_and_repeats_no_head():
    table = annex(ROWS)

    widths = [[round(cell.width.mm, 1) for cell in row.cells] for row in table.rows]
    assert widths == [[40.0, 62.5, 62.5]] * 5
    repeated = [
        row._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for row in table.rows
    ]
    assert repeated == [True, False, False, False, False]


def test_an_annex_table_without_units_has_its_head_only():
    table = annex([])

    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Đơn vị", "Chỉ tiêu", "Đạt (%)"]
    ]


def test_the_collector_does_not_run_while_weasyprint_lays_out_the_annex():
    long_report = report(ROWS * 20)

    assert collections_in_weasyprint(lambda: render_report_pdf(long_report)) == 0
    assert gc.isenabled()
