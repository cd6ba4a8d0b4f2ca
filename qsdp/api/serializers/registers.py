"""The registers as the API shows them: military service, reserve, militia,
the org-unit tree, indicators and submissions. Codes are given as stored (the
labels are the UI's); sensitive fields are null unless disclosed."""

from rest_framework import serializers

from qsdp.api.serializers.common import (
    MAX_YEAR,
    MIN_YEAR,
    MaskedSerializer,
    PersonRefSerializer,
    UnitRefSerializer,
)


class ServiceEventSerializer(MaskedSerializer):
    privacy_models = ("military_service.serviceevent", "military_service.healthexam")

    id = serializers.IntegerField()
    kind = serializers.CharField()
    occurred_on = serializers.DateField()
    org_unit = UnitRefSerializer()
    call_up_year = serializers.IntegerField(allow_null=True)
    decision_number = serializers.CharField()
    decided_on = serializers.DateField(allow_null=True)
    signer = serializers.CharField()
    valid_until = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)
    cancelled_on = serializers.DateField(allow_null=True)
    cancel_reason = serializers.CharField()
    reason_code = serializers.CharField(allow_null=True, help_text="Sensitive.")
    legal_point = serializers.CharField(allow_null=True, help_text="Sensitive.")
    health_class = serializers.IntegerField(
        allow_null=True, source="health_exam.health_class", default=None, help_text="Sensitive."
    )


class RegistrationSerializer(serializers.Serializer):
    """A first registration (NVQS Điều 16) made in the year."""

    id = serializers.IntegerField()
    person = PersonRefSerializer()
    org_unit = UnitRefSerializer()
    occurred_on = serializers.DateField()
    channel = serializers.CharField(source="details.channel", default="")


class QuotaSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="quota.id")
    call_up_year = serializers.IntegerField(source="quota.call_up_year")
    org_unit = UnitRefSerializer(source="quota.org_unit")
    parent_id = serializers.IntegerField(source="quota.parent_id", allow_null=True)
    number = serializers.IntegerField(source="quota.number")
    decided_on = serializers.DateField(source="quota.decided_on")
    decision_number = serializers.CharField(source="quota.decision_number")
    depth = serializers.IntegerField()
    handed_down = serializers.IntegerField()
    remainder = serializers.IntegerField()
    enlisted = serializers.IntegerField()


class CandidateSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    call_up_year = serializers.IntegerField()
    person = PersonRefSerializer()
    org_unit = UnitRefSerializer()
    list_kind = serializers.CharField()
    rank = serializers.IntegerField()
    status = serializers.CharField()
    approved_on = serializers.DateField(allow_null=True)
    withdrawn_on = serializers.DateField(allow_null=True)
    order_number = serializers.CharField(allow_null=True)
    enlisted_on = serializers.DateField(allow_null=True)


class CallUpYearSerializer(serializers.Serializer):
    call_up_year = serializers.IntegerField(min_value=MIN_YEAR, max_value=MAX_YEAR)
    org_unit = serializers.IntegerField(required=False, min_value=1)


class ReservistSerializer(MaskedSerializer):
    privacy_models = ("reserves.reservist",)

    id = serializers.IntegerField()
    person = PersonRefSerializer()
    managed_by = UnitRefSerializer()
    reserve_class = serializers.IntegerField()
    rank_group = serializers.CharField()
    rank = serializers.CharField()
    specialty_code = serializers.CharField()
    specialty_name = serializers.CharField()
    registered_on = serializers.DateField()
    source = serializers.CharField()  # type: ignore[assignment]
    removed_on = serializers.DateField(allow_null=True)
    removal_reason = serializers.CharField(allow_null=True, help_text="Sensitive.")
    health_class = serializers.IntegerField(allow_null=True, help_text="Sensitive.")


class ReservistFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, default="", max_length=100)
    org_unit = serializers.IntegerField(required=False, min_value=1)
    reserve_class = serializers.IntegerField(required=False, min_value=1, max_value=2)
    status = serializers.ChoiceField(
        required=False, default="active", choices=["active", "removed", "all"]
    )


