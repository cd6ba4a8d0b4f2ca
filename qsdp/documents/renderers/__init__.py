"""Renderers: a context object from `qsdp.documents.context` in, the file's bytes out."""

from qsdp.documents.renderers.docx import render_docx
from qsdp.documents.renderers.pdf import render_pdf
from qsdp.documents.renderers.xlsx import render_xlsx

__all__ = ["render_docx", "render_pdf", "render_xlsx"]
