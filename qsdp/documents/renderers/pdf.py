"""PDF through WeasyPrint: an HTML template and the Decree 30 print stylesheet.

The font is Liberation Serif (Debian's fonts-liberation2): metric-compatible with Times New
Roman and complete for Vietnamese; WeasyPrint embeds the subset it uses.
"""

import gc
import logging
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.template.loader import render_to_string

from qsdp.documents.context import (
    Align,
    LetterDocument,
    Paragraph,
    Signer,
    TableDocument,
    as_paragraph,
)
from qsdp.documents.layout import (
    RECIPIENTS_LABEL,
    cell_text,
    column_widths_mm,
    content_width_mm,
    header_lines,
    nfc,
    signer_heading,
    text_lines,
)

P = ParamSpec("P")
R = TypeVar("R")


def collector_paused(render: Callable[P, R]) -> Callable[P, R]:
    """``render`` with Python's cyclic garbage collector off while it runs.

    WeasyPrint keeps hundreds of thousands of boxes and styles alive until the PDF is
    written, and each full collection walks them all: a quarter to a third of the time of
    the 21-page review of a province of 150 communes. Its cycles are collected after the
    render, as usual (that review's peak memory grows by some 2 MB). A collector the caller
    turned off stays off; renders in two threads may shorten each other's pause, never leave
    the collector off.
    """

    @wraps(render)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return render(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


@collector_paused
def render_pdf(doc: TableDocument | LetterDocument | Sequence[LetterDocument]) -> bytes:
    """The document as PDF bytes; a list of letters gives one letter per page (or more)."""
    if isinstance(doc, TableDocument):
        html = render_to_string(
            "documents/table_document.html",
            {
                "title": nfc(doc.header.document_type),
                "orientation": "landscape" if doc.landscape else "portrait",
                "document": _table_view(doc),
            },
        )
    else:
        letters = [doc] if isinstance(doc, LetterDocument) else list(doc)
        if not letters:
            raise ValueError("render_pdf needs at least one letter.")
        html = render_to_string(
            "documents/letters.html",
            {
                "title": nfc(letters[0].header.document_type),
                "orientation": "portrait",
                "letters": [_letter_view(letter) for letter in letters],
            },
        )
    return _write_pdf(html)


def _write_pdf(html: str) -> bytes:
    # Imported here: WeasyPrint loads Pango when imported, which only PDF output needs.
    # WeasyPrint's "Step 1 - …" lines, some logged as it is imported, are noise in the log.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # A document needs nothing from outside: no protocol is allowed, so no URL that data
    # could smuggle in (an image, a stylesheet) is ever fetched.
    fetcher = URLFetcher(allowed_protocols=())
    pdf: bytes = HTML(string=html, url_fetcher=fetcher).write_pdf()
    return pdf


def _paragraphs(items: Sequence[str | Paragraph]) -> list[dict[str, Any]]:
    views = []
    for item in items:
        paragraph = as_paragraph(item)
        views.append(
            {
                "align": Align(paragraph.align).value,
                "indent": paragraph.indent,
                "runs": [
                    {"text": nfc(run.text), "bold": run.bold, "italic": run.italic}
                    for run in paragraph.parts
                ],
            }
        )
    return views


def _closing(signer: Signer | None, recipients: Sequence[str]) -> dict[str, Any]:
    return {
        "recipients_label": RECIPIENTS_LABEL,
        "recipients": [nfc(r) for r in recipients],
        "signer": signer
        and {
            "heading": signer_heading(signer),
            "note": nfc(signer.note),
            "name": nfc(signer.name),
        },
    }


def _letter_view(letter: LetterDocument) -> dict[str, Any]:
    return {
        "header": header_lines(letter.header),
        "paragraphs": _paragraphs(letter.paragraphs),
        "closing": _closing(letter.signer, letter.recipients),
    }


def _table_view(doc: TableDocument) -> dict[str, Any]:
    widths = column_widths_mm(doc.columns, content_width_mm(landscape=doc.landscape))
    return {
        "header": header_lines(doc.header),
        "intro": _paragraphs(doc.intro_paragraphs),
        # Strings, not floats: the template would print "12,5" in Vietnamese.
        "widths": [f"{w:.1f}mm" for w in widths],
        "titles": ["\n".join(text_lines(c.title)) for c in doc.columns],
        "rows": [
            [
                {"text": cell_text(row.get(c.key)), "align": Align(c.align).value}
                for c in doc.columns
            ]
            for row in doc.rows
        ],
        "closing_paragraphs": _paragraphs(doc.closing_paragraphs),
        "closing": _closing(doc.signer, doc.recipients),
    }
