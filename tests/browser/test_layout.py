"""Pages read well on a laptop (1280 px) and on a phone (375 px): the header stays on one row,
multiple selects show every chosen value, nothing overlaps or runs wider than the screen.

Each test saves screenshots under ``var/screenshots/`` (ignored by git) for a person to look at.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, ViewportSize, expect

from clusterhub.accounts.models import Account
from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation
from clusterhub.events.models import Event
from tests.factories import (
    AccountFactory,
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    ThemeFactory,
    UserFactory,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
LAPTOP = ViewportSize(width=1280, height=800)
PHONE = ViewportSize(width=375, height=740)

HORIZONTAL_OVERFLOW = """
() => {
  const width = document.documentElement.clientWidth;
  const wide = Array.from(document.querySelectorAll('body *'))
    .filter(el => el.getBoundingClientRect().right > width + 1 && el.offsetParent !== null)
    .filter(el => !el.closest(
      '.kern-table-responsive, .skip-link, .kern-sr-only, .leaflet-container'))
    .map(el => el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0]);
  return {scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5)};
}
"""


@dataclass
class Site:
    smart: Cluster
    pepperl: Organisation
    event: Event
    admin: User
    manager: User


@pytest.fixture
def site(db: None) -> Site:
    smart = ClusterFactory.create(
        slug="smart-industries",
        name="Cluster Smart Industries",
        contact_email="smart@mannheim.de",
    )
    kinds = list(Organisation.Kind)
    for n in range(180):
        member = OrganisationFactory.create(
            name=f"Mitglied {180 - n:03} GmbH",
            legal_form="GmbH",
            kind=kinds[n % len(kinds)],
            listed_publicly=True,
        )
        MembershipFactory.create(organisation=member, cluster=smart)
    pepperl = OrganisationFactory.create(name="Pepperl+Fuchs", legal_form="SE")
    themes = [ThemeFactory.create(label_de=label) for label in THEMES]
    pepperl.themes.set(themes[:4])
    MembershipFactory.create(organisation=pepperl, cluster=smart)
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    smart.managers.add(manager)
    admin = UserFactory.create(username="chefin", is_superuser=True)
    AccountFactory.create(user=admin, role=Account.Role.ADMINISTRATOR)
    start = (timezone.now() + dt.timedelta(days=10)).replace(microsecond=0)
    event = Event.objects.create(
        title="Smart Industries Abend",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        venue="MAFINEX-Technologiezentrum",
        capacity=0,
    )
    event.clusters.add(smart)
    return Site(smart=smart, pepperl=pepperl, event=event, admin=admin, manager=manager)


THEMES = [
    "Automatisierung",
    "Industrie 4.0",
    "Künstliche Intelligenz",
    "Sensorik",
    "Wasserstoff",
    "Kreislaufwirtschaft",
    "Medizintechnik",
]


def log_in(context: BrowserContext, user: User, base_url: str) -> None:
    """A session cookie, as after the login form (which has tests of its own)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 0
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def assert_no_horizontal_overflow(page: Page) -> None:
    overflow = page.evaluate(HORIZONTAL_OVERFLOW)
    assert overflow["scroll"] <= 0, overflow
    assert overflow["wide"] == [], overflow


