from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage

from clusterhub.audit.models import AuditEntry
from clusterhub.directory.models import Affiliation, Membership, Organisation, Person
from clusterhub.imports import services
from clusterhub.imports.fields import Kind
from clusterhub.imports.models import HeldRow, ImportRun
from clusterhub.imports.reading import ReadError
from clusterhub.imports.tests.files import ORGANISATIONS, csv_bytes
from clusterhub.privacy.tombstones import bury
from tests.support.registry import Registry


def _import(
    registry: Registry,
    rows: list[list[str]],
    kind: str = Kind.ORGANISATIONS,
    role: str = "smart_manager",
) -> ImportRun:
    actor = registry.users[role]
    run = services.start_run(actor, kind, registry.smart, "liste.csv", csv_bytes(rows))
    return services.execute_run(run)


def test_good_rows_land_bad_rows_are_named_and_spellings_of_an_existing_one_are_held(
    registry: Registry,
) -> None:
    run = _import(registry, ORGANISATIONS)
    assert run.counts == {"created": 2, "updated": 0, "unchanged": 0, "held": 2, "refused": 1}
    assert run.errors == [{"line": 4, "column": "Firma", "message": "Pflichtfeld ist leer."}]
    created = Organisation.objects.get(name="Rheinkraft Energie")
    assert created.website == "https://rheinkraft.example"
    assert Membership.objects.filter(organisation=created, cluster=registry.smart).exists()
    # The formula is kept as inert text, never evaluated.
    assert Organisation.objects.filter(name__startswith="=HYPERLINK").exists()
    held = list(run.held_rows.values_list("line", flat=True))
    assert held == [5, 6]
    assert all(h.candidates[0]["id"] == registry.smart_member.pk for h in run.held_rows.all())
    refused = default_storage.open(run.refused_file).read().decode("utf-8-sig")
    assert refused.splitlines()[1].startswith("4;Firma: Pflichtfeld ist leer.;;AG")
    entry = AuditEntry.objects.get(object_type="imports.importrun", object_id=str(run.pk))
    assert entry.changes["created"] == 2
    assert (
        AuditEntry.objects.filter(object_type="directory.organisation", action="create").count()
        == 2
    )


def test_re_running_the_same_file_changes_nothing(registry: Registry) -> None:
    _import(registry, ORGANISATIONS)
    organisations = Organisation.objects.count()
    held = HeldRow.objects.count()
    again = _import(registry, ORGANISATIONS)
    assert again.counts["created"] == 0 and again.counts["unchanged"] == 2
    assert Organisation.objects.count() == organisations
    assert HeldRow.objects.count() == held


def test_merging_a_held_row_links_it_and_a_rerun_finds_it(registry: Registry) -> None:
    run = _import(registry, ORGANISATIONS)
    first = run.held_rows.first()
    assert first is not None
    services.decide_held_row(
        registry.users["smart_manager"], first, merge_into_id=registry.smart_member.pk
    )
    first.refresh_from_db()
    assert first.decision == HeldRow.Decision.MERGED and first.organisation == registry.smart_member
    again = _import(registry, ORGANISATIONS)
    # Both spellings have the same stable key (name without legal form, city).
    assert again.counts["unchanged"] == 4 and again.counts["held"] == 0


def test_creating_a_held_row_after_all(registry: Registry) -> None:
    run = _import(registry, ORGANISATIONS)
    last = run.held_rows.last()
    assert last is not None
    services.decide_held_row(registry.users["admin"], last, merge_into_id=None)
    assert Organisation.objects.filter(name="PEPPERL+FUCHS SE").exists()


def test_merging_into_an_organisation_that_was_no_candidate_is_refused(registry: Registry) -> None:
    held = _import(registry, ORGANISATIONS).held_rows.first()
    assert held is not None
    with pytest.raises(PermissionDenied):
        services.decide_held_row(registry.users["admin"], held, merge_into_id=registry.prospect.pk)


def test_a_manager_imports_only_into_her_clusters(registry: Registry) -> None:
    with pytest.raises(PermissionDenied):
        services.start_run(
            registry.users["medtech_manager"],
            Kind.ORGANISATIONS,
            registry.smart,
            "a.csv",
            csv_bytes(ORGANISATIONS),
        )
    with pytest.raises(PermissionDenied):
        services.start_run(
            registry.users["smart_manager"],
            Kind.ORGANISATIONS,
            None,
            "a.csv",
            csv_bytes(ORGANISATIONS),
        )


def test_a_file_without_header_is_refused(registry: Registry) -> None:
    with pytest.raises(ReadError, match="keine Kopfzeile"):
        services.start_run(
            registry.users["admin"],
            Kind.ORGANISATIONS,
            None,
            "a.csv",
            csv_bytes([["Müller GmbH", "Mannheim"]]),
        )


def test_people_land_with_organisation_and_function_and_unknown_organisations_are_refused(
    registry: Registry,
) -> None:
    rows = [
        ["Vorname", "Nachname", "E-Mail", "Firma", "Funktion"],
        ["Erika", "Muster", "erika@example.org", "Pepperl+Fuchs", "Einkauf"],
        ["Max", "Mustermann", "max@example.org", "Gibt es nicht GmbH", "Vertrieb"],
        ["Eva", "", "eva@example.org", "", ""],
    ]
    run = _import(registry, rows, Kind.PEOPLE)
    assert run.counts["created"] == 1 and run.counts["refused"] == 2
    person = Person.objects.get(email="erika@example.org")
    assert Affiliation.objects.get(person=person).function == "Einkauf"
    assert {(e["line"], e["column"]) for e in run.errors} == {(3, "Organisation"), (4, "Nachname")}
    # The refused row wrote nothing: no half person without an affiliation.
    assert not Person.objects.filter(email="max@example.org").exists()
    assert _import(registry, rows, Kind.PEOPLE).counts["unchanged"] == 1


def test_a_person_erased_on_request_is_not_brought_back_by_an_import(registry: Registry) -> None:
    bury("erika@example.org")
    rows = [["Vorname", "Nachname", "E-Mail"], ["Erika", "Muster", "Erika@Example.org"]]
    run = _import(registry, rows, Kind.PEOPLE)
    assert run.counts["refused"] == 1
    assert [(e["line"], e["column"]) for e in run.errors] == [(2, "E-Mail")]
    assert not Person.objects.filter(email__iexact="erika@example.org").exists()


def test_memberships_with_dates_and_a_cluster_the_manager_does_not_manage(
    registry: Registry,
) -> None:
    rows = [
        ["Organisation", "Cluster", "Seit"],
        ["Neugründung UG", "smart", "01.02.2024"],
        ["Neugründung UG", "medtech", "2024-02-01"],
        ["Neugründung UG", "smart", "kein Datum"],
    ]
    run = _import(registry, rows, Kind.MEMBERSHIPS)
    assert run.counts["created"] == 1 and run.counts["refused"] == 2
    membership = Membership.objects.get(organisation=registry.prospect, cluster=registry.smart)
    assert str(membership.started_on) == "2024-02-01"
    assert services.exit_code(run) == 1
