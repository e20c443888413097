"""Login and password reset: Django's views with the site's forms, templates and landings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpResponse
from django.urls import reverse_lazy

from clusterhub.accounts.forms import KernPasswordResetForm, KernSetPasswordForm
from clusterhub.accounts.landing import landing_after_login
from clusterhub.accounts.middleware import start_session_clock
from clusterhub.core.forms import KernAuthenticationForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = KernAuthenticationForm

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        start_session_clock(self.request.session)
        return response

    def get_success_url(self) -> str:
        # Django's get_redirect_url() has already dropped a ``next`` to another site.
        return landing_after_login(self.request, self.get_redirect_url())


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset/form.html"
    form_class = KernPasswordResetForm
    subject_template_name = "accounts/password_reset/mail_subject.txt"
    email_template_name = "accounts/password_reset/mail.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self) -> dict[str, Any]:
        # The link in the mail starts with the public base URL, not the host the request named.
        return {"site_url": settings.SITE_URL}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset/done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset/confirm.html"
    form_class = KernSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset/complete.html"
