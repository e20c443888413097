"""The API's behaviour beyond who may call what: tokens (hashed, revocable), JSON errors,
pagination and filters, rate limits with Retry-After, writes through the audited services,
the OpenAPI schema and its documentation served without a CDN."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.api import services
from clusterhub.api.models import ApiToken
from clusterhub.api.tests.conftest import ApiClient
from clusterhub.audit.models import AuditEntry
from clusterhub.directory.models import Organisation
from clusterhub.events import services as event_services
from clusterhub.events.models import Registration
from clusterhub.taxonomy.models import Theme
from tests.factories import OrganisationFactory
from tests.support.events import make_event, person_data
from tests.support.registry import Registry


def bearer(secret: str) -> Client:
    return Client(headers={"Authorization": f"Bearer {secret}"})


def test_a_token_is_stored_only_as_a_hash(registry: Registry) -> None:
    token, secret = services.create_token(registry.users["admin"], "Website")
    stored = ApiToken.objects.get(pk=token.pk)
    assert secret not in {stored.key_hash, stored.prefix, stored.name}
    assert secret.startswith(stored.prefix)
    assert AuditEntry.objects.filter(object_type="api.apitoken", action="create").exists()


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer wrong", "Token abc", "Basic eDp5"])
def test_without_a_valid_token_the_staff_api_answers_401_in_json(
    registry: Registry, header: str
) -> None:
    client = Client(headers={"Authorization": header} if header else {})
    response = client.get(reverse("api:organisations"))
    assert response.status_code == 401
    assert response.json()["detail"]
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_revoked_token_stops_working_at_once(registry: Registry) -> None:
    token, secret = services.create_token(registry.users["admin"], "Skript")
    assert bearer(secret).get(reverse("api:organisations")).status_code == 200
    services.revoke_token(registry.users["admin"], token)
    assert bearer(secret).get(reverse("api:organisations")).status_code == 401


def test_revoking_on_the_page_takes_only_ones_own_token(registry: Registry, login: Any) -> None:
    token, _secret = services.create_token(registry.users["smart_manager"], "Skript")
    response = login("smart_manager").post(reverse("api_tokens:revoke", args=[token.pk]))
    assert response.status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_the_token_page_shows_a_new_secret_once(registry: Registry, login: Any) -> None:
    client = login("reader")
    page = client.post(reverse("api_tokens:list"), {"name": "Auswertung"}).content.decode()
    token = ApiToken.objects.get(user=registry.users["reader"])
    secret = page.split('id="new-token">')[1].split("<")[0]
    assert bearer(secret).get(reverse("api:people")).status_code == 200
    assert secret not in client.get(reverse("api_tokens:list")).content.decode()
    assert token.prefix in client.get(reverse("api_tokens:list")).content.decode()


def test_a_refused_write_changes_nothing_and_says_why_in_json(
    registry: Registry, api_client: ApiClient
) -> None:
    url = reverse("api:organisation", args=[registry.smart_member.pk])
    response = api_client("medtech_manager").patch(
        url, {"name": "Gekapert"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json() == {"detail": "Dafür fehlt die Berechtigung."}
    assert Organisation.objects.get(pk=registry.smart_member.pk).name == "Pepperl+Fuchs"


def test_a_write_goes_through_the_form_and_is_audited_with_its_diff(
    registry: Registry, api_client: ApiClient
) -> None:
    url = reverse("api:organisation", args=[registry.smart_member.pk])
    client = api_client("smart_manager")
    bad = client.patch(url, {"postcode": "123"}, content_type="application/json")
    assert bad.status_code == 422
    assert "postcode" in bad.json()["detail"]
    response = client.patch(url, {"city": "Ladenburg"}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["city"] == "Ladenburg"
    assert response.json()["name"] == "Pepperl+Fuchs"  # what was not sent stays
    entry = AuditEntry.objects.filter(object_type="directory.organisation").latest("pk")
    assert entry.actor_id == registry.users["smart_manager"].pk
    assert entry.changes["city"][1] == "Ladenburg"


def test_public_organisations_are_the_listed_ones_filtered_and_paginated(
    registry: Registry,
) -> None:
    theme = Theme.objects.create(
        slug="h2", label_de="Wasserstoff", label_en="Hydrogen", scheme=Theme.Scheme.LEAD_MARKET
    )
    for index in range(60):
        OrganisationFactory.create(name=f"Listed {index:02}", listed_publicly=True)
    registry.smart_member.themes.add(theme)
    client = Client()
    page = client.get(reverse("api:public_organisations")).json()
    assert page["count"] == 62
    assert len(page["items"]) == 50
    assert registry.prospect.name not in {item["name"] for item in page["items"]}
    second = client.get(reverse("api:public_organisations"), {"page": 2}).json()
    assert len(second["items"]) == 12
    by_cluster = client.get(reverse("api:public_organisations"), {"cluster": "smart"}).json()
    assert [item["name"] for item in by_cluster["items"]] == ["Pepperl+Fuchs"]
    assert by_cluster["items"][0]["clusters"] == ["smart"]
    by_theme = client.get(reverse("api:public_organisations"), {"theme": theme.pk}).json()
    assert [item["name"] for item in by_theme["items"]] == ["Pepperl+Fuchs"]
    found = client.get(reverse("api:public_organisations"), {"q": "Peperl Fuchs"}).json()
    assert "Pepperl+Fuchs" in [item["name"] for item in found["items"]]


def test_public_events_filter_by_date_range_and_leave_out_invitations(
    registry: Registry,
) -> None:
    soon = make_event(title="Bald")
    later = make_event(
        title="Später",
        starts_at=timezone.now() + dt.timedelta(days=90),
        ends_at=timezone.now() + dt.timedelta(days=90, hours=2),
    )
    make_event(title="Geheim", audience="invitation")
    soon.clusters.add(registry.smart)
    url = reverse("api:public_events")
    titles = [e["title"] for e in Client().get(url).json()["items"]]
    assert titles == ["Bald", "Später"]
    start = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    in_range = Client().get(url, {"starts_from": start}).json()["items"]
    assert [e["id"] for e in in_range] == [later.pk]
    assert [e["title"] for e in Client().get(url, {"cluster": "smart"}).json()["items"]] == ["Bald"]


def test_rate_limits_answer_429_with_retry_after(registry: Registry, settings: Any) -> None:
    settings.CLUSTERHUB_API_RATE_PER_ADDRESS = "3/min"
    settings.CLUSTERHUB_API_RATE_PER_TOKEN = "2/min"
    url = reverse("api:public_clusters")
    answers = [Client().get(url).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = Client().get(url)
    assert 1 <= int(refused["Retry-After"]) <= 60
    # Per token: another address, the same token, still limited.
    _token, secret = services.create_token(registry.users["admin"], "Skript")
    staff = reverse("api:organisations")
    codes = [
        Client(REMOTE_ADDR=f"10.0.0.{i}", headers={"Authorization": f"Bearer {secret}"})
        .get(staff)
        .status_code
        for i in range(3)
    ]
    assert codes == [200, 200, 429]


def test_the_schema_names_every_endpoint_and_the_docs_load_no_cdn(registry: Registry) -> None:
    schema = Client().get(reverse("api:openapi-json")).json()
    assert "/api/v1/public/organisations" in schema["paths"]
    assert "patch" in schema["paths"]["/api/v1/staff/organisations/{pk}"]
    docs = Client().get(reverse("api:openapi-view")).content.decode()
    assert "swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower() and "https://" not in docs


def test_a_refused_attendance_answers_409_and_changes_nothing(
    registry: Registry, api_client: ApiClient
) -> None:
    event = make_event(title="Nächsten Monat")
    event.clusters.add(registry.smart)
    registration = event_services.register_participant(event, person_data(3))
    url = reverse("api:attendance", args=[registration.pk])
    response = api_client("smart_manager").post(
        url, {"attended": True}, content_type="application/json"
    )
    assert response.status_code == 409  # the door opens three hours before the start
    assert "Einchecken" in response.json()["detail"]
    assert Registration.objects.get(pk=registration.pk).status == registration.status


def test_staff_add_a_participant_through_the_registration_service(
    registry: Registry, api_client: ApiClient
) -> None:
    event = make_event(title="Werkstattgespräch")
    event.clusters.add(registry.smart)
    url = reverse("api:registrations", args=[event.pk])
    client = api_client("smart_manager")
    refused = client.post(
        url,
        {"first_name": "Bea", "last_name": "Neu", "email": "x", "consent": False},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert {"email", "consent"} <= set(refused.json()["detail"])
    response = client.post(
        url,
        {"first_name": "Bea", "last_name": "Neu", "email": "bea@example.org", "consent": True},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
    listed = client.get(url).json()
    assert [r["email"] for r in listed["items"]] == ["bea@example.org"]
