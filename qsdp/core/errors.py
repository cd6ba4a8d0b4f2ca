"""Domain errors: a code a program can match and a message a person can read."""

from enum import Enum


class DomainError(Exception):
    """Raised by services and rules when the law or the data refuses an action.

    ``field`` names the form field the message belongs to, so the UI can show it
    next to that field; ``extra`` carries machine-readable detail for the API.
    """

    def __init__(
        self,
        code: Enum | str,
        message: str,
        *,
        field: str | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        self.code = code.value if isinstance(code, Enum) else code
        self.message = str(message)
        self.field = field
        self.extra = extra or {}
        super().__init__(self.message)

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "extra": self.extra}


class AccessDenied(DomainError):
    """The user may read the record but not change it (HTTP 403)."""

    def __init__(self, message: str) -> None:
        super().__init__("access_denied", message)
