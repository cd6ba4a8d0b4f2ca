"""A report (báo cáo): running text under the Decree 30 header, then an annex of tables.

Plain data like ``qsdp.documents.context``: the year-end review fills it and
``qsdp.documents.renderers.report`` turns it into DOCX or PDF. The annex starts
on a new page with its own title, its tables and notes (such as the approval
state of the figures).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from qsdp.documents.context import DocumentHeader, Paragraph, Signer, TableColumn


@dataclass(frozen=True)
class ReportAnnexTable:
    title: str
    columns: Sequence[TableColumn]
    rows: Sequence[dict[str, object]]


@dataclass(frozen=True)
class ReportDocument:
    header: DocumentHeader
    body: Sequence[str | Paragraph]
    signer: Signer | None = None
    recipients: Sequence[str] = ()
    annex_title: str = ""  # "PHỤ LỤC\n…"; a line break as "\n"
    annex_tables: Sequence[ReportAnnexTable] = ()
    annex_notes: Sequence[str | Paragraph] = ()
