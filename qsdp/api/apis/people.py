"""The person register: list, read, create and update through the UI's services."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from qsdp.accounts.scoping import require_write, units_in_scope
from qsdp.api.apis.base import PK, ApiRequest, ListApi, errors, may_disclose, parsed, unit_filter
from qsdp.api.serializers.common import SensitiveQuerySerializer
from qsdp.api.serializers.people import (
    PersonCreateSerializer,
    PersonFilterSerializer,
    PersonSerializer,
    PersonUpdateSerializer,
)
from qsdp.core.errors import DomainError
from qsdp.people import services
from qsdp.people.models import Person
from qsdp.people.selectors import PersonFilters, person_get, person_list, person_sensitive_read
from qsdp.people.services import EDITABLE_FIELDS, PersonData

PURPOSE = "api.person_detail"
UNIT_NOT_IN_AREA = "org_unit_not_in_area"


def _person_response(request: ApiRequest, person: Person, *, code: int = 200) -> Response:
    """The person, with the sensitive fields disclosed (and the read logged)
    when asked for by a role that keeps his record."""
    disclose = parsed(SensitiveQuerySerializer, request)["sensitive"] and may_disclose(
        request.user, person.org_unit.path
    )
    if disclose:
        person_sensitive_read(user=request.user, person=person, purpose=PURPOSE)
    return Response(PersonSerializer(person, context={"disclose": disclose}).data, status=code)


class PersonListApi(ListApi):
    serializer_class = PersonSerializer

    @extend_schema(
        summary="People in the caller's area",
        parameters=[PersonFilterSerializer],
        responses={200: PersonSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        params = parsed(PersonFilterSerializer, request)
        filters = PersonFilters(
            q=params["q"],
            org_unit=unit_filter(request.user, params.get("org_unit")),
            sex=params["sex"],
            birth_year=params.get("birth_year"),
            status=params["status"],
        )
        return self.page(person_list(user=request.user, filters=filters).distinct())

    @extend_schema(
        summary="Record a person and his first residence",
        request=PersonCreateSerializer,
        responses={201: PersonSerializer, **errors(400, 401, 403)},
    )
    def post(self, request: ApiRequest) -> Response:
        payload = PersonCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        unit = units_in_scope(request.user).filter(pk=data["org_unit"]).first()
        if unit is None:
            if not units_in_scope(request.user, write=True).exists():
                require_write(request.user, "")  # a read-only role: 403
            raise DomainError(UNIT_NOT_IN_AREA, _("No such unit in your area."), field="org_unit")
        person = services.person_create(
            actor=request.user,
            org_unit=unit,
            data=payload.person_data(),
            residence_started_on=data["residence_started_on"],
            allow_namesake=data["allow_namesake"],
        )
        return _person_response(request, person, code=status.HTTP_201_CREATED)


class PersonDetailApi(ListApi):
    serializer_class = PersonSerializer

    @extend_schema(
        summary="One person",
        parameters=[PK, SensitiveQuerySerializer],
        responses={200: PersonSerializer, **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest, pk: int) -> Response:
        return _person_response(request, person_get(user=request.user, pk=pk))

    @extend_schema(
        summary="Change a person's own fields",
        parameters=[PK],
        request=PersonUpdateSerializer(partial=True),
        responses={200: PersonSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request: ApiRequest, pk: int) -> Response:
        person = person_get(user=request.user, pk=pk)
        require_write(request.user, person.org_unit.path)
        payload = PersonUpdateSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        current = PersonData(**{name: getattr(person, name) for name in EDITABLE_FIELDS})
        person = services.person_update(
            actor=request.user,
            person=person,
            data=payload.person_data(current),
            allow_namesake=payload.validated_data.get("allow_namesake", False),
            version=payload.validated_data.get("version"),
        )
        return _person_response(request, person)
