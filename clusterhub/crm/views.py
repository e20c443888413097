from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.core.decorators import staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.crm import services
from clusterhub.crm.access import follow_ups_for, get_interaction_for_user
from clusterhub.crm.forms import InteractionForm
from clusterhub.crm.queries import notes_for_organisation
from clusterhub.directory.access import get_organisation_for_cluster_write
from clusterhub.directory.views import render_organisation_page


@staff_required
@require_POST
def interaction_create(request: HtmxHttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = get_organisation_for_cluster_write(request.user, organisation_pk)
    viewer = viewer_for(request.user)
    form = InteractionForm(request.POST, viewer=viewer)
    if form.is_valid():
        services.log_interaction(request.user, organisation, form.cleaned_data)
        if not request.htmx:
            messages.success(request, _("Der Kontakt wurde gespeichert."))
            return redirect("directory:organisation_detail", pk=organisation.pk)
        form = InteractionForm(viewer=viewer)
    elif not request.htmx:
        # Without JavaScript: the organisation page again, with what was typed.
        return render_organisation_page(request, organisation, form)
    context = {
        "organisation": organisation,
        "notes": notes_for_organisation(viewer, organisation),
        "interaction_form": form,
    }
    return render(request, "crm/partials/notes.html", context)


@staff_required
def interaction_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    interaction = get_interaction_for_user(request.user, pk)
    audit.record_view(request.user, interaction)  # a private note was read
    return render(request, "crm/interaction_detail.html", {"interaction": interaction})


@staff_required
def my_follow_ups(request: HtmxHttpRequest) -> HttpResponse:
    follow_ups = (
        follow_ups_for(viewer_for(request.user))
        .filter(done_at__isnull=True)
        .select_related("interaction__organisation")
    )
    return render(
        request,
        "crm/my_follow_ups.html",
        {"follow_ups": follow_ups, "today": timezone.localdate()},
    )


@staff_required
@require_POST
def follow_up_done(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    follow_up = follow_ups_for(viewer_for(request.user)).filter(pk=pk).first()
    if follow_up is None:
        raise Http404
    services.complete_follow_up(request.user, follow_up)
    if request.htmx:
        return HttpResponse("")
    messages.success(request, _("Die Wiedervorlage ist erledigt."))
    return redirect("crm:my_follow_ups")
