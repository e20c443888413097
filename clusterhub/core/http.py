"""Request types the views see."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that passed django-htmx's middleware: ``request.htmx`` says if HTMX sent it."""

    htmx: HtmxDetails
