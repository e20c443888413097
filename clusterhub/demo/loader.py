"""The Mannheim demo, stage by stage; each stage is one transaction.

Reference data (themes, clusters, the organisations named in the article, accounts) is
created or updated in place, so running the loader again changes nothing there. CORDIS
rows already present (by PIC / project id) are kept. Generated organisations and the
generated CRM log are added only when no generated organisations exist yet.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import FollowUp, Interaction
from clusterhub.directory.models import Organisation

from . import cordis
from .activity import write_activity
from .clusters import load_clusters
from .innovation import load_calls, load_projects
from .interactions import write_interactions
from .logins import Login, load_accounts
from .named import cordis_pic_owners, load_named_organisations
from .regional_writer import has_generated_organisations, write_regional
from .themes import load_themes

Progress = Callable[[str], None]
MEMBER_EDITOR_ORGANISATION = "neogramm"
SHOWCASE_OWN_SUBJECT = "Werksbesuch: Smart Production Demonstrator und digitaler Zwilling"
SHOWCASE_OTHER_SUBJECT = "Vertraulich: Energiebedarf für das Wasserstoff-Konsortium"


@dataclass(frozen=True)
class DemoOptions:
    cordis_dir: Path | None
    regional: int = 3000
    calls_file: Path | None = None
    seed: int = 42
    today: date = field(default_factory=date.today)


@dataclass(frozen=True)
class DemoResult:
    logins: list[Login]
    organisations: int
    showcase_organisation_id: int
    private_note_id: int
    cordis_loaded: bool


@contextmanager
def stage(number: int, title: str, progress: Progress) -> Iterator[None]:
    progress(f"[{number}/9] {title} …")
    started = time.perf_counter()
    with transaction.atomic():
        yield
    progress(f"      fertig in {time.perf_counter() - started:.1f} s")


def add_showcase_notes(
    organisation: Organisation, clusters: dict[str, Cluster], managers: dict[int, User], today: date
) -> Interaction:
    """Notes on Pepperl+Fuchs: one of Smart Industries (hers) with an open follow-up, and a
    private one of the Green Industry Cluster that she must not be able to open."""
    own, other = clusters["smart-industries"], clusters["green-industry"]
    visit, created = Interaction.objects.get_or_create(
        organisation=organisation,
        cluster=own,
        subject=SHOWCASE_OWN_SUBJECT,
        defaults={
            "kind": Interaction.Kind.VISIT,
            "occurred_on": today - timedelta(days=12),
            "notes": "Interesse an einem gemeinsamen Förderantrag zum digitalen Zwilling.",
            "author": managers[own.pk],
        },
    )
    if created:
        FollowUp.objects.create(
            interaction=visit,
            assignee=managers[own.pk],
            due_on=today + timedelta(days=5),
            description="Förderaufruf Digitalisierung weiterleiten",
        )
    note, _created = Interaction.objects.get_or_create(
        organisation=organisation,
        cluster=other,
        subject=SHOWCASE_OTHER_SUBJECT,
        defaults={
            "kind": Interaction.Kind.MEETING,
            "occurred_on": today - timedelta(days=30),
            "notes": "Nur für das Green Industry Cluster: Energiebedarfe und Standortpläne.",
            "author": managers[other.pk],
        },
    )
    return note


def load_demo(options: DemoOptions, progress: Progress) -> DemoResult:
    with stage(1, "Themen", progress):
        themes = load_themes()
        progress(f"  {len(themes)} Themen")
    with stage(2, "Cluster, Netzwerke, Initiative und Konsortien", progress):
        clusters = load_clusters(themes)
        progress(f"  {len(clusters)} Cluster")
    with stage(3, "Organisationen aus dem Artikel", progress):
        named = load_named_organisations(themes, clusters)
        progress(f"  {len(named)} Organisationen")
    with stage(4, "Konten", progress):
        logins, managers = load_accounts(options.seed, clusters, named[MEMBER_EDITOR_ORGANISATION])
    cordis_loaded = cordis.has_extract(options.cordis_dir)
    with stage(5, "EU-Forschungspartner (CORDIS)", progress):
        if options.cordis_dir is not None and cordis_loaded:
            owners = cordis_pic_owners(named)
            aliases = _same_entity_aliases(owners)
            extract = cordis.read_extract(options.cordis_dir, aliases)
            cordis.load_cordis(extract, themes, owners, progress)
        else:
            progress(
                f"  Hinweis: kein CORDIS-Auszug in {options.cordis_dir} – die Demo wird ohne "
                "EU-Forschungspartner geladen."
            )
    generated = has_generated_organisations()
    with stage(6, "Regionale Organisationen und Personen (generiert)", progress):
        if generated:
            progress("  schon vorhanden, übersprungen")
        else:
            write_regional(
                options.regional, options.seed, options.today, themes, clusters, progress
            )
    with stage(7, "Kontakte und Wiedervorlagen (generiert)", progress):
        if not generated:
            write_interactions(options.seed, options.today, clusters, managers, progress)
        note = add_showcase_notes(named["pepperl-fuchs"], clusters, managers, options.today)
    with stage(8, "Förderaufrufe und Innovationsprojekte der Konsortien", progress):
        calls = load_calls(options.calls_file, options.today)
        projects = load_projects(clusters, named, managers, options.today)
        progress(f"  {calls} Förderaufrufe, {projects} Projekte")
    with stage(9, "Veranstaltungen, Anmeldungen und Vermittlungen (generiert)", progress):
        if generated:
            progress("  schon vorhanden, übersprungen")
        else:
            write_activity(options.seed, options.today, progress)
    return DemoResult(
        logins=logins,
        organisations=Organisation.objects.count(),
        showcase_organisation_id=named["pepperl-fuchs"].pk,
        private_note_id=note.pk,
        cordis_loaded=cordis_loaded,
    )


def _same_entity_aliases(owners: dict[str, Organisation]) -> dict[str, str]:
    """Map every PIC of a named organisation to its first PIC, so both count once."""
    first: dict[int, str] = {}
    for pic, organisation in owners.items():
        first.setdefault(organisation.pk, pic)
    return {pic: first[organisation.pk] for pic, organisation in owners.items()}
