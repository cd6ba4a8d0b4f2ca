"""The reserve and the militia: reservists and militia members."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from qsdp.api.apis.base import PK, ApiRequest, ListApi, disclose, errors, parsed, unit_filter
from qsdp.api.serializers.common import SensitiveQuerySerializer
from qsdp.api.serializers.registers import (
    MemberFilterSerializer,
    MilitiaMemberSerializer,
    ReservistFilterSerializer,
    ReservistSerializer,
)
from qsdp.militia.selectors.members import MemberFilters, member_get, member_list
from qsdp.reserves.selectors.reservists import ReservistFilters, reservist_get, reservist_list


class ReservistListApi(ListApi):
    serializer_class = ReservistSerializer

    @extend_schema(
        summary="Reservists in the caller's area (sensitive fields masked)",
        parameters=[ReservistFilterSerializer],
        responses={200: ReservistSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        params = parsed(ReservistFilterSerializer, request)
        filters = ReservistFilters(
            q=params["q"],
            org_unit=unit_filter(request.user, params.get("org_unit")),
            reserve_class=params.get("reserve_class"),
            status=params["status"],
        )
        rows = reservist_list(user=request.user, filters=filters, on=timezone.localdate())
        return self.page(rows)


class ReservistDetailApi(ListApi):
    serializer_class = ReservistSerializer

    @extend_schema(
        summary="One reservist",
        parameters=[PK, SensitiveQuerySerializer],
        responses={200: ReservistSerializer, **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest, pk: int) -> Response:
        reservist = reservist_get(user=request.user, pk=pk)
        shown = disclose(
            request,
            path=reservist.person.org_unit.path,
            target=reservist,
            fields=ReservistSerializer.masked_fields(),
            purpose="api.reservist_detail",
            person_id=reservist.person_id,
        )
        return Response(ReservistSerializer(reservist, context={"disclose": shown}).data)


class MilitiaMemberListApi(ListApi):
    serializer_class = MilitiaMemberSerializer

    @extend_schema(
        summary="Militia members in the caller's area",
        parameters=[MemberFilterSerializer],
        responses={200: MilitiaMemberSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        params = parsed(MemberFilterSerializer, request)
        filters = MemberFilters(
            q=params["q"],
            org_unit=unit_filter(request.user, params.get("org_unit")),
            militia_type=params["militia_type"],
            status=params["status"],
        )
        return self.page(member_list(user=request.user, filters=filters))


class MilitiaMemberDetailApi(ListApi):
    serializer_class = MilitiaMemberSerializer

    @extend_schema(
        summary="One militia member",
        parameters=[PK, SensitiveQuerySerializer],
        responses={200: MilitiaMemberSerializer, **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest, pk: int) -> Response:
        member = member_get(user=request.user, pk=pk)
        shown = disclose(
            request,
            path=member.org_unit.path,
            target=member,
            fields=MilitiaMemberSerializer.masked_fields(),
            purpose="api.militia_member_detail",
            person_id=member.person_id,
        )
        return Response(MilitiaMemberSerializer(member, context={"disclose": shown}).data)
