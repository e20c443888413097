"""The person's data rights as pages: the export (JSON) and the erasure, for staff who may
edit the person (the directory's door decides)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.core.decorators import staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.directory.access import get_person_for_user
from clusterhub.privacy import services


@staff_required
def person_export(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, write=True)
    data = services.export_person_data(request.user, person)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


@staff_required
@require_POST
def person_erase(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, write=True)
    services.erase_person(request.user, person)
    messages.success(request, _("Die Person und ihre Daten wurden gelöscht."))
    return redirect("directory:person_list")
