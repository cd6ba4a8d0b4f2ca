from typing import cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from qsdp.accounts.models import User
from qsdp.core.panels import unit_panels
from qsdp.orgunits import selectors
from qsdp.orgunits.forms import OnDateForm


def _user(request: HttpRequest) -> User:
    """The signed-in user (the views are behind ``login_required``)."""
    return cast(User, request.user)


@login_required
@require_GET
def org_unit_tree(request: HttpRequest) -> HttpResponse:
    """The tree as of a date; with HTMX, just the tree fragment."""
    today = timezone.localdate()
    form = OnDateForm.from_query(request.GET, today)
    on = form.day(today)
    rows = selectors.tree_rows(selectors.org_unit_tree(user=_user(request), on=on))
    # The detail URL of unit N is this page's URL + "N/" (urls.py); building it
    # once, not with {% url %} per row, keeps a national tree fast.
    context = {"form": form, "on": on, "rows": rows, "tree_url": reverse("orgunits:tree")}
    # django-htmx's middleware sets request.htmx. A history restore (the back
    # button after hx-push-url) needs the whole page.
    htmx = request.htmx  # type: ignore[attr-defined]
    fragment = bool(htmx) and not htmx.history_restore_request
    template = "orgunits/partials/tree.html" if fragment else "orgunits/orgunit_tree.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
def org_unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit, its parent, its children and commands on a date, and its lineage."""
    requested = OnDateForm(request.GET) if request.GET.get("on") else None
    on = requested.cleaned_data["on"] if requested and requested.is_valid() else None
    detail = selectors.org_unit_detail(user=_user(request), pk=pk, on=on)
    form = requested or OnDateForm({"on": f"{detail.on:%d/%m/%Y}"})
    context = {"form": form, "detail": detail, "panels": unit_panels(request, detail.unit)}
    return render(request, "orgunits/orgunit_detail.html", context)
