"""Speed of `MatchIndex.rank` among 100,000 generated organisations, beside exact brute force.

The index scores whole feature columns with numpy/scipy and keeps the top k with a partial
sort. The baseline scores every organisation one pair at a time with an independent scalar
implementation of the same features (what a pair-feature ranker does naively) and sorts all
of them; recall@20 compares the two top-20 lists, so it checks correctness as well as speed.

    .venv/bin/python bench/matching/speed.py [--orgs 100000] [--queries 200] [--brute 5]
    .venv/bin/python bench/matching/speed.py --embeddings   # with the 'embeddings' extra
"""

from __future__ import annotations

import argparse
import math
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from clusterlogic.matching import (
    KINDS,
    MatchIndex,
    Organisation,
    Query,
    Tie,
    build_index,
)
from clusterlogic.matching.encoders import installed_encoder
from clusterlogic.matching.features import FEATURE_POSITION, FEATURES, QueryContext

_SYLLABLES = (  # noqa: SIM905 - one readable string
    "wasser stoff brenn glas recyc sensor kreis lauf wirt schaft energie speicher netz "
    "daten cloud robot fabrik medizin technik chemie kunst bau holz stahl solar wind licht "
    "laser optik logist verkehr agrar pflanz zell bio mess steuer motor akku druck"
).split()


def generate(size: int, seed: int) -> tuple[list[Organisation], list[Tie], list[Query]]:
    rng = random.Random(seed)
    vocabulary = sorted(
        {"".join(rng.sample(_SYLLABLES, rng.choice((1, 2, 2, 3)))) for _ in range(6000)}
    )
    countries = [f"C{i:02d}" for i in range(30)]
    communities = [
        (
            rng.sample(vocabulary, 150),
            [f"theme-{rng.randrange(400)}" for _ in range(6)],
            rng.choices(countries, weights=[1 / (i + 1) for i in range(30)])[0],
        )
        for _ in range(300)
    ]
    member_of = [rng.randrange(len(communities)) for _ in range(size)]
    orgs = []
    for i in range(size):
        words, themes, country = communities[member_of[i]]
        orgs.append(
            Organisation(
                id=f"o{i}",
                name=f"Org {i}",
                kind=rng.choice(KINDS),
                country=country if rng.random() < 0.7 else rng.choice(countries),
                city=f"city{rng.randrange(1000)}",
                text=" ".join(rng.choices(words, k=rng.randrange(10, 40))),
                themes=tuple(rng.sample(themes, rng.randrange(1, 4))),
            )
        )
    by_community: dict[int, list[int]] = {}
    for i, c in enumerate(member_of):
        by_community.setdefault(c, []).append(i)
    ties = []
    for _ in range(3 * size):
        a = rng.randrange(size)
        pool = by_community[member_of[a]] if rng.random() < 0.8 else range(size)
        b = rng.choice(pool)
        if a != b:
            ties.append(Tie(f"o{a}", f"o{b}", year=rng.randrange(2014, 2021)))
    queries = []
    for q in range(400):
        asker = rng.randrange(size)
        words = communities[member_of[rng.randrange(size)]][0]
        need = " ".join(rng.sample(words, 4))
        form = q % 3
        queries.append(
            Query(
                id=f"q{q}",
                org=None if form == 1 else f"o{asker}",
                text="" if form == 0 else need,
            )
        )
    return orgs, ties, queries


def _embedding_standing(index: MatchIndex, context: QueryContext) -> Callable[[int], float] | None:
    """The embedding feature (needs only) one candidate at a time: cosine above the mean, in
    3 spreads."""
    if index.embeddings is None or index.encoder is None or not context.has_need:
        return None
    vector = index.encoder.encode([context.text])[0]
    cosines = [float(np.dot(row, vector)) for row in index.embeddings]
    mean = sum(cosines) / len(cosines)
    spread = math.sqrt(sum((c - mean) ** 2 for c in cosines) / len(cosines))
    if spread <= 0:
        return lambda c: 0.0
    return lambda c: min(max((cosines[c] - mean) / (3.0 * spread), 0.0), 1.0)


