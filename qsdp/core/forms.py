"""What every change page shares: a service's refusal on the form, and the
form page that runs one service (show the form; when posted and valid run the
service; its refusal on the form, else a message and back)."""

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from qsdp.core.errors import DomainError
from qsdp.core.lists import back_to

T = TypeVar("T")
FORM_PAGE = "components/form_page.html"


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal next to the fields it names (or above the form)."""
    problems = error.extra.get("problems") or [{"field": error.field, "message": error.message}]
    for problem in problems:  # type: ignore[attr-defined]
        field = problem.get("field")
        form.add_error(field if field in form.fields else None, problem["message"])


def submitted(request: HttpRequest, form: forms.Form, action: Callable[[], T]) -> T | None:
    """Run ``action`` (a service call) when ``form`` was posted and is valid.

    Returns what the service returned, or None when the form is to be shown
    (again): not posted, invalid, or refused by the service — the refusal is
    then on the form, next to its field."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return action()
    except DomainError as error:
        add_domain_error(form, error)
        return None


def form_page(
    request: HttpRequest,
    *,
    form: forms.Form,
    action: Callable[[], T],
    success: Callable[[T], str] | str,
    done_url: Callable[[T], str] | str,
    title: str,
    cancel_url: str,
    intro: str = "",
    person: Model | None = None,
    subject: str = "",
    subject_url: str = "",
    template: str = FORM_PAGE,
) -> HttpResponse:
    """Show ``form``; when it is posted and valid run ``action`` (a service call):
    its refusal is shown on the form and nothing is saved, else ``success`` as a
    message and back to the page the user came from (``next``) or ``done_url``.

    Above the form: the ``person`` it is about (the person line), or a ``subject``
    (linked to ``subject_url``). ``template`` extends ``components/form_page.html``
    where a page needs more (a sub-navigation, other fields, another button)."""
    done = submitted(request, form, action)
    if done is not None:
        messages.success(request, success(done) if callable(success) else success)
        return redirect(back_to(request, done_url(done) if callable(done_url) else done_url))
    context = {
        "form": form,
        "title": title,
        "intro": intro,
        "person": person,
        "subject": subject,
        "subject_url": subject_url,
        "cancel_url": back_to(request, cancel_url),
        "next": back_to(request, ""),
    }
    return render(request, template, context)
