"""The refresh computes its aggregates with set-based SQL; on a small generated registry they
must equal, value for value, the aggregates computed the straightforward way (every row read
into Python: ``straightforward``)."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from clusterhub.clusters.models import Cluster
from clusterhub.directory.models import Organisation
from clusterhub.events.models import Event, Feedback, Registration
from clusterhub.insight import crosscluster
from clusterhub.insight.access import reported_clusters
from clusterhub.insight.figures import dashboard_figures
from clusterhub.insight.periods import preset_periods
from clusterhub.insight.tests import straightforward
from clusterhub.partners.models import Introduction
from clusterlogic.insight.figures import Period
from tests.factories import (
    ClusterFactory,
    FollowUpFactory,
    InteractionFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    ProjectFactory,
    ThemeFactory,
    UserFactory,
)
from tests.support.registry import Registry

LABELS = ["Wasserstoff", "Robotik", "Kreislaufwirtschaft", "Gesundheit", "KI"]
PLACES = [("Mannheim", "68159", "DE"), ("Heidelberg", "69117", "DE"), ("Berlin", "10115", "DE"),
          ("Lyon", "69001", "FR"), (" mannheim ", "68165", "")]  # fmt: skip
STATUSES = list(Registration.Status.values)


def _day(rng: random.Random, today: dt.date) -> dt.date:
    return today - dt.timedelta(days=rng.randint(-30, 3 * 365))


def generate(registry: Registry, rng: random.Random) -> None:
    """Members joining and leaving, events of the clusters with every registration status,
    notes naming themes, introductions followed up or not, meetings, projects."""
    today = timezone.localdate()
    clusters = [registry.smart, registry.medtech, ClusterFactory.create()]
    themes = [ThemeFactory.create(label_de=label) for label in LABELS]
    organisations = []
    for index in range(40):
        city, postcode, country = rng.choice(PLACES)
        label = rng.choice(LABELS)
        organisation = OrganisationFactory.create(
            kind=rng.choice(Organisation.Kind.values), city=city, postcode=postcode,
            country=country, seeks=rng.choice(["", f"Partner für {label.lower()}"]),
            offers=rng.choice(["", f"Vortrag über {label}"]), name=f"Org {index}",
        )  # fmt: skip
        organisation.themes.set(rng.sample(themes, k=rng.randint(0, 3)))
        organisations.append(organisation)
        for cluster in rng.sample(clusters, k=rng.randint(0, 3)):
            started = rng.choice([None, _day(rng, today)])
            ended = rng.choice([None, None, _day(rng, today)])
            if started and ended and ended < started:
                started, ended = ended, started
            MembershipFactory.create(
                organisation=organisation, cluster=cluster, started_on=started, ended_on=ended
            )
    people = [PersonFactory.create() for _index in range(8)]
    now = timezone.now()
    for index in range(30):
        starts = now - dt.timedelta(days=rng.randint(-20, 3 * 365), hours=rng.randint(0, 30))
        event = Event.objects.create(
            title=f"Abend {index}", starts_at=starts, ends_at=starts + dt.timedelta(hours=3),
            capacity=30, status=rng.choice([Event.Status.PLANNED, Event.Status.CANCELLED]),
        )  # fmt: skip
        event.clusters.set(rng.sample(clusters, k=rng.randint(1, 2)))
        event.themes.set(rng.sample(themes, k=rng.randint(0, 2)))
        for number in rng.sample(range(12), k=rng.randint(0, 8)):
            status = rng.choice(STATUSES)
            registration = Registration.objects.create(
                event=event, status=status,
                email=rng.choice(["", f"Gast{number}@Example.org", f"gast{number}@example.org"]),
                person=rng.choice([None, *people]),
                organisation=rng.choice([None, *organisations]),
                checked_in_at=rng.choice([None, starts]),
            )  # fmt: skip
            if rng.random() < 0.3:
                Feedback.objects.create(registration=registration, rating=rng.randint(1, 5))
        if rng.random() < 0.3:
            meeting = MeetingFactory.create(event=event)
            if rng.random() < 0.5:
                meeting.no_shows.add(meeting.request.sender)
    author = UserFactory.create()
    notes = []
    for _index in range(40):
        note = InteractionFactory.create(
            cluster=rng.choice(clusters), organisation=rng.choice(organisations),
            occurred_on=_day(rng, today), author=author,
            subject=f"Gespräch zu {rng.choice(LABELS)}", notes=rng.choice(["", "kurz", "KI"]),
        )  # fmt: skip
        if rng.random() < 0.3:
            FollowUpFactory.create(
                interaction=note, assignee=author, done_at=rng.choice([None, now])
            )
        notes.append(note)
    for _index in range(25):
        introduction = Introduction.objects.create(
            cluster=rng.choice(clusters), organisation=rng.choice(organisations),
            partner=rng.choice(organisations), introduced_on=_day(rng, today),
        )  # fmt: skip
        introduction.interactions.set(rng.sample(notes, k=rng.randint(0, 2)))
    for _index in range(6):
        project = ProjectFactory.create(
            start_date=_day(rng, today), end_date=rng.choice([None, _day(rng, today)])
        )
        project.themes.set(rng.sample(themes, k=rng.randint(0, 2)))
        for organisation in rng.sample(organisations, k=rng.randint(1, 4)):
            ParticipationFactory.create(project=project, organisation=organisation)


def test_the_refreshed_aggregates_equal_the_straightforward_ones(registry: Registry) -> None:
    generate(registry, random.Random(14))
    clusters = list(reported_clusters())
    today = timezone.localdate()
    periods = [*preset_periods(), Period(start=today - dt.timedelta(days=90), end=today)]
    scopes: list[list[Cluster]] = [clusters, *([c] for c in clusters)]
    assert Registration.objects.exclude(status=Registration.Status.CANCELLED).count() > 50
    seen: dict[str, int] = {}
    for period in periods:
        for scope in scopes:
            ids = [c.pk for c in scope]
            figures = dashboard_figures(ids, period)
            assert figures == straightforward.dashboard_figures(ids, period), (period, ids)
            for key, value in figures["current"].items():
                seen[key] = max(seen.get(key, 0), value or 0)
        assert crosscluster.themes(clusters, period) == straightforward.themes(clusters, period)
        proposals = crosscluster.topics(clusters, period)
        assert proposals == straightforward.topics(clusters, period), period
        seen["proposals"] = max(seen.get("proposals", 0), len(proposals["proposals"]))
    # The generated data reaches every figure somewhere, so the comparison means something.
    assert all(value > 0 for value in seen.values()), seen
