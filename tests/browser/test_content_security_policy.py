"""The Content-Security-Policy allows no inline script: live search (htmx) and the question
before erasing a person still work, and the browser reports no blocked script or style."""

from __future__ import annotations

from playwright.sync_api import ConsoleMessage, Dialog, Page, expect

from clusterhub.accounts.models import Account
from clusterhub.directory.models import Person
from tests.factories import AccountFactory, AffiliationFactory, OrganisationFactory


def test_search_and_erase_question_work_under_the_policy(page: Page) -> None:
    blocked: list[str] = []

    def watch(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            blocked.append(message.text)

    page.on("console", watch)
    organisation = OrganisationFactory.create(name="Pepperl+Fuchs", legal_form="SE")
    person = AffiliationFactory.create(organisation=organisation).person
    AccountFactory.create(
        role=Account.Role.ADMINISTRATOR, user__username="chefin", user__is_superuser=True
    )
    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill("chefin")
    page.get_by_label("Passwort", exact=True).fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/intern/")

    page.get_by_role("link", name="Organisationen").first.click()
    page.get_by_label("Suche").fill("peperl fuchs")
    expect(page.locator("#results tbody tr").first).to_contain_text("Pepperl+Fuchs")

    page.goto(f"/intern/personen/{person.pk}/")
    questions: list[str] = []

    def decline(dialog: Dialog) -> None:
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    page.get_by_role("button", name="Löschen (DSGVO)").click()

    assert questions == ["Person endgültig löschen?"]
    assert Person.objects.filter(pk=person.pk).exists()
    assert blocked == []
