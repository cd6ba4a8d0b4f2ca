from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from qsdp.accounts.http import AuthedRequest
from qsdp.people.selectors import incoming_transfer_count, person_counts_by_unit


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """The user's area at a glance: people per unit, transfers waiting."""
    counts = person_counts_by_unit(user=request.user)
    return render(
        request,
        "people/home.html",
        {
            "counts": counts,
            "total": sum(row.people for row in counts),
            "incoming": incoming_transfer_count(user=request.user),
        },
    )
