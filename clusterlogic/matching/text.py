"""Lexical ranking of profiles: German + English stemming, German compound splitting, BM25.

Each word yields its Snowball stems in German and in English (profiles mix both languages and
German texts borrow English words), plus the stems of its compound parts. Compounds are split
against the vocabulary of the indexed profiles themselves, so "Wasserstoffbrenner" meets
"Wasserstoff-Brenner" in either direction: a profile's compound is split when its parts occur
elsewhere in the corpus, and a query's adjacent words are joined when the join is a word of
the corpus. The probabilistic splitter on PyPI (``compound-split``) needs 3.4 GB of memory and
half a minute to load, too much for a web worker; a corpus vocabulary is enough here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import bm25s
import numpy as np
import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_GERMAN
from numpy.typing import NDArray

from clusterlogic.matching.graph import SparseRow

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# A word as a user writes it: pieces joined by hyphens or apostrophes stay one ("Start-up").
_SURFACE = re.compile(r"[^\W_]+(?:[-\u2010\u2011'\u2019][^\W_]+)*", re.UNICODE)
# Words that say "I seek a partner" rather than what for; they would reward chatty profiles.
_NEED_WORDS = frozenset(
    (  # noqa: SIM905 - one readable string
        "partner partnerin partnerinnen partners suche suchen gesucht wer kann helfen hilfe "
        "looking seek seeking need needs needed help wanted find finden"
    ).split()
)
_STOPWORDS = frozenset(STOPWORDS_GERMAN) | frozenset(STOPWORDS_EN) | _NEED_WORDS
# Linking elements ("Fugen") between the parts of a German compound: Arbeit-s-platz.
_LINKS = ("", "s", "es", "n", "en", "e", "er")
_MIN_PART = 4
# The Snowball algorithms of every analyser: profiles mix German and English.
_STEMMER_ALGORITHMS = ("german", "english")


def words(text: str) -> list[str]:
    """Lower-case words of a text, stop words and one-letter words left out."""
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in _STOPWORDS]


class CompoundSplitter:
    """Splits a word into words of a known vocabulary, fewest parts first."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self._known = frozenset(w for w in vocabulary if len(w) >= _MIN_PART)
        self._cache: dict[str, tuple[str, ...]] = {}

    def split(self, word: str) -> tuple[str, ...]:
        """The parts of ``word`` (two or more), or ``()`` when it is no compound of known words."""
        cached = self._cache.get(word)
        if cached is None:
            parts = self._split_from(word, 0) if len(word) >= 2 * _MIN_PART else None
            cached = tuple(parts) if parts and len(parts) > 1 else ()
            self._cache[word] = cached
        return cached

    def _split_from(self, word: str, start: int) -> list[str] | None:
        rest = word[start:]
        if start > 0 and rest in self._known:
            return [rest]
        best: list[str] | None = None
        # Longest first part first: "Wasserstoff|brenner" before "Wasser|stoffbrenner".
        for end in range(len(word) - _MIN_PART, start + _MIN_PART - 1, -1):
            for link in _LINKS:
                head = word[start : end - len(link)] if link else word[start:end]
                if len(head) < _MIN_PART or head not in self._known:
                    continue
                if link and word[end - len(link) : end] != link:
                    continue
                tail = self._split_from(word, end)
                if tail is not None and (best is None or len(tail) + 1 < len(best)):
                    best = [head, *tail]
            if best is not None and len(best) == 2:
                return best
        return best

    def join(self, first: str, second: str) -> str | None:
        """The known compound made of two adjacent words, if any ("Wasserstoff-Brenner")."""
        for link in _LINKS:
            joined = first + link + second
            if joined in self._known:
                return joined
        return None


