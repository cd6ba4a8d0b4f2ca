"""How long each kind of record is kept, and what happens when it expires.

Law 91/2025/QH15 asks that personal data be kept no longer than its purpose
needs, unless a law requires more; the periods below are not set by any text we
could read and are marked [U] (unconfirmed) until the data-protection officer
confirms them. An operator overrides a period with the ``QSDP_RETENTION_YEARS``
setting, e.g. ``{"access_log": 10}``. ``manage.py purge_expired`` applies them.
"""

from dataclasses import dataclass
from enum import Enum

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Expiry(Enum):
    DELETE = "delete"
    ANONYMISE = "anonymise"
    KEEP = "keep"


@dataclass(frozen=True)
class RetentionPolicy:
    key: str
    record: str | Promise  # what is kept
    years: int | None  # None: kept for good
    after: str | Promise  # the event the period runs from
    expiry: Expiry
    basis: str
    confirmed: bool = False  # False: [U]


POLICIES: tuple[RetentionPolicy, ...] = (
    RetentionPolicy(
        "access_log",
        _("reads of sensitive fields (access log)"),
        5,
        _("the read"),
        Expiry.DELETE,
        "Luật 91/2025/QH15 (nhật ký xử lý dữ liệu) — thời hạn [U]",
    ),
    RetentionPolicy(
        "login_attempts",
        _("sign-in attempts and their IP addresses"),
        1,
        _("the attempt"),
        Expiry.DELETE,
        "Luật 91/2025/QH15 (tối thiểu hóa) — thời hạn [U]",
    ),
    RetentionPolicy(
        "moved_away",
        _("the register entry of a person who moved out of every unit of the system"),
        5,
        _("the end of the last residence"),
        Expiry.ANONYMISE,
        "Luật 91/2025/QH15 (tối thiểu hóa) — thời hạn [U]",
    ),
    RetentionPolicy(
        "military_service_register",
        _("the military-service and reserve register of a living person of service age"),
        None,
        _("kept while the person is of service age (men to 45, women to 40)"),
        Expiry.KEEP,
        "Luật NVQS 78/2015/QH13; Luật NVQS Điều 25 (tuổi phục vụ dự bị)",
        confirmed=True,
    ),
    RetentionPolicy(
        "audit_trail",
        _("the audit trail of changes"),
        None,
        _("kept as the record of processing"),
        Expiry.KEEP,
        "Luật 91/2025/QH15 (ghi nhật ký hệ thống xử lý) — thời hạn [U]",
    ),
)


def policy(key: str) -> RetentionPolicy:
    return next(p for p in POLICIES if p.key == key)


def years_for(key: str) -> int | None:
    """The period in force: the operator's ``QSDP_RETENTION_YEARS`` or the default."""
    overrides: dict[str, int] = getattr(settings, "QSDP_RETENTION_YEARS", {})
    return overrides.get(key, policy(key).years)
