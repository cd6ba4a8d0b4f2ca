"""What later apps add to the person page, without the person app importing
them (an app imports only from the apps before it): panels, and the titles of
their audit verbs in the person's history.

An app registers its panel in its ``AppConfig.ready()``; the person page renders
``person_panels(request, person)`` in ``order`` (and the org-unit page
``unit_panels(request, unit)``, registered with ``register_unit_panel``). A
panel's ``context`` returns the template's context, or None to show nothing.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

# (request, person) → the template context, or None; the request is any HttpRequest.
PanelContext = Callable[[Any, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class PersonPanel:
    key: str
    template: str
    context: PanelContext
    order: int


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    html: SafeString


_PANELS: dict[str, PersonPanel] = {}


def register_person_panel(*, key: str, template: str, context: PanelContext, order: int) -> None:
    """Add (or replace, by ``key``) a panel of the person page."""
    _PANELS[key] = PersonPanel(key, template, context, order)


def person_panels(request: HttpRequest, person: Any) -> list[RenderedPanel]:
    """The panels to show on ``person``'s page for this request, rendered, in order."""
    return _render(_PANELS, request, person)


def _render(
    registry: dict[str, PersonPanel], request: HttpRequest, obj: Any
) -> list[RenderedPanel]:
    rendered = []
    for panel in sorted(registry.values(), key=lambda p: (p.order, p.key)):
        context = panel.context(request, obj)
        if context is not None:
            html = render_to_string(panel.template, context, request=request)
            rendered.append(RenderedPanel(panel.key, SafeString(html)))
    return rendered


# The org-unit page has panels the same way: (request, unit) → context or None.
_UNIT_PANELS: dict[str, PersonPanel] = {}


def register_unit_panel(*, key: str, template: str, context: PanelContext, order: int) -> None:
    """Add (or replace, by ``key``) a panel of the org-unit page."""
    _UNIT_PANELS[key] = PersonPanel(key, template, context, order)


def unit_panels(request: HttpRequest, unit: Any) -> list[RenderedPanel]:
    """The panels to show on ``unit``'s page for this request, rendered, in order."""
    return _render(_UNIT_PANELS, request, unit)


_TIMELINE_TITLES: dict[str, Any] = {}


def register_timeline_titles(titles: Mapping[str, Any]) -> None:
    """Name an app's audit verbs ("military_service.health_exam" → "Khám sức khỏe")
    for the person's history; the titles may be lazy translations."""
    _TIMELINE_TITLES.update(titles)


def timeline_title(verb: str) -> str | None:
    """The registered title of ``verb``, translated now, or None."""
    title = _TIMELINE_TITLES.get(verb)
    return None if title is None else str(title)
