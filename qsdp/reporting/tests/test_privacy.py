from django.apps import apps

from qsdp.reporting.privacy import FIELD_CLASSES


def test_every_field_of_every_reporting_model_has_a_class():
    for model in apps.get_app_config("reporting").get_models():
        label = model._meta.label_lower
        names = {field.name for field in model._meta.concrete_fields}
        assert set(FIELD_CLASSES[label]) == names, label
