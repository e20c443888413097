"""gunicorn's settings for clusterhub: ``gunicorn -c config/gunicorn.conf.py`` (docs/deploy.md).

Each value can be changed through the environment, as every setting of the site.

Workers: gunicorn's own rule, 2 × CPU cores + 1, as processes (``GUNICORN_WORKERS``), each
with ``GUNICORN_THREADS`` threads (gthread, default 4): a request spends much of its time
waiting for PostgreSQL, and threads overlap those waits at little memory, while processes use
the cores for the Python work (ranking, rendering). Each process holds its own partner index,
so memory grows with the workers, not the threads. PostgreSQL must allow
workers × threads connections per web machine (plus the task workers and the scheduler).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

from gunicorn.glogging import Logger

# The project root, so ``config.logs`` imports whichever folder gunicorn was started from.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config.logs import logging_config


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


wsgi_app = "config.wsgi:application"
# The same variable as ``scripts/serve_demo.sh`` and the settings' public URL default.
bind = [os.environ.get("CLUSTERHUB_ADDRESS", "127.0.0.1:8000")]
workers = env_int("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1)
worker_class = "gthread"
threads = env_int("GUNICORN_THREADS", 4)
# A request that takes longer is cut off and its worker replaced (the slow work runs in the
# task worker); on a reload or a stop, running requests get this long to finish.
timeout = env_int("GUNICORN_TIMEOUT", 60)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Workers are replaced after this many requests (with jitter), which bounds slow leaks.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
# Only the proxy in front may say which scheme and client address a request came with.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

_log_format = os.environ.get("CLUSTERHUB_LOG_FORMAT", "text").strip().lower()
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# The site logs each request itself (with its id, ``core.request_log``); gunicorn's access
# line would say the same again, so it is off unless GUNICORN_ACCESS_LOG=1.
_access_log = os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in {"1", "true", "yes"}


class JsonAccessLogger(Logger):
    """gunicorn's access line with its parts as fields (method, path, status, duration in ms,
    the request id our middleware sent back), so the JSON formatter writes them as keys."""

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not _access_log:
            return
        status = int(str(resp.status).split()[0])
        request_id = next(
            (value for name, value in resp.headers if name.lower() == "x-request-id"), ""
        )
        self.access_log.info(
            "%s %s %s",
            req.method,
            req.path,
            status,
            extra={
                "method": req.method,
                "path": req.path,
                "status": status,
                "duration_ms": round(request_time.total_seconds() * 1000, 1),
                "request_id": request_id,
                "remote_addr": environ.get("REMOTE_ADDR", ""),
            },
        )


if _log_format == "json":
    logger_class = JsonAccessLogger
    logconfig_dict = logging_config("json", loglevel.upper(), log_requests=False)
    logconfig_dict["loggers"].update(
        {
            name: {"handlers": ["console"], "level": "INFO", "propagate": False}
            for name in ("gunicorn.error", "gunicorn.access")
        }
    )
    errorlog = "-"
else:
    accesslog = "-" if _access_log else None
    errorlog = "-"
