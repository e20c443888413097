"""The organiser's "compute schedule" button and the page that follows the background run."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from clusterhub.core.decorators import staff_required
from clusterhub.events.access import get_event_for_user
from clusterhub.matchmaking import schedule_runs
from clusterhub.matchmaking.access import get_schedule_run_for_user
from clusterhub.matchmaking.models import ScheduleRun


@staff_required
@require_POST
def compute_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_user(request.user, pk, write=True)
    run, created = schedule_runs.request_schedule(event, actor=request.user)
    if created:
        messages.info(request, _("Der Zeitplan wird im Hintergrund berechnet."))
    else:
        messages.info(request, _("Eine Berechnung läuft bereits; hier sehen Sie ihren Stand."))
    return redirect("matchmaking:schedule_run", pk=pk, run_pk=run.pk)


@staff_required
def schedule_run(request: HttpRequest, pk: int, run_pk: int) -> HttpResponse:
    """The run's status: the whole page, or (asked by HTMX while it runs) just the fragment,
    which stops polling once the run is done or failed."""
    run = get_schedule_run_for_user(request.user, pk, run_pk, write=True)
    event = run.event
    context = {"event": event, "run": run, "summary": _summary(run)}
    if getattr(request, "htmx", False):
        return render(request, "matchmaking/partials/schedule_run_status.html", context)
    return render(request, "matchmaking/schedule_run.html", context)


def _summary(run: ScheduleRun) -> str:
    if run.status != ScheduleRun.Status.DONE:
        return ""
    # In words an organiser reads; the solver's bound on the weight stays in the admin.
    scheduled, unscheduled = run.scheduled or 0, run.unscheduled or 0
    if not unscheduled:
        return ngettext(
            "Das gewünschte Treffen ist eingeplant.",
            "Alle %(scheduled)d gewünschten Treffen sind eingeplant.",
            scheduled,
        ) % {"scheduled": scheduled}
    return ngettext(
        "%(scheduled)d von %(total)d gewünschten Treffen sind eingeplant; %(unscheduled)d "
        "passte nicht mehr in den Zeitplan.",
        "%(scheduled)d von %(total)d gewünschten Treffen sind eingeplant; %(unscheduled)d "
        "passten nicht mehr in den Zeitplan.",
        unscheduled,
    ) % {"scheduled": scheduled, "total": scheduled + unscheduled, "unscheduled": unscheduled}
