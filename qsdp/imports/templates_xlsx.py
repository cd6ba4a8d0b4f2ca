"""The blank import template of each register: its header row as on the
official forms, and the row of column numbers officials put under it."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from qsdp.imports.columns import KIND_FIELDS


def template_workbook(kind: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    headers = ["STT", *(field.header for field in KIND_FIELDS[kind])]
    sheet.append(headers)
    sheet.append([f"({n})" for n in range(1, len(headers) + 1)])
    for index, _header in enumerate(headers, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.cell(row=1, column=index).alignment = Alignment(wrap_text=True)
        sheet.cell(row=2, column=index).alignment = Alignment(horizontal="center")
        sheet.column_dimensions[get_column_letter(index)].width = 6 if index == 1 else 18
    sheet.freeze_panes = "A3"
    # CCCDs as text, so Excel keeps their leading zeros.
    cccd = headers.index("Số CCCD") + 1
    for row in range(3, 1003):
        sheet.cell(row=row, column=cccd).number_format = "@"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
