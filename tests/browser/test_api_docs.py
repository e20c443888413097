"""The API's Swagger UI loads from the site's own files under the Content-Security-Policy
(no CDN), shows the endpoints, and a staff member's token (made on the token page) calls the
staff API from a script."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Page, expect

from clusterhub.accounts.models import Account
from tests.factories import AccountFactory, OrganisationFactory


def test_docs_render_under_the_policy_and_a_new_token_works(
    page: Page, live_server: object
) -> None:
    blocked: list[str] = []
    outside: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text and "script" in message.text:
            blocked.append(message.text)

    page.on("console", watch)
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if not request.url.startswith(str(live_server)) and not request.url.startswith("data:")
            else None
        ),
    )
    OrganisationFactory.create(name="Pepperl+Fuchs", listed_publicly=True)
    page.goto("/api/v1/docs")
    expect(page.get_by_text("/api/v1/public/organisations", exact=True).first).to_be_visible()
    assert blocked == [] and outside == []

    AccountFactory.create(role=Account.Role.STAFF_READER, user__username="leserin")
    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill("leserin")
    page.get_by_label("Passwort", exact=True).fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/intern/**")
    page.get_by_role("link", name="API-Tokens").click()
    page.get_by_label("Bezeichnung").fill("Auswertung")
    page.get_by_label("Bezeichnung").press("Enter")
    secret = page.locator("#new-token").inner_text()
    answer = page.request.get(
        "/api/v1/staff/organisations", headers={"Authorization": f"Bearer {secret}"}
    )
    assert answer.status == 200
    assert answer.json()["items"][0]["name"] == "Pepperl+Fuchs"
