"""What every register's list pages share: pages of rows, the htmx fragment,
and where to go back to after a change."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


@dataclass(frozen=True)
class PageOfRows:
    """One page of a list, for ``components/pagination.html``."""

    items: Sequence[Any]
    total: int
    start: int  # the number of the first row on the page (1-based)
    has_previous: bool
    previous_url: str
    has_next: bool
    next_url: str


def paginate(request: HttpRequest, rows: QuerySet[Any] | Sequence[Any]) -> PageOfRows:
    """The page ``?page=`` of ``rows`` (``QSDP_PAGE_SIZE`` a page), with links
    that keep the filters."""
    page = Paginator(rows, settings.QSDP_PAGE_SIZE).get_page(request.GET.get("page"))

    def url(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return f"?{params.urlencode()}"

    return PageOfRows(
        items=list(page.object_list),
        total=page.paginator.count,
        start=page.start_index(),
        has_previous=page.has_previous(),
        previous_url=url(page.previous_page_number()) if page.has_previous() else "",
        has_next=page.has_next(),
        next_url=url(page.next_page_number()) if page.has_next() else "",
    )


def render_list(
    request: HttpRequest, template: str, partial: str, context: dict[str, Any]
) -> HttpResponse:
    """The list page, or only its rows for an htmx request."""
    return render(request, partial if getattr(request, "htmx", False) else template, context)


def back_to(request: HttpRequest, fallback: str) -> str:
    """Where to go after a change: the page the user came from (``next``), if it is ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
