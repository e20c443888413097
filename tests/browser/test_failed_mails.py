"""A mail that can never be sent (a line break in an old event title) is tried the allowed
number of times; the event's manager then finds it, with its error, from the event list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from clusterhub.events import outbox, services
from clusterhub.events.models import Event
from clusterhub.events.services import RegistrationData
from tests.browser.test_registry_flow import log_in
from tests.factories import AccountFactory, ClusterFactory

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_the_manager_sees_a_mail_that_failed_for_good_with_its_error(
    page: Page, settings: Any
) -> None:
    settings.TASKS = IMMEDIATE_TASKS
    settings.CLUSTERHUB_MAIL_MAX_ATTEMPTS = 2
    medtech = ClusterFactory.create(slug="medtech", name="MedTech")
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    medtech.managers.add(manager)
    start = timezone.now() + dt.timedelta(days=10)
    event = Event.objects.create(
        title="MedTech-Frühstück\nBcc: alle",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        capacity=5,
    )
    event.clusters.add(medtech)
    services.register_participant(
        event, RegistrationData(first_name="Ada", last_name="Roth", email="ada@example.org")
    )
    for _retry in range(3):
        outbox.retry_pending_mails()

    log_in(page, "manager")
    page.goto("/intern/veranstaltungen/")
    page.get_by_role("link", name="1 Mail konnte nicht versandt werden").click()
    expect(page.get_by_role("heading", name="Fehlgeschlagene Mails")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="ada@example.org")
    expect(row).to_contain_text("BadHeaderError")
    expect(row).to_contain_text("Anmeldebestätigung")
    expect(row.get_by_role("cell").nth(3)).to_have_text("2")
