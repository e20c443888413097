"""/healthz and /readyz: what a process manager or an orchestrator asks before sending traffic."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client, override_settings

from clusterhub.audit.models import AuditEntry
from clusterhub.core import health


@pytest.fixture(autouse=True)
def fresh_migration_state() -> Iterator[None]:
    health.forget_migration_state()
    yield
    health.forget_migration_state()


def test_liveness_answers_without_the_database(client: Client) -> None:
    # No django_db mark: a query here would fail the test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readiness_answers_ok_with_a_reachable_migrated_database(client: Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok"}


@pytest.mark.django_db
def test_readiness_refuses_traffic_while_a_migration_is_not_applied(client: Client) -> None:
    MigrationRecorder.Migration.objects.filter(app="events").order_by("-id")[0].delete()
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "1 not applied"


@pytest.mark.django_db
def test_readiness_refuses_traffic_when_the_database_is_unreachable(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: BaseDatabaseWrapper, *args: object) -> None:
        raise OperationalError('could not connect to server "db.internal" as user "clusterhub"')

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}
    assert "db.internal" not in response.content.decode()


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["cluster.example.de"])
def test_probes_over_plain_http_to_the_machines_address_are_answered_not_redirected(
    client: Client,
) -> None:
    for path in ("/healthz", "/readyz", "/readyz/"):
        response = client.get(path, HTTP_HOST="10.0.0.7:8000")
        assert response.status_code == 200, path
    # Every other page is still redirected to HTTPS.
    assert client.get("/", HTTP_HOST="cluster.example.de").status_code == 301
    assert not AuditEntry.objects.exists()
