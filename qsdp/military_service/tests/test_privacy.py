from django.apps import apps

from qsdp.core.privacy import sensitive_fields
from qsdp.military_service.privacy import FIELD_CLASSES


def test_every_field_of_the_register_has_a_data_class():
    assert sorted(FIELD_CLASSES) == sorted(
        m._meta.label_lower for m in apps.get_app_config("military_service").get_models()
    )
    for label, classes in FIELD_CLASSES.items():
        model = apps.get_model(label)
        names = {field.name for field in model._meta.concrete_fields}

        assert names == set(classes), f"{label}: classify {sorted(names ^ set(classes))}"


def test_health_results_are_sensitive():
    assert sensitive_fields("military_service.healthexam") == (
        "indicator_scores", "health_class", "myopia_diopters", "hyperopia_diopters", "bmi",
        "drug_addicted", "may_be_called_up", "reason",
    )  # fmt: skip
