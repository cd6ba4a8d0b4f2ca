"""The site's URLs plus views that fail on purpose, for the error pages."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns
from qsdp.accounts.scoping import get_scoped_or_404, require_write
from qsdp.orgunits.models import OrgUnit


def not_found(request: HttpRequest) -> HttpResponse:
    get_scoped_or_404(OrgUnit.objects.all(), request.user, "path", pk=0)  # type: ignore[arg-type]
    return HttpResponse()


def denied(request: HttpRequest) -> HttpResponse:
    require_write(request.user, "/0/")  # type: ignore[arg-type]
    return HttpResponse()


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


urlpatterns = [
    path("test/not-found/", not_found),
    path("test/denied/", denied),
    path("test/broken/", broken),
    *site_urlpatterns,
]
