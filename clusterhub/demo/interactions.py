"""Generated CRM log: each own cluster's contacts with its members, with follow-ups.

Interactions are written by the cluster's (generated) manager; follow-ups are assigned to
her or him, some done, some open and some of those overdue, relative to ``today``.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import FollowUp, Interaction
from clusterhub.directory.models import Affiliation, Membership, Organisation

BATCH = 2000
# Open follow-ups that fell due before this long ago would be a neglected list, not a demo.
RECENTLY_DUE = timedelta(days=21)
Kind = Interaction.Kind
SUBJECTS = {
    Kind.VISIT: ["Besuch vor Ort: Vorstellung der Clusterangebote", "Werksbesuch und Rundgang"],
    Kind.CALL: ["Telefonat zu Fördermöglichkeiten", "Rückruf zur Veranstaltungsanmeldung"],
    Kind.MEETING: ["Austausch zu {theme}", "Treffen beim Netzwerkforum"],
    Kind.MAIL: ["Unterlagen zum Förderaufruf {theme}", "Einladung zum Cluster-Stammtisch"],
    Kind.INTRODUCTION: ["Vermittlung an {partner}"],
}
NOTES = [
    "Interesse an {theme}. Nächster Schritt: {step}.",
    "Gesprächspartner offen für Kooperationen, Budget fürs nächste Jahr noch unklar. {step}.",
    "Sucht Partner für ein Förderprojekt zu {theme}; Kontakt zu {partner} angeregt.",
    "Vertraulich: interne Umstrukturierung geplant, Ansprechpartner wechselt. {step}.",
]
STEPS = [
    "Förderaufruf weiterleiten",
    "Folgetermin vereinbaren",
    "Kontakt zur Hochschule herstellen",
    "Einladung zum nächsten Netzwerkforum senden",
    "Workshop-Angebot schicken",
]


@dataclass(frozen=True)
class Contact:
    organisation_id: int
    cluster_id: int
    since: date
    until: date


class InteractionGenerator:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today

    def occurrences(self, contact: Contact) -> list[date]:
        rng = self.rng
        first = max(contact.since, self.today - timedelta(days=730))
        span = (contact.until - first).days
        if span <= 0 or rng.random() > 0.7:
            return []
        return sorted(first + timedelta(days=rng.randrange(span)) for _ in range(rng.randint(1, 3)))

    def interaction(
        self,
        contact: Contact,
        day: date,
        author: User | None,
        person_id: int | None,
        theme: str,
        partner: str,
    ) -> Interaction:
        rng = self.rng
        kind = rng.choice(list(SUBJECTS))
        values = {"theme": theme, "partner": partner, "step": rng.choice(STEPS)}
        return Interaction(
            cluster_id=contact.cluster_id,
            organisation_id=contact.organisation_id,
            person_id=person_id,
            kind=kind,
            occurred_on=day,
            subject=rng.choice(SUBJECTS[kind]).format(**values)[:200],
            notes=rng.choice(NOTES).format(**values),
            author=author,
        )

    def follow_up(self, interaction: Interaction, assignee: User) -> FollowUp | None:
        """A follow-up due 1 to 8 weeks after the contact. Like a team that works its list,
        everything due before the last three weeks is done (on time or a few days late);
        of what fell due since, some is still open (a few overdue); what is due ahead is open.
        """
        rng = self.rng
        if rng.random() > 0.3:
            return None
        due = interaction.occurred_on + timedelta(days=rng.randint(7, 60))
        done_on: date | None = None
        if due < self.today - RECENTLY_DUE:
            done_on = due + timedelta(days=rng.randint(-3, 5))
        elif due < self.today and rng.random() < 0.4:
            done_on = min(due + timedelta(days=rng.randint(0, 3)), self.today)
        done_at = (
            None if done_on is None else timezone.make_aware(datetime.combine(done_on, time(16)))
        )
        return FollowUp(
            interaction_id=interaction.pk,
            assignee=assignee,
            due_on=due,
            description=rng.choice(STEPS),
            done_at=done_at,
        )


def _contacts(clusters: dict[str, Cluster], today: date, rng: random.Random) -> list[Contact]:
    own = {c.pk: c for c in clusters.values() if c.kind == Cluster.Kind.OWN}
    contacts: list[Contact] = []
    rows = Membership.objects.filter(cluster_id__in=own).values_list(
        "organisation_id", "cluster_id", "started_on", "ended_on"
    )
    with_membership: set[int] = set()
    for org_id, cluster_id, started, ended in rows.order_by("id"):
        with_membership.add(org_id)
        contacts.append(Contact(org_id, cluster_id, started or date(2018, 1, 1), ended or today))
    # A few prospects without membership: first contacts of a random cluster.
    prospects = (
        Organisation.objects.filter(cordis_pic="")
        .exclude(pk__in=with_membership)
        .values_list("pk", flat=True)
        .order_by("pk")
    )
    own_ids = sorted(own)
    for org_id in prospects:
        if rng.random() < 0.1:
            contacts.append(
                Contact(org_id, rng.choice(own_ids), today - timedelta(days=365), today)
            )
    return contacts


def write_interactions(
    seed: int,
    today: date,
    clusters: dict[str, Cluster],
    managers: dict[int, User],
    progress: Callable[[str], None],
) -> tuple[int, int]:
    """Generate the CRM log; returns (interactions, follow-ups). ``managers`` by cluster id."""
    generator = InteractionGenerator(seed, today)
    contacts = _contacts(clusters, today, generator.rng)
    people: dict[int, list[int]] = defaultdict(list)
    for org_id, person_id in Affiliation.objects.values_list("organisation_id", "person_id"):
        people[org_id].append(person_id)
    themes = {
        c.pk: [t.label_de for t in c.focus_themes.all()] or [c.name] for c in clusters.values()
    }
    names = dict(
        Organisation.objects.filter(pk__in={c.organisation_id for c in contacts}).values_list(
            "pk", "name"
        )
    )
    members_by_cluster: dict[int, list[int]] = defaultdict(list)
    for contact in contacts:
        members_by_cluster[contact.cluster_id].append(contact.organisation_id)

    interactions: list[Interaction] = []
    for contact in contacts:
        for day in generator.occurrences(contact):
            partner_id = generator.rng.choice(members_by_cluster[contact.cluster_id])
            staff = people.get(contact.organisation_id)
            interactions.append(
                generator.interaction(
                    contact,
                    day,
                    managers.get(contact.cluster_id),
                    generator.rng.choice(staff) if staff else None,
                    generator.rng.choice(themes[contact.cluster_id]),
                    names.get(partner_id, "einem Clustermitglied"),
                )
            )
    created = Interaction.objects.bulk_create(interactions, batch_size=BATCH)
    follow_ups = [
        follow_up
        for interaction in created
        if interaction.cluster_id in managers
        and (follow_up := generator.follow_up(interaction, managers[interaction.cluster_id]))
    ]
    FollowUp.objects.bulk_create(follow_ups, batch_size=BATCH)
    progress(f"  {len(created)} Kontakte, {len(follow_ups)} Wiedervorlagen")
    return len(created), len(follow_ups)
