"""German organisation names reduced to what identifies them.

``normalise_name("B.A.S.F. Aktiengesellschaft")`` gives the core ``"basf"`` and the legal
forms ``("ag",)``. The core is folded (case, umlauts and ß, accents), stripped of legal forms,
of status notes ("in Liquidation") and of punctuation, so that spellings of one name meet.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss", "&": " & "})


def _letters(code: str) -> str:
    """A short form written plain or with a dot after each letter: ``gmbh``, ``g.m.b.h.``."""
    dotted = r"\s*".join(re.escape(letter) + r"\." for letter in code)
    return f"(?:{re.escape(code)}|{dotted[:-2]}\\.?)"


# (pattern on the folded text, canonical code); longer phrases before their parts.
_FORMS: tuple[tuple[str, str], ...] = (
    (r"gesellschaft\s+mit\s+beschraenkter\s+haftung", "gmbh"),
    (r"gemeinnuetzige\s+gmbh", "ggmbh"),
    (_letters("ggmbh"), "ggmbh"),
    (r"gesellschaft\s+m\.?\s*b\.?\s*h\.?", "gmbh"),
    (_letters("gmbh"), "gmbh"),
    (_letters("mbh"), "gmbh"),
    (_letters("mbb"), "mbb"),
    (r"kommanditgesellschaft\s+auf\s+aktien", "kgaa"),
    (_letters("kgaa"), "kgaa"),
    (r"kommanditgesellschaft", "kg"),
    (_letters("kg"), "kg"),
    (r"aktiengesellschaft", "ag"),
    (_letters("ag"), "ag"),
    (r"societas\s+europaea", "se"),
    (_letters("se"), "se"),
    (r"offene\s+handelsgesellschaft", "ohg"),
    (_letters("ohg"), "ohg"),
    (r"gesellschaft\s+buergerlichen\s+rechts", "gbr"),
    (_letters("gbr"), "gbr"),
    (r"partnerschaftsgesellschaft", "partg"),
    (r"partg", "partg"),
    (r"eingetragener\s+verein", "ev"),
    (_letters("ev"), "ev"),
    (r"eingetragene\s+genossenschaft", "eg"),
    (_letters("eg"), "eg"),
    (r"unternehmergesellschaft", "ug"),
    (_letters("ug"), "ug"),
    (r"\(?\s*haftungsbeschr(?:aenkt|\.)\s*\)?", ""),
    (r"(?:&|\+|und|u\.)\s*(?:co\.?|cie\.?|comp\.?)", "co"),
    (_letters("co"), "co"),
    (r"limited|ltd\.?|inc\.?|llc|plc|s\.?\s*a\.?\s*r\.?\s*l\.?|b\.\s*v\.|n\.\s*v\.", "foreign"),
    # Status notes of the register, not part of the name.
    (r"in\s+liquidation|i\.\s*l\.|in\s+gruendung|i\.\s*g(?:r)?\.", ""),
)
_CODES = frozenset(code for _pattern, code in _FORMS if code)
_FORM_RE = re.compile(
    "|".join(f"(?P<f{index}>{pattern})" for index, (pattern, _code) in enumerate(_FORMS))
)
# Forms are words: never inside one ("Gmbh" in "Bagmbh" is not a form); a hyphen divides.
_BOUNDED_RE = re.compile(r"(?<![a-z0-9])(?:" + _FORM_RE.pattern + r")(?![a-z0-9])")
_NOT_WORD_RE = re.compile(r"[^a-z0-9]+")
_CONNECTIVES = frozenset({"und", "and", "u"})

#: Readable names of the canonical codes, for reasons ("SE / AG").
FORM_LABELS: dict[str, str] = {
    "gmbh": "GmbH",
    "ggmbh": "gGmbH",
    "mbb": "mbB",
    "kgaa": "KGaA",
    "kg": "KG",
    "ag": "AG",
    "se": "SE",
    "ohg": "OHG",
    "gbr": "GbR",
    "partg": "PartG",
    "ev": "e. V.",
    "eg": "eG",
    "ug": "UG",
    "co": "& Co.",
    "foreign": "Ltd.",
}


@dataclass(frozen=True, slots=True)
class NormalisedName:
    """``core``: the folded name without legal forms, words separated by one space;
    ``compact``: the core without spaces ("pepperl fuchs" and "pepperlfuchs" meet);
    ``forms``: the canonical legal forms found, sorted."""

    core: str
    compact: str
    tokens: tuple[str, ...]
    forms: tuple[str, ...]


def fold(text: str) -> str:
    """Lower case, umlauts and ß spelt out, other accents dropped."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _join_initials(words: list[str]) -> list[str]:
    """``b a s f`` → ``basf``: a run of single letters is one abbreviation."""
    joined: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if run:
            joined.append("".join(run))
            run = []
        if word:
            joined.append(word)
    return joined


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> NormalisedName:
    folded = fold(name)
    forms: set[str] = set()

    def take(match: re.Match[str]) -> str:
        code = _FORMS[int(str(match.lastgroup)[1:])][1]
        if code:
            forms.add(code)
        return " "

    stripped = _BOUNDED_RE.sub(take, folded)
    words = [w for w in _join_initials(_NOT_WORD_RE.split(stripped)) if w not in _CONNECTIVES]
    if not words:  # a name that is nothing but a legal form keeps it as its core
        words = sorted(forms) or [w for w in _NOT_WORD_RE.split(folded) if w]
    tokens = tuple(w for w in words if w not in _CODES) or tuple(words)
    core = " ".join(tokens)
    return NormalisedName(core, core.replace(" ", ""), tokens, tuple(sorted(forms)))


def name_core(name: str) -> str:
    return normalise_name(name).core
