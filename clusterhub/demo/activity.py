"""Generated activity of the agency's own clusters for the insight pages: past events on the
clusters' themes with registrations of their members' people, check-ins, feedback, and
introductions between members of different clusters.

Interest in some themes rises over the last year (more events and registrations on them), so
the topic proposals have something to find; the numbers are made up, the organisations are
the demo's own.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Affiliation, Membership
from clusterhub.events.models import Event, Feedback, Registration
from clusterhub.partners.models import Introduction
from clusterhub.taxonomy.models import Theme

# Themes whose interest rises in the last twelve months (slugs of the demo's taxonomy).
RISING = ("wasserstoff", "kreislaufwirtschaft", "ki", "fachkraefte")
EVENTS_PER_CLUSTER = 14
BATCH = 2000


def _start(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def write_activity(seed: int, today: date, progress: Callable[[str], None]) -> int:
    """Writes the events, registrations, feedback and introductions; returns the events."""
    rng = random.Random(seed + 7)
    clusters = list(Cluster.objects.filter(kind=Cluster.Kind.OWN).order_by("slug"))
    people_of: dict[int, list[tuple[int, str, str, str]]] = defaultdict(list)
    for org, person, first, last, email in Affiliation.objects.filter(
        person__erased_at__isnull=True
    ).values_list(
        "organisation_id", "person_id", "person__first_name", "person__last_name", "person__email"
    ):
        people_of[org].append((person, first, last, email))
    members_of = {
        cluster.pk: [
            org
            for org in Membership.objects.filter(cluster=cluster).values_list(
                "organisation_id", flat=True
            )
            if people_of.get(org)
        ]
        for cluster in clusters
    }
    rising = {theme.slug: theme for theme in Theme.objects.filter(slug__in=RISING)}
    registrations: list[Registration] = []
    events = 0
    for cluster in clusters:
        focus = list(cluster.focus_themes.all()) or list(rising.values())[:1]
        for index in range(EVENTS_PER_CLUSTER):
            recent = index >= EVENTS_PER_CLUSTER // 2
            day = today - timedelta(days=20 + (EVENTS_PER_CLUSTER - index) * 48)
            theme_pool = focus + ([rising[s] for s in RISING if s in rising] if recent else [])
            themes = rng.sample(theme_pool, k=min(2, len(theme_pool)))
            event = Event.objects.create(
                title=f"{cluster.name}: {themes[0].label_de}",
                starts_at=_start(day, 17),
                ends_at=_start(day, 20),
                capacity=60,
                venue="MAFINEX-Technologiezentrum, Mannheim",
            )
            event.clusters.add(cluster)
            if index % 5 == 4:  # now and then a joint event with another cluster
                event.clusters.add(rng.choice([c for c in clusters if c != cluster]))
            event.themes.set(themes)
            events += 1
            pool = members_of[cluster.pk]
            boost = 1.6 if recent and any(t.slug in RISING for t in themes) else 1.0
            chosen = rng.sample(pool, k=min(len(pool), int(rng.randint(12, 28) * boost)))
            for org in chosen:
                person, first, last, email = rng.choice(people_of[org])
                status = rng.choices(
                    [Registration.Status.ATTENDED, Registration.Status.NO_SHOW,
                     Registration.Status.CANCELLED],
                    weights=[78, 14, 8],
                )[0]  # fmt: skip
                registrations.append(
                    Registration(
                        event=event, person_id=person, organisation_id=org, first_name=first,
                        last_name=last, email=email, status=status, country="DE",
                        checked_in_at=event.starts_at if status == "attended" else None,
                    )
                )  # fmt: skip
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    attended = [r.pk for r in registrations if r.status == Registration.Status.ATTENDED]
    feedback_for = [pk for pk in attended if rng.random() < 0.4]
    Feedback.objects.bulk_create(
        [
            Feedback(registration_id=pk, rating=rng.choices([5, 4, 3, 2], [45, 35, 15, 5])[0])
            for pk in feedback_for
        ],
        batch_size=BATCH,
    )
    introductions = []
    for cluster in clusters:
        pool = members_of[cluster.pk]
        others = [org for c in clusters if c != cluster for org in members_of[c.pk]]
        for _index in range(min(10, len(pool))):
            introductions.append(
                Introduction(
                    cluster=cluster,
                    organisation_id=rng.choice(pool),
                    partner_id=rng.choice(others),
                    introduced_on=today - timedelta(days=rng.randint(10, 700)),
                )
            )
    Introduction.objects.bulk_create(introductions, batch_size=BATCH)
    progress(
        f"  {events} Veranstaltungen, {len(registrations)} Anmeldungen, "
        f"{len(feedback_for)} Rückmeldungen, {len(introductions)} Vermittlungen"
    )
    return events
