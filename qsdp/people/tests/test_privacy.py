from django.apps import apps

from qsdp.core.privacy import sensitive_fields
from qsdp.people.privacy import FIELD_CLASSES, DataClass


def test_every_field_of_the_register_has_a_data_class():
    for label, classes in FIELD_CLASSES.items():
        model = apps.get_model(label)
        names = {field.name for field in model._meta.concrete_fields}

        assert names == set(classes), f"{label}: classify {sorted(names ^ set(classes))}"


def test_ethnicity_and_religion_are_sensitive():
    assert sensitive_fields("people.person") == ("ethnicity", "religion")
    assert FIELD_CLASSES["people.person"]["national_id"] is DataClass.BASIC
