"""German is the default language at /, English lives under /en/, and the English catalogue
translates every German source text (its compiled .mo included)."""

from __future__ import annotations

import datetime
import gettext
from pathlib import Path

import pytest
from babel.messages.catalog import Message
from babel.messages.pofile import read_po
from django.conf import settings
from django.template import Context, Template
from django.test import Client
from django.utils import translation

ENGLISH_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
GERMAN_HEADING = "Cluster und Netzwerke der Wirtschaftsförderung Mannheim"
ENGLISH_HEADING = "Clusters and networks of Mannheim Economic Development"


def read_catalogue(path: Path) -> list[Message]:
    """The entries of a .po file as Babel reads them; header and obsolete (#~) entries out."""
    with path.open("rb") as po_file:
        catalogue = read_po(po_file, ignore_obsolete=True)
    return [message for message in catalogue if message.id]


def translations(message: Message) -> list[str]:
    """The English texts of an entry: one, or singular and plural."""
    if isinstance(message.string, tuple | list):
        return list(message.string)
    return [message.string or ""]


def source_ids(message: Message) -> tuple[str, str]:
    """(msgid, msgid_plural), the plural empty for a simple entry."""
    if isinstance(message.id, tuple | list):
        return message.id[0], message.id[1]
    return message.id, ""


@pytest.mark.django_db
def test_root_is_german_even_when_the_browser_asks_for_english(client: Client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de">' in page
    assert GERMAN_HEADING in page
    assert ENGLISH_HEADING not in page


@pytest.mark.django_db
def test_english_prefix_shows_the_english_page(client: Client) -> None:
    response = client.get("/en/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert ENGLISH_HEADING in page
    assert GERMAN_HEADING not in page


@pytest.mark.django_db
def test_language_switch_to_english_redirects_to_the_prefixed_page(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/verzeichnis/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/verzeichnis/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


# /i18n/setlang/ has no prefix, so the middleware activates German there; the switch view reads
# the language of the page it came from, or the English "Deutsch" button would stay in English.
@pytest.mark.django_db
def test_language_switch_to_german_drops_the_prefix(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/en/verzeichnis/"})

    assert response.status_code == 302
    assert response["Location"] == "/verzeichnis/"


def test_german_pages_format_dates_the_german_way() -> None:
    template = Template('{{ value|date:"SHORT_DATE_FORMAT" }}')

    with translation.override("de"):
        rendered = template.render(Context({"value": datetime.date(2026, 11, 25)}))

    assert rendered == "25.11.2026"


def test_catalogue_checks_see_plurals_contexts_and_fuzzy_entries(tmp_path: Path) -> None:
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr "Language: en\\n"\n\n'
        '#, python-format\nmsgid "%(counter)s Mitglied"\nmsgid_plural "%(counter)s Mitglieder"\n'
        'msgstr[0] "%(counter)s member"\nmsgstr[1] ""\n"%(counter)s members"\n\n'
        'msgctxt "Konto"\nmsgid "Anmelden"\nmsgstr "Log in"\n\n'
        '#, fuzzy\nmsgid ""\n"Zwei "\n"Zeilen"\nmsgstr ""\n\n'
        '#~ msgid "Alt"\n#~ msgstr "Old"\n',
        encoding="utf-8",
    )

    entries = read_catalogue(catalogue)

    assert [translations(entry) for entry in entries] == [
        ["%(counter)s member", "%(counter)s members"],
        ["Log in"],
        [""],
    ]
    assert [source_ids(entry) for entry in entries] == [
        ("%(counter)s Mitglied", "%(counter)s Mitglieder"),
        ("Anmelden", ""),
        ("Zwei Zeilen", ""),
    ]
    assert [entry.context for entry in entries] == [None, "Konto", None]
    assert [entry.fuzzy for entry in entries] == [False, False, True]


def test_every_german_text_has_an_english_translation() -> None:
    entries = read_catalogue(ENGLISH_CATALOGUE)

    untranslated = [e.id for e in entries if not all(t.strip() for t in translations(e))]
    fuzzy = [e.id for e in entries if e.fuzzy]
    assert entries
    assert untranslated == []
    assert fuzzy == []


def test_compiled_english_catalogue_matches_the_po_file() -> None:
    with ENGLISH_CATALOGUE.with_suffix(".mo").open("rb") as compiled_file:
        compiled = gettext.GNUTranslations(compiled_file)

    stale = []
    for entry in read_catalogue(ENGLISH_CATALOGUE):
        msgid, plural = source_ids(entry)
        if plural and entry.context:
            found = [compiled.npgettext(entry.context, msgid, plural, n) for n in (1, 2)]
        elif plural:
            found = [compiled.ngettext(msgid, plural, n) for n in (1, 2)]
        elif entry.context:
            found = [compiled.pgettext(entry.context, msgid)]
        else:
            found = [compiled.gettext(msgid)]
        if found != translations(entry):
            stale.append(msgid)
    assert stale == [], "run `.venv/bin/python scripts/messages.py update`"


@pytest.mark.django_db
def test_account_words_are_not_confused_with_event_registration(client: Client) -> None:
    from tests.factories import AccountFactory

    login_page = client.get("/en/anmelden/").content.decode()
    assert "Log in" in login_page
    assert "Register" not in login_page
    client.force_login(AccountFactory.create(role="reader").user)
    dashboard = client.get("/en/intern/").content.decode()
    assert "Log out" in dashboard
    assert "Cancel registration" not in dashboard
