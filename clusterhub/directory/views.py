"""Registry pages: thin views that parse, pass through access checks, call a service, render."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusterhub.accounts.roles import viewer_for
from clusterhub.audit import services as audit
from clusterhub.clusters.access import clusters_managed_by
from clusterhub.core.decorators import member_editor_required, staff_required
from clusterhub.core.http import HtmxHttpRequest
from clusterhub.crm.forms import InteractionForm
from clusterhub.crm.queries import notes_for_organisation
from clusterhub.directory import queries, services
from clusterhub.directory.access import (
    can_create_organisation,
    can_edit_organisation,
    can_edit_person,
    get_consent_for_user,
    get_membership_for_user,
    get_organisation_for_cluster_write,
    get_organisation_for_user,
    get_person_for_user,
    get_public_organisation,
    people_visible_to,
)
from clusterhub.directory.duplicates import FoundOrganisation
from clusterhub.directory.forms import (
    ConsentForm,
    MemberProfileForm,
    MembershipForm,
    NewContactForm,
    OrganisationFilterForm,
    OrganisationForm,
    PersonForm,
    PublicDirectoryFilterForm,
)
from clusterhub.directory.models import Organisation, Person


def _filter_from(form: OrganisationFilterForm) -> queries.OrganisationFilter:
    if not form.is_valid():
        return queries.OrganisationFilter()
    data = form.cleaned_data
    return queries.OrganisationFilter(
        query=data.get("q") or "",
        cluster_id=data["cluster"].pk if data.get("cluster") else None,
        kind=data.get("kind") or "",
        theme_id=data["theme"].pk if data.get("theme") else None,
        status=data.get("status") or "",
        city=data.get("city") or "",
        sort=data.get("sort") or "name",
    )


@staff_required
def organisation_list(request: HtmxHttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    form = OrganisationFilterForm(request.GET or None)
    page = queries.staff_organisation_page(viewer, _filter_from(form), request.GET.get("page"))
    context = {"form": form, "page": page, "can_create": can_create_organisation(viewer)}
    if request.htmx:
        return render(request, "directory/partials/organisation_results.html", context)
    return render(request, "directory/organisation_list.html", context)


def render_organisation_page(
    request: HtmxHttpRequest,
    organisation: Organisation,
    interaction_form: InteractionForm | None = None,
    membership_form: MembershipForm | None = None,
) -> HttpResponse:
    """The staff page of one organisation; a bound form with errors is shown as typed."""
    viewer = viewer_for(request.user)
    notes = notes_for_organisation(viewer, organisation)
    if interaction_form is None and notes.writable_clusters:
        interaction_form = InteractionForm(viewer=viewer)
    managed = clusters_managed_by(viewer)
    if membership_form is None and notes.writable_clusters:
        membership_form = MembershipForm(clusters=managed)
    context = {
        "organisation": organisation,
        "memberships": organisation.memberships.select_related("cluster"),
        "affiliations": organisation.affiliations.select_related("person"),
        "notes": notes,
        "can_edit": can_edit_organisation(viewer, organisation),
        "interaction_form": interaction_form,
        "membership_form": membership_form,
        "managed_cluster_ids": {cluster.pk for cluster in notes.writable_clusters},
    }
    return render(request, "directory/organisation_detail.html", context)


@staff_required
def organisation_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    audit.record_view(request.user, organisation)  # contacts, memberships and notes were read
    return render_organisation_page(request, organisation)


def _edit(
    request: HtmxHttpRequest,
    organisation: Organisation,
    form_class: type[OrganisationForm],
    template: str,
    success: Callable[[Organisation], HttpResponse],
) -> HttpResponse:
    form = form_class(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        saved = services.save_organisation(request.user, organisation, form.cleaned_data)
        messages.success(request, _("Die Änderungen wurden gespeichert."))
        return success(saved)
    return render(request, template, {"form": form, "organisation": organisation})


def _to_detail(organisation: Organisation) -> HttpResponse:
    return redirect("directory:organisation_detail", pk=organisation.pk)


@staff_required
def organisation_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk, write=True)
    return _edit(
        request, organisation, OrganisationForm, "directory/organisation_form.html", _to_detail
    )


@staff_required
def organisation_create(request: HtmxHttpRequest) -> HttpResponse:
    """A new organisation; when it may already be in the registry, the form comes back with
    the candidates and is saved only when sent again with "trotzdem anlegen"."""
    viewer = viewer_for(request.user)
    if not can_create_organisation(viewer):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=Organisation())
    candidates: list[FoundOrganisation] = []
    if request.method == "POST" and form.is_valid():
        if not request.POST.get("create_anyway"):
            candidates = queries.possible_duplicates(viewer, form.cleaned_data)
        if not candidates:
            saved = services.save_organisation(request.user, form.instance, form.cleaned_data)
            messages.success(request, _("Die Änderungen wurden gespeichert."))
            return _to_detail(saved)
    context = {"form": form, "organisation": form.instance, "candidates": candidates}
    return render(request, "directory/organisation_form.html", context)


@member_editor_required
def my_profile(request: HtmxHttpRequest) -> HttpResponse:
    viewer = viewer_for(request.user)
    if viewer.organisation_id is None:
        raise PermissionDenied
    organisation = get_organisation_for_user(request.user, viewer.organisation_id, write=True)
    return _edit(
        request,
        organisation,
        MemberProfileForm,
        "directory/my_profile.html",
        lambda _saved: redirect("directory:my_profile"),
    )


@staff_required
def person_list(request: HtmxHttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    people = people_visible_to(viewer_for(request.user))
    if query:
        people = people.filter(last_name__icontains=query) | people.filter(
            first_name__icontains=query
        )
    page = Paginator(people.order_by("last_name", "first_name", "id"), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "directory/person_list.html", {"page": page, "query": query})


def render_person_page(
    request: HtmxHttpRequest, person: Person, consent_form: ConsentForm | None = None
) -> HttpResponse:
    can_edit = can_edit_person(viewer_for(request.user), person)
    context = {
        "person": person,
        "affiliations": person.affiliations.select_related("organisation"),
        "consents": person.consents.all(),
        "can_edit": can_edit,
        "consent_form": consent_form or (ConsentForm() if can_edit else None),
    }
    return render(request, "directory/person_detail.html", context)


@staff_required
def person_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk)
    audit.record_view(request.user, person)
    return render_person_page(request, person)


@staff_required
def person_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, write=True)
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        services.save_person(request.user, person, form.cleaned_data)
        messages.success(request, _("Die Änderungen wurden gespeichert."))
        return redirect("directory:person_detail", pk=person.pk)
    return render(request, "directory/person_form.html", {"form": form, "person": person})


def public_list(request: HtmxHttpRequest) -> HttpResponse:
    form = PublicDirectoryFilterForm(request.GET or None)
    page = queries.public_directory_page(_filter_from(form), request.GET.get("page"))
    context = {"form": form, "page": page}
    if request.htmx:
        return render(request, "directory/partials/public_results.html", context)
    return render(request, "directory/public_list.html", context)


def public_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    organisation = get_public_organisation(pk)
    memberships = organisation.memberships.filter(ended_on__isnull=True).select_related("cluster")
    return render(
        request,
        "directory/public_detail.html",
        {"organisation": organisation, "memberships": memberships},
    )


@staff_required
@require_POST
def membership_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_cluster_write(request.user, pk)
    clusters = clusters_managed_by(viewer_for(request.user))
    form = MembershipForm(request.POST, clusters=clusters)
    if form.is_valid():
        services.add_membership(request.user, organisation, form.cleaned_data)
        messages.success(request, _("Die Mitgliedschaft wurde eingetragen."))
        return redirect("directory:organisation_detail", pk=organisation.pk)
    return render_organisation_page(request, organisation, membership_form=form)


@staff_required
@require_POST
def membership_end(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    membership = get_membership_for_user(request.user, pk)
    services.end_membership(request.user, membership)
    messages.success(request, _("Die Mitgliedschaft wurde beendet."))
    return redirect("directory:organisation_detail", pk=membership.organisation_id)


@staff_required
def contact_create(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk, write=True)
    form = NewContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = services.add_contact(request.user, organisation, form.cleaned_data)
        messages.success(request, _("Die Person wurde angelegt."))
        if not can_edit_person(viewer_for(request.user), person):
            # A contact at a prospect belongs to no cluster until a note or membership says so.
            return redirect("directory:organisation_detail", pk=organisation.pk)
        return redirect("directory:person_detail", pk=person.pk)
    return render(
        request, "directory/contact_form.html", {"form": form, "organisation": organisation}
    )


@staff_required
@require_POST
def consent_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, write=True)
    form = ConsentForm(request.POST)
    if form.is_valid():
        services.record_consent(request.user, person, form.cleaned_data)
        messages.success(request, _("Die Einwilligung wurde erfasst."))
        return redirect("directory:person_detail", pk=person.pk)
    return render_person_page(request, person, consent_form=form)


@staff_required
@require_POST
def consent_withdraw(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    consent = get_consent_for_user(request.user, pk, write=True)
    services.withdraw_consent(request.user, consent)
    messages.success(request, _("Der Widerruf wurde eingetragen."))
    return redirect("directory:person_detail", pk=consent.person_id)
