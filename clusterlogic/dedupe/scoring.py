"""One pair's score: name similarity (rapidfuzz on the normalised core) plus place and web."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from clusterlogic.dedupe.model import OrgRecord, Reason, ReasonCode
from clusterlogic.dedupe.normalise import FORM_LABELS, NormalisedName, fold, normalise_name

#: Addresses at these say nothing about the organisation behind them.
FREEMAIL = frozenset(
    {
        "gmail.com", "googlemail.com", "web.de", "gmx.de", "gmx.net", "t-online.de",
        "outlook.com", "outlook.de", "hotmail.com", "hotmail.de", "live.de", "yahoo.com",
        "yahoo.de", "icloud.com", "me.com", "posteo.de", "mailbox.org", "aol.com",
        "freenet.de", "arcor.de", "online.de", "email.de",
    }
)  # fmt: skip
_WORD_RE = re.compile(r"[a-z0-9]+")
_NUMBER_RE = re.compile(r"^(?:\d+|[ivx]{1,5}|[a-z]?\d+[a-z]?)$")


@dataclass(frozen=True, slots=True)
class Weights:
    """How much place and web move a name's similarity; tuned in ``bench/dedupe``."""

    same_city: float = 0.04
    other_city: float = 0.12
    same_postcode: float = 0.03
    same_domain: float = 0.12
    other_website: float = 0.04
    #: "Solarpark 252" and "Solarpark 257", "Projekt II" and "Projekt III" are a series.
    other_number: float = 0.12
    #: A GmbH & Co. KG and its general partner GmbH are two entities.
    other_partnership: float = 0.03
    #: Below this name similarity nothing else makes a pair.
    name_floor: float = 0.80


DEFAULT_WEIGHTS = Weights()
DEFAULT_THRESHOLD = 0.9


@dataclass(frozen=True, slots=True)
class Prepared:
    """A record with its comparison keys worked out once."""

    record: OrgRecord
    name: NormalisedName
    city: str
    postcode: str
    website_domain: str
    email_domain: str


def _domain(host: str) -> str:
    """The registrable part of a host: ``de.pepperl-fuchs.com`` → ``pepperl-fuchs.com``."""
    labels = [label for label in host.strip().strip(".").lower().split(".") if label]
    if len(labels) >= 3 and labels[-2] in {"co", "com", "org", "ac", "gv"}:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def website_domain(url: str) -> str:
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    return _domain(host)


def email_domain(address: str) -> str:
    _local, at, host = address.strip().lower().rpartition("@")
    domain = _domain(host) if at else ""
    return "" if domain in FREEMAIL else domain


def city_key(city: str) -> str:
    """The first word of the folded city: "Essen-Holsterhausen" and "Essen" meet."""
    words = _WORD_RE.findall(fold(city))
    return words[0] if words else ""


def prepare(record: OrgRecord) -> Prepared:
    return Prepared(
        record,
        normalise_name(record.name),
        city_key(record.city),
        re.sub(r"\s+", "", record.postcode),
        website_domain(record.website) if record.website else "",
        email_domain(record.email) if record.email else "",
    )


def _forms(forms: tuple[str, ...]) -> str:
    return " ".join(FORM_LABELS[form] for form in forms) or "–"


def numbers(name: NormalisedName) -> frozenset[str]:
    """The numbers of a name, Roman ones included."""
    return frozenset(t for t in name.tokens if _NUMBER_RE.match(t))


def _partnership(forms: tuple[str, ...]) -> bool:
    return "co" in forms or "kg" in forms


def name_similarity(a: NormalisedName, b: NormalisedName, cutoff: float = 0.0) -> float:
    if a.compact == b.compact:
        return 1.0
    best = max(
        fuzz.ratio(a.compact, b.compact, score_cutoff=cutoff * 100),
        fuzz.token_sort_ratio(a.core, b.core, score_cutoff=cutoff * 100),
    )
    return float(best) / 100.0


def max_bonus(weights: Weights) -> float:
    """The most that place and web can add to a name's similarity."""
    return weights.same_city + weights.same_postcode + weights.same_domain


def score_pair(
    a: Prepared, b: Prepared, threshold: float, weights: Weights = DEFAULT_WEIGHTS
) -> tuple[float, tuple[Reason, ...]] | None:
    """The pair's score and reasons, or None when it cannot reach ``threshold``."""
    floor = max(weights.name_floor, threshold - max_bonus(weights))
    similarity = name_similarity(a.name, b.name, cutoff=floor)
    if similarity < floor:
        return None
    reasons: list[Reason] = []
    if similarity == 1.0 and a.name.forms == b.name.forms:
        reasons.append(Reason(ReasonCode.SAME_NAME))
    elif similarity == 1.0:
        detail = f"{_forms(a.name.forms)} / {_forms(b.name.forms)}"
        reasons.append(Reason(ReasonCode.SAME_NAME_EXCEPT_LEGAL_FORM, detail))
    else:
        reasons.append(Reason(ReasonCode.SIMILAR_NAME, f"{round(similarity * 100)} %"))
    score = similarity
    numbers_a, numbers_b = numbers(a.name), numbers(b.name)
    if numbers_a and numbers_b and numbers_a != numbers_b and similarity < 1.0:
        score -= weights.other_number
        detail = f"{' '.join(sorted(numbers_a)) or '–'} / {' '.join(sorted(numbers_b)) or '–'}"
        reasons.append(Reason(ReasonCode.OTHER_NUMBER, detail))
    if _partnership(a.name.forms) != _partnership(b.name.forms):
        score -= weights.other_partnership
        if similarity < 1.0:
            detail = f"{_forms(a.name.forms)} / {_forms(b.name.forms)}"
            reasons.append(Reason(ReasonCode.OTHER_LEGAL_FORM, detail))
    if a.city and b.city:
        if a.city == b.city:
            score += weights.same_city
            reasons.append(Reason(ReasonCode.SAME_CITY, a.record.city.strip()))
        else:
            score -= weights.other_city
            detail = f"{a.record.city.strip()} / {b.record.city.strip()}"
            reasons.append(Reason(ReasonCode.OTHER_CITY, detail))
    if a.postcode and a.postcode == b.postcode:
        score += weights.same_postcode
        reasons.append(Reason(ReasonCode.SAME_POSTCODE, a.postcode))
    domains_a = {a.website_domain, a.email_domain} - {""}
    domains_b = {b.website_domain, b.email_domain} - {""}
    shared = domains_a & domains_b
    if shared:
        score += weights.same_domain
        domain = min(shared)
        same_site = domain == a.website_domain == b.website_domain
        code = ReasonCode.SAME_WEBSITE if same_site else ReasonCode.SAME_EMAIL_DOMAIN
        reasons.append(Reason(code, domain))
    elif a.website_domain and b.website_domain:
        score -= weights.other_website
        detail = f"{a.website_domain} / {b.website_domain}"
        reasons.append(Reason(ReasonCode.OTHER_WEBSITE, detail))
    score = min(1.0, max(0.0, score))
    if score < threshold:
        return None
    return round(score, 4), tuple(reasons)
