"""What every operations service shares: access, dates, uploaded files."""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from qsdp.accounts.scoping import require_write
from qsdp.core.errors import DomainError
from qsdp.military_service.rules.common import vn_date
from qsdp.operations.errors import OperationsErrorCode as Code


def guard(actor: Any, *paths: str) -> None:
    """403 unless ``actor`` may change records under one of ``paths`` (no actor: a loader)."""
    if actor is not None:
        require_write(actor, *paths)


def user_or_none(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def today() -> date:
    return timezone.localdate()


def check_not_future(on: date, field: str) -> None:
    if on > today():
        raise DomainError(
            Code.DATE_IN_FUTURE,
            _("The date %(date)s is in the future.") % {"date": vn_date(on)},
            field=field,
        )


def check_file(upload: UploadedFile | None, field: str = "file") -> None:
    limit = settings.QSDP_MAX_UPLOAD_MB
    if upload is not None and (upload.size or 0) > limit * 1024 * 1024:
        raise DomainError(
            Code.FILE_TOO_LARGE,
            _("The file is larger than %(limit)s MB.") % {"limit": limit},
            field=field,
        )
