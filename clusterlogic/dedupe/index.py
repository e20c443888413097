"""Blocking: which records are compared at all (never all pairs).

Two kinds of blocks, both bounded:

* **rare-token blocks** — every record is filed under the rarest words of its normalised
  name (``RARE_KEYS`` of them); records that share such a word are compared. A block larger
  than ``BLOCK_CAP`` is compared only along its own sorted order (a window), not in full;
* **sorted neighbourhood** — the names sorted by their compact core, forwards and backwards
  (a typo at the start and one at the end both keep a neighbour), each compared with the
  ``WINDOW`` records after it.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from clusterlogic.dedupe.model import Candidate, OrgRecord, Pair
from clusterlogic.dedupe.scoring import (
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHTS,
    Prepared,
    Weights,
    max_bonus,
    prepare,
    score_pair,
)

RARE_KEYS = 2
BLOCK_CAP = 60
WINDOW = 6
#: A looked-up name reads at most this many records of one word's block.
LOOKUP_CAP = 400


@dataclass(frozen=True)
class DedupeIndex:
    """Records prepared for comparison, with their blocks."""

    prepared: tuple[Prepared, ...]
    word_counts: Counter[str]
    postings: dict[str, tuple[int, ...]]
    forward: tuple[tuple[str, int], ...]
    backward: tuple[tuple[str, int], ...]


def rare_keys(prepared: Prepared, word_counts: Counter[str]) -> list[str]:
    """The record's rarest words (known ones first), ties broken by the longer word."""
    words = sorted(set(prepared.name.tokens), key=lambda w: (word_counts[w] or 10**9, -len(w), w))
    return words[:RARE_KEYS]


def build_index(records: Iterable[OrgRecord]) -> DedupeIndex:
    prepared = tuple(prepare(record) for record in records)
    word_counts: Counter[str] = Counter()
    for item in prepared:
        word_counts.update(set(item.name.tokens))
    postings: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(prepared):
        for key in rare_keys(item, word_counts):
            postings[key].append(position)
    forward = sorted((item.name.compact, position) for position, item in enumerate(prepared))
    backward = sorted((item.name.compact[::-1], position) for position, item in enumerate(prepared))
    return DedupeIndex(
        prepared,
        word_counts,
        {key: tuple(found) for key, found in postings.items()},
        tuple(forward),
        tuple(backward),
    )


def _windowed(order: Sequence[int], window: int) -> Iterator[tuple[int, int]]:
    for start, first in enumerate(order):
        for second in order[start + 1 : start + 1 + window]:
            yield first, second


def candidate_pairs(index: DedupeIndex) -> set[tuple[int, int]]:
    """Positions of the record pairs to compare, lower position first."""
    pairs: set[tuple[int, int]] = set()

    def add(found: Iterable[tuple[int, int]]) -> None:
        pairs.update((a, b) if a < b else (b, a) for a, b in found if a != b)

    for block in index.postings.values():
        if len(block) <= BLOCK_CAP:
            add((a, b) for i, a in enumerate(block) for b in block[i + 1 :])
        else:
            by_name = sorted(block, key=lambda p: index.prepared[p].name.compact)
            add(_windowed(by_name, WINDOW))
    for order in (index.forward, index.backward):
        add(_windowed([position for _key, position in order], WINDOW))
    return pairs


def _similar_names(
    index: DedupeIndex, threshold: float, weights: Weights
) -> Iterator[tuple[int, int]]:
    """The candidate pairs whose names are similar enough to reach ``threshold`` at all: a
    cheap first sieve with plain strings, before a pair is scored with its reasons."""
    floor = 100 * min(1.0, max(weights.name_floor, threshold - max_bonus(weights)))
    compacts = [item.name.compact for item in index.prepared]
    cores = [item.name.core for item in index.prepared]
    ratio, token_sort_ratio = fuzz.ratio, fuzz.token_sort_ratio
    for first, second in candidate_pairs(index):
        letters_a, letters_b = compacts[first], compacts[second]
        if (
            letters_a == letters_b
            or ratio(letters_a, letters_b, score_cutoff=floor)
            or token_sort_ratio(cores[first], cores[second], score_cutoff=floor)
        ):
            yield first, second


def find_pairs(
    records: Sequence[OrgRecord],
    threshold: float = DEFAULT_THRESHOLD,
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[Pair]:
    """The pairs of ``records`` that score at least ``threshold``, best first (then by input
    order); ``a`` is the record that came first."""
    index = build_index(records)
    prepared = index.prepared
    found: list[tuple[float, int, int, Pair]] = []
    for first, second in _similar_names(index, threshold, weights):
        scored = score_pair(prepared[first], prepared[second], threshold, weights)
        if scored is not None:
            score, reasons = scored
            pair = Pair(records[first].id, records[second].id, score, reasons)
            found.append((-score, first, second, pair))
    found.sort(key=lambda row: row[:3])
    return [row[3] for row in found]


def _neighbours(order: Sequence[tuple[str, int]], key: str) -> list[int]:
    at = bisect.bisect_left(order, (key, -1))
    return [position for _key, position in order[max(0, at - WINDOW) : at + WINDOW]]


def find_candidates(
    record: OrgRecord,
    index: DedupeIndex,
    threshold: float = DEFAULT_THRESHOLD,
    weights: Weights = DEFAULT_WEIGHTS,
    limit: int = 10,
) -> list[Candidate]:
    """Records of ``index`` that may be the same organisation as ``record`` (one new name, as
    a form or an import row asks), best first; never ``record`` itself (same id)."""
    asked = prepare(record)
    positions: set[int] = set()
    for word in rare_keys(asked, index.word_counts):
        positions.update(index.postings.get(word, ())[:LOOKUP_CAP])
    positions.update(_neighbours(index.forward, asked.name.compact))
    positions.update(_neighbours(index.backward, asked.name.compact[::-1]))
    candidates = []
    for position in positions:
        other = index.prepared[position]
        if other.record.id == record.id:
            continue
        scored = score_pair(asked, other, threshold, weights)
        if scored is not None:
            candidates.append(Candidate(other.record.id, scored[0], scored[1]))
    candidates.sort(key=lambda c: (-c.score, c.id))
    return candidates[:limit]
