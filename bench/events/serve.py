"""A WSGI server for the rush benchmark: 127.0.0.1 only, a bounded pool of worker threads.

Like a production WSGI server it handles a fixed number of requests at a time (``--workers``)
and queues the rest in the listen backlog, so PostgreSQL never sees more connections than
workers. With ``--processes`` above one it forks that many processes after binding, all
accepting on the same socket, as a pre-forking production server (gunicorn, uWSGI) does: one
Python process runs one request at a time under its GIL, so only processes use more than one
core. Writers of places in different processes then queue on the database's lock alone
(``BEGIN IMMEDIATE`` on SQLite, ``SELECT … FOR UPDATE`` on PostgreSQL). Run by ``rush.py``;
the environment names the database.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from socket import socket
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


class PooledWSGIServer(WSGIServer):
    request_queue_size = 2048

    def __init__(self, address: tuple[str, int], workers: int) -> None:
        self.pool = ThreadPoolExecutor(max_workers=workers)
        super().__init__(address, QuietHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        self.pool.submit(self._handle, request, client_address)

    def _handle(self, request: socket, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)


def fork_processes(count: int) -> list[int]:
    """Fork ``count`` copies of this process (before any request: no database connection and
    no pool thread exists yet); the parent gets their ids, each copy an empty list."""
    children = []
    for _ in range(count):
        pid = os.fork()
        if pid == 0:
            return []
        children.append(pid)
    return children


def stop(children: list[int]) -> None:
    for pid in children:
        os.kill(pid, signal.SIGTERM)
    raise SystemExit(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=16, help="threads per process")
    parser.add_argument("--processes", type=int, default=1)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.wsgi import get_wsgi_application

    parent = os.getpid()
    server = PooledWSGIServer(("127.0.0.1", options.port), options.workers)
    server.set_app(get_wsgi_application())
    children = fork_processes(options.processes - 1)
    if os.getpid() == parent:  # the caller terminates the parent, the parent its children
        signal.signal(signal.SIGTERM, lambda _signum, _frame: stop(children))
        print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