class MilitiaMemberSerializer(MaskedSerializer):
    privacy_models = ("militia.militiamember",)

    id = serializers.IntegerField()
    person = PersonRefSerializer()
    org_unit = UnitRefSerializer()
    militia_type = serializers.CharField()
    unit_id = serializers.IntegerField(allow_null=True)
    position = serializers.CharField()
    volunteer = serializers.BooleanField()
    term_start = serializers.DateField()
    term_end = serializers.DateField()
    left_on = serializers.DateField(allow_null=True)
    leave_reason = serializers.CharField(allow_null=True, help_text="Sensitive.")


class MemberFilterSerializer(serializers.Serializer):
    q = serializers.CharField(required=False, default="", max_length=100)
    org_unit = serializers.IntegerField(required=False, min_value=1)
    militia_type = serializers.CharField(required=False, default="", max_length=20)
    status = serializers.ChoiceField(
        required=False, default="current", choices=["current", "left", "all"]
    )


class OrgUnitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    code = serializers.CharField()
    kind = serializers.CharField()
    parent_id = serializers.IntegerField(allow_null=True)
    serves_id = serializers.IntegerField(allow_null=True)
    level = serializers.IntegerField()
    opened_on = serializers.DateField()
    closed_on = serializers.DateField(allow_null=True)


class OnDateSerializer(serializers.Serializer):
    on = serializers.DateField(required=False, help_text="The tree as of this date (today).")


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    value = serializers.DecimalField(
        max_digits=14, decimal_places=1, coerce_to_string=False, allow_null=True
    )
    numerator = serializers.IntegerField()
    denominator = serializers.IntegerField()


class IndicatorReportSerializer(serializers.Serializer):
    org_unit = UnitRefSerializer()
    year = serializers.IntegerField()
    indicators = IndicatorSerializer(many=True)


class UnitYearSerializer(serializers.Serializer):
    org_unit = serializers.IntegerField(min_value=1)
    year = serializers.IntegerField(min_value=MIN_YEAR, max_value=MAX_YEAR)


class SubmissionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    org_unit = UnitRefSerializer()
    year = serializers.IntegerField()
    status = serializers.CharField()
    due_on = serializers.DateField(allow_null=True)
    submitted_at = serializers.DateTimeField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    reopened_at = serializers.DateTimeField(allow_null=True)


class AnnualUnitSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class AnnualDrillSerializer(serializers.Serializer):
    org_unit = serializers.CharField(help_text="The official code of the unit.")
    kind = serializers.CharField()
    date = serializers.DateField()
    rating = serializers.CharField(allow_null=True)


class AnnualPlannedDrillSerializer(serializers.Serializer):
    org_unit = serializers.CharField(help_text="The official code of the unit.")
    kind = serializers.CharField()
    date = serializers.DateField()
    title = serializers.CharField()


class AnnualAwardsSerializer(serializers.Serializer):
    collective = serializers.FloatField(allow_null=True)
    individual = serializers.FloatField(allow_null=True)


class AnnualPlanSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    targets = serializers.DictField(child=serializers.FloatField(allow_null=True))
    drills = AnnualPlannedDrillSerializer(many=True)


class AnnualReportSerializer(serializers.Serializer):
    """``qsdp.review.annual.annual_report_data``: counts are integers,
    percentages numbers, null when a percentage has no denominator."""

    org_unit = AnnualUnitSerializer()
    year = serializers.IntegerField()
    indicators = serializers.DictField(child=serializers.FloatField(allow_null=True))
    by_unit = serializers.DictField(
        child=serializers.DictField(child=serializers.FloatField(allow_null=True)),
        help_text="Child unit code → indicator code → value.",
    )
    drills = AnnualDrillSerializer(many=True)
    awards = AnnualAwardsSerializer()
    plan = AnnualPlanSerializer()
