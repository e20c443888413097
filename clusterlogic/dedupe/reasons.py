"""Reasons in English words, for the command line (the web layer words the codes itself)."""

from __future__ import annotations

from collections.abc import Iterable

from clusterlogic.dedupe.model import Reason, ReasonCode

_ENGLISH: dict[ReasonCode, str] = {
    ReasonCode.SAME_NAME: "same name",
    ReasonCode.SAME_NAME_EXCEPT_LEGAL_FORM: "same name apart from the legal form",
    ReasonCode.SIMILAR_NAME: "similar name",
    ReasonCode.SAME_CITY: "same city",
    ReasonCode.OTHER_CITY: "other city",
    ReasonCode.SAME_POSTCODE: "same postcode",
    ReasonCode.SAME_WEBSITE: "same website",
    ReasonCode.SAME_EMAIL_DOMAIN: "same e-mail domain",
    ReasonCode.OTHER_WEBSITE: "other website",
    ReasonCode.OTHER_NUMBER: "other number",
    ReasonCode.OTHER_LEGAL_FORM: "other legal form",
}


def describe(reasons: Iterable[Reason]) -> str:
    """``same name apart from the legal form (SE / AG); same city``."""
    parts = []
    for reason in reasons:
        words = _ENGLISH[reason.code]
        parts.append(f"{words} ({reason.detail})" if reason.detail else words)
    return "; ".join(parts)
