"""Done when of issue 13: a cluster manager creates a project in a consortium, moves it
through the board to "submitted", links a call, sees the suggested partners with reasons and
forwards the call to two organisations, whose pages then show the contact. Screenshots at
1280 and 375 px wide go to ``var/screenshots/``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from clusterhub.accounts.models import Account
from clusterhub.calls.models import FundingCall
from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import Interaction
from clusterhub.directory.models import Organisation
from clusterhub.partners import index_store
from clusterhub.partners import services as partner_services
from clusterhub.projects.models import Project
from tests.factories import (
    AccountFactory,
    AffiliationFactory,
    ClusterFactory,
    OrganisationFactory,
    PersonFactory,
    ThemeFactory,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_project_from_idea_to_submitted_with_call_partners_and_forwarding(
    page: Page, settings: Any, tmp_path: Path
) -> None:
    settings.VAR_DIR = tmp_path
    settings.TASKS = IMMEDIATE
    index_store.forget_loaded()
    smart = ClusterFactory.create(slug="smart-industries", name="Cluster Smart Industries")
    initiative = ClusterFactory.create(
        slug="industriestandort", name="Industriestandort Mannheim", kind=Cluster.Kind.INITIATIVE
    )
    ClusterFactory.create(
        slug="konsortium-wasserstoff",
        name="Konsortium Wasserstoff",
        kind=Cluster.Kind.CONSORTIUM,
        parent=initiative,
    )
    manager = AccountFactory.create(
        role=Account.Role.CLUSTER_MANAGER, user__username="manager"
    ).user
    smart.managers.add(manager)
    initiative.managers.add(manager)
    hydrogen = ThemeFactory.create(slug="wasserstoff", label_de="Wasserstoff", label_en="Hydrogen")
    partners: list[Organisation] = []
    for name, kind in (
        ("Brennertechnik Rhein GmbH", Organisation.Kind.SME),
        ("Institut für Verbrennung", Organisation.Kind.RESEARCH),
    ):
        organisation = OrganisationFactory.create(
            name=name,
            kind=kind,
            description_de="Wasserstoff-Brenner und hydrogen burners für Prozesswärme.",
        )
        organisation.themes.add(hydrogen)
        person = PersonFactory.create(email=f"kontakt{len(partners)}@example.org")
        AffiliationFactory.create(person=person, organisation=organisation, is_primary=True)
        partners.append(organisation)
    OrganisationFactory.create(name="Bäckerei Schmitt", description_de="Brot.")
    call = FundingCall.objects.create(
        source=FundingCall.Source.EU_PORTAL,
        level=FundingCall.Level.EU,
        programme="Horizon Europe",
        identifier="HORIZON-CL5-2027-D3-07",
        title="Hydrogen burners for industrial process heat",
        text="Research and innovation on hydrogen burners for process heat in industry.",
        action_type="RIA",
        deadline=timezone.localdate() + dt.timedelta(days=60),
        final_deadline=timezone.localdate() + dt.timedelta(days=60),
    )
    call.themes.add(hydrogen)
    partner_services.rebuild_partner_index()

    page.goto("/anmelden/")
    page.get_by_label("Benutzername").fill("manager")
    page.get_by_label("Passwort").fill("geheim-123")
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("link", name="Förderung", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Projekt-Pipeline")

    # Create the project in the consortium.
    page.get_by_role("link", name="Projektliste").click()
    page.get_by_role("link", name="Projekt anlegen").click()
    page.get_by_label("Konsortium").select_option(label="Konsortium Wasserstoff")
    page.get_by_label("Zusammenfassung").fill("Brenner auf Wasserstoff umstellen.")
    page.get_by_label("Titel", exact=True).fill("H2-Brenner Mannheim")
    page.get_by_label("Titel", exact=True).press("Enter")
    expect(page.get_by_text("Das Projekt wurde gespeichert.")).to_be_visible()
    project = Project.objects.get(title="H2-Brenner Mannheim")

    # Through the board to "submitted", one step at a time (HTMX, select + button).
    page.goto("/intern/projekte/pipeline/")
    for stage, column in (
        ("forming", "Konsortium im Aufbau"),
        ("proposal", "Antrag in Vorbereitung"),
        ("submitted", "Eingereicht"),
    ):
        card = page.locator(f"#card-{project.pk}")
        card.get_by_label("Nächste Phase").select_option(stage)
        card.get_by_role("button", name="Verschieben").click()
        section = page.locator(
            "section.pipeline-column", has=page.get_by_role("heading", name=column)
        )
        expect(section.locator(f"#card-{project.pk}")).to_be_visible()
    shoot(page, "project-board")
    project.refresh_from_db()
    assert project.stage == "submitted"

    # Link the call; the suggested partners come with their reasons.
    page.locator(f"#card-{project.pk}").get_by_role("link").click()
    page.locator("#id_call").select_option(value=str(call.pk))
    page.get_by_role("button", name="Aufruf verknüpfen").click()
    expect(page.locator("#project-call")).to_contain_text("HORIZON-CL5-2027-D3-07")
    suggested = page.locator("#call-organisations")
    expect(suggested).to_contain_text("Brennertechnik Rhein GmbH")
    expect(suggested).to_contain_text("Gemeinsame Themen: Wasserstoff")
    expect(suggested).not_to_contain_text("Bäckerei")
    expect(page.get_by_text("Es fehlt: Partner aus mindestens drei Ländern")).to_be_visible()
    shoot(page, "project-page")

    # Forward the call to the two organisations of the theme.
    page.locator("#project-call").get_by_role("link").click()
    expect(page.locator("#call-organisations")).to_contain_text("Institut für Verbrennung")
    shoot(page, "call-page")
    page.get_by_role("link", name="Förderaufruf weiterleiten").click()
    page.get_by_label("Alle Organisationen zum Thema").select_option(label="Wasserstoff")
    page.get_by_label("Versandt für").select_option(label="Cluster Smart Industries")
    page.get_by_label("Persönliche Nachricht").fill("Passt zu Ihrem Brenner-Vorhaben.")
    page.get_by_role("button", name="Vorschau anzeigen").click()
    expect(page.get_by_text("kontakt0@example.org")).to_be_visible()
    expect(page.get_by_text("kontakt1@example.org")).to_be_visible()
    shoot(page, "call-forward-preview")
    page.get_by_role("button", name="Jetzt senden").click()
    expect(page.get_by_text("an 2 Organisationen weitergeleitet")).to_be_visible()
    for organisation in partners:
        page.goto(f"/intern/organisationen/{organisation.pk}/")
        expect(page.locator("#notes")).to_contain_text(
            "Förderaufruf weitergeleitet: HORIZON-CL5-2027-D3-07"
        )
    assert Interaction.objects.filter(subject__contains="HORIZON-CL5-2027-D3-07").count() == 2
    index_store.forget_loaded()
