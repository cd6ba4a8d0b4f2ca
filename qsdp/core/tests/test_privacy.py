"""The one registry of personal data: every field of every qsdp model has a class."""

from qsdp.core.privacy import (
    MASK,
    SENSITIVE_READERS,
    DataClass,
    field_class,
    may_read_sensitive,
    registry,
    sensitive_fields,
    unclassified,
)


def test_every_concrete_field_of_every_qsdp_model_is_classified():
    # A new field without a class fails here, named app.model.field: add it to
    # qsdp/<app>/privacy.py as basic, sensitive or technical.
    assert unclassified() == []


def test_the_registry_classifies_no_field_that_does_not_exist():
    from django.apps import apps

    stale = [
        f"{label}.{name}"
        for label, classes in registry().items()
        for name in classes
        if name not in {f.name for f in apps.get_model(label)._meta.concrete_fields}
    ]
    assert stale == []


def test_the_registry_gathers_every_apps_declarations():
    assert field_class("people.person", "religion") is DataClass.SENSITIVE
    assert field_class("people.person", "national_id") is DataClass.BASIC
    assert field_class("military_service.healthexam", "health_class") is DataClass.SENSITIVE
    assert field_class("reserves.reservist", "health_class") is DataClass.SENSITIVE
    assert field_class("accounts.twofactordevice", "secret") is DataClass.TECHNICAL
    assert field_class("core.auditevent", "changes") is DataClass.SENSITIVE
    assert sensitive_fields("people.person") == ("ethnicity", "religion")


def test_sensitive_values_are_for_the_officer_and_the_command_staff_only():
    assert {"commune_officer", "command_staff"} == SENSITIVE_READERS
    assert may_read_sensitive({"commune_officer"})
    assert may_read_sensitive({"leader", "command_staff"})
    assert not may_read_sensitive({"leader"})
    assert not may_read_sensitive({"admin"})
    assert not may_read_sensitive({"auditor"})
    assert MASK == "•••"
