from django import forms

from qsdp.core.errors import DomainError


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal next to the fields it names (or above the form)."""
    problems = error.extra.get("problems") or [{"field": error.field, "message": error.message}]
    for problem in problems:  # type: ignore[attr-defined]
        field = problem.get("field")
        form.add_error(field if field in form.fields else None, problem["message"])
