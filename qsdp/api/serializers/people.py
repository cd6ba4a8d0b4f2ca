"""The person register: what comes out, what goes in (validated here, checked
by the same services as the UI)."""

from typing import Any

from rest_framework import serializers

from qsdp.api.serializers.common import MaskedSerializer, UnitRefSerializer
from qsdp.people.choices import EducationLevel, Ethnicity, Religion, Sex
from qsdp.people.selectors import PersonStatus
from qsdp.people.services import PersonData


class PersonSerializer(MaskedSerializer):
    privacy_models = ("people.person",)

    id = serializers.IntegerField()
    version = serializers.IntegerField(help_text="Send it back with a change (optimistic lock).")
    full_name = serializers.CharField()
    family_name = serializers.CharField()
    middle_name = serializers.CharField()
    given_name = serializers.CharField()
    national_id = serializers.CharField()
    birth_date = serializers.DateField()
    sex = serializers.CharField()
    education_grade = serializers.IntegerField(allow_null=True)
    education_level = serializers.CharField()
    occupation = serializers.CharField()
    workplace = serializers.CharField()
    phone = serializers.CharField()
    address = serializers.CharField()
    org_unit = UnitRefSerializer()
    pending_transfer_to = UnitRefSerializer(allow_null=True)
    ethnicity = serializers.CharField(
        allow_null=True, help_text="Sensitive: null unless disclosed (?sensitive=true)."
    )
    religion = serializers.CharField(
        allow_null=True, help_text="Sensitive: null unless disclosed (?sensitive=true)."
    )


class PersonFilterSerializer(serializers.Serializer):
    q = serializers.CharField(
        required=False, default="", max_length=100, help_text="Name (without diacritics) or ID."
    )
    org_unit = serializers.IntegerField(required=False, min_value=1)
    status = serializers.ChoiceField(
        required=False,
        default="",
        choices=[PersonStatus.RESIDENT, PersonStatus.TRANSFERRED_OUT, PersonStatus.INCOMING],
    )
    sex = serializers.ChoiceField(required=False, default="", choices=Sex.choices)
    birth_year = serializers.IntegerField(required=False, min_value=1900, max_value=2100)


class PersonDataSerializer(serializers.Serializer):
    """The fields a user types (``people.services.PersonData``)."""

    family_name = serializers.CharField(max_length=40)
    middle_name = serializers.CharField(max_length=60, required=False, allow_blank=True)
    given_name = serializers.CharField(max_length=40)
    birth_date = serializers.DateField()
    sex = serializers.ChoiceField(choices=Sex.choices)
    national_id = serializers.CharField(max_length=12, required=False, allow_blank=True)
    ethnicity = serializers.ChoiceField(choices=Ethnicity.choices, required=False)
    religion = serializers.ChoiceField(choices=Religion.choices, required=False)
    education_grade = serializers.IntegerField(
        min_value=0, max_value=12, required=False, allow_null=True
    )
    education_level = serializers.ChoiceField(
        choices=EducationLevel.choices, required=False, allow_blank=True
    )
    occupation = serializers.CharField(max_length=120, required=False, allow_blank=True)
    workplace = serializers.CharField(max_length=160, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=15, required=False, allow_blank=True)
    address = serializers.CharField(max_length=255, required=False, allow_blank=True)
    allow_namesake = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Record a person with the same name and birth date as another.",
    )

    def person_data(self, base: PersonData | None = None) -> PersonData:
        """The typed fields over ``base`` (the current values, for a partial update)."""
        values: dict[str, Any] = {} if base is None else dict(base.__dict__)
        values.update(
            {k: v for k, v in self.validated_data.items() if k in PersonData.__dataclass_fields__}
        )
        return PersonData(**values)


class PersonUpdateSerializer(PersonDataSerializer):
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        help_text="The version read; a change saved by someone else since then is a 400 "
        "(edit_conflict).",
    )


class PersonCreateSerializer(PersonDataSerializer):
    org_unit = serializers.IntegerField(
        min_value=1, help_text="The ward or commune that registers the person."
    )
    residence_started_on = serializers.DateField()
