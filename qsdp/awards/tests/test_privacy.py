from django.apps import apps

from qsdp.awards.privacy import FIELD_CLASSES


def test_every_field_of_the_awards_has_a_data_class():
    fields = {
        model._meta.label_lower: {f.name for f in model._meta.concrete_fields}
        for model in apps.get_app_config("awards").get_models()
    }

    assert {label: set(classes) for label, classes in FIELD_CLASSES.items()} == fields
