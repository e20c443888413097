"""Partner matching: who should work with whom, with a reason a person can check.

Plain data in, plain data out; no Django. The web app builds the index from its rows and
asks it per organisation page or search box::

    from clusterlogic.matching import Organisation, Query, Tie, build_index

    index = build_index(
        [Organisation(id="o1", kind="company", city="Mannheim", text="…", themes=("hydrogen",)),
         ...],
        [Tie(a="o1", b="o7", weight=1, year=2019), ...],
    )
    for ranked in index.rank(Query(id="q", org="o1", text="Wasserstoff-Brenner"), k=20):
        ranked.id, ranked.score, ranked.reasons   # reasons: tuple[ReasonPart, ...]

``Query`` may name an asking organisation (``org``), a free-text need (``text``) or both, and
filter by ``kinds`` and ``exclude``; the asker is never suggested to itself. Each ``Ranked``
carries ``ReasonPart(code, values)`` items (``shared_themes``, ``text_match``,
``common_partners``, ``complementary_kinds``, ``same_city``, ``same_country``,
``embedding_match``, ``popular``) so the web app can word them in German;
``reasons.describe`` gives the short English form the command line prints.

Signals (``features.FEATURES``), each one column over all organisations:
text (BM25 via ``bm25s``, German+English Snowball stems, compound splitting against the
corpus vocabulary), themes (tf-idf cosine and overlap), the tie graph (common partners,
Adamic–Adar, truncated personalised PageRank), kind and country affinities learned from the
ties, propensities learned from the ties (``propensity``: theme × theme lift, who takes in
newcomers of the asker's kind and country), and popularity. ``combiner`` adds them up with
weights learned on the past (``bench/matching/train_weights.py`` ships them as
``weights.json``); for an organisation's own suggestions (no stated need) ``ranker`` then
re-orders a candidate pool with a LightGBM model learned on the past
(``bench/matching/train_ranker.py`` ships it as ``ranker.json``); ``index.rank(...,
method=...)`` also runs the single-signal baselines ``popular``, ``adamic-adar``, ``themes``
and ``text``. An optional sentence-embedding encoder (``encoders.TextEncoder``) plugs in with
``build_index(..., encoder=...)``; ``encoders.installed_encoder()`` gives WordLlama where the
``embeddings`` extra is installed (weights in its wheel, no torch, no download) and None
otherwise; nothing in the default install needs it.

An index is always built whole (``build_index``): a changed profile or tie is taken in by
building again, which takes seconds for a regional registry of a few thousand organisations
(``bench/matching/speed.py`` measures large ones); the index pickles as it is (the analyser
makes its stemmers again when it is read).

The command line ``clusterhub match`` (``cli``) reads and writes the JSON Lines of
``shared/formats/matching.md``.
"""

from clusterlogic.matching.encoders import TextEncoder
from clusterlogic.matching.index import METHODS, MatchIndex, UnknownOrganisation, build_index
from clusterlogic.matching.model import KINDS, Organisation, Query, Ranked, ReasonPart, Tie
from clusterlogic.matching.reasons import describe

__all__ = [
    "KINDS",
    "METHODS",
    "MatchIndex",
    "Organisation",
    "Query",
    "Ranked",
    "ReasonPart",
    "TextEncoder",
    "Tie",
    "UnknownOrganisation",
    "build_index",
    "describe",
]