def brute_force(index: MatchIndex, query: Query, k: int) -> list[str]:
    """Exact top-k, one candidate at a time, with scalar re-implementations of the features."""
    context = index.context(query)
    size = len(index.organisations)
    has_ties = context.position is not None and index.graph.degree[context.position] > 0
    weights = index.combiner.weights(has_ties=has_ties, has_need=bool(query.text))
    text_scores = index.text.scores(context.text).dense(size) if context.text else None
    text_peak = float(text_scores.max()) if text_scores is not None else 0.0
    standing = _embedding_standing(index, context)
    degree = index.graph.degree
    top_degree = math.log1p(max(float(degree.max()), 1.0))
    profiles, affinities, graph = index.profiles, index.affinities, index.graph
    themes = context.themes
    sought = {int(t): float(v) for t, v in zip(themes.indices, themes.data, strict=True)}
    asker = context.position if context.position is not None else -1
    mine = set(graph.neighbours(asker).tolist()) if has_ties else set()
    walk = graph.personalised_pagerank(asker) if has_ties else None
    pagerank = walk.dense(size) if walk is not None else None
    if pagerank is not None:
        pagerank[asker] = 0.0
    pagerank_peak = float(pagerank.max()) if pagerank is not None else 0.0
    lifted: dict[int, float] = {}
    lift = affinities.theme_lift
    for t in sought:
        for u, v in zip(
            lift.indices[lift.indptr[t] : lift.indptr[t + 1]],
            lift.data[lift.indptr[t] : lift.indptr[t + 1]],
            strict=True,
        ):
            lifted[int(u)] = lifted.get(int(u), 0.0) + float(v)
    newcomer_pair_matrix = affinities.newcomers_into_country_kind.tocsr()
    affinity_all: list[float] = []
    newcomer_pair_all: list[float] = []
    into_themes_all: list[float] = []
    into_pair_all: list[float] = []
    theme_rows = profiles.themes
    into_themes = affinities.ties_into_themes_by_theme.T.tocsr()
    into_pair_matrix = affinities.ties_into_country_kind.tocsr()
    pair = context.country * len(profiles.kind_names) + context.kind
    for c in range(len(index.organisations)):
        row = into_themes[c]
        into_themes_all.append(math.log1p(sum(row[0, t] for t in sought)) if sought else 0.0)
        paired = into_pair_matrix[c, pair] if context.country >= 0 and context.kind >= 0 else 0.0
        into_pair_all.append(math.log1p(paired))
        newcomer_paired = (
            newcomer_pair_matrix[c, pair] if context.country >= 0 and context.kind >= 0 else 0.0
        )
        newcomer_pair_all.append(math.log1p(newcomer_paired))
        own = theme_rows.indices[theme_rows.indptr[c] : theme_rows.indptr[c + 1]]
        reach = sum(lifted.get(int(u), 0.0) for u in own)
        affinity_all.append(reach / len(own) if len(own) else 0.0)
    themes_peak = max(into_themes_all) or 1.0
    pair_peak = max(into_pair_all) or 1.0
    newcomer_pair_peak = max(newcomer_pair_all) or 1.0
    affinity_peak = max(affinity_all) or 1.0
    at = FEATURE_POSITION
    rows: list[list[float]] = []
    positions: list[int] = []
    for c in range(len(index.organisations)):
        if c == context.position:
            continue
        f = [0.0] * len(FEATURES)
        f[at["popularity"]] = math.log1p(degree[c]) / top_degree
        f[at["recent_popularity"]] = math.log1p(graph.recent_degree[c]) / top_degree
        f[at["newcomer_partners"]] = float(affinities.newcomer_partners[c])
        if context.country >= 0:
            f[at["ties_into_country"]] = float(affinities.ties_into_country[context.country, c])
            f[at["newcomers_into_country"]] = float(
                affinities.newcomers_into_country[context.country, c]
            )
            if profiles.country[c] >= 0:
                f[at["country_affinity"]] = affinities.country_lift[
                    context.country, profiles.country[c]
                ]
            f[at["same_country"]] = float(profiles.country[c] == context.country)
        if context.kind >= 0:
            f[at["ties_into_kind"]] = float(affinities.ties_into_kind[context.kind, c])
            f[at["newcomers_into_kind"]] = float(affinities.newcomers_into_kind[context.kind, c])
            if profiles.kind[c] >= 0:
                f[at["kind_affinity"]] = affinities.kind_lift[context.kind, profiles.kind[c]]
        if context.city >= 0:
            f[at["same_city"]] = float(profiles.city[c] == context.city)
        start, end = theme_rows.indptr[c], theme_rows.indptr[c + 1]
        theirs = dict(zip(theme_rows.indices[start:end], theme_rows.data[start:end], strict=False))
        f[at["themes"]] = sum(v * theirs.get(t, 0.0) for t, v in sought.items())
        f[at["theme_overlap"]] = sum(v for t, v in sought.items() if t in theirs)
        f[at["ties_into_themes"]] = into_themes_all[c] / themes_peak
        f[at["ties_into_country_kind"]] = into_pair_all[c] / pair_peak
        f[at["newcomers_into_country_kind"]] = newcomer_pair_all[c] / newcomer_pair_peak
        f[at["theme_affinity"]] = affinity_all[c] / affinity_peak
        if has_ties:
            theirs_n = graph.neighbours(c).tolist()
            common = [n for n in theirs_n if n in mine]
            f[at["common_partners"]] = math.log1p(len(common))
            f[at["adamic_adar"]] = math.log1p(
                sum(1.0 / math.log(max(degree[n], 2.0)) for n in common)
            )
            f[at["pagerank"]] = pagerank[c] / pagerank_peak if pagerank_peak else 0.0  # type: ignore[index]
        if text_scores is not None and text_peak > 0:
            f[at["text"]] = float(text_scores[c]) / text_peak
        if standing is not None:
            f[at["embedding"]] = standing(c)
        rows.append(f)
        positions.append(c)
    matrix = np.array(rows)
    ranker = index.ranker
    if ranker is not None and not query.text:
        # The ranker over every organisation, not only over the pool that rank() nominates.
        asker_columns = np.tile(index.asker_inputs(context), (len(rows), 1))
        inputs = np.hstack([matrix, asker_columns]).astype(np.float32)
        unseen = [at[name] for name in ranker.unseen]
        totals = ranker.raw_scores(inputs) + matrix[:, unseen] @ weights[unseen]
    else:
        totals = matrix @ weights
    scored = sorted(zip(totals.tolist(), positions, strict=True), key=lambda i: (-i[0], i[1]))
    return [index.organisations[c].id for _, c in scored[:k]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--brute", type=int, default=5, help="queries also run by brute force")
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--embeddings",
        action="store_true",
        help="also the sentence-embedding signal (needs the 'embeddings' extra)",
    )
    args = parser.parse_args()
    encoder = installed_encoder() if args.embeddings else None
    if args.embeddings and encoder is None:
        parser.error("--embeddings: the 'embeddings' extra (wordllama) is not installed")
    orgs, ties, queries = generate(args.orgs, args.seed)
    queries = queries[: args.queries]
    started = time.perf_counter()
    index = build_index(orgs, ties, encoder=encoder)
    build_seconds = time.perf_counter() - started
    for query in queries[:5]:  # warm-up: first calls compile caches
        index.rank(query, k=args.k)
    timings = []
    for query in queries:
        started = time.perf_counter()
        index.rank(query, k=args.k)
        timings.append(time.perf_counter() - started)
    brute_timings, recalls = [], []
    for query in queries[: args.brute]:
        started = time.perf_counter()
        exact = brute_force(index, query, args.k)
        brute_timings.append(time.perf_counter() - started)
        fast = [r.id for r in index.rank(query, k=args.k)]
        recalls.append(len(set(exact) & set(fast)) / max(len(exact), 1))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    p50, p95 = (float(np.percentile(timings, q)) * 1000 for q in (50, 95))
    b50, b95 = (float(np.percentile(brute_timings, q)) * 1000 for q in (50, 95))
    print(
        f"{args.orgs} organisations, {len(ties)} ties, {len(queries)} queries (k={args.k}),"
        f" embeddings {'on' if encoder else 'off'}"
    )
    print(f"index build: {build_seconds:.1f} s (limit 600 s)")
    print(f"index rank:  p50 {p50:.1f} ms, p95 {p95:.1f} ms (limit 50 ms)")
    print(f"brute force: p50 {b50:.0f} ms, p95 {b95:.0f} ms over {len(brute_timings)} queries")
    print(f"speed-up vs brute force: p50 x{b50 / p50:.0f}, p95 x{b95 / p95:.0f}")
    print(f"recall@{args.k} of the exact top-{args.k}: {np.mean(recalls):.3f} (floor 0.95)")
    print(f"peak memory (max RSS): {peak_mib:.0f} MiB (limit 2048 MiB)")


if __name__ == "__main__":
    main()
