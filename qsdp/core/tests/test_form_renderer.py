"""The Python <select> draws what Django's templates draw, byte for byte."""

from datetime import date

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from qsdp.core.form_renderer import FormRenderer


class Everything(forms.Form):
    plain = forms.ChoiceField(choices=[("", "—"), ("a", "A & B"), ("b", '"quoted" <b>')])
    grouped = forms.ChoiceField(
        choices=[("Nhóm <1>", [("1", "Một"), ("2", "Hai")]), ("3", "Ba"), ("Nhóm 2", [(4, 4)])]
    )
    numbers = forms.TypedChoiceField(choices=[(2024, 2024), (12345, 12345)], coerce=int)
    days = forms.ChoiceField(choices=[(str(date(2024, 1, 2)), date(2024, 1, 2))])
    many = forms.MultipleChoiceField(
        choices=[("x", gettext_lazy("Male")), ("y", mark_safe("<i>y</i>"))],
        widget=forms.SelectMultiple(attrs={"size": 3, "data-x": '"<&>"', "disabled": True}),
    )
    off = forms.ChoiceField(
        choices=[("a", "A")], required=False, widget=forms.Select(attrs={"hidden": False})
    )


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"plain": "a", "grouped": "4", "numbers": "2024", "many": ["x", "y"], "off": "a"},
        {"plain": "<bad>", "grouped": "nothing"},
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_selects_are_drawn_as_django_draws_them(data, language):
    with override(language):
        ours = Everything(data, renderer=FormRenderer())
        django = Everything(data, renderer=DjangoTemplates())
        fields = list(Everything.base_fields)

        drawn = [str(ours[name]) for name in fields]
        expected = [str(django[name]) for name in fields]

    assert drawn == expected
    assert "<select" in drawn[0]


def test_other_widgets_go_through_the_templates():
    class Other(forms.Form):
        kind = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)
        text = forms.CharField()

    assert str(Other(renderer=FormRenderer())) == str(Other(renderer=DjangoTemplates()))


def test_a_select_is_drawn_without_the_templates(monkeypatch):
    drawn_by_template = []
    original = FormRenderer.get_template

    def get_template(self, name):  # type: ignore[no-untyped-def]
        drawn_by_template.append(name)
        return original(self, name)

    monkeypatch.setattr(FormRenderer, "get_template", get_template)

    str(Everything(renderer=FormRenderer())["grouped"])

    assert drawn_by_template == []


def test_the_project_renders_forms_with_it():
    assert type(get_default_renderer()) is FormRenderer
