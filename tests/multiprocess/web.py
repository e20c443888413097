"""Processes of the site for the multi-process test: gunicorn web processes and a django-tasks
worker, each started from a folder of its own, and a small cookie-keeping HTTP client."""

from __future__ import annotations

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def site_environment(folder: Path, extra: dict[str, str]) -> dict[str, str]:
    """The environment of one process: its own var folder, debug off, the repository on the
    path (imported from there, not from wherever the package is installed)."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "CLUSTERHUB_VAR_DIR": str(folder / "var"),
        "CLUSTERHUB_MEDIA_DIR": str(folder / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        **extra,
    }
    environment.pop("CLUSTERHUB_TASKS_BACKEND", None)  # the database backend, the default
    return environment


@dataclass
class Process:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def start(name: str, command: list[str], folder: Path, environment: dict[str, str]) -> Process:
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / f"{name}.log"
    with log.open("wb") as output:
        popen = subprocess.Popen(
            command, cwd=folder, env=environment, stdout=output, stderr=subprocess.STDOUT
        )
    return Process(name, popen, log)


def start_web(name: str, folder: Path, port: int, extra: dict[str, str]) -> Process:
    command = [
        *(sys.executable, "-m", "gunicorn", "config.wsgi:application"),
        *("--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "60"),
    ]
    return start(name, command, folder, site_environment(folder, extra))


def start_worker(name: str, folder: Path, extra: dict[str, str]) -> Process:
    command = [
        *(sys.executable, str(REPO / "manage.py"), "db_worker"),
        *("--interval", "0.2", "--no-startup-delay", "--worker-id", name),
    ]
    return start(name, command, folder, site_environment(folder, extra))


def stop(processes: list[Process]) -> None:
    for process in processes:
        if process.popen.poll() is None:
            process.popen.terminate()
    for process in processes:
        try:
            process.popen.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.popen.kill()
            process.popen.wait()


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Browser:
    """Cookies are kept per host, not per port (RFC 6265): the session made through one web
    process is sent to the other as well, as behind a proxy."""

    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)
    timeout: float = 120

    def __post_init__(self) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirects()
        )

    def csrf_token(self) -> str:
        return next(cookie.value or "" for cookie in self.jar if cookie.name == "csrftoken")

    def get(self, url: str) -> Response:
        return self._send(urllib.request.Request(url))

    def post(
        self, url: str, fields: dict[str, str | list[str]], files: dict[str, tuple[str, bytes]]
    ) -> Response:
        boundary = uuid.uuid4().hex
        parts: list[bytes] = []
        for name, value in fields.items():
            for item in value if isinstance(value, list) else [value]:
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                    f"{item}\r\n".encode()
                )
        for name, (filename, content) in files.items():
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            )
            parts.append(head.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        request = urllib.request.Request(url, data=body, method="POST")
        request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        request.add_header("X-CSRFToken", self.csrf_token())
        return self._send(request)

    def _send(self, request: urllib.request.Request) -> Response:
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                return Response(answer.status, dict(answer.headers.items()), answer.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers.items()), error.read())


def wait_until_up(base_url: str, process: Process, seconds: float = 300) -> None:
    """Wait for the process's health endpoint. The bound is generous for a loaded CI machine
    (a process imports the whole site before it answers); unloaded it takes a few seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise AssertionError(f"{process.name} ended:\n{process.output()}")
        try:
            if Browser(timeout=5).get(f"{base_url}/healthz").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{process.name} did not answer in {seconds} s:\n{process.output()}")
