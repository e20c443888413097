"""Who took part in an event stays with the event's clusters: the manager of another cluster is
refused, a staff reader sees the figures and no names — in Chromium, as a person would."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from clusterhub.events import services as event_services
from tests.browser.test_registry_flow import log_in
from tests.factories import AccountFactory, ClusterFactory
from tests.support.events import make_event, person_data


def test_another_clusters_manager_and_a_reader_do_not_see_who_registered(page: Page) -> None:
    social = ClusterFactory.create(slug="social-economy", name="Social Economy")
    smart = ClusterFactory.create(slug="smart-industries", name="Cluster Smart Industries")
    event = make_event(capacity=5, title="Social Innovation Bar")
    event.clusters.add(social)
    event_services.register_participant(event, person_data(1, last_name="Öztürk"))
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    smart.managers.add(manager)
    AccountFactory.create(role=Account.Role.STAFF_READER, user__username="leserin")

    log_in(page, "manager")
    url = f"/intern/veranstaltungen/{event.pk}/teilnehmende/"
    response = page.goto(url)
    assert response is not None and response.status == 403
    response = page.goto(f"{url}export.csv")
    assert response is not None and response.status == 403

    page.context.clear_cookies()
    log_in(page, "leserin")
    page.goto(url)
    expect(page.get_by_text("1 von 5 Plätzen vergeben")).to_be_visible()
    expect(page.get_by_text("sehen nur die Clustermanager der Veranstaltung")).to_be_visible()
    expect(page.get_by_text("Öztürk")).to_have_count(0)
    expect(page.get_by_role("link", name="Export (CSV)")).to_have_count(0)
