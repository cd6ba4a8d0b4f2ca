"""HTML and script typed into any text field comes back escaped on every page.

The person form is driven end to end; for the other registers the same text is
written into every free-text column of the demo's records, then every list page
of the registers and the person pages (with every app's panel) are read."""

import io
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import IntegrityError, models, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from qsdp.accounts.models import User
from qsdp.people.models import Person

PAYLOAD = "<script>alert(1)</script>\"'&"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp;"
REGISTER_APPS = ["people", "reserves", "militia", "military_service", "training", "operations",
                 "awards"]  # fmt: skip
# Columns that are codes or keys the program reads, not text a user types.
NOT_FREE_TEXT = ("code", "path", "search_name", "sort_name", "national_id", "phone", "token")
SKIPPED_PAGES = ("pdf", "xlsx", "docx", "export", "download")


def _free_text_fields(model):
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, models.CharField | models.TextField)
            and field.editable
            and not field.choices
            and (field.max_length or 1000) >= len(PAYLOAD)
            and not field.unique
            and not any(part in field.name for part in NOT_FREE_TEXT)
        ):
            yield field.name


@pytest.fixture(scope="module")
def tainted(django_db_setup, django_db_blocker):
    """The demo of 150 people with the payload in every free-text column."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", people=150, stdout=io.StringIO())
        written = []
        for label in REGISTER_APPS:
            for model in apps.get_app_config(label).get_models():
                for name in _free_text_fields(model):
                    try:  # a column some constraint ties to others is left as it is
                        with transaction.atomic():
                            if model._base_manager.update(**{name: PAYLOAD}):
                                written.append(f"{model._meta.label}.{name}")
                    except IntegrityError:
                        pass
        yield written
        transaction.set_rollback(True)


@pytest.fixture
def staff(tainted, db):
    return User.objects.get(username="chqs.thanhpho")


def _list_pages():
    """Every register page that takes no argument (documents aside)."""

    def walk(patterns, namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, entry.namespace or namespace)
            elif (
                isinstance(entry, URLPattern)
                and namespace in REGISTER_APPS
                and entry.name
                and not entry.pattern.regex.groups
                and not any(s in entry.name for s in SKIPPED_PAGES)
            ):
                yield f"{namespace}:{entry.name}"

    return sorted(set(walk(get_resolver().url_patterns)))


def test_the_payload_reached_the_registers(tainted, db):
    assert {"people.Person.occupation", "people.Person.address"} <= set(tainted)
    assert len(tainted) > 40


def test_list_pages_render_the_payload_escaped(client, staff):
    client.force_login(staff)
    seen = 0
    for name in _list_pages():
        response = client.get(reverse(name))
        # Elsewhere, needs a query, not for this role, POST only (a crash raises here).
        if response.status_code in (302, 400, 403, 404, 405):
            continue
        assert response.status_code == 200, name
        page = response.content.decode()
        assert PAYLOAD not in page and "<script>alert(1)" not in page, name
        seen += ESCAPED in page
    assert seen >= 5


def test_person_pages_render_every_panel_escaped(client, staff):
    client.force_login(staff)
    people = Person.objects.filter(org_unit__code="01849").order_by("id")[:10]
    for person in people:
        page = client.get(reverse("people:person-detail", args=[person.pk])).content.decode()

        assert "<script>alert(1)" not in page
        assert ESCAPED in page


def test_the_person_form_escapes_what_it_refuses_and_what_it_keeps(client, staff):
    client.force_login(staff)
    unit = Person.objects.filter(org_unit__code="01849").first().org_unit
    form = {
        "org_unit": unit.pk, "residence_started_on": "01/01/2024", "family_name": PAYLOAD,
        "middle_name": PAYLOAD, "given_name": PAYLOAD, "birth_date": "02/03/2004",
        "sex": "male", "ethnicity": "01", "religion": "none", "occupation": PAYLOAD,
        "workplace": PAYLOAD, "address": PAYLOAD,
    }  # fmt: skip

    refused = client.post(reverse("people:person-create"), form).content.decode()

    assert "<script>alert(1)" not in refused
    assert f'value="{ESCAPED}"' in refused
    created = client.post(reverse("people:person-create"), {**form, "family_name": "Lý",
                          "middle_name": "", "given_name": "Xuân"})  # fmt: skip
    person = Person.objects.get(family_name="Lý", given_name="Xuân", birth_date=date(2004, 3, 2))
    assert created.status_code == 302
    assert person.occupation == PAYLOAD
    page = client.get(reverse("people:person-detail", args=[person.pk])).content.decode()
    assert "<script>alert(1)" not in page
    assert page.count(ESCAPED) >= 3
