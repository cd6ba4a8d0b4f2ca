"""Signing in and out, and changing one's password: Django's views with our
templates and wording. Failed logins are counted by django-axes."""

from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy

from qsdp.accounts.forms import LoginForm
from qsdp.accounts.services import user_password_change

login = auth_views.LoginView.as_view(
    template_name="accounts/login.html",
    authentication_form=LoginForm,
    redirect_authenticated_user=True,
)

# POST only (Django's LogoutView refuses GET): a link cannot sign anyone out.
logout = auth_views.LogoutView.as_view()


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view, with the change written to the audit trail."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password-change-done")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        user = user_password_change(actor=self.request.user, form=form)  # type: ignore[arg-type]
        update_session_auth_hash(self.request, user)  # the session survives the change
        return HttpResponseRedirect(self.get_success_url())


password_change = PasswordChangeView.as_view()

password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html",
)
