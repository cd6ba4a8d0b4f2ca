"""The user's API tokens (the secret shown once, on creation) and the local
documentation page of the API."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from qsdp.accounts.http import AuthedRequest
from qsdp.api import services
from qsdp.api.forms import ApiTokenForm
from qsdp.api.selectors import api_token_get, api_token_list
from qsdp.core.errors import DomainError
from qsdp.core.forms import submitted


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def token_list(request: AuthedRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    created = submitted(
        request,
        form,
        lambda: services.api_token_create(
            actor=request.user,
            name=form.cleaned_data["name"],
            expires_on=form.cleaned_data["expires_on"],
        ),
    )
    context = {
        "form": ApiTokenForm() if created else form,
        "tokens": api_token_list(user=request.user),
        # Rendered, not redirected: the secret must never be stored, not even in the session.
        "new_token": created[0] if created else None,
        "new_secret": created[1] if created else "",
    }
    return render(request, "api/token_list.html", context)


@login_required
@require_POST
def token_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    token = api_token_get(user=request.user, pk=pk)
    try:
        services.api_token_revoke(actor=request.user, token=token)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("api:token-list")


@login_required
@require_GET
def docs(request: AuthedRequest) -> HttpResponse:
    """Swagger UI from drf-spectacular-sidecar, started by a static script: the
    page carries no inline script or style, so it works under the strict CSP."""
    config = {"schemaUrl": reverse("api:schema") + "?format=json", "csrfToken": get_token(request)}
    return render(request, "api/docs.html", {"config": config})
