"""Registration rush against a running server, on SQLite and on PostgreSQL.

Run: ``.venv/bin/python bench/events/rush.py [--clients 500] [--capacity 250]
[--databases sqlite,postgresql] [--processes 2] [--workers 4] [--server gunicorn|pooled]``

For each database a fresh one is made (a SQLite file in a temporary folder in WAL mode, or a
throw-away PostgreSQL from ``scripts/with_postgres.py`` unless DATABASE_URL names one),
migrated, and given one event with ``--capacity`` places. gunicorn serves the site on
127.0.0.1 as in production, with the project's ``config/gunicorn.conf.py`` (docs/deploy.md):
``--processes`` worker processes (default: one per CPU) of ``--workers`` threads each. With
``--server pooled`` the small pre-forking server of ``serve.py`` serves instead. The rush
starts once every process has booted and the servers' CPU time stands still. Then, in
this process, ``--clients`` asyncio clients at once:

1. baseline: each GETs the public calendar page (a read);
2. rush: each GETs the event page (CSRF cookie and token) and POSTs the registration form.

Printed per database: requests/s and p50/p95 latency of each phase; registrations per second
(from the first POST sent to the last answered); the rush's p95 and its registrations per
second as ratios to the baseline measured in the same run; the machine's load average before
and after (the figures mean little on a machine busy with other work); and the outcome read
back from the database: exactly ``capacity`` confirmed, the rest waitlisted, no error, no lost
registration. Also printed: the CPU time the server's processes and this client process
spent per registrant, which depends far less on other work on the machine. The issue's
target (200 clients, 50 places): ≥ 100 registrations/s and a POST p95 ≤ 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
HOST = "127.0.0.1"
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
COOKIE = re.compile(rb"csrftoken=([^;]+)")

SETUP = """
import datetime as dt
from django.utils import timezone
from clusterhub.events.models import Event
start = timezone.now() + dt.timedelta(days=7)
event = Event.objects.create(title="Rush", starts_at=start, ends_at=start + dt.timedelta(hours=2),
                             capacity={capacity})
print(event.pk)
"""
OUTCOME = """
from collections import Counter
from clusterhub.events.models import Registration
print(dict(Counter(Registration.objects.filter(event_id={pk}).values_list("status", flat=True))))
"""


@dataclass
class Response:
    status: int
    body: bytes
    headers: bytes
    seconds: float
    started: float = 0.0
    finished: float = 0.0


async def http(
    port: int, method: str, path: str, headers: dict[str, str], body: bytes = b""
) -> Response:
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(HOST, port)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    await writer.drain()
    raw = await reader.read()
    writer.close()
    head, _sep, content = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head else 0
    finished = time.perf_counter()
    return Response(status, content, head, finished - started, started, finished)


async def read_calendar(port: int) -> Response:
    return await http(port, "GET", "/veranstaltungen/", {})


async def register(port: int, pk: int, index: int) -> tuple[Response, Response]:
    page = await http(port, "GET", f"/veranstaltungen/{pk}/", {})
    token, cookie = TOKEN.search(page.body), COOKIE.search(page.headers)
    if page.status != 200 or token is None or cookie is None:
        return page, page
    form = urlencode(
        {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "first_name": "Rush",
            "last_name": f"Client {index}",
            "email": f"rush{index}@bench.example",
            "organisation": "",
            "country": "DE",
            "consent": "on",
        }
    ).encode()
    headers = {
        "Cookie": f"csrftoken={cookie.group(1).decode()}",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    posted = await http(port, "POST", f"/veranstaltungen/{pk}/", headers, form)
    return page, posted


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(name: str, responses: list[Response], wall: float, ok: set[int]) -> dict[str, float]:
    seconds = [response.seconds for response in responses]
    errors = sum(response.status not in ok for response in responses)
    figures = {
        "rps": len(responses) / wall,
        "p50": statistics.median(seconds) * 1000,
        "p95": percentile(seconds, 0.95) * 1000,
        "errors": float(errors),
    }
    print(
        f"  {name:<22} {len(responses):>4} requests  {figures['rps']:7.1f} req/s  "
        f"p50 {figures['p50']:7.1f} ms  p95 {figures['p95']:7.1f} ms  errors {errors}"
    )
    return figures


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def server_cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by the server process ``pid`` and its forked
    copies, read from /proc (Linux): unlike wall-clock figures it hardly depends on how busy
    the machine is with other work. 0.0 where /proc is missing."""
    proc = Path("/proc")
    if not proc.is_dir():
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in proc.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # a process that ended while we looked
        own_pid = int(stat.parent.name)
        if own_pid == pid or int(fields[1]) == pid:  # fields[1]: the parent's id
            total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / ticks


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    # `shell` prints a note about auto-imports first; the answer is the last line.
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


@contextlib.contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'rush.sqlite3'}"
        return
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        yield url
        return
    from scripts.with_postgres import throwaway_postgres

    with throwaway_postgres() as throwaway:
        yield throwaway


