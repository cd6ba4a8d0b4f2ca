"""Reads of import jobs, scoped to the user's units."""

from django.db.models import QuerySet

from qsdp.accounts.models import User
from qsdp.accounts.scoping import get_scoped_or_404, scoped
from qsdp.imports.models import ImportJob


def job_list(*, user: User) -> QuerySet[ImportJob]:
    """The user's own imports ("my imports")."""
    return scoped(ImportJob.objects.filter(created_by=user), user, "org_unit__path").select_related(
        "org_unit"
    )


def job_get(*, user: User, pk: int) -> ImportJob:
    return get_scoped_or_404(
        ImportJob.objects.select_related("org_unit", "created_by"), user, "org_unit__path", pk=pk
    )
