"""The "Dubletten" pages: likely pairs, merging one, keeping one apart, skipping one."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.core.decorators import staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.directory.models import Organisation
from clusterhub.duplicates import queries, services
from clusterhub.duplicates.access import get_pair_for_user
from clusterhub.duplicates.forms import MergeForm, field_label, shown_value

SKIPPED = "duplicates_skipped"


def _skipped(request: HtmxHttpRequest) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in request.session.get(SKIPPED, [])]


@staff_required
def pair_list(request: HtmxHttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    pairs, total = queries.duplicate_pairs(viewer, _skipped(request))
    context = {"pairs": pairs, "total": total, "shown": queries.SHOWN}
    return render(request, "duplicates/pair_list.html", context)


def _preview(form: MergeForm) -> list[tuple[str, str]]:
    survivor, duplicate = form.survivor_and_duplicate()
    values = services.merged_values(survivor, duplicate, form.field_choices())
    merged = Organisation(**values)
    return [
        (field_label(field), shown_value(merged, field))
        for field in services.MERGE_FIELDS
        if values[field] not in ("", None)
    ]


@staff_required
def merge(request: HtmxHttpRequest, first: int, second: int) -> HttpResponse:
    """GET: both entries side by side with a choice per differing field and a preview;
    POST ``preview``: the preview of the choices; POST ``merge``: merge and go to the result."""
    first_org, second_org = get_pair_for_user(request.user, first, second, write=True)
    posted = request.method == "POST"
    form = MergeForm(first_org, second_org, request.POST if posted else None)
    if not posted:
        form = MergeForm(first_org, second_org, {
            name: field.initial for name, field in form.fields.items()
        })  # fmt: skip
    preview = _preview(form) if form.is_valid() else []
    if posted and "merge" in request.POST and form.is_valid():
        survivor, duplicate = form.survivor_and_duplicate()
        services.merge_organisations(request.user, survivor, duplicate, form.field_choices())
        messages.success(request, _("Die Einträge wurden zusammengeführt."))
        return redirect("directory:organisation_detail", pk=survivor.pk)
    context = {
        "form": form,
        "first": first_org,
        "second": second_org,
        "first_holdings": queries.holdings_of(first_org),
        "second_holdings": queries.holdings_of(second_org),
        "preview": preview,
    }
    return render(request, "duplicates/merge.html", context)


@staff_required
@require_POST
def keep_apart(request: HtmxHttpRequest, first: int, second: int) -> HttpResponse:
    first_org, second_org = get_pair_for_user(request.user, first, second, write=True)
    services.keep_apart(request.user, first_org, second_org)
    messages.success(request, _("Das Paar wird nicht mehr als Dublette angezeigt."))
    return redirect("duplicates:pair_list")


@staff_required
@require_POST
def skip(request: HtmxHttpRequest, first: int, second: int) -> HttpResponse:
    """Hide the pair for the rest of this session; nothing is stored."""
    get_pair_for_user(request.user, first, second)
    request.session[SKIPPED] = [*request.session.get(SKIPPED, []), sorted((first, second))]
    return redirect("duplicates:pair_list")
