"""The registry of panels that later apps add to the person page."""

from types import SimpleNamespace

import pytest

from qsdp.core import panels

TEMPLATES = {
    "test/greeting.html": "<p>{{ greeting }}, {{ person.name }}</p>",
    "test/path.html": "<p>{{ request.path }}</p>",
}


@pytest.fixture(autouse=True)
def _registry(monkeypatch, settings):
    """An empty registry and templates of our own for each test."""
    monkeypatch.setattr(panels, "_PANELS", {})
    monkeypatch.setattr(panels, "_TIMELINE_TITLES", {})
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)],
                "context_processors": ["django.template.context_processors.request"],
            },
        }
    ]


def test_panels_are_rendered_in_order_and_a_panel_may_decline(rf):
    request = rf.get("/people/7/")
    person = SimpleNamespace(name="An", is_man=True)
    panels.register_person_panel(
        key="late", template="test/path.html", context=lambda r, p: {}, order=20
    )
    panels.register_person_panel(
        key="greeting",
        template="test/greeting.html",
        context=lambda r, p: {"greeting": "Chào", "person": p},
        order=10,
    )
    panels.register_person_panel(
        key="declined",
        template="test/greeting.html",
        context=lambda r, p: None if p.is_man else {},
        order=15,
    )

    rendered = panels.person_panels(request, person)

    assert [(p.key, p.html) for p in rendered] == [
        ("greeting", "<p>Chào, An</p>"),
        ("late", "<p>/people/7/</p>"),
    ]


def test_registering_a_key_again_replaces_the_panel(rf):
    for greeting in ("Chào", "Xin chào"):
        panels.register_person_panel(
            key="greeting",
            template="test/greeting.html",
            context=lambda r, p, g=greeting: {"greeting": g, "person": p},
            order=10,
        )

    rendered = panels.person_panels(rf.get("/"), SimpleNamespace(name="Bình"))

    assert [p.html for p in rendered] == ["<p>Xin chào, Bình</p>"]


def test_no_panels_render_nothing(rf):
    assert panels.person_panels(rf.get("/"), SimpleNamespace(name="An")) == []


def test_an_app_names_its_audit_verbs_for_the_persons_history():
    panels.register_timeline_titles({"militia.joined": "Vào dân quân"})

    assert (panels.timeline_title("militia.joined"), panels.timeline_title("militia.left")) == (
        "Vào dân quân", None,
    )  # fmt: skip
