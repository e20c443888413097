"""The token page of one's own account: list, create (the secret is shown once), revoke."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from clusterhub.api import services
from clusterhub.api.access import get_token_for_user, tokens_of
from clusterhub.core.decorators import staff_required
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.http import HtmxHttpRequest


class TokenForm(KernFormMixin, forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Bezeichnung"),
        max_length=100,
        help_text=gettext_lazy("Wofür das Token gedacht ist, z. B. „Website der Stadt“."),
    )


@staff_required
def token_list(request: HtmxHttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = ""
    if request.method == "POST" and form.is_valid():
        _token, secret = services.create_token(request.user, form.cleaned_data["name"])  # type: ignore[arg-type]
        form = TokenForm()
    context = {"form": form, "tokens": tokens_of(request.user), "secret": secret}
    return render(request, "api/tokens.html", context)


@staff_required
@require_POST
def token_revoke(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    token = get_token_for_user(request.user, pk)
    services.revoke_token(request.user, token)  # type: ignore[arg-type]
    messages.success(request, _("Das Token wurde widerrufen."))
    return redirect("api_tokens:list")
