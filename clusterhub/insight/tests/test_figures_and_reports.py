"""The dashboard's figures on a small registry, the snapshot they are kept in, and the annual
report that shows the same numbers."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from clusterhub.events.models import Event, Feedback, Registration
from clusterhub.insight import services, snapshots
from clusterhub.insight.figures import dashboard_figures
from clusterhub.insight.models import Report, Snapshot
from clusterhub.insight.periods import calendar_year
from clusterhub.partners.models import Introduction
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory
from tests.support.registry import Registry

YEAR = timezone.localdate().year - 1
PERIOD = calendar_year(YEAR)


def held_event(registry: Registry, month: int) -> Event:
    start = timezone.make_aware(dt.datetime(YEAR, month, 10, 18))
    event = Event.objects.create(
        title=f"Stammtisch {month}", starts_at=start, ends_at=start + dt.timedelta(hours=2),
        capacity=20,
    )  # fmt: skip
    event.clusters.add(registry.smart)
    return event


def test_figures_count_members_events_attendance_repeaters_and_introductions(
    registry: Registry,
) -> None:
    joined = OrganisationFactory.create(city="Heidelberg", postcode="69117")
    MembershipFactory.create(
        organisation=joined, cluster=registry.smart, started_on=dt.date(YEAR, 3, 1)
    )
    first, second = held_event(registry, 4), held_event(registry, 9)
    regular = PersonFactory.create()
    for event in (first, second):
        Registration.objects.create(
            event=event, person=regular, organisation=joined, status=Registration.Status.ATTENDED
        )
    no_show = Registration.objects.create(
        event=first, person=PersonFactory.create(), status=Registration.Status.NO_SHOW
    )
    Feedback.objects.create(registration=no_show, rating=4)
    Introduction.objects.create(
        cluster=registry.smart, organisation=joined, partner=registry.smart_member,
        introduced_on=dt.date(YEAR, 5, 1),
    )  # fmt: skip

    # The cluster's later note about the partner is the introduction's follow-up.
    registry.smart_note.occurred_on = dt.date(YEAR, 6, 1)
    registry.smart_note.save()

    figures = dashboard_figures([registry.smart.pk], PERIOD)
    now = figures["current"]
    assert now["members"] == 2  # the registry's member (no start date) and the new one
    assert now["members_new"] == 1 and now["members_left"] == 0
    assert now["events"] == 2 and now["participants"] == 3 and now["attended"] == 2
    assert now["attendance_rate"] == 67
    assert now["repeat_participants"] == 1
    assert now["introductions"] == 1 and now["introductions_followed_up"] == 1
    assert now["organisations_reached"] == 2  # the new member, its partner (also in the note)
    assert now["feedback_average"] == 4.0
    assert figures["previous"]["members"] == 1
    assert figures["origins"]["region"] == 1
    assert figures["ratings"]["4"] == 1


def test_a_snapshot_is_kept_and_the_refresh_replaces_it(registry: Registry) -> None:
    kept = snapshots.snapshot_for(Snapshot.Kind.DASHBOARD, registry.smart.slug, PERIOD)
    MembershipFactory.create(organisation=OrganisationFactory.create(), cluster=registry.smart)
    again = snapshots.snapshot_for(Snapshot.Kind.DASHBOARD, registry.smart.slug, PERIOD)
    assert again.data == kept.data  # read from the table, not recomputed
    assert snapshots.refresh_aggregates() >= 4 * 5
    fresh = snapshots.snapshot_for(Snapshot.Kind.DASHBOARD, registry.smart.slug, PERIOD)
    assert fresh.data["current"]["members"] == kept.data["current"]["members"] + 1


def test_the_report_shows_the_dashboards_numbers(
    registry: Registry,
    login: Callable[[str], Client],
    immediate_tasks: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    for _index in range(3):
        MembershipFactory.create(organisation=OrganisationFactory.create(), cluster=registry.smart)
    query = f"?period={YEAR}"
    page = login("smart_manager").get(reverse("insight:cluster", args=["smart"]) + query)
    html = page.content.decode()
    shown = html.split('data-figure="members"')[1].split("</td>")[0].rsplit(">", 1)[1]
    assert shown == "4"
    with django_capture_on_commit_callbacks(execute=True):
        xlsx = services.request_report(
            registry.users["smart_manager"], cluster=registry.smart, year=YEAR,
            file_format=Report.Format.XLSX, language="de",
        )  # fmt: skip
        pdf = services.request_report(
            registry.users["smart_manager"], cluster=registry.smart, year=YEAR,
            file_format=Report.Format.PDF, language="de",
        )  # fmt: skip
    xlsx.refresh_from_db()
    pdf.refresh_from_db()
    assert pdf.status == Report.Status.DONE and bytes(pdf.content or b"").startswith(b"%PDF")
    workbook = load_workbook(io.BytesIO(bytes(xlsx.content or b"")))
    assert workbook.sheetnames == ["Kennzahlen", "Arten", "Herkunft", "Bewertungen"]
    figures = {row[0]: row[1] for row in workbook["Kennzahlen"].iter_rows(values_only=True)}
    assert figures["Mitglieder am Ende des Zeitraums"] == int(shown)


def test_the_refresh_command_recomputes_every_preset(registry: Registry) -> None:
    out = io.StringIO()
    call_command("refresh_insight", "--now", stdout=out)
    assert Snapshot.objects.filter(kind=Snapshot.Kind.NETWORK).count() == 4
    assert "Auswertungen" in out.getvalue()


def test_an_organisation_in_two_clusters_is_listed_under_their_bar(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    MembershipFactory.create(organisation=registry.smart_member, cluster=registry.medtech)
    html = login("reader").get(reverse("insight:overlaps")).content.decode()
    section = html.split('id="overlap-1"')[1].split("</section>")[0]
    assert registry.smart.name in section and registry.medtech.name in section
    assert registry.smart_member.name in section
    assert registry.medtech_member.name not in section


def test_the_periodic_refresh_runs_only_when_due(registry: Registry) -> None:
    def run() -> str:
        out = io.StringIO()
        call_command("refresh_insight", "--when-due", stdout=out)
        return out.getvalue()

    assert "Auswertungen in" in run()  # nothing kept yet: due
    refreshed = set(Snapshot.objects.values_list("refreshed_at", flat=True))
    assert len(refreshed) == 1  # one refresh, one moment, written in one transaction
    assert run() == "Auswertungen sind aktuell.\n"
    later = timezone.now() + dt.timedelta(hours=settings.CLUSTERHUB_INSIGHT_REFRESH_HOURS)
    assert snapshots.refresh_is_due(later)
    topics = Snapshot.objects.filter(kind=Snapshot.Kind.TOPICS).first()
    assert topics is not None
    topics.delete()
    assert snapshots.refresh_is_due()  # a preset aggregate is missing
    assert "Auswertungen in" in run()
