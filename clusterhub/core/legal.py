"""Impressum, Datenschutzerklärung and Barrierefreiheitserklärung.

The texts are HTML files, one per page and language: ``legal/<page>.<language>.html``. The
defaults in ``core/templates/legal/`` are templates to complete; an agency puts its own files in
the folder ``CLUSTERHUB_LEGAL_TEXTS_DIR`` names (same file names), which the template loader
searches first. A page without an English file shows the German one.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import select_template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

TITLES = {
    "impressum": _("Impressum"),
    "datenschutz": _("Datenschutzerklärung"),
    "barrierefreiheit": _("Erklärung zur Barrierefreiheit"),
}


def legal_page(request: HttpRequest, page: str) -> HttpResponse:
    language = get_language() or settings.LANGUAGE_CODE
    text = select_template(
        [f"legal/{page}.{language}.html", f"legal/{page}.{settings.LANGUAGE_CODE}.html"]
    )
    return render(request, "core/legal.html", {"title": TITLES[page], "text": text.template})
