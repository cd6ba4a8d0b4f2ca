"""Send a rendered document as a download."""

import re
from typing import Literal
from urllib.parse import quote

from django.http import HttpResponse

from qsdp.core.text import fold
from qsdp.documents.layout import nfc

Kind = Literal["xlsx", "pdf", "docx"]

CONTENT_TYPES: dict[str, str] = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

_UNSAFE = re.compile(r"[^a-z0-9._-]+")


def download_filenames(filename: str, kind: Kind) -> tuple[str, str]:
    """The file's name in NFC with its extension, and its ASCII fallback.

    >>> download_filenames("Danh sách nhập ngũ 2023", "xlsx")
    ('Danh sách nhập ngũ 2023.xlsx', 'danh-sach-nhap-ngu-2023.xlsx')
    """
    name = " ".join(nfc(filename).replace("/", " ").replace("\\", " ").split())
    suffix = f".{kind}"
    if name.lower().endswith(suffix):
        name = name[: -len(suffix)]
    name = name or "document"
    ascii_name = _UNSAFE.sub("-", fold(name)).strip("-.") or "document"
    return f"{name}{suffix}", f"{ascii_name}{suffix}"


def document_response(content: bytes, *, filename: str, kind: Kind) -> HttpResponse:
    """An attachment response: the right content type, and a Vietnamese file name kept whole
    for browsers that read RFC 5987 `filename*` and folded to ASCII for those that do not."""
    if kind not in CONTENT_TYPES:
        raise ValueError(f"Unknown document kind {kind!r}.")
    name, ascii_name = download_filenames(filename, kind)
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
    )
    response["Content-Length"] = str(len(content))
    # Registers hold personal data: no shared or browser cache keeps a copy.
    response["Cache-Control"] = "private, no-store"
    return response
