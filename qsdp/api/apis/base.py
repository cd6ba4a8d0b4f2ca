"""What the API views share: parsing query parameters, the unit filter, the
disclosure of sensitive fields, pages, and the documented error responses."""

from collections.abc import Sequence
from typing import Any

from django.db.models import Model, QuerySet
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from qsdp.accounts.models import User
from qsdp.accounts.scoping import scope_for
from qsdp.api.serializers.common import ErrorSerializer, SensitiveQuerySerializer
from qsdp.core.audit import record_access
from qsdp.core.privacy import may_read_sensitive
from qsdp.orgunits.models import OrgUnit
from qsdp.orgunits.selectors import org_unit_get

_ERROR_TEXT = {
    400: "Invalid parameters, or refused by the register's rules (code, message, extra).",
    401: "No credentials, or a token that is unknown, revoked or expired.",
    403: "The role may read these records but not change them.",
    404: "No such record in the caller's area (also: no such page).",
}

PK = OpenApiParameter(
    "id", {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}, OpenApiParameter.PATH
)


def errors(*codes: int) -> dict[int, OpenApiResponse]:
    """The error responses of an endpoint, for ``extend_schema(responses=...)``."""
    return {code: OpenApiResponse(ErrorSerializer, description=_ERROR_TEXT[code]) for code in codes}


def parsed(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """The validated query parameters (a 400 with the field errors otherwise)."""
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class ApiRequest(Request):
    """A request past ``IsAuthenticated`` (for type checking)."""

    user: User  # type: ignore[assignment]


def unit_filter(user: User, pk: int | None) -> OrgUnit | None:
    """The unit named by the ``org_unit`` parameter, 404 outside the caller's area."""
    return None if pk is None else org_unit_get(user=user, pk=pk)


def may_disclose(user: User, *paths: str) -> bool:
    """Sensitive fields are for the roles that work with them
    (``qsdp.core.privacy.SENSITIVE_READERS``) and keep the record (write over
    it); the others (the leader, the administrator) see them masked."""
    scope = scope_for(user)
    return may_read_sensitive(scope.roles) and any(
        scope.covers(path, write=True) for path in paths if path
    )


def disclose(
    request: ApiRequest,
    *,
    path: str,
    target: Model,
    fields: Sequence[str],
    purpose: str,
    person_id: int | None,
) -> bool:
    """Whether the sensitive ``fields`` of ``target`` are shown: asked for
    (``?sensitive=true``) by a role that may see them; the read is then logged."""
    asked = parsed(SensitiveQuerySerializer, request)["sensitive"]
    if not (asked and may_disclose(request.user, path)):
        return False
    record_access(
        actor=request.user, target=target, fields=list(fields), purpose=purpose,
        person_id=person_id,
    )  # fmt: skip
    return True


class ListApi(generics.GenericAPIView):
    """A paginated list; subclasses build the rows and pick the serializer."""

    def page(self, rows: QuerySet[Any] | Sequence[Any], **context: Any) -> Response:
        page = self.paginate_queryset(rows)  # type: ignore[arg-type]
        serializer = self.get_serializer(page, many=True, context={**context})
        return self.get_paginated_response(serializer.data)
