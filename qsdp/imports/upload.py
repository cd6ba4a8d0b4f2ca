"""Defences of the upload: size, type by content (not by name), zip bombs
disguised as XLSX, and a generated name on disk."""

import os
import uuid
import zipfile
from pathlib import Path
from typing import IO

from django.conf import settings
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from qsdp.core.errors import DomainError
from qsdp.imports.errors import ImportErrorCode as Code

XLSX, XLS, CSV = ".xlsx", ".xls", ".csv"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A real workbook compresses text perhaps 10–30 times; a bomb, thousands.
MAX_RATIO = 200


def _limit_mb(name: str, default: int) -> int:
    return int(getattr(settings, name, default)) * 1024 * 1024


def sniff(head: bytes) -> str | None:
    """The file type its first bytes say, whatever its name says."""
    if head.startswith(_ZIP):
        return XLSX
    if head.startswith(_OLE):
        return XLS
    if b"\x00" not in head[:8192]:
        return CSV
    return None


def check_zip(handle: IO[bytes]) -> None:
    """Refuse a ZIP that would inflate past the limit, or inflates suspiciously."""
    try:
        with zipfile.ZipFile(handle) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            total = sum(m.file_size for m in members)
            packed = sum(m.compress_size for m in members) or 1
    except zipfile.BadZipFile:
        raise DomainError(
            Code.FILE_UNREADABLE, _("The file is not a readable Excel workbook.")
        ) from None
    if total > _limit_mb("QSDP_IMPORT_MAX_UNZIPPED_MB", 200) or total / packed > MAX_RATIO:
        raise DomainError(
            Code.ZIP_BOMB,
            _("The workbook unpacks to far more data than it holds; it was refused."),
            field="file",
        )
    if "xl/workbook.xml" not in names:
        raise DomainError(Code.FILE_TYPE, _("The file is not an Excel workbook."), field="file")


def check_upload(name: str, size: int, handle: IO[bytes]) -> str:
    """The file's real type (its extension on disk), or a DomainError."""
    if size > _limit_mb("QSDP_MAX_UPLOAD_MB", 20):
        raise DomainError(
            Code.FILE_TOO_LARGE,
            _("The file is larger than %(mb)s MB.")
            % {"mb": getattr(settings, "QSDP_MAX_UPLOAD_MB", 20)},
            field="file",
        )
    claimed = os.path.splitext(name)[1].lower()
    handle.seek(0)
    actual = sniff(handle.read(8192))
    handle.seek(0)
    if claimed not in (XLSX, XLS, CSV) or actual != claimed:
        raise DomainError(
            Code.FILE_TYPE,
            _("The file is not what its name says: upload an XLSX, XLS or CSV file."),
            field="file",
        )
    if actual == XLSX:
        check_zip(handle)
        handle.seek(0)
    return actual


def storage_dir() -> Path:
    directory = Path(settings.MEDIA_ROOT) / "imports"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def store(handle: IO[bytes], extension: str) -> str:
    """Save under a generated name; returns the path relative to MEDIA_ROOT."""
    name = f"{uuid.uuid4().hex}{extension}"
    with (storage_dir() / name).open("wb") as out:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            out.write(chunk)
    return f"imports/{name}"


def display_name(name: str) -> str:
    """The client's file name for display only (never a path on our disk)."""
    base = os.path.basename(name.replace("\\", "/")) or "file"
    return get_valid_filename(base)[:255] if get_valid_filename(base) else "file"
