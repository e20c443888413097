"""The audit log records reads of people and notes, exports and refusals, and shows them in
words: readable kinds, fields and choices, names as links, filters by form fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

from clusterhub.accounts.models import Account
from clusterhub.audit.models import AuditEntry
from clusterhub.conftest import Registry
from clusterhub.directory.models import Organisation
from clusterhub.directory.tests.test_services import form_data

Login = Callable[[str], Client]


def test_reading_a_private_note_is_audited(login: Login, registry: Registry) -> None:
    login("smart_manager").get(reverse("crm:interaction_detail", args=[registry.smart_note.pk]))
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW)
    assert (entry.object_type, entry.object_id) == ("crm.interaction", str(registry.smart_note.pk))
    assert entry.actor == registry.users["smart_manager"]


def test_a_refused_attempt_is_audited_with_path_and_role_only(
    login: Login, registry: Registry
) -> None:
    url = reverse("crm:interaction_detail", args=[registry.smart_note.pk])
    response = login("medtech_manager").get(url, {"q": "geheim"})
    assert response.status_code == 403
    entry = AuditEntry.objects.get(action=AuditEntry.Action.REFUSED)
    assert entry.path == f"GET {url}"
    assert entry.role == Account.Role.CLUSTER_MANAGER
    assert entry.actor == registry.users["medtech_manager"]
    assert "geheim" not in entry.path and entry.changes == {}


def test_a_refused_write_by_a_member_is_audited(login: Login, registry: Registry) -> None:
    response = login("member").get(reverse("directory:organisation_list"))
    assert response.status_code == 403
    assert AuditEntry.objects.filter(action=AuditEntry.Action.REFUSED).count() == 1


def test_a_change_reads_as_words_with_the_object_as_a_link(
    login: Login, registry: Registry
) -> None:
    organisation = registry.smart_member
    client = login("smart_manager")
    client.post(
        reverse("directory:organisation_edit", args=[organisation.pk]),
        form_data(organisation, status=Organisation.Status.FORMER),
    )
    body = login("admin").get(reverse("audit:log")).content.decode()
    assert "Status: Mitglied → Ehemalig" in body
    link = reverse("directory:organisation_detail", args=[organisation.pk])
    assert f'href="{link}">Pepperl+Fuchs</a>' in body
    table = body[body.index("<table") :]
    assert "directory.organisation" not in table  # the internal label stays in the form's values


def test_the_log_filters_by_kind_action_actor_and_period(login: Login, registry: Registry) -> None:
    login("smart_manager").get(reverse("directory:person_detail", args=[registry.person.pk]))
    login("reader").get(reverse("crm:interaction_detail", args=[registry.smart_note.pk]))
    client = login("admin")
    page = client.get(reverse("audit:log"))
    body = page.content.decode()
    assert '<option value="directory.person">Person</option>' in body
    filtered = client.get(
        reverse("audit:log"),
        {
            "kind": "directory.person",
            "action": "view",
            "actor": str(registry.users["smart_manager"].pk),
            "since": "2000-01-01",
            "until": "2100-01-01",
        },
    )
    entries = filtered.context["page"].object_list
    assert [entry.object_type for entry in entries] == ["directory.person"]
    empty = client.get(reverse("audit:log"), {"action": "refused", "until": "2000-01-01"})
    assert list(empty.context["page"].object_list) == []


def test_the_log_page_costs_the_same_queries_for_many_entries(
    login: Login, registry: Registry, django_assert_max_num_queries: Any
) -> None:
    for _ in range(60):
        login("smart_manager").get(reverse("directory:person_detail", args=[registry.person.pk]))
        login("smart_manager").get(reverse("crm:interaction_detail", args=[registry.smart_note.pk]))
    client = login("admin")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("audit:log"))
    assert len(response.context["entries"]) == 50


def test_opening_an_organisations_staff_page_is_audited_as_a_view(
    login: Login, registry: Registry
) -> None:
    """Like a person's record: the staff page shows contacts, memberships and notes."""
    organisation = registry.smart_member
    response = login("reader").get(reverse("directory:organisation_detail", args=[organisation.pk]))
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditEntry.Action.VIEW)
    assert (entry.object_type, entry.object_id) == ("directory.organisation", str(organisation.pk))
    assert entry.actor == registry.users["reader"]
