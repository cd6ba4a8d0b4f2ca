from django.apps import apps

from qsdp.api.privacy import FIELD_CLASSES
from qsdp.core.privacy import DataClass


def test_every_field_of_the_api_tables_has_a_data_class():
    for label, classes in FIELD_CLASSES.items():
        model = apps.get_model(label)
        names = {field.name for field in model._meta.concrete_fields}

        assert names == set(classes), f"{label}: classify {sorted(names ^ set(classes))}"


def test_the_api_holds_no_sensitive_personal_data():
    assert DataClass.SENSITIVE not in FIELD_CLASSES["api.apitoken"].values()
