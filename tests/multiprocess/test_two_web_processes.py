"""Two web processes and a task worker, each in a folder of its own, on one PostgreSQL and one
object store: nothing a request or a task needs may live on one machine's disk or in one
process's memory.

The web processes are gunicorn, as in production; the worker is django-tasks' ``db_worker``.
They share the test run's PostgreSQL database (made and migrated for this run; the test
commits its rows and pytest-django empties the tables afterwards), the database cache and an
S3 server (moto's, on loopback).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from clusterhub.directory.forms import OrganisationForm
from clusterhub.directory.models import Organisation
from clusterhub.imports.tests.files import ORGANISATIONS, csv_bytes
from clusterhub.partners import services as partner_services
from tests.factories import OrganisationFactory
from tests.multiprocess.web import (
    Browser,
    Process,
    free_port,
    start_web,
    start_worker,
    stop,
    wait_until_up,
)
from tests.support.registry import Registry
from tests.support.s3 import ObjectStore, s3_server

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

PASSWORD = "zwei-Prozesse-1"
# How long until every process has looked for a new partner index again (seconds): small here.
REFRESH_SECONDS = "1"
# An upper bound for a loaded machine, not a measurement: unloaded it takes a few seconds.
WAIT_SECONDS = 180.0


def run_database_url() -> str:
    """DATABASE_URL with the test run's database in place of the configured one."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    name = str(connection.settings_dict["NAME"])
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture
def object_store() -> Iterator[ObjectStore]:
    with s3_server() as store:
        yield store


def form_data(organisation: Organisation, **changes: str) -> dict[str, str | list[str]]:
    """What the edit form posts for ``organisation`` as it stands, with ``changes``."""
    form = OrganisationForm(instance=organisation)
    data: dict[str, str | list[str]] = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item.pk if hasattr(item, "pk") else item) for item in value]
        else:
            data[name] = "" if value is None else str(value)
    data.update(changes)
    return data


def poll(check: Callable[[], bool], what: str, seconds: float = WAIT_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    raise AssertionError(f"not within {seconds} s: {what}")


def test_two_web_processes_and_a_worker_share_only_the_database_and_the_object_store(
    registry: Registry, object_store: ObjectStore, tmp_path: Path
) -> None:
    # A hydrogen firm looks for research partners; the MedTech member (which the MedTech
    # manager may edit) is a company in the stored index, so B's research filter leaves it out
    # until the index B holds says otherwise.
    asker = OrganisationFactory.create(
        name="Wasserstoffhafen Mannheim GmbH",
        offers="Hafenflächen und Logistik",
        seeks="Forschung zu Elektrolyseuren für grünen Wasserstoff",
    )
    member = registry.medtech_member
    assert member.kind == Organisation.Kind.SME
    manager = registry.users["medtech_manager"]
    # A hash the web processes accept (the tests' MD5 is not among their hashers); few
    # iterations, so logging in costs little (Django re-hashes it then).
    manager.password = PBKDF2PasswordHasher().encode(PASSWORD, "zweiprozesse", iterations=1000)
    manager.save()
    partner_services.rebuild_partner_index()

    shared = {
        "DATABASE_URL": run_database_url(),
        "CLUSTERHUB_PARTNER_INDEX_REFRESH_SECONDS": REFRESH_SECONDS,
        **object_store.environment(),
    }
    port_a, port_b = free_port(), free_port()
    processes: list[Process] = []
    try:
        processes += [
            start_web("web-a", tmp_path / "a", port_a, shared),
            start_web("web-b", tmp_path / "b", port_b, shared),
            start_worker("worker-c", tmp_path / "c", shared),
        ]
        a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
        wait_until_up(a, processes[0])
        wait_until_up(b, processes[1])
        browser = Browser()
        partners_url = reverse("partners:organisation_partners", args=[asker.pk])
        research_url = f"{partners_url}?kind={Organisation.Kind.RESEARCH}"

        # Log in through A; the session is in the database, so B knows it too.
        login_url = reverse("accounts:login")
        assert browser.get(a + login_url).status == 200
        answer = browser.post(
            a + login_url, {"username": "medtech_manager", "password": PASSWORD}, {}
        )
        assert answer.status == 302, answer.text[-2000:]
        everyone = browser.get(b + partners_url)
        assert everyone.status == 200, everyone.text[-2000:]
        assert member.name in everyone.text  # B has loaded the index
        assert member.name not in browser.get(b + research_url).text

        # A profile edit through A: the worker builds the index again, B serves it.
        edit = browser.post(
            a + reverse("directory:organisation_edit", args=[member.pk]),
            form_data(member, kind=Organisation.Kind.RESEARCH, offers="Elektrolyse-Forschung"),
            {},
        )
        assert edit.status == 302, edit.text[-3000:]
        poll(
            lambda: member.name in browser.get(b + research_url).text,
            "B suggests the edited organisation as a research partner",
        )
        refresh = DBTaskResult.objects.get(task_path__endswith="refresh_partner_index")
        assert refresh.status == "SUCCESSFUL" and refresh.worker_ids == ["worker-c"]

        # An import file uploaded through A is read back by B: its rows show on the mapping page.
        upload = browser.post(
            a + reverse("imports:start"),
            {"kind": "organisations", "cluster": str(registry.medtech.pk)},
            {"file": ("liste.csv", csv_bytes(ORGANISATIONS))},
        )
        assert upload.status == 302, upload.text[-3000:]
        mapping = browser.get(b + upload.headers["Location"])
        assert mapping.status == 200 and "Rheinkraft Energie" in mapping.text
        assert any(key.startswith("imports/") for key in object_store.stored_names())
        for folder in ("a", "b", "c"):
            assert not (tmp_path / folder / "media").exists()
    finally:
        stop(processes)
