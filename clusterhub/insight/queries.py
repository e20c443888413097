"""Reads for the insight pages beyond the stored figures."""

from __future__ import annotations

from collections.abc import Iterable

from clusterhub.taxonomy.models import Theme


def theme_labels(ids: Iterable[int], language: str) -> dict[int, str]:
    field = "label_en" if language == "en" else "label_de"
    return dict(Theme.objects.filter(pk__in=list(ids)).values_list("pk", field))
