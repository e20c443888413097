"""The worker of ``list_latency.py``: builds one database and measures the list page."""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

PAGE_SIZE = 25


@dataclass(frozen=True)
class Scenario:
    name: str
    params: Callable[[random.Random], dict[str, str]]
    search_filter: bool = False


class QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable[..., Any], *args: Any) -> Any:
        self.count += 1
        return execute(*args)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def search_structures(vendor: str) -> tuple[list[str], list[str]]:
    """Teardown and setup statements of the search index for ``vendor`` (both or neither)."""
    from clusterhub.directory import search

    prefix = {"sqlite": "SQLITE_FTS", "postgresql": "POSTGRES_SEARCH"}.get(vendor, "")
    teardown = getattr(search, f"{prefix}_TEARDOWN", None)
    setup = getattr(search, f"{prefix}_SETUP", None)
    if not teardown or not setup:
        return [], []
    return list(teardown), list(setup)


def execute_all(statements: list[str]) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def build(organisations: int, seed: int) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    from django.core.management import call_command
    from django.db import connection, transaction

    from clusterhub.demo.clusters import load_clusters
    from clusterhub.demo.logins import load_accounts
    from clusterhub.demo.named import load_named_organisations
    from clusterhub.demo.regional_writer import write_regional
    from clusterhub.demo.themes import load_themes

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    with transaction.atomic():
        themes = load_themes()
        clusters = load_clusters(themes)
        named = load_named_organisations(themes, clusters)
        _logins, managers = load_accounts(seed, clusters, named["neogramm"])
    regional = organisations - len(named)
    teardown, setup = search_structures(connection.vendor)
    with transaction.atomic():
        # Bulk-load the usual way: drop the search structures, insert, rebuild them in one
        # set-based pass (the migration's own statements), instead of per-row triggers.
        execute_all(teardown)
        write_regional(
            regional,
            seed,
            date(2025, 6, 1),
            themes,
            clusters,
            lambda _line: None,
            with_people=False,
            batch=5000,
        )
        execute_all(setup)
    if connection.vendor == "postgresql":
        execute_all(["ANALYZE"])  # what autovacuum would have done by then
    print(
        f"  built: migrate {migrated - started:.1f} s, "
        f"{organisations} organisations {time.perf_counter() - migrated:.1f} s"
    )
    return managers[clusters["smart-industries"].pk], clusters, themes


