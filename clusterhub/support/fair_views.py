"""Staff pages of the joint trade-fair stands: co-exhibitors and their cost shares, the
waiting list, the logistics deadlines and the leads collected at the stand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.core.decorators import member_editor_required, staff_required
from clusterhub.core.forms import submit
from clusterhub.directory.access import get_organisation_for_user, organisations_visible_to
from clusterhub.support import fairs, queries
from clusterhub.support.access import (
    get_exhibitor_for_user,
    get_open_stand,
    get_stand_for_user,
    open_stands,
    stands_visible_to,
)
from clusterhub.support.fair_forms import (
    ApplicationForm,
    DeadlineForm,
    LeadForm,
    OwnApplicationForm,
    StandForm,
)
from clusterhub.support.models import JointStand

PREFIXES = {"application_form": "anmeldung", "deadline_form": "frist", "lead_form": "kontakt"}


def _list_page(
    request: HttpRequest, form: StandForm | None = None, status: int = 200
) -> HttpResponse:
    viewer = viewer_for(request.user)
    clusters = clusters_managed_by(viewer)
    if form is None and clusters.exists():
        form = StandForm(clusters=clusters, prefix="stand")
    context = {"stands": stands_visible_to(viewer), "stand_form": form}
    return render(request, "support/fairs.html", context, status=status)


@staff_required
@require_GET
def fair_list(request: HttpRequest) -> HttpResponse:
    return _list_page(request)


@staff_required
@require_POST
def fair_create(request: HttpRequest) -> HttpResponse:
    clusters = clusters_managed_by(viewer_for(request.user))
    if not clusters.exists():
        raise PermissionDenied
    form = StandForm(request.POST, clusters=clusters, prefix="stand")
    created = submit(form, lambda data: fairs.create_stand(request.user, fairs.StandData(**data)))
    if created:
        messages.success(request, _("Der Gemeinschaftsstand ist angelegt."))
        return redirect("support:fair_stand", slug=created.result.slug)
    return _list_page(request, form, status=400)


def _stand_page(
    request: HttpRequest, stand: JointStand, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    viewer = viewer_for(request.user)
    may_manage = fairs.can_manage_stand(viewer, stand)
    forms = forms or {}
    if may_manage:
        organisations = organisations_visible_to(viewer)
        forms.setdefault(
            "application_form",
            ApplicationForm(organisations=organisations, prefix=PREFIXES["application_form"]),
        )
        forms.setdefault("deadline_form", DeadlineForm(prefix=PREFIXES["deadline_form"]))
        forms.setdefault(
            "lead_form", LeadForm(organisations=organisations, prefix=PREFIXES["lead_form"])
        )
    shares = fairs.cost_shares(stand)
    context = {
        "stand": stand,
        "shares": shares,
        "free_places": max(stand.places - len(shares), 0),
        "waiting": fairs.waiting_list(stand),
        "deadlines": stand.deadlines.all(),
        "leads": stand.leads.select_related("organisation"),
        "may_manage": may_manage,
        **forms,
    }
    return render(request, "support/fair_stand.html", context, status=status)


@staff_required
@require_GET
def fair_stand(request: HttpRequest, slug: str) -> HttpResponse:
    return _stand_page(request, get_stand_for_user(request.user, slug))


def _write(
    request: HttpRequest,
    slug: str,
    form_name: str,
    build: Callable[..., Any],
    act: Callable[[JointStand, dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    stand = get_stand_for_user(request.user, slug)
    viewer = viewer_for(request.user)
    if not fairs.can_manage_stand(viewer, stand):
        raise PermissionDenied
    kwargs: dict[str, Any] = {"prefix": PREFIXES[form_name]}
    if form_name != "deadline_form":
        kwargs["organisations"] = organisations_visible_to(viewer)
    form = build(request.POST, **kwargs)
    if submit(form, lambda data: act(stand, data)):
        messages.success(request, done)
        return redirect("support:fair_stand", slug=slug)
    return _stand_page(request, stand, {form_name: form}, status=400)


@staff_required
@require_POST
def fair_apply(request: HttpRequest, slug: str) -> HttpResponse:
    outcome: list[str] = []

    def act(stand: JointStand, data: dict[str, Any]) -> object:
        application = fairs.Application(
            organisation=data["organisation"],
            area_sqm=data["area_sqm"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
        )
        exhibitor = fairs.apply_for_stand(request.user, stand, application)
        outcome.append(exhibitor.get_status_display())
        return exhibitor

    response = _write(
        request, slug, "application_form", ApplicationForm, act, _("Die Anmeldung ist eingetragen.")
    )
    if outcome:
        messages.info(request, _("Status: %(status)s") % {"status": outcome[0]})
    return response


@staff_required
@require_POST
def fair_deadline_add(request: HttpRequest, slug: str) -> HttpResponse:
    def act(stand: JointStand, data: dict[str, Any]) -> object:
        return fairs.add_deadline(
            request.user, stand, data["title"], data["due_on"], data["remind_days"]
        )

    return _write(
        request, slug, "deadline_form", DeadlineForm, act, _("Die Frist ist eingetragen.")
    )


@staff_required
@require_POST
def fair_lead_add(request: HttpRequest, slug: str) -> HttpResponse:
    def act(stand: JointStand, data: dict[str, Any]) -> object:
        lead = fairs.Lead(
            organisation=data["organisation"],
            organisation_name=data["organisation_name"],
            contact=data["contact"],
            note=data["note"],
        )
        return fairs.record_lead(request.user, stand, lead)

    return _write(request, slug, "lead_form", LeadForm, act, _("Der Kontakt ist eingetragen."))


@staff_required
@require_POST
def fair_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    exhibitor = get_exhibitor_for_user(request.user, pk)
    moved_up = fairs.withdraw(request.user, exhibitor)
    messages.success(request, _("Die Anmeldung ist zurückgezogen."))
    if moved_up is not None:
        messages.info(
            request,
            _("%(name)s rückt von der Warteliste nach.") % {"name": moved_up.organisation.name},
        )
    return redirect("support:fair_stand", slug=exhibitor.stand.slug)


def _member_page(
    request: HttpRequest, forms: dict[str, OwnApplicationForm] | None = None, status: int = 200
) -> HttpResponse:
    viewer = viewer_for(request.user)
    if viewer.organisation_id is None:
        raise PermissionDenied
    organisation = get_organisation_for_user(request.user, viewer.organisation_id)
    applied = {
        exhibitor.stand_id: exhibitor for exhibitor in queries.fair_applications_of(organisation)
    }
    forms = forms or {}
    rows = [
        (
            stand,
            applied.get(stand.pk),
            forms.get(stand.slug, OwnApplicationForm(prefix=stand.slug)),
        )
        for stand in open_stands()
    ]
    context = {"organisation": organisation, "rows": rows}
    return render(request, "support/fair_member.html", context, status=status)


@member_editor_required
@require_GET
def fair_member(request: HttpRequest) -> HttpResponse:
    """Open joint stands for a member editor, who applies for their own organisation."""
    return _member_page(request)


# The method first: a wrong method is 405 for everyone, as on every POST-only page.
@require_POST
@member_editor_required
def fair_member_apply(request: HttpRequest, slug: str) -> HttpResponse:
    viewer = viewer_for(request.user)
    if viewer.organisation_id is None:
        raise PermissionDenied
    stand = get_open_stand(slug)
    organisation = get_organisation_for_user(request.user, viewer.organisation_id)
    form = OwnApplicationForm(request.POST, prefix=slug)
    applied = submit(
        form,
        lambda data: fairs.apply_for_stand(
            request.user, stand, fairs.Application(organisation=organisation, **data)
        ),
    )
    if applied:
        status = applied.result.get_status_display()
        messages.success(request, _("Angemeldet. Status: %(status)s") % {"status": status})
        return redirect("support:fair_member")
    return _member_page(request, {slug: form}, status=400)
