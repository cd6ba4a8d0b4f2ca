"""The Django admin, opened to administrators only.

Django lets any user with the staff flag into /admin/. In qsdp the admin edits
users, role assignments and reference tables for the whole country, so only a
user whose scope is an administrator's (a Role.ADMIN assignment, or a superuser)
may enter; the staff flag alone is not enough. Everyone signs in through the one
login page (``accounts:login``), which is the one protected by django-axes.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AdminSite(admin.AdminSite):
    site_title = _("qsdp administration")
    site_header = _("qsdp administration")
    index_title = pgettext_lazy("main menu", "Administration")

    def has_permission(self, request: HttpRequest) -> bool:
        from qsdp.accounts.scoping import scope_for  # the app registry is ready by now

        user = request.user
        return bool(user.is_active and scope_for(user).is_admin)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        """Anonymous users sign in on the site's login page; a signed-in user
        who is not an administrator is refused (403) rather than asked to sign
        in again."""
        if request.user.is_authenticated:
            if self.has_permission(request):
                return HttpResponseRedirect(resolve_url("admin:index"))
            raise PermissionDenied(_("Only administrators may open the administration."))
        next_url = request.GET.get("next") or resolve_url("admin:index")
        query = urlencode({"next": next_url})
        return HttpResponseRedirect(f"{resolve_url(settings.LOGIN_URL)}?{query}")


class AdminConfig(DjangoAdminConfig):
    default_site = "qsdp.accounts.admin_site.AdminSite"
