"""A cohort call takes two applications without an account, two reviewers score them, and
the manager accepts the better one — in Chromium, at 1280 and 375 px."""

from __future__ import annotations

from django.contrib.auth.models import User
from playwright.sync_api import BrowserContext, Page, expect

from clusterhub.accounts.models import Account
from clusterhub.support.models import Application, Cohort
from clusterhub.support.tests.cohort_fixtures import make_cohort
from tests.browser.test_layout import assert_no_horizontal_overflow, log_in, shoot
from tests.factories import AccountFactory, ClusterFactory

SHEETS = {
    # reviewer → application → team, market, innovation, fit
    "gutachterin.a": {"Greenbot UG": "5455", "Nexa Robotics UG": "3232"},
    "gutachter.b": {"Greenbot UG": "4544", "Nexa Robotics UG": "2333"},
}


def _apply(page: Page, cohort: Cohort, organisation: str, contact: str) -> None:
    page.goto(f"/accelerator/{cohort.slug}/")
    page.get_by_label("Name des Start-ups / der Organisation").fill(organisation)
    page.get_by_label("Ihr Name").fill(contact)
    page.get_by_label("E-Mail-Adresse").fill("gruendung@example.org")
    page.get_by_label("Welches Problem lösen Sie?").fill("Montage ohne Fachkräfte")
    page.get_by_label("Wer ist in Ihrem Team?").fill("Zwei Ingenieurinnen, ein Kaufmann")
    page.get_by_label("Ich willige ein", exact=False).check()
    page.get_by_role("button", name="Bewerbung absenden").click()
    expect(page.get_by_role("heading", name="Vielen Dank für Ihre Bewerbung")).to_be_visible()


def _score(page: Page, context: BrowserContext, reviewer: User, base_url: str) -> None:
    context.clear_cookies()
    log_in(context, reviewer, base_url)
    for organisation, digits in SHEETS[reviewer.username].items():
        application = Application.objects.get(organisation_name=organisation)
        page.goto(f"/intern/accelerator/bewerbung/{application.pk}/")
        page.get_by_label("Ich erkläre: Es besteht kein Interessenkonflikt.").check()
        for label, digit in zip(
            ["Team (30 %)", "Markt (25 %)", "Innovation (25 %)", "Passung zum Programm (20 %)"],
            digits,
            strict=True,
        ):
            page.get_by_label(label).select_option(digit)
        if reviewer.username == "gutachterin.a" and organisation == "Greenbot UG":
            for width in (375, 1280):
                page.set_viewport_size({"width": width, "height": 900})
                shoot(page, "accelerator-review-sheet")
                assert_no_horizontal_overflow(page)
        page.get_by_role("button", name="Bewertung speichern").click()
        expect(page.get_by_text("Ihre Bewertung ist gespeichert.")).to_be_visible()


def test_two_applications_scored_by_two_reviewers_and_one_accepted(
    page: Page, browser_context: BrowserContext, live_server: object
) -> None:
    base_url = str(live_server)
    smart = ClusterFactory.create(slug="smart-industries", name="Cluster Smart Industries")
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager.smart"
    ).user
    smart.managers.add(manager)
    first = AccountFactory.create(
        role=Account.Role.STAFF_READER,
        user__username="gutachterin.a",
        user__first_name="Anna",
        user__last_name="Gutachterin",
    ).user
    second = AccountFactory.create(
        role=Account.Role.STAFF_READER,
        user__username="gutachter.b",
        user__first_name="Bernd",
        user__last_name="Gutachter",
    ).user
    cohort = make_cohort(smart)

    _apply(page, cohort, "Nexa Robotics UG", "Mira Keller")
    _apply(page, cohort, "Greenbot UG", "Jonas Weber")
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"/accelerator/{cohort.slug}/")
        shoot(page, "accelerator-call")
        assert_no_horizontal_overflow(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    log_in(browser_context, manager, base_url)
    page.goto(f"/intern/accelerator/{cohort.slug}/")
    page.get_by_label("Anna Gutachterin").check()
    page.get_by_label("Bernd Gutachter").check()
    page.get_by_role("button", name="Gutachtende speichern").click()
    expect(page.get_by_text("Die Gutachtenden sind gespeichert.")).to_be_visible()

    _score(page, browser_context, first, base_url)
    _score(page, browser_context, second, base_url)

    browser_context.clear_cookies()
    log_in(browser_context, manager, base_url)
    page.goto(f"/intern/accelerator/{cohort.slug}/")
    top = page.locator(".cohort-ranking tbody tr").first
    expect(top).to_contain_text("Greenbot UG")
    # (5·30 + 4·25 + 5·25 + 5·20) / 100 = 4.75 and (4·30 + 5·25 + 4·25 + 4·20) / 100 = 4.25
    expect(top).to_contain_text("4,50")
    top.get_by_role("link", name="Greenbot UG").click()
    page.get_by_label("Aufnehmen").check()
    page.get_by_role("button", name="Entscheidung senden").click()

    expect(page.get_by_text("Aufgenommen; die Zusage ist unterwegs.")).to_be_visible()
    expect(page.locator(".cohort-members")).to_contain_text("Greenbot UG")
    assert Application.objects.get(organisation_name="Greenbot UG").organisation is not None
    assert Application.objects.get(organisation_name="Nexa Robotics UG").status == "submitted"
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        shoot(page, "accelerator-cohort")
        assert_no_horizontal_overflow(page)
