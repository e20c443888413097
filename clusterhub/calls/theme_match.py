"""Which themes of the taxonomy a call's text names: whole-word matches of a theme's German
or English label (and the short form in its brackets, "Künstliche Intelligenz (KI)")."""

from __future__ import annotations

import re
from collections.abc import Iterable

_BRACKETS = re.compile(r"\s*\(([^)]*)\)\s*")
_MIN_LABEL = 2


def label_variants(*labels: str) -> set[str]:
    variants: set[str] = set()
    for label in labels:
        if not label:
            continue
        variants.add(_BRACKETS.sub(" ", label).strip().lower())
        variants.update(inner.strip().lower() for inner in _BRACKETS.findall(label))
    return {v for v in variants if len(v) >= _MIN_LABEL}


class ThemeMatcher:
    def __init__(self, themes: Iterable[tuple[int, str, str]]) -> None:
        self._patterns: list[tuple[int, re.Pattern[str]]] = []
        for theme_id, label_de, label_en in themes:
            variants = sorted(label_variants(label_de, label_en), key=len, reverse=True)
            if variants:
                alternatives = "|".join(re.escape(v) for v in variants)
                self._patterns.append((theme_id, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")))

    def theme_ids(self, text: str) -> list[int]:
        lowered = text.lower()
        return [theme_id for theme_id, pattern in self._patterns if pattern.search(lowered)]
