"""The org-unit tree, the indicators of a unit and year, the submissions of a
year and the annual report."""

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from qsdp.api.apis.base import ApiRequest, ListApi, errors, parsed, unit_filter
from qsdp.api.serializers.common import YearFilterSerializer
from qsdp.api.serializers.registers import (
    AnnualReportSerializer,
    IndicatorReportSerializer,
    OnDateSerializer,
    OrgUnitSerializer,
    SubmissionSerializer,
    UnitYearSerializer,
)
from qsdp.orgunits.selectors import org_unit_get, org_unit_tree
from qsdp.reporting.gather import compute
from qsdp.reporting.registry import INDICATOR_DEFS
from qsdp.reporting.selectors.submissions import submission_list
from qsdp.review.annual import annual_report_data


class OrgUnitTreeApi(ListApi):
    serializer_class = OrgUnitSerializer

    @extend_schema(
        summary="The units of the caller's area open on a date, in tree order",
        parameters=[OnDateSerializer],
        responses={200: OrgUnitSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        on = parsed(OnDateSerializer, request).get("on") or timezone.localdate()
        return self.page(org_unit_tree(user=request.user, on=on))


def _label(code: str) -> str:
    definition = INDICATOR_DEFS.get(code)
    return str(definition.label) if definition else code


class IndicatorListApi(ListApi):
    serializer_class = IndicatorReportSerializer
    pagination_class = None

    @extend_schema(
        summary="Every indicator of a unit's subtree in a year, computed live",
        parameters=[UnitYearSerializer],
        responses={200: IndicatorReportSerializer, **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        params = parsed(UnitYearSerializer, request)
        unit = org_unit_get(user=request.user, pk=params["org_unit"])
        values = compute(org_unit=unit, year=params["year"])
        report: dict[str, Any] = {
            "org_unit": unit,
            "year": params["year"],
            "indicators": [
                {**value.__dict__, "label": _label(code)} for code, value in values.items()
            ],
        }
        return Response(IndicatorReportSerializer(report).data)


class SubmissionListApi(ListApi):
    serializer_class = SubmissionSerializer

    @extend_schema(
        summary="The submissions of a year in the caller's area",
        parameters=[YearFilterSerializer],
        responses={200: SubmissionSerializer(many=True), **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        params = parsed(YearFilterSerializer, request)
        unit = unit_filter(request.user, params.get("org_unit"))
        return self.page(submission_list(user=request.user, year=params["year"], org_unit=unit))


class AnnualReportApi(ListApi):
    pagination_class = None

    @extend_schema(
        summary="The year-end review of a unit as data",
        parameters=[UnitYearSerializer],
        responses={200: AnnualReportSerializer, **errors(400, 401, 404)},
    )
    def get(self, request: ApiRequest) -> Response:
        params = parsed(UnitYearSerializer, request)
        unit = org_unit_get(user=request.user, pk=params["org_unit"])
        # The data is already plain JSON; the serializer documents its shape.
        return Response(annual_report_data(unit, params["year"]))
