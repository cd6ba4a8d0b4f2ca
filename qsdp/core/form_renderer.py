"""The form renderer: Django's templates, except for ``<select>``, drawn in Python.

Django draws each ``<option>`` through two template includes. The unit filter
of a province lists some 300 units, and drawing it that way took a third of a
register page's time; this draws the same HTML, byte for byte, in a loop."""

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _value(value: Any) -> str:
    # As ``{{ value|stringformat:'s' }}``: safe strings stay as they are.
    return value if isinstance(value, SafeString) else conditional_escape(str(value))


def _attrs(attrs: dict[str, Any]) -> str:
    """As ``django/forms/widgets/attrs.html``."""
    return "".join(
        f" {conditional_escape(name)}" + ("" if value is True else f'="{_value(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def _option(option: dict[str, Any]) -> str:
    """As ``select_option.html`` included: the file's closing newline comes too."""
    # As ``{{ widget.label }}``: a number or a date is localised first.
    label = conditional_escape(localize(option["label"]))
    return f'<option value="{_value(option["value"])}"{_attrs(option["attrs"])}>{label}</option>\n'


def _select(widget: dict[str, Any]) -> str:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts.extend(f"\n  {_option(option)}" for option in group_choices)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FormRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if (
            template_name == SELECT
            and widget is not None
            and all(
                option["template_name"] == OPTION
                for _name, choices, _index in widget["optgroups"]
                for option in choices
            )
        ):
            return mark_safe(_select(widget).strip())  # noqa: S308 — every part escaped above
        return super().render(template_name, context, request)