def scenarios(clusters: dict[str, Any], themes: dict[str, Any], pages: int) -> list[Scenario]:
    smart, green = str(clusters["smart-industries"].pk), str(clusters["green-industry"].pk)
    typos = ["peperl fuchs", "pepperl fuks", "hochschule manheim", "roche diagnostik", "mvv energy"]
    words = ["robotik", "medizintechnik", "recycling", "quartierswerk", "automation"]
    cities = ["Heidelberg", "Mannheim", "Speyer", "Weinheim"]
    kinds = ["startup", "sme", "social", "research"]
    return [
        Scenario("plain page 1", lambda r: {}),
        Scenario("deep page", lambda r: {"page": str(r.randrange(pages // 2, pages))}),
        Scenario("filter cluster", lambda r: {"cluster": r.choice([smart, green])}),
        Scenario("filter kind", lambda r: {"kind": r.choice(kinds)}),
        Scenario(
            "filter theme",
            lambda r: {"theme": str(themes[r.choice(["industrie-4-0", "wohlfahrt"])].pk)},
        ),
        Scenario("filter status", lambda r: {"status": r.choice(["member", "former"])}),
        Scenario("filter city", lambda r: {"city": r.choice(cities)}),
        Scenario("sort -updated", lambda r: {"sort": "-updated"}),
        Scenario("sort city p.50", lambda r: {"sort": "city", "page": "50"}),
        Scenario("search typo", lambda r: {"q": r.choice(typos)}),
        Scenario("search word", lambda r: {"q": r.choice(words)}),
        Scenario(
            "search+cluster",
            lambda r: {"q": r.choice(["peperl fuchs", "automation"]), "cluster": smart},
            search_filter=True,
        ),
        Scenario(
            "search+city+status",
            lambda r: {"q": r.choice(words), "city": "Mannheim", "status": "member"},
            search_filter=True,
        ),
        Scenario(
            "search+kind+theme",
            lambda r: {
                "q": r.choice(["recycling", "solar"]),
                "kind": "sme",
                "theme": str(themes["kreislaufwirtschaft"].pk),
            },
            search_filter=True,
        ),
    ]


def bare_select_ms(requests: int) -> list[float]:
    from django.db import connection

    timings = []
    for index in range(requests + 1):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, name FROM directory_organisation ORDER BY name, id LIMIT %s",
                [PAGE_SIZE],
            )
            cursor.fetchall()
        if index:  # the first one warms up
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def measure(database: str, organisations: int, requests: int, seed: int, out: Path) -> int:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from clusterhub.directory.models import Organisation

    setup_test_environment()
    print(f"== {database} ({connection.vendor})")
    manager, clusters, themes = build(organisations, seed)
    count = Organisation.objects.count()
    client = Client()
    client.force_login(manager)
    url = reverse("directory:organisation_list")
    check = client.get(url, {"q": "peperl fuchs"})
    assert check.status_code == 200 and "Pepperl+Fuchs" in check.content.decode(), "search broken"

    rng = random.Random(seed)
    floor = bare_select_ms(requests)
    rows: list[tuple[Scenario, list[float], int]] = []
    for scenario in scenarios(clusters, themes, max(1, count // PAGE_SIZE)):
        counter = QueryCounter()
        # Counted by a wrapper: the request_started signal empties connection.queries.
        with connection.execute_wrapper(counter):
            first = client.get(url, scenario.params(rng))  # warm-up, and its query count
        assert first.status_code == 200, (scenario.name, first.status_code)
        timings = []
        for _ in range(requests):
            params = scenario.params(rng)
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (scenario.name, params, response.status_code)
        rows.append((scenario, timings, counter.count))

    baseline = statistics.median(rows[0][1])
    print(f"  {count} organisations, {requests} requests per scenario, times in ms")
    print(f"  {'scenario':<20} {'p50':>8} {'p95':>8} {'queries':>8} {'p50/page1':>10}")
    print(
        f"  {'bare SELECT LIMIT 25':<20} {statistics.median(floor):8.2f} "
        f"{percentile(floor, 0.95):8.2f} {1:8d} {statistics.median(floor) / baseline:10.3f}"
    )
    for scenario, timings, query_count in rows:
        p50 = statistics.median(timings)
        print(
            f"  {scenario.name:<20} {p50:8.1f} {percentile(timings, 0.95):8.1f} "
            f"{query_count:8d} {p50 / baseline:10.2f}"
        )
    everything = [t for _s, timings, _q in rows for t in timings]
    search_filter = [t for s, timings, _q in rows if s.search_filter for t in timings]
    summary = {
        "organisations": count,
        "overall_p50_ms": statistics.median(everything),
        "overall_p95_ms": percentile(everything, 0.95),
        "search_filter_p50_ms": statistics.median(search_filter),
        "search_filter_p95_ms": percentile(search_filter, 0.95),
    }
    print(
        f"  {'overall':<20} {summary['overall_p50_ms']:8.1f} {summary['overall_p95_ms']:8.1f}"
        f"{'':>9} {summary['overall_p50_ms'] / baseline:10.2f}"
    )
    print(
        f"  {'search + filter':<20} {summary['search_filter_p50_ms']:8.1f} "
        f"{summary['search_filter_p95_ms']:8.1f}{'':>9} "
        f"{summary['search_filter_p50_ms'] / baseline:10.2f}"
    )
    out.write_text(json.dumps(summary))
    return 0
