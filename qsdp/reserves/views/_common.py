"""What the reserve pages share: dates, the unit filters and the action pattern
(read through the selector → 404, require write → 403, run the service through
the form → its refusal on the form). The list helpers (a page of rows, the
htmx fragment, the safe ``next``) are those of the military-service pages."""

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from qsdp.accounts.http import AuthedRequest
from qsdp.core.forms import submitted
from qsdp.core.lists import back_to, paginate, render_list
from qsdp.military_service.views._common import commune_units, read_units
from qsdp.orgunits.models import OrgUnit
from qsdp.people.forms import unit_choices

T = TypeVar("T")
FORM = "reserves/record_form.html"

__all__ = [
    "FORM",
    "action_page",
    "back_to",
    "commune_units",
    "paginate",
    "render_list",
    "today",
    "writable_communes",
]


def today() -> date:
    return timezone.localdate()


def writable_communes(request: AuthedRequest) -> QuerySet[OrgUnit]:
    return unit_choices(read_units(request, write=True))


def action_page(
    request: AuthedRequest,
    *,
    form: forms.Form,
    action: Callable[[], T],
    title: str,
    success: Callable[[T], str] | str,
    done_url: Callable[[T], str] | str,
    cancel_url: str,
    subject: str = "",
    subject_url: str = "",
    intro: str = "",
    extra: dict[str, Any] | None = None,
    template: str = FORM,
) -> HttpResponse:
    """A page that records one change: the service runs when the posted form is
    valid; a refusal shows on the form and nothing is saved."""
    done = submitted(request, form, action)
    if done is not None:
        messages.success(request, success(done) if callable(success) else success)
        return redirect(back_to(request, done_url(done) if callable(done_url) else done_url))
    context = {
        "form": form,
        "title": title,
        "subject": subject,
        "subject_url": subject_url,
        "intro": intro,
        "cancel_url": back_to(request, cancel_url),
        "next": back_to(request, ""),
        **(extra or {}),
    }
    return render(request, template, context)