def page_height(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollHeight"))


def test_header_stays_on_one_row_at_1280_px(page: Page, site: Site, live_server: object) -> None:
    log_in(page.context, site.admin, str(live_server))
    page.set_viewport_size(LAPTOP)
    page.goto("/intern/organisationen/")
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()
    shoot(page, "header-admin")
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              '.site-brand, .site-nav a, .site-tools button, .site-tools a'))
            .map(el => { const r = el.getBoundingClientRect();
                         return {text: el.textContent.trim(), top: r.top, bottom: r.bottom}; })"""
    )
    texts = [box["text"] for box in boxes]
    assert "English" in texts and "Abmelden" in texts and "Protokoll" in texts
    middles = [(box["top"] + box["bottom"]) / 2 for box in boxes]
    assert max(middles) - min(middles) < 24, boxes  # one row: the centres line up
    for box in boxes[1:]:  # and no menu entry or button breaks inside itself
        assert box["bottom"] - box["top"] < 40, box


def test_organisation_edit_form_shows_all_four_themes(
    page: Page, site: Site, live_server: object
) -> None:
    log_in(page.context, site.manager, str(live_server))
    for size in (LAPTOP, PHONE):
        page.set_viewport_size(size)
        page.goto(f"/intern/organisationen/{site.pepperl.pk}/bearbeiten/")
        chosen = page.locator(".ts-wrapper.multi .ts-control .item")
        expect(chosen).to_have_count(4)
        for label in THEMES[:4]:
            expect(chosen.filter(has_text=label)).to_be_visible()
        shoot(page, "organisation-edit")
        assert_no_horizontal_overflow(page)

    page.get_by_role("combobox", name="Themen").focus()
    page.keyboard.type("Wasser")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(chosen).to_have_count(5)
    # Sent from the keyboard as a user may: Enter in a text field submits the form. (A mouse
    # click right after the picker closed was sometimes taken by the closing picker.)
    with page.expect_navigation():
        page.get_by_role("textbox", name="Name").press("Enter")
    saved = page.get_by_text("Die Änderungen wurden gespeichert.")
    expect(saved).to_be_visible(timeout=15_000)  # a loaded CI machine saves slowly
    assert site.pepperl.themes.count() == 5


def test_without_javascript_the_themes_list_shows_every_option(
    browser_context: BrowserContext, site: Site, live_server: object
) -> None:
    context = browser_context.browser.new_context(  # type: ignore[union-attr]
        base_url=str(live_server), locale="de-DE", java_script_enabled=False, viewport=LAPTOP
    )
    log_in(context, site.manager, str(live_server))
    page = context.new_page()
    page.goto(f"/intern/organisationen/{site.pepperl.pk}/bearbeiten/")
    themes = page.get_by_label("Themen")
    assert themes.evaluate("el => el.multiple && el.size") == len(THEMES)
    assert themes.evaluate("el => el.clientHeight > 5 * 18"), "several rows in view"
    chosen = themes.evaluate("el => Array.from(el.selectedOptions).map(o => o.text)")
    assert chosen == THEMES[:4]
    shoot(page, "organisation-edit-nojs")
    context.close()


def test_new_event_form_has_its_cluster_chosen_and_pickers_for_times(
    page: Page, site: Site, live_server: object
) -> None:
    log_in(page.context, site.manager, str(live_server))
    page.set_viewport_size(LAPTOP)
    page.goto("/intern/veranstaltungen/neu/")
    clusters = page.locator(".ts-wrapper.multi").filter(has_text="Cluster Smart Industries")
    expect(clusters.locator(".item")).to_have_count(1)
    expect(page.locator('input[type="date"]')).to_have_count(4)
    expect(page.locator('input[type="time"]')).to_have_count(4)
    shoot(page, "event-form")


def test_cluster_page_is_short_sorted_and_grouped(
    page: Page, site: Site, live_server: object
) -> None:
    for size in (LAPTOP, PHONE):
        page.set_viewport_size(size)
        page.goto("/cluster/smart-industries/")
        shoot(page, "cluster")
        assert_no_horizontal_overflow(page)
        assert page_height(page) < 2500, page_height(page)
    page.set_viewport_size(LAPTOP)
    contact = page.locator("aside").bounding_box()
    assert contact is not None and contact["height"] < 400  # not stretched beside the list
    group = page.locator("details.member-group").filter(has_text="KMU")
    group.locator("summary").click()
    names = group.locator("li").all_text_contents()
    assert len(names) == 20
    assert names == sorted(names)


def test_organisation_page_buttons_do_not_overlap_their_text(
    page: Page, site: Site, live_server: object
) -> None:
    log_in(page.context, site.manager, str(live_server))
    for size in (LAPTOP, PHONE):
        page.set_viewport_size(size)
        page.goto(f"/intern/organisationen/{site.pepperl.pk}/")
        end = page.get_by_role("button", name="Beenden")
        expect(end).to_be_visible()
        button = end.bounding_box()
        label = end.locator(".kern-label").bounding_box()
        assert button and label
        assert label["width"] <= button["width"] + 1, (label, button)
        shoot(page, "organisation")
        assert_no_horizontal_overflow(page)


# The partner panel's feedback buttons, as partners/partials/suggestion_list.html writes them
# (the panel itself needs a built partner index, which this test does not wait for).
FEEDBACK_BUTTON = (
    '<button type="button" class="kern-btn kern-btn--tertiary kern-btn--x-small">'
    '<span class="kern-label">{}<span class="kern-sr-only"> – Muster GmbH</span></span></button>'
)
FEEDBACK_BUTTONS = (
    '<form class="inline-form" id="feedback">'
    + FEEDBACK_BUTTON.format("Nützlich")
    + FEEDBACK_BUTTON.format("Nicht nützlich")
    + "</form>"
)


def test_useful_and_not_useful_buttons_have_room(
    page: Page, site: Site, live_server: object
) -> None:
    log_in(page.context, site.manager, str(live_server))
    page.set_viewport_size(PHONE)
    page.goto(f"/intern/organisationen/{site.pepperl.pk}/")
    page.locator("#notes").evaluate(
        "(el, html) => el.insertAdjacentHTML('afterend', html)", FEEDBACK_BUTTONS
    )
    useful, not_useful = page.locator("#feedback button").all()
    first, second = useful.bounding_box(), not_useful.bounding_box()
    assert first and second
    for button in (useful, not_useful):
        box, label = button.bounding_box(), button.locator(".kern-label").bounding_box()
        assert box and label and label["width"] <= box["width"] + 1, (label, box)
    same_row = abs(first["y"] - second["y"]) < 4
    assert (first["x"] + first["width"] + 4 <= second["x"]) if same_row else True


def test_login_form_is_not_page_wide(page: Page, site: Site) -> None:
    page.set_viewport_size(LAPTOP)
    page.goto("/anmelden/")
    field = page.get_by_label("Benutzername").bounding_box()
    assert field and field["width"] <= 720
    shoot(page, "login")


@pytest.mark.parametrize(
    "path",
    ["/", "/verzeichnis/", "/veranstaltungen/", "/intern/", "/intern/organisationen/"],
)
def test_main_pages_fit_a_phone(page: Page, site: Site, live_server: object, path: str) -> None:
    log_in(page.context, site.admin, str(live_server))
    for size in (LAPTOP, PHONE):
        page.set_viewport_size(size)
        page.goto(path)
        shoot(page, path.strip("/").replace("/", "-") or "home")
    assert_no_horizontal_overflow(page)
