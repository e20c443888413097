"""One web process against two behind a proxy, on one PostgreSQL (issue 17, "Measured").

Run: ``.venv/bin/python bench/deploy/two_web.py [--clients 200] [--capacity 50]
[--organisations 300] [--mix 300] [--threads 8]``

One throw-away PostgreSQL (``scripts/with_postgres.py``; or the one DATABASE_URL names) is
migrated once and given ``--organisations`` organisations, their partner index and a staff
login. Then, for one web process and for two, each ``gunicorn -c config/gunicorn.conf.py`` with
one worker of ``--threads`` threads and its own working folder, behind the same small round-robin
proxy (``bench/deploy/proxy.py``; with one process the proxy is there too, so the ratio is the
servers' alone):

1. the registration rush of ``bench/events/rush.py`` (its code): ``--clients`` clients at once
   for a fresh event with ``--capacity`` places — registrations/s, and read back: exactly
   ``capacity`` confirmed, the rest waitlisted, none lost;
2. a page mix, ``--mix`` requests at once: the public calendar, an event page, and the partner
   panel of a random organisation (as staff) — requests/s and the panel's p50/p95.

Printed: each phase's figures; two ÷ one for registrations/s and the mix's requests/s (the
ratio; wall-clock figures on a busy machine mean little on their own); the web processes' CPU
time per request (from /proc, all processes together: what a second process costs, whatever
else the machine does); the panel's p95 with two processes; the load average before and after.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import contextlib
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "events"))

from rush import (  # noqa: E402
    HOST,
    OUTCOME,
    PYTHON,
    SETUP,
    Response,
    database,
    free_port,
    http,
    load,
    manage,
    read_calendar,
    register,
    server_cpu_seconds,
    summary,
)

REGISTRY = """
import random
from django.test import Client
from clusterhub.accounts.models import Account
from tests.factories import AccountFactory, OrganisationFactory
random.seed(17)
organisations = OrganisationFactory.create_batch({organisations})
staff = AccountFactory.create(role=Account.Role.ADMINISTRATOR, user__username="bench").user
client = Client()
client.force_login(staff)
print(client.cookies["sessionid"].value, ",".join(str(o.pk) for o in organisations))
"""


def wait_for(port: int, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        time.sleep(0.2)
    raise SystemExit(f"nothing listens on {port}")


def start_web(env: dict[str, str], port: int, folder: Path, threads: int) -> subprocess.Popen[str]:
    """One web process as production starts it (config/gunicorn.conf.py), in its own folder."""
    folder.mkdir(parents=True, exist_ok=True)
    web_env = dict(
        env,
        CLUSTERHUB_ADDRESS=f"{HOST}:{port}",
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS=str(threads),
        CLUSTERHUB_MEDIA_DIR=str(folder / "media"),
    )
    command = [PYTHON, "-m", "gunicorn", "-c", str(ROOT / "config" / "gunicorn.conf.py")]
    return subprocess.Popen(command, cwd=ROOT, env=web_env, text=True)


def ready(port: int) -> None:
    """Until /readyz answers 200 through ``port`` (the worker has booted)."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError, IndexError, ValueError):
            if asyncio.run(http(port, "GET", "/readyz", {})).status == 200:
                return
        time.sleep(0.5)
    raise SystemExit("the web processes did not get ready")


async def panel(port: int, cookie: str, organisation: int) -> Response:
    path = f"/intern/organisationen/{organisation}/partner/"
    return await http(port, "GET", path, {"Cookie": f"sessionid={cookie}"})


async def page_mix(
    port: int, event: int, cookie: str, organisations: list[int], requests: int
) -> dict[str, dict[str, float]]:
    chooser = random.Random(17)
    kinds = [("calendar", "panel", "event")[index % 3] for index in range(requests)]
    calls = []
    for kind in kinds:
        if kind == "calendar":
            calls.append(read_calendar(port))
        elif kind == "event":
            calls.append(http(port, "GET", f"/veranstaltungen/{event}/", {}))
        else:
            calls.append(panel(port, cookie, chooser.choice(organisations)))
    started = time.perf_counter()
    answers = await asyncio.gather(*calls)
    wall = time.perf_counter() - started
    everything = summary("page mix, all", list(answers), wall, {200})
    panels = [answer for kind, answer in zip(kinds, answers, strict=True) if kind == "panel"]
    panel_figures = summary("page mix, partner panel", panels, wall, {200})
    return {"all": everything, "panel": panel_figures}


async def rush_phase(port: int, event: int, clients: int) -> dict[str, float]:
    started = time.perf_counter()
    pairs = await asyncio.gather(*(register(port, event, index) for index in range(clients)))
    wall = time.perf_counter() - started
    posted = [post for _page, post in pairs]
    figures = summary("rush POST register", posted, wall, {302})
    window = max(post.finished for post in posted) - min(post.started for post in posted)
    figures["registrations_per_s"] = len(posted) / window
    print(f"  registrations/s (first POST sent to last answered): {len(posted) / window:7.1f}")
    return figures


