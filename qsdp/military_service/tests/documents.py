"""Reading the documents back in tests: the table of an XLSX, the text of a PDF."""

from io import BytesIO

from pypdf import PdfReader
from python_calamine import CalamineWorkbook


def xlsx_table(content: bytes) -> tuple[list[object], list[list[object]]]:
    """The head of the table (the row starting "STT") and the rows under its
    row of column numbers, up to the first row without a number."""
    rows = CalamineWorkbook.from_filelike(BytesIO(content)).get_sheet_by_index(0).to_python()
    start = next(i for i, row in enumerate(rows) if row and row[0] == "STT")
    body = []
    for row in rows[start + 2 :]:
        if not isinstance(row[0], int | float) or isinstance(row[0], bool):
            break
        body.append(row)
    return rows[start], body


def xlsx_text(content: bytes) -> str:
    rows = CalamineWorkbook.from_filelike(BytesIO(content)).get_sheet_by_index(0).to_python()
    return "\n".join(" ".join(str(cell) for cell in row) for row in rows)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(content)).pages]
