"""A WSGI server for the rush benchmark: 127.0.0.1 only, a bounded pool of worker threads.

Like a production WSGI server it handles a fixed number of requests at a time (``--workers``)
and queues the rest in the listen backlog, so PostgreSQL never sees more connections than
workers. Run by ``rush.py``; the environment names the database.
"""

from __future__ import annotations

import argparse
import os
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=16)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.core.wsgi import get_wsgi_application

    server = PooledWSGIServer(("127.0.0.1", options.port), options.workers)
    server.set_app(get_wsgi_application())
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
