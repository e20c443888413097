"""The organisation form warns before a probable duplicate is created."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from clusterhub.directory.duplicates import candidates_for, organisation_record, reason_text
from clusterhub.directory.models import Organisation
from clusterlogic.dedupe import Reason, ReasonCode
from tests.support.registry import Registry

FORM = {
    "name": "Pepperl + Fuchs",
    "legal_form": "AG",
    "kind": Organisation.Kind.LARGE,
    "status": Organisation.Status.PROSPECT,
    "country": "DE",
    "city": "Mannheim",
}


def test_reasons_are_worded_in_german() -> None:
    reasons = (
        Reason(ReasonCode.SAME_NAME_EXCEPT_LEGAL_FORM, "SE / AG"),
        Reason(ReasonCode.SAME_CITY, "Mannheim"),
    )
    expected = "gleicher Name bis auf die Rechtsform (SE / AG); gleicher Ort (Mannheim)"
    assert reason_text(reasons) == expected


def test_candidates_name_the_registry_organisation(registry: Registry) -> None:
    found = candidates_for(
        organisation_record(None, "Pepperl und Fuchs", "GmbH", "Mannheim"),
        Organisation.objects.all(),
    )
    assert [f.organisation for f in found] == [registry.smart_member]
    assert found[0].why.startswith("gleicher Name bis auf die Rechtsform")


def test_the_create_form_warns_and_saves_only_when_confirmed(
    login: Callable[[str], Client], registry: Registry
) -> None:
    client = login("smart_manager")
    url = reverse("directory:organisation_create")
    count = Organisation.objects.count()
    warned = client.post(url, FORM)
    assert warned.status_code == 200
    assert "Diese Organisation ist vielleicht schon im Verzeichnis." in warned.content.decode()
    assert reverse("directory:organisation_detail", args=[registry.smart_member.pk]) in (
        warned.content.decode()
    )
    assert Organisation.objects.count() == count
    created = client.post(url, {**FORM, "create_anyway": "1"})
    assert created.status_code == 302
    assert Organisation.objects.count() == count + 1


def test_a_new_name_is_saved_without_a_warning(
    login: Callable[[str], Client], registry: Registry
) -> None:
    response = login("smart_manager").post(
        reverse("directory:organisation_create"), {**FORM, "name": "Völlig Neues Institut"}
    )
    assert response.status_code == 302
    assert Organisation.objects.filter(name="Völlig Neues Institut").exists()