def run_configuration(
    processes: int, env: dict[str, str], folder: Path, options: argparse.Namespace, registry: str
) -> dict[str, object]:
    cookie, listed = registry.split(" ")
    organisations = [int(pk) for pk in listed.split(",")]
    event = int(manage(env, "shell", "-c", SETUP.format(capacity=options.capacity)))
    ports = [free_port() for _ in range(processes)]
    webs = [
        start_web(env, port, folder / f"web{index}", options.threads)
        for index, port in enumerate(ports)
    ]
    proxy_port = free_port()
    proxy = subprocess.Popen(
        [
            *(PYTHON, str(ROOT / "bench/deploy/proxy.py"), "--port", str(proxy_port)),
            *("--backends", ",".join(map(str, ports))),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proxy.stdout is not None and proxy.stdout.readline().strip() == "ready"
        for port in ports:
            wait_for(port)
            ready(port)
        # Warm each process: its first panel loads the partner index.
        for port in ports:
            asyncio.run(panel(port, cookie, organisations[0]))
        print(
            f"{processes} web process(es) of 1 worker × {options.threads} threads, "
            f"load average {load()} on {os.cpu_count()} CPUs"
        )
        cpu_before = sum(server_cpu_seconds(web.pid) for web in webs)
        rushed = asyncio.run(rush_phase(proxy_port, event, options.clients))
        cpu_rush = sum(server_cpu_seconds(web.pid) for web in webs)
        mixed = asyncio.run(page_mix(proxy_port, event, cookie, organisations, options.mix))
        cpu_mix = sum(server_cpu_seconds(web.pid) for web in webs)
        # CPU time of the web processes (all of them) per request: hardly moved by other work
        # on the machine, unlike the wall-clock rates.
        rushed["cpu_ms"] = (cpu_rush - cpu_before) / (2 * options.clients) * 1000
        mixed["all"]["cpu_ms"] = (cpu_mix - cpu_rush) / options.mix * 1000
        print(
            f"  web CPU per request: rush {rushed['cpu_ms']:.1f} ms, "
            f"page mix {mixed['all']['cpu_ms']:.1f} ms"
        )
    finally:
        proxy.terminate()
        for web in webs:
            web.terminate()
        for process in [proxy, *webs]:
            process.wait(timeout=60)
    outcome = manage(env, "shell", "-c", OUTCOME.format(pk=event))
    expected = {"confirmed": options.capacity, "waitlisted": options.clients - options.capacity}
    print(f"  outcome: {outcome} (expected {expected})")
    return {"rush": rushed, "mix": mixed, "outcome_ok": ast.literal_eval(outcome) == expected}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--capacity", type=int, default=50)
    parser.add_argument("--organisations", type=int, default=300)
    parser.add_argument("--mix", type=int, default=300)
    parser.add_argument("--threads", type=int, default=8)
    options = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="clusterhub-two-web-") as tmp,
        database("postgresql", Path(tmp)) as url,
    ):
        env = dict(
            os.environ,
            DATABASE_URL=url,
            DATABASE_CONN_MAX_AGE="600",
            CLUSTERHUB_VAR_DIR=tmp,
            DJANGO_DEBUG="0",
            DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            LOG_LEVEL="ERROR",
            CLUSTERHUB_LOG_FORMAT="text",
            CLUSTERHUB_LOG_REQUESTS="0",
        )
        manage(env, "migrate", "--no-input")
        registry = manage(env, "shell", "-c", REGISTRY.format(organisations=options.organisations))
        manage(env, "build_partner_index")
        one = run_configuration(1, env, Path(tmp) / "one", options, registry)
        two = run_configuration(2, env, Path(tmp) / "two", options, registry)
    rush_ratio = two["rush"]["registrations_per_s"] / one["rush"]["registrations_per_s"]  # type: ignore[index]
    mix_ratio = two["mix"]["all"]["rps"] / one["mix"]["all"]["rps"]  # type: ignore[index]
    print(f"registrations/s, two ÷ one: {rush_ratio:.2f}x")
    print(f"page mix requests/s, two ÷ one: {mix_ratio:.2f}x")
    cpu_ratio = two["mix"]["all"]["cpu_ms"] / one["mix"]["all"]["cpu_ms"]  # type: ignore[index]
    print(f"web CPU per page-mix request, two ÷ one: {cpu_ratio:.2f}x")
    print(f"partner panel p95 with two: {two['mix']['panel']['p95']:.0f} ms")  # type: ignore[index]
    print(
        f"correct (exactly capacity confirmed, none lost): one {one['outcome_ok']}, "
        f"two {two['outcome_ok']}"
    )
    print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
