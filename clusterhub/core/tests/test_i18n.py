"""German is the default language at /, English lives under /en/, and the English catalogue
translates every German source text (its compiled .mo included)."""

from __future__ import annotations

import ast
import datetime
import gettext
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import Client
from django.utils import translation

ENGLISH_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
GERMAN_HEADING = "Cluster und Netzwerke der Wirtschaftsförderung Mannheim"
ENGLISH_HEADING = "Clusters and networks of Mannheim Economic Development"


@dataclass
class CatalogueEntry:
    msgctxt: str = ""
    msgid: str = ""
    msgid_plural: str = ""
    msgstr: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)
    fuzzy: bool = False


def read_catalogue(path: Path) -> list[CatalogueEntry]:
    """The active entries of a .po file, header and obsolete (#~) entries left out.

    A small reader instead of a new dependency: the files come from makemessages, so each
    keyword line starts an entry field and quoted lines continue the field above them.
    """
    entries: list[CatalogueEntry] = []
    entry = CatalogueEntry()
    current: str | None = None

    def append(text: str) -> None:
        if current is None:
            raise ValueError(f"continuation line without a field in {path}: {text!r}")
        if current.startswith("msgstr["):
            index = int(current[len("msgstr[") : -1])
            entry.msgstr_plural[index] = entry.msgstr_plural.get(index, "") + text
        else:
            setattr(entry, current, getattr(entry, current) + text)

    def finish() -> None:
        nonlocal entry, current
        if current is not None and entry.msgid:
            entries.append(entry)
        entry, current = CatalogueEntry(), None

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            finish()
        elif line.startswith("#"):
            if current is not None:
                finish()
            if line.startswith("#,") and "fuzzy" in line:
                entry.fuzzy = True
        elif line.startswith('"'):
            append(ast.literal_eval(line))
        else:
            keyword, _, quoted = line.partition(" ")
            if keyword in {"msgctxt", "msgid"} and current not in {None, "msgctxt"}:
                finish()
            current = keyword
            append(ast.literal_eval(quoted))
    finish()
    return entries


def translations(entry: CatalogueEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural.get(0, ""), entry.msgstr_plural.get(1, "")]
    return [entry.msgstr]


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


def test_catalogue_reader_understands_plurals_and_continuation_lines(tmp_path: Path) -> None:
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
    assert [entry.msgid for entry in entries] == ["%(counter)s Mitglied", "Anmelden", "Zwei Zeilen"]
    assert [entry.msgctxt for entry in entries] == ["", "Konto", ""]
    assert [entry.fuzzy for entry in entries] == [False, False, True]


def test_every_german_text_has_an_english_translation() -> None:
    entries = read_catalogue(ENGLISH_CATALOGUE)

    untranslated = [e.msgid for e in entries if not all(t.strip() for t in translations(e))]
    fuzzy = [e.msgid for e in entries if e.fuzzy]
    assert entries
    assert untranslated == []
    assert fuzzy == []


def test_compiled_english_catalogue_matches_the_po_file() -> None:
    with ENGLISH_CATALOGUE.with_suffix(".mo").open("rb") as compiled_file:
        compiled = gettext.GNUTranslations(compiled_file)

    stale = []
    for entry in read_catalogue(ENGLISH_CATALOGUE):
        if entry.msgid_plural and entry.msgctxt:
            found = [
                compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                for n in (1, 2)
            ]
        elif entry.msgid_plural:
            found = [compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
        elif entry.msgctxt:
            found = [compiled.pgettext(entry.msgctxt, entry.msgid)]
        else:
            found = [compiled.gettext(entry.msgid)]
        if found != translations(entry):
            stale.append(entry.msgid)
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
