"""The password-reset forms with KERN UX classes."""

from __future__ import annotations

from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm

from clusterhub.core.forms import KernFormMixin


class KernPasswordResetForm(KernFormMixin, PasswordResetForm):
    pass


class KernSetPasswordForm(KernFormMixin, SetPasswordForm):
    pass
