"""Every string a user sees has its Vietnamese translation."""

from pathlib import Path

import polib
import pytest
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    p for p in ROOT.glob("**/locale/vi/LC_MESSAGES/django.po") if ".venv" not in p.parts
)


def test_there_is_a_vietnamese_catalogue_per_app():
    assert {p.parts[-5] for p in CATALOGUES} >= {"accounts", "core", "orgunits", "people"}


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_message_is_left_untranslated(catalogue):
    po = polib.pofile(str(catalogue))

    untranslated = [
        e.msgid
        for e in po
        if not e.obsolete
        and ("fuzzy" in e.flags or not (e.msgstr or any(e.msgstr_plural.values())))
    ]

    assert untranslated == []


@pytest.mark.django_db
def test_a_form_sent_without_its_csrf_token_gets_a_vietnamese_page():
    response = Client(enforce_csrf_checks=True).post(reverse("accounts:login"), {})

    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
