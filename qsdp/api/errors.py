"""How the API says no: ``{"code", "message", "extra"}`` for every refusal.

A service's ``DomainError`` is a 400 (403 for ``AccessDenied``); DRF's own
errors (validation, authentication, permission, not found) get the same shape,
with the field errors of a serializer under ``extra.fields``."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from qsdp.core.errors import AccessDenied, DomainError

INVALID = "invalid"

# DRF's messages that its Vietnamese catalogue lacks and this API can send.
# Django merges every app's catalogue, so DRF's own gettext finds them in ours;
# they are listed here so that makemessages keeps them there.
DRF_MESSAGES = (
    gettext_noop("Authentication credentials were not provided."),
    gettext_noop("Incorrect authentication credentials."),
    gettext_noop("A valid integer is required."),
    gettext_noop('"{input}" is not a valid choice.'),
    gettext_noop("Ensure this value is greater than or equal to {min_value}."),
    gettext_noop("Ensure this value is less than or equal to {max_value}."),
    gettext_noop("Ensure this field has no more than {max_length} characters."),
    gettext_noop("String value too large."),
    gettext_noop("Must be a valid boolean."),
    gettext_noop("Not a valid string."),
    gettext_noop("This field may not be null."),
    gettext_noop("Surrogate characters are not allowed: U+{code_point:X}."),
    gettext_noop("Invalid data. Expected a dictionary, but got {datatype}."),
    gettext_noop("Invalid input."),
    gettext_noop("Invalid page."),
    gettext_noop("Malformed request."),
    gettext_noop('Unsupported media type "{media_type}" in request.'),
    gettext_noop("Could not satisfy the request Accept header."),
    gettext_noop("A server error occurred."),
)


def _field_errors(detail: Any) -> Any:
    return detail if isinstance(detail, dict) else {"non_field_errors": detail}


def _body(code: str, message: str, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"code": code, "message": str(message), "extra": extra or {}}


def _first_message(detail: Any) -> str:
    if isinstance(detail, dict):
        for value in detail.values():
            return _first_message(value)
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return str(detail)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, AccessDenied):
        return Response(_body(exc.code, exc.message, exc.extra), status.HTTP_403_FORBIDDEN)
    if isinstance(exc, DomainError):
        extra = dict(exc.extra)
        if exc.field:
            extra.setdefault("field", exc.field)
        return Response(_body(exc.code, exc.message, extra), status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ValidationError):
        # A model's full_clean in a service: the rules said yes, the column did not.
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or _("No such record in your area."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        response.data = _body(
            INVALID, _first_message(exc.detail), {"fields": _field_errors(exc.detail)}
        )
        return response
    response.data = _body(str(exc.default_code), _first_message(exc.detail))
    return response
