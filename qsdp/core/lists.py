"""What every register's list pages share: pages of rows, the htmx fragment,
and where to go back to after a change."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
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
    # True when there are more than ``total`` rows (``QSDP_COUNT_CAP``).
    total_capped: bool = False


def capped_count(rows: QuerySet[Any] | Sequence[Any]) -> tuple[int, bool]:
    """How many ``rows`` there are, counted up to ``QSDP_COUNT_CAP``: (the cap,
    True) when there are more. An exact count of a province's register reads
    every row of it (300,000: 60–130 ms a page); past the cap the exact number
    helps nobody at a list, a narrower filter does, and the reports count exactly."""
    cap: int = settings.QSDP_COUNT_CAP
    # Only the keys: no ordering (which would sort every row before the limit) and
    # none of the joins select_related adds for the page.
    found = (
        rows.order_by().values("pk")[: cap + 1].count() if isinstance(rows, QuerySet) else len(rows)
    )
    return (cap, True) if found > cap else (found, False)


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page") or 1))
    except ValueError:
        return 1


def paginate(request: HttpRequest, rows: QuerySet[Any] | Sequence[Any]) -> PageOfRows:
    """The page ``?page=`` of ``rows`` (``QSDP_PAGE_SIZE`` a page), with links
    that keep the filters. A page past the end (a link kept while rows went
    away) shows the last page, as Django's ``Paginator.get_page`` does."""
    size: int = settings.QSDP_PAGE_SIZE
    total, capped = capped_count(rows)
    number = _page_number(request)
    if not capped:
        number = min(number, max(1, -(-total // size)))
    items = list(rows[(number - 1) * size : number * size + 1])
    has_next = len(items) > size

    def url(page: int) -> str:
        params = request.GET.copy()
        params["page"] = str(page)
        return f"?{params.urlencode()}"

    return PageOfRows(
        items=items[:size],
        total=total,
        start=(number - 1) * size + 1 if items else 0,
        has_previous=number > 1,
        previous_url=url(number - 1) if number > 1 else "",
        has_next=has_next,
        next_url=url(number + 1) if has_next else "",
        total_capped=capped,
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
