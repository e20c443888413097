"""The data-rights pages: a person's export (JSON and PDF) and erasure for staff who may edit
the person (the directory's door decides); the same for registrants who are in no registry
record, found by the address they typed; and the retention review (administrators)."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from clusterhub.core.decorators import admin_required, staff_required
from clusterhub.core.forms import KernFormMixin
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.directory.access import get_person_for_user
from clusterhub.privacy import services
from clusterhub.privacy.access import retention_candidates, unlinked_registrations_for_user
from clusterhub.privacy.pdf import export_pdf


def _download(data: dict[str, Any], name: str, *, pdf_title: str = "") -> HttpResponse:
    if pdf_title:
        response = HttpResponse(export_pdf(data, pdf_title), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
        return response
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@staff_required
def person_export(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, write=True)
    data = services.export_person_data(request.user, person)
    return _download(data, f"person-{person.pk}")


@staff_required
def person_export_pdf(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, write=True)
    data = services.export_person_data(request.user, person)
    title = _("Gespeicherte Daten: %(name)s") % {"name": person.full_name}
    return _download(data, f"person-{person.pk}", pdf_title=title)


@staff_required
@require_POST
def person_erase(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, write=True)
    services.erase_person(request.user, person)
    messages.success(request, _("Die Person und ihre Daten wurden gelöscht."))
    return redirect("directory:person_list")


class RegistrantForm(KernFormMixin, forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-Mail-Adresse der angemeldeten Person"))


@staff_required
def registrants(request: HtmxHttpRequest) -> HttpResponse:
    """Find registrations by the address typed (POST: an address stays out of URLs and logs)."""
    form = RegistrantForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = unlinked_registrations_for_user(request.user, form.cleaned_data["email"])
    else:
        unlinked_registrations_for_user(request.user, "")  # the door refuses readers at once
    return render(request, "privacy/registrants.html", {"form": form, "registrations": found})


def _registrant(request: HtmxHttpRequest) -> tuple[str, Any]:
    form = RegistrantForm(request.POST)
    email = form.cleaned_data["email"] if form.is_valid() else ""
    return email, unlinked_registrations_for_user(request.user, email)


@staff_required
@require_POST
def registrant_export(request: HtmxHttpRequest) -> HttpResponse:
    email, found = _registrant(request)
    data = services.export_registrant_data(request.user, email, found)
    if request.POST.get("format") == "pdf":
        title = _("Gespeicherte Anmeldedaten: %(email)s") % {"email": email}
        return _download(data, "anmeldungen", pdf_title=title)
    return _download(data, "anmeldungen")


@staff_required
@require_POST
def registrant_erase(request: HtmxHttpRequest) -> HttpResponse:
    email, found = _registrant(request)
    count = services.erase_registrant(request.user, email, found)
    messages.success(request, _("%(count)d Anmeldungen wurden anonymisiert.") % {"count": count})
    return redirect("privacy:registrants")


def _candidates(request: HtmxHttpRequest) -> Any:
    years = settings.CLUSTERHUB_RETENTION_YEARS
    return retention_candidates(request.user, now=timezone.now(), years=years)


@admin_required
def retention(request: HtmxHttpRequest) -> HttpResponse:
    context = {"people": _candidates(request)[:500], "years": settings.CLUSTERHUB_RETENTION_YEARS}
    return render(request, "privacy/retention.html", context)


@admin_required
@require_POST
def retention_erase(request: HtmxHttpRequest) -> HttpResponse:
    # Only who is still due may be erased here: an id that has since become active is ignored.
    chosen = [int(pk) for pk in request.POST.getlist("person") if pk.isdigit()]
    count = services.erase_people(request.user, _candidates(request).filter(pk__in=chosen))
    messages.success(request, _("%(count)d Personen wurden gelöscht.") % {"count": count})
    return redirect("privacy:retention")
