"""The site's own error pages (Django's ``handler400`` … ``handler500``, ``CSRF_FAILURE_VIEW``
and the 405 middleware): the menu, one sentence of why and a way on, in the page's language."""

from __future__ import annotations

import logging

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from clusterhub.accounts.landing import role_landing

logger = logging.getLogger(__name__)

TITLES: dict[int, Promise] = {
    400: _("Die Anfrage ist fehlerhaft"),
    403: _("Kein Zugriff"),
    404: _("Seite nicht gefunden"),
    405: _("Diese Aktion geht so nicht"),
    500: _("Ein Fehler ist aufgetreten"),
}
REASONS: dict[int, Promise] = {
    400: _("Der Browser hat eine Anfrage geschickt, die diese Seite nicht verstehen kann."),
    403: _("Diese Seite ist für Ihre Rolle nicht freigegeben."),
    404: _("Unter dieser Adresse gibt es keine Seite – vielleicht ist der Link veraltet."),
    405: _("Diese Adresse nimmt nur Formulare der Seite selbst an, nicht einen direkten Aufruf."),
    500: _("Auf unserer Seite ist etwas schiefgegangen; der Fehler ist protokolliert."),
}
CSRF_REASON = _(
    "Das Formular war abgelaufen oder kam nicht von dieser Seite. Laden Sie die Seite neu "
    "und senden Sie es noch einmal (Cookies müssen erlaubt sein)."
)


def error_page(request: HttpRequest, status: int, reason: Promise | None = None) -> HttpResponse:
    if not hasattr(request, "user"):
        # Refused before the authentication middleware ran (a foreign Host header, say).
        request.user = AnonymousUser()
    context = {
        "status": status,
        "title": TITLES[status],
        "reason": reason or REASONS[status],
        "landing": role_landing(request.user),
    }
    return render(request, "core/error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page(request, 404)


def method_not_allowed(request: HttpRequest) -> HttpResponse:
    return error_page(request, 405)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_page(request, 403, CSRF_REASON)


def server_error(request: HttpRequest) -> HttpResponse:
    """The full page when it can be drawn; if drawing it fails too (the database is down, say),
    a page without the menu rather than none."""
    try:
        return error_page(request, 500)
    except Exception:
        logger.exception("The 500 page could not be drawn with the menu")
        context = {"status": 500, "title": TITLES[500], "reason": REASONS[500]}
        return HttpResponse(render_to_string("core/error_plain.html", context), status=500)
