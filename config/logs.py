"""The logging configuration of every process (web, worker, periodic jobs, gunicorn itself).

Plain Python, no Django: ``config/settings.py`` and ``config/gunicorn.conf.py`` both build their
``dictConfig`` here, so gunicorn's lines and the application's come out in one format.

``json``: one JSON object per line on stdout (python-json-logger), with ``timestamp``,
``level``, ``logger``, ``message``, the record's extra fields and, inside a request, its
``request_id`` — what a log collector (journald, Loki, Elasticsearch) parses without a pattern.
``text``: readable lines on stderr for a developer's console.
"""

from __future__ import annotations

from contextvars import ContextVar
from logging import Filter, LogRecord
from typing import Any

# The id of the request this thread or task is serving ("" outside requests); set by
# ``clusterhub.core.request_log.RequestLogMiddleware``, copied into every record below.
current_request_id: ContextVar[str] = ContextVar("current_request_id", default="")

REQUEST_LOGGER = "clusterhub.request"


class RequestIdFilter(Filter):
    """Adds ``request_id`` to every record, so a line written deep in a service can be tied to
    the request (and the proxy's access line) that caused it."""

    def filter(self, record: LogRecord) -> bool:
        if not getattr(record, "request_id", ""):
            record.request_id = current_request_id.get()
        return True


def formatter(log_format: str) -> dict[str, Any]:
    if log_format == "json":
        return {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            # ISO 8601 in UTC, whatever TIME_ZONE says (Django sets the process's TZ).
            "timestamp": True,
        }
    return {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}


def logging_config(log_format: str, level: str, *, log_requests: bool) -> dict[str, Any]:
    """``dictConfig`` for ``log_format`` ("json" or "text"); ``level`` for the root logger; the
    request logger says INFO (one line per request) when ``log_requests``, else WARNING."""
    stream = "ext://sys.stdout" if log_format == "json" else "ext://sys.stderr"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": formatter(log_format)},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": stream,
                "formatter": "default",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            REQUEST_LOGGER: {
                "handlers": ["console"],
                "level": "INFO" if log_requests else "WARNING",
                "propagate": False,
            },
            # WeasyPrint reports each step of each PDF at INFO: noise at LOG_LEVEL=INFO.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }
