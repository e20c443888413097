"""Insight pages on a large generated database: p95 of every dashboard and cross-cluster page
(warm) as a ratio to the plain staff organisation list measured in the same run, the refresh
of the stored aggregates, and one cluster's report PDF.

    .venv/bin/python bench/insight/bench_insight.py                  # temporary SQLite file
    .venv/bin/python bench/insight/bench_insight.py --organisations 20000 --events 2000 \\
        --registrations 100000 --requests 10
    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/insight/bench_insight.py

The registry comes from the demo's generators (as in ``bench/registry``); events,
registrations (about 80 % attended), feedback and introductions are bulk-inserted. Without
``DATABASE_URL`` a temporary SQLite file is used.

The refresh runs twice: first right after the bulk load, before the tables have statistics
(the worst case: a refresh right after an import, before autovacuum's ``ANALYZE``; the
statement says when PostgreSQL's autovacuum got there first), then after ``ANALYZE`` (on
SQLite too), as on a database in service; the second is the figure of record, and the pages
read its snapshots. ``--skip-unanalysed`` leaves the first out.

"Warm": each page is asked once before its timed requests (the snapshots and templates are
then loaded, as on a server that has served the page before). Before the pages, the process's
long-lived objects are frozen out of the garbage collector as ``config.wsgi`` does in a web
process (``config.heap``); the ``gc`` column says how long the collector ran within the timed
requests.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
BATCH = 5000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def fill_activity(events: int, registrations: int, seed: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from clusterhub.clusters.models import Cluster
    from clusterhub.directory.models import Membership
    from clusterhub.events.models import Event, Feedback, Registration
    from clusterhub.partners.models import Introduction
    from clusterhub.taxonomy.models import Theme

    rng = random.Random(seed)
    clusters = list(Cluster.objects.filter(kind=Cluster.Kind.OWN))
    members = {
        c.pk: list(Membership.objects.filter(cluster=c).values_list("organisation_id", flat=True))
        for c in clusters
    }
    themes = list(Theme.objects.values_list("pk", flat=True)[:40])
    today = timezone.localdate()
    per_event = max(1, registrations // max(events, 1))
    started = time.perf_counter()
    with transaction.atomic():
        made = Event.objects.bulk_create(
            [
                Event(
                    title=f"Bench {index}",
                    starts_at=timezone.make_aware(
                        datetime.combine(today - timedelta(days=rng.randint(1, 730)),
                                         datetime.min.time())
                    ) + timedelta(hours=17),
                    ends_at=timezone.make_aware(datetime.combine(today, datetime.min.time()))
                    - timedelta(days=0),
                    capacity=per_event + 10,
                )
                for index in range(events)
            ],
            batch_size=BATCH,
        )  # fmt: skip
        for event in made:  # an event ends three hours after it starts
            event.ends_at = event.starts_at + timedelta(hours=3)
        Event.objects.bulk_update(made, ["ends_at"], batch_size=BATCH)
        event_clusters = Event.clusters.through
        event_themes = Event.themes.through
        cluster_of = {event.pk: rng.choice(clusters).pk for event in made}
        event_clusters.objects.bulk_create(
            [event_clusters(event_id=pk, cluster_id=c) for pk, c in cluster_of.items()],
            batch_size=BATCH,
        )
        event_themes.objects.bulk_create(
            [event_themes(event_id=e.pk, theme_id=rng.choice(themes)) for e in made],
            batch_size=BATCH,
        )
        rows: list[Any] = []
        written = 0
        for event in made:
            pool = members[cluster_of[event.pk]]
            for org in rng.sample(pool, k=min(per_event, len(pool))):
                attended = rng.random() < 0.8
                rows.append(
                    Registration(
                        event_id=event.pk, organisation_id=org, email=f"p@o{org}.example",
                        status="attended" if attended else "no_show",
                        checked_in_at=event.starts_at if attended else None,
                    )
                )  # fmt: skip
            if len(rows) >= BATCH:
                Registration.objects.bulk_create(rows, batch_size=BATCH)
                written += len(rows)
                rows = []
        Registration.objects.bulk_create(rows, batch_size=BATCH)
        written += len(rows)
        some = list(
            Registration.objects.filter(status="attended").values_list("pk", flat=True)[
                : written // 10
            ]
        )
        Feedback.objects.bulk_create(
            [Feedback(registration_id=pk, rating=rng.randint(2, 5)) for pk in some],
            batch_size=BATCH,
        )
        everyone = [org for orgs in members.values() for org in orgs]
        Introduction.objects.bulk_create(
            [
                Introduction(
                    cluster=rng.choice(clusters), organisation_id=rng.choice(everyone),
                    partner_id=rng.choice(everyone),
                    introduced_on=today - timedelta(days=rng.randint(1, 700)),
                )
                for _index in range(2000)
            ],
            batch_size=BATCH,
        )  # fmt: skip
    print(
        f"  activity: {events} events, {written} registrations, {len(some)} feedback, "
        f"2000 introductions in {time.perf_counter() - started:.1f} s"
    )


class CollectorPauses:
    """Milliseconds Python's cyclic garbage collector ran (``gc.callbacks``): a slow request
    that coincides with a full collection is the collector's, not the page's."""

    def __init__(self) -> None:
        self.ms = 0.0
        self._started = 0.0

    def __call__(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.ms += (time.perf_counter() - self._started) * 1000


def timed(client: Any, url: str, requests: int) -> tuple[list[float], list[float], float]:
    """Wall and CPU milliseconds of each of ``requests`` warm requests, and the collector's
    milliseconds among them."""
    first = client.get(url)  # warm-up
    assert first.status_code == 200, (url, first.status_code)
    timings, cpu = [], []
    pauses = CollectorPauses()
    gc.callbacks.append(pauses)
    try:
        for _index in range(requests):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
            assert response.status_code == 200
    finally:
        gc.callbacks.remove(pauses)
    return timings, cpu, pauses.ms


def database_cpu_seconds() -> float:
    """CPU seconds of the PostgreSQL backend serving this connection, read from ``/proc``
    (the throw-away server of ``with_postgres.py`` runs on this machine); 0 elsewhere."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def analyse() -> float:
    """``ANALYZE`` of the whole database, as autovacuum (PostgreSQL) or an ``ANALYZE`` run by
    the operator (SQLite) keeps it; returns the seconds it took."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def statistics_state() -> str:
    """Whether the registrations had statistics: on PostgreSQL, when autovacuum last analysed
    them (it may run while the bench does)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return "no ANALYZE run yet"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT last_analyze, last_autoanalyze FROM pg_stat_user_tables"
            " WHERE relname = 'events_registration'"
        )
        row = cursor.fetchone()
    if not row or not any(row):
        return "registrations never analysed"
    return f"registrations analysed by autovacuum at {row[1] or row[0]:%H:%M:%S}"