async def rush(port: int, pk: int, clients: int, server: int) -> dict[str, dict[str, float]]:
    started = time.perf_counter()
    reads = await asyncio.gather(*(read_calendar(port) for _ in range(clients)))
    baseline = summary("baseline GET calendar", list(reads), time.perf_counter() - started, {200})
    cpu_before, client_before = server_cpu_seconds(server), time.process_time()
    started = time.perf_counter()
    pairs = await asyncio.gather(*(register(port, pk, index) for index in range(clients)))
    wall = time.perf_counter() - started
    pages = summary("rush GET event page", [page for page, _post in pairs], wall, {200})
    posted = [post for _page, post in pairs]
    posts = summary("rush POST register", posted, wall, {302})
    window = max(post.finished for post in posted) - min(post.started for post in posted)
    posts["registrations_per_s"] = len(posted) / window
    print(f"  registrations/s (first POST sent to last answered): {len(posted) / window:7.1f}")
    cpu = (server_cpu_seconds(server) - cpu_before) / len(posted) * 1000
    print(f"  server CPU per registrant (page GET + POST, all processes): {cpu:5.1f} ms")
    # The clients run on the same machine and take CPU the server could use: their share.
    client = (time.process_time() - client_before) / len(posted) * 1000
    print(f"  client CPU per registrant (this process, both requests): {client:5.1f} ms")
    return {"baseline": baseline, "pages": pages, "posts": posts}


def wait_until_idle(pid: int, port: int, settle: float = 1.0) -> None:
    """Until every server process has booted and answered: a few requests, then the servers'
    CPU time must stand still for ``settle`` seconds. Without this a worker still importing
    Django (some seconds of CPU each) would be counted as the rush's work."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            asyncio.run(asyncio.wait_for(read_calendar(port), timeout=30))
            before = server_cpu_seconds(pid)
            time.sleep(settle)
            if server_cpu_seconds(pid) - before < 0.02 * settle:
                return
        time.sleep(0.2)
    raise SystemExit("the server did not settle")


def start_server(
    options: argparse.Namespace, port: int, env: dict[str, str]
) -> subprocess.Popen[str]:
    """The server, once every process of it has booted."""
    if options.server == "gunicorn":
        # As in production (docs/deploy.md): the project's gunicorn settings, with the
        # processes and threads of this run through the variables they read.
        command = [PYTHON, "-m", "gunicorn", "-c", str(ROOT / "config/gunicorn.conf.py")]
        command += ["--bind", f"{HOST}:{port}", "--backlog", "2048", "--log-level", "error"]
        env = dict(
            env, GUNICORN_WORKERS=str(options.processes), GUNICORN_THREADS=str(options.workers)
        )
        server = subprocess.Popen(command, cwd=ROOT, env=env, text=True)
    else:
        command = [PYTHON, str(ROOT / "bench/events/serve.py"), "--port", str(port)]
        command += ["--workers", str(options.workers), "--processes", str(options.processes)]
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
    try:
        wait_until_idle(server.pid, port)
    except BaseException:
        server.terminate()
        raise
    return server


def run_one(kind: str, options: argparse.Namespace) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="clusterhub-rush-") as tmp,
        database(kind, Path(tmp)) as url,
    ):
        env = dict(
            os.environ,
            DATABASE_URL=url,
            DATABASE_CONN_MAX_AGE="600",
            CLUSTERHUB_VAR_DIR=tmp,
            DJANGO_DEBUG="0",
            # A throw-away site in a temporary folder: a throw-away key (debug off needs one).
            DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            LOG_LEVEL="ERROR",
        )
        manage(env, "migrate", "--no-input")
        pk = int(manage(env, "shell", "-c", SETUP.format(capacity=options.capacity)))
        port = free_port()
        server = start_server(options, port, env)
        try:
            print(
                f"{kind}: {options.clients} clients, {options.capacity} places, "
                f"{options.server} server, "
                f"{options.processes} server processes of {options.workers} threads, "
                f"load average {load()} on {os.cpu_count()} CPUs"
            )
            figures = asyncio.run(rush(port, pk, options.clients, server.pid))
        finally:
            server.terminate()
            server.wait(timeout=30)
        outcome = manage(env, "shell", "-c", OUTCOME.format(pk=pk))
        ratio = figures["posts"]["p95"] / figures["baseline"]["p95"]
        print(f"  rush POST p95 / baseline GET p95: {ratio:.2f}x")
        rate = figures["posts"]["registrations_per_s"] / figures["baseline"]["rps"]
        print(f"  registrations/s / baseline GET requests/s: {rate:.2f}x")
        print(f"  load average after: {load()}")
        print(
            f"  outcome: {outcome} (expected confirmed={options.capacity}, "
            f"waitlisted={options.clients - options.capacity})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--capacity", type=int, default=250)
    parser.add_argument("--workers", type=int, default=4, help="threads per process")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--server", choices=["gunicorn", "pooled"], default="gunicorn")
    options = parser.parse_args()
    for kind in options.databases.split(","):
        run_one(kind.strip(), options)


if __name__ == "__main__":
    main()
