"""The events app's tunables, read from Django settings with defaults (env-driven there)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings


def offer_hold() -> dt.timedelta:
    """How long a place offered to the next person on the waitlist is held for them."""
    return dt.timedelta(hours=settings.CLUSTERHUB_EVENT_OFFER_HOLD_HOURS)


def reminder_lead() -> dt.timedelta:
    """How long before an event its reminder mail goes out."""
    return dt.timedelta(hours=settings.CLUSTERHUB_EVENT_REMINDER_HOURS)


def site_url() -> str:
    return str(settings.SITE_URL).rstrip("/")


def feedback_window() -> dt.timedelta:
    """How long after an event its participants are asked for, and may give, feedback."""
    return dt.timedelta(days=settings.CLUSTERHUB_EVENT_FEEDBACK_DAYS)
