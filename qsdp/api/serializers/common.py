"""What every endpoint shares: the error body, a unit reference, year and unit
filters, and the masking of sensitive fields."""

from typing import Any

from rest_framework import serializers

from qsdp.core.privacy import sensitive_fields

MIN_YEAR, MAX_YEAR = 1900, 2100


class ErrorSerializer(serializers.Serializer):
    """``{"code", "message", "extra"}``: a code a program matches, a message a person reads."""

    code = serializers.CharField()
    message = serializers.CharField()
    extra = serializers.DictField()


class UnitRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    code = serializers.CharField()
    kind = serializers.CharField()


class PersonRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()
    birth_date = serializers.DateField()


class MaskedSerializer(serializers.Serializer):
    """An output whose fields that ``qsdp.core.privacy`` classes as sensitive in
    ``privacy_models`` are null unless the view disclosed them
    (``context["disclose"]``), after checking the role and logging the read."""

    privacy_models: tuple[str, ...] = ()

    @classmethod
    def masked_fields(cls) -> tuple[str, ...]:
        sensitive = {name for label in cls.privacy_models for name in sensitive_fields(label)}
        return tuple(name for name in cls._declared_fields if name in sensitive)

    def to_representation(self, instance: Any) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not self.context.get("disclose"):
            for name in self.masked_fields():
                data[name] = None
        return data


class YearFilterSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=MIN_YEAR, max_value=MAX_YEAR)
    org_unit = serializers.IntegerField(
        required=False, min_value=1, help_text="Only this unit's subtree (an org-unit id)."
    )


class SensitiveQuerySerializer(serializers.Serializer):
    sensitive = serializers.BooleanField(
        required=False,
        default=False,
        help_text=(
            "Disclose the sensitive fields (roles that keep the register only); "
            "the read is written to the access log."
        ),
    )
