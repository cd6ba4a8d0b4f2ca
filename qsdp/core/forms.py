from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.http import HttpRequest

from qsdp.core.errors import DomainError

T = TypeVar("T")


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
