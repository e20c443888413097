"""Structured logs: with CLUSTERHUB_LOG_FORMAT=json a request writes one JSON line to stdout with
its method, path, status, duration and request id (docs/deploy.md, "Logs")."""

from __future__ import annotations

import json
import logging
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from clusterhub.core.request_log import REQUEST_ID_HEADER
from clusterhub.core.tests.test_settings import ROOT, clean_environment
from config.logs import REQUEST_LOGGER

REQUEST_IN_A_FRESH_PROCESS = """
import django
django.setup()
from django.test import Client
response = Client().get("/no-such-page/", HTTP_X_REQUEST_ID="proxy-id-1234")
assert response["X-Request-ID"] == "proxy-id-1234", response.headers
"""


@pytest.mark.slow
def test_a_request_writes_one_json_line_with_its_fields(tmp_path: Path) -> None:
    env = clean_environment(
        CLUSTERHUB_VAR_DIR=str(tmp_path),
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        CLUSTERHUB_LOG_FORMAT="json",
        LOG_LEVEL="INFO",
    )

    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", REQUEST_IN_A_FRESH_PROCESS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    requests = [record for record in records if record["logger"] == REQUEST_LOGGER]
    assert len(requests) == 1, result.stdout
    (line,) = requests
    assert line["method"] == "GET"
    assert line["path"] == "/no-such-page/"
    assert line["status"] == 404
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["request_id"] == "proxy-id-1234"
    assert line["level"] == "INFO" and line["timestamp"].endswith("+00:00")
    # Django's own "Not Found" line, written after the middleware, carries the same id.
    not_found = [record for record in records if record["logger"] == "django.request"]
    assert [record["request_id"] for record in not_found] == ["proxy-id-1234"]


@pytest.mark.django_db
def test_a_request_without_a_sane_id_gets_a_fresh_one(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=REQUEST_LOGGER):
        response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="bad id\nforged line")

    request_id = response[REQUEST_ID_HEADER]
    assert len(request_id) == 32 and request_id.isalnum()
    (record,) = [record for record in caplog.records if record.name == REQUEST_LOGGER]
    assert record.request_id == request_id  # type: ignore[attr-defined]
    assert record.status == 404  # type: ignore[attr-defined]


def test_probes_are_not_logged_as_requests(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=REQUEST_LOGGER):
        client.get("/healthz")

    assert [record for record in caplog.records if record.name == REQUEST_LOGGER] == []