def timed_refresh(label: str) -> None:
    from clusterhub.insight import snapshots

    started, cpu, server_cpu = time.perf_counter(), time.process_time(), database_cpu_seconds()
    stored = snapshots.refresh_aggregates()
    refresh_s = time.perf_counter() - started
    # CPU time says more than the wall-clock time on a shared machine: this process's (all of
    # the work on SQLite) and, on PostgreSQL, the server process's serving this connection.
    server = database_cpu_seconds() - server_cpu
    print(
        f"  refresh of the aggregates ({label}): {stored} snapshots in {refresh_s:.1f} s"
        f" (CPU: this process {time.process_time() - cpu:.1f} s"
        + (f", PostgreSQL backend {server:.1f} s)" if server else ")")
    )
    print_refresh_breakdown()


def print_refresh_breakdown() -> None:
    """Where the refresh spent its time: the seconds each snapshot kept, summed per kind."""
    from django.db.models import Count, Max, Sum

    from clusterhub.insight.models import Snapshot

    rows = (
        Snapshot.objects.values("kind")
        .annotate(count=Count("pk"), total=Sum("seconds"), longest=Max("seconds"))
        .order_by("-total")
    )
    for row in rows:
        print(
            f"    {row['kind']:<10} {row['count']:3d} snapshots {row['total']:7.1f} s"
            f" (longest {row['longest']:.1f} s)"
        )


def run(args: argparse.Namespace) -> int:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from bench.registry._measure import build
    from clusterhub.insight import services
    from clusterhub.insight.access import reported_clusters
    from clusterhub.insight.models import Report
    from config.heap import freeze_long_lived

    setup_test_environment()
    print(f"== {connection.vendor}")
    build(args.organisations, args.seed)
    fill_activity(args.events, args.registrations, args.seed)
    if not args.skip_unanalysed:
        timed_refresh(f"before ANALYZE: {statistics_state()}")
    print(f"  ANALYZE: {analyse():.1f} s")
    timed_refresh("after ANALYZE")
    if args.refresh_only:
        return 0

    admin = User.objects.create_superuser("bench-admin", "bench@example.org", "x")
    client = Client()
    client.force_login(admin)
    cluster = reported_clusters().first()
    assert cluster is not None
    pages = {
        "organisation list (baseline)": reverse("directory:organisation_list"),
        "city-wide dashboard": reverse("insight:city"),
        "cluster dashboard": reverse("insight:cluster", args=[cluster.slug]),
        "overlaps (UpSet)": reverse("insight:overlaps"),
        "themes × clusters": reverse("insight:themes"),
        "network": reverse("insight:network"),
        "topic proposals": reverse("insight:topics"),
    }
    freeze_long_lived()  # as config.wsgi does in a web process
    results = {name: timed(client, url, args.requests) for name, url in pages.items()}
    baseline = percentile(results["organisation list (baseline)"][0], 0.95)
    print(f"  {args.requests} warm requests per page, ms (CPU: this process; gc: the collector)")
    print(
        f"  {'page':<30} {'p50':>8} {'p95':>8} {'max':>8} {'p95/list':>9} {'CPU p95':>8} {'gc':>6}"
    )
    for name, (timings, cpu, collector_ms) in results.items():
        p95 = percentile(timings, 0.95)
        print(
            f"  {name:<30} {statistics.median(timings):8.1f} {p95:8.1f} {max(timings):8.1f}"
            f" {p95 / baseline:9.2f} {percentile(cpu, 0.95):8.1f} {collector_ms:6.1f}"
        )

    report = Report.objects.create(
        cluster=cluster, year=date.today().year, file_format=Report.Format.PDF, language="de"
    )
    started = time.perf_counter()
    services.produce_report(report)
    print(f"  report PDF of {cluster.name}: {time.perf_counter() - started:.2f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--registrations", type=int, default=500_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--skip-unanalysed",
        action="store_true",
        help="refresh only once, after ANALYZE (not also right after the bulk load)",
    )
    parser.add_argument(
        "--refresh-only", action="store_true", help="stop after the refresh of the aggregates"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    os.chdir(REPO)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    # A throw-away database needs no secret, but settings refuse to start without one.
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "k" * 50)
    if os.environ.get("DATABASE_URL"):
        return run(args)
    with tempfile.TemporaryDirectory(prefix="clusterhub-insight-bench-") as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        os.environ["CLUSTERHUB_VAR_DIR"] = tmp
        return run(args)


if __name__ == "__main__":
    sys.exit(main())