class Analyzer:
    """Turns text into index terms (stems of words and of their compound parts).

    Pickles without its PyStemmer objects (which cannot be pickled): they are made again from
    the fixed algorithm names when the analyser is read back."""

    def __init__(self, vocabulary: Iterable[str] = ()) -> None:
        self._german, self._english = _stemmers()
        self._stems: dict[str, tuple[str, ...]] = {}
        self.splitter = CompoundSplitter(vocabulary)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["_german"], state["_english"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._german, self._english = _stemmers()

    def stems(self, word: str) -> tuple[str, ...]:
        cached = self._stems.get(word)
        if cached is None:
            german = self._german.stemWord(word)
            english = self._english.stemWord(word)
            cached = (german,) if german == english else (german, english)
            self._stems[word] = cached
        return cached

    def terms(self, text: str, *, join_adjacent: bool = False) -> list[str]:
        """Index terms of ``text``; a query also joins adjacent words into known compounds."""
        found = words(text)
        terms: list[str] = []
        for word in found:
            terms.extend(self.stems(word))
            for part in self.splitter.split(word):
                terms.extend(self.stems(part))
        if join_adjacent:
            for first, second in itertools.pairwise(found):
                joined = self.splitter.join(first, second)
                if joined is not None:
                    terms.extend(self.stems(joined))
        return terms


def _stemmers() -> tuple[Any, Any]:
    german, english = (Stemmer.Stemmer(algorithm) for algorithm in _STEMMER_ALGORITHMS)
    return german, english


@dataclass(frozen=True)
class TextIndex:
    """BM25 over profile texts; ``scores`` gives one score per indexed profile."""

    analyzer: Analyzer
    retriever: bm25s.BM25 | None
    vocabulary: frozenset[str]
    size: int

    def scores(self, text: str) -> SparseRow:
        """BM25 of every profile that shares a term with ``text`` (summed from the term columns)."""
        terms = dict.fromkeys(self.analyzer.terms(text, join_adjacent=True))
        if self.retriever is None:
            return SparseRow(np.zeros(0, dtype=np.int64), np.zeros(0))
        matrix = self.retriever.scores
        vocabulary = self.retriever.vocab_dict
        indptr, indices, data = matrix["indptr"], matrix["indices"], matrix["data"]
        columns = [vocabulary[t] for t in terms if t in self.vocabulary]
        if not columns:
            return SparseRow(np.zeros(0, dtype=np.int64), np.zeros(0))
        # Added term by term into one dense row (a term's documents are unique): linear, and
        # without copying every posting list into one long array first (bench/calls).
        summed = np.zeros(self.size)
        for column in columns:
            start, end = int(indptr[column]), int(indptr[column + 1])
            summed[indices[start:end]] += data[start:end]
        found = np.flatnonzero(summed)
        return SparseRow(found.astype(np.int64), np.asarray(summed[found], dtype=np.float64))

    def _documents_with(self, term: str) -> NDArray[np.int64]:
        if self.retriever is None or term not in self.vocabulary:
            return np.zeros(0, dtype=np.int64)
        matrix = self.retriever.scores
        column = self.retriever.vocab_dict[term]
        start, end = int(matrix["indptr"][column]), int(matrix["indptr"][column + 1])
        # A view in the index's own integer type: copying a long posting list to int64 for
        # every word cost more than the search itself (bench/calls/call_speed.py).
        return np.asarray(matrix["indices"][start:end])

    def matched_words(self, query: str, documents: Sequence[int]) -> list[tuple[str, ...]]:
        """Per indexed profile, the query's words found in it, as the user wrote them: the
        checkable part of a match.

        A word joined by hyphens ("Start-up") is one word here and is shown whole: it matches
        a profile that has it as one word ("Startup", split or not) or all of its pieces; a
        compound ("Pflegeroboter") matches through its parts too and is shown whole. No
        tokenizer piece ("start", "ups") ever appears on its own."""
        analyzer = self.analyzer
        # Per word as written: alternatives, each a set of terms of which every one must hit.
        surface: dict[str, list[list[set[str]]]] = {}
        singles: list[tuple[str, str | None]] = []  # (as written, its one word, if single)
        for written in dict.fromkeys(_SURFACE.findall(query)):
            pieces = words(written)
            if not pieces:
                continue
            whole = "".join(pieces)
            options = [[self._word_terms(whole)]]
            if len(pieces) > 1:
                options.append([self._word_terms(piece) for piece in pieces])
            surface[written] = options
            singles.append((written, pieces[0] if len(pieces) == 1 else None))
        targets = np.asarray(documents, dtype=np.int64)
        hits: dict[frozenset[str], NDArray[np.bool_]] = {}

        def hit(terms: set[str]) -> NDArray[np.bool_]:
            key = frozenset(terms)
            if key not in hits:
                found = np.zeros(len(targets), dtype=bool)
                for term in terms:
                    posting = self._documents_with(term)  # sorted: CSC indices are kept sorted
                    if posting.size:
                        sought = targets.astype(posting.dtype, copy=False)
                        where = np.minimum(np.searchsorted(posting, sought), posting.size - 1)
                        found |= posting[where] == sought
                hits[key] = found
            return hits[key]

        matched_by = {
            written: np.logical_or.reduce(
                [np.logical_and.reduce([hit(terms) for terms in option]) for option in options]
            )
            for written, options in surface.items()
        }
        # Two adjacent words that the profile has as one compound ("Wasserstoff Brenner").
        for (first, one), (second, other) in itertools.pairwise(singles):
            joined = analyzer.splitter.join(one, other) if one and other else None
            if joined is not None:
                both = hit(set(analyzer.stems(joined)))
                matched_by[first] = matched_by[first] | both
                matched_by[second] = matched_by[second] | both
        return [
            tuple(written for written, found in matched_by.items() if found[i])
            for i in range(len(targets))
        ]

    def _word_terms(self, word: str) -> set[str]:
        terms = set(self.analyzer.stems(word))
        for part in self.analyzer.splitter.split(word):
            terms.update(self.analyzer.stems(part))
        return terms


def _sort_postings(matrix: dict[str, NDArray[np.int64]]) -> None:
    """Make each term's document list ascending (binary search in ``matched_words``)."""
    indptr, indices, data = matrix["indptr"], matrix["indices"], matrix["data"]
    step = np.diff(indices.astype(np.int64))
    starts = np.zeros(len(step), dtype=bool)
    starts[indptr[1:-1][indptr[1:-1] > 0] - 1] = True
    if np.all((step > 0) | starts):
        return
    for column in range(len(indptr) - 1):
        start, end = int(indptr[column]), int(indptr[column + 1])
        order = np.argsort(indices[start:end], kind="stable")
        indices[start:end] = indices[start:end][order]
        data[start:end] = data[start:end][order]


def build_text_index(texts: Sequence[str]) -> TextIndex:
    """Index the profile texts (one per organisation, empty allowed)."""
    vocabulary = {w for text in texts for w in words(text)}
    analyzer = Analyzer(vocabulary)
    corpus = [analyzer.terms(text) for text in texts]
    if not any(corpus):
        return TextIndex(analyzer, None, frozenset(), len(texts))
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    _sort_postings(retriever.scores)
    known = frozenset(t for t in retriever.vocab_dict if t)
    return TextIndex(analyzer, retriever, known, len(texts))
