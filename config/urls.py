from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from qsdp.people.views import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("qsdp.core.urls")),
    path("accounts/", include("qsdp.accounts.urls")),
    path("org-units/", include("qsdp.orgunits.urls")),
    path("people/", include("qsdp.people.urls")),
    path("military-service/", include("qsdp.military_service.urls")),
    path("militia/", include("qsdp.militia.urls")),
    path("reserves/", include("qsdp.reserves.urls")),
    path("training/", include("qsdp.training.urls")),
    path("operations/", include("qsdp.operations.urls")),
    path("awards/", include("qsdp.awards.urls")),
    path("reports/", include("qsdp.reporting.urls")),
    path("review/", include("qsdp.review.urls")),
    path("imports/", include("qsdp.imports.urls")),
    path("api/v1/", include("qsdp.api.urls")),
    path("audit/", include("qsdp.audit.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
