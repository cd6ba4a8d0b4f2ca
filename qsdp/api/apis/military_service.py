"""The military-service register: a person's events, first registrations,
quotas down the tree and the ranked call-up lists."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from qsdp.api.apis.base import PK, ApiRequest, ListApi, disclose, errors, parsed, unit_filter
from qsdp.api.selectors import person_service_events
from qsdp.api.serializers.common import SensitiveQuerySerializer, YearFilterSerializer
from qsdp.api.serializers.registers import (
    CallUpYearSerializer,
    CandidateSerializer,
    QuotaSerializer,
    RegistrationSerializer,
    ServiceEventSerializer,
)
from qsdp.military_service.selectors import candidate_list, quota_tree, registration_list


class ServiceEventListApi(ListApi):
    serializer_class = ServiceEventSerializer

    @extend_schema(
        summary="A person's military-service events",
        parameters=[PK, SensitiveQuerySerializer],
        responses={200: ServiceEventSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest, pk: int) -> Response:
        person, events = person_service_events(user=request.user, person_id=pk)
        shown = disclose(
            request,
            path=person.org_unit.path,
            target=person,
            fields=ServiceEventSerializer.masked_fields(),
            purpose="api.service_events",
            person_id=person.pk,
        )
        return self.page(events, disclose=shown)


class RegistrationListApi(ListApi):
    serializer_class = RegistrationSerializer

    @extend_schema(
        summary="First registrations made in a year",
        parameters=[YearFilterSerializer],
        responses={200: RegistrationSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        params = parsed(YearFilterSerializer, request)
        unit = unit_filter(request.user, params.get("org_unit"))
        return self.page(registration_list(user=request.user, year=params["year"], org_unit=unit))


class QuotaListApi(ListApi):
    serializer_class = QuotaSerializer

    @extend_schema(
        summary="Call-up quotas of a year down the tree",
        parameters=[CallUpYearSerializer],
        responses={200: QuotaSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        params = parsed(CallUpYearSerializer, request)
        unit = unit_filter(request.user, params.get("org_unit"))
        rows = quota_tree(user=request.user, call_up_year=params["call_up_year"], org_unit=unit)
        return self.page(rows)


class CandidateListApi(ListApi):
    serializer_class = CandidateSerializer

    @extend_schema(
        summary="The ranked call-up lists of a year",
        parameters=[CallUpYearSerializer],
        responses={200: CandidateSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        params = parsed(CallUpYearSerializer, request)
        unit = unit_filter(request.user, params.get("org_unit"))
        rows = candidate_list(user=request.user, call_up_year=params["call_up_year"], org_unit=unit)
        return self.page(rows)
