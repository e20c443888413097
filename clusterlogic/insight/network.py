"""The network of organisations linked by shared clusters, shared events, introductions and
shared projects: communities (Louvain) and the organisations that bridge them (betweenness).

networkx does the graph work; this module only weighs the links and keeps the result plain.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

CO_MEMBERSHIP = "co_membership"
CO_ATTENDANCE = "co_attendance"
INTRODUCTION = "introduction"
SHARED_PROJECT = "shared_project"
LINK_KINDS = (CO_MEMBERSHIP, CO_ATTENDANCE, INTRODUCTION, SHARED_PROJECT)
# An introduction or a shared project says more about two organisations than sitting in the
# same cluster, hence the weights.
WEIGHTS = {CO_MEMBERSHIP: 1.0, CO_ATTENDANCE: 1.0, INTRODUCTION: 3.0, SHARED_PROJECT: 2.0}


@dataclass(frozen=True)
class Link:
    source: int
    target: int
    kind: str


@dataclass(frozen=True)
class Node:
    organisation: int
    community: int
    betweenness: float
    degree: int


@dataclass(frozen=True)
class Edge:
    source: int
    target: int
    weight: float
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    communities: int

    def bridges(self, count: int = 10) -> tuple[Node, ...]:
        """The organisations with the highest betweenness, those with none left out."""
        ranked = sorted(self.nodes, key=lambda node: (-node.betweenness, node.organisation))
        return tuple(node for node in ranked[:count] if node.betweenness > 0)


def pairs_of_groups(groups: Iterable[Iterable[int]], kind: str, *, largest: int) -> list[Link]:
    """Every pair inside each group (an event's or a project's organisations); groups with
    more than ``largest`` members are left out: a large conference joins everyone with everyone
    and says little about who works with whom (and would make the graph quadratic)."""
    links: list[Link] = []
    for group in groups:
        members = sorted(set(group))
        if len(members) > largest:
            continue
        links.extend(
            Link(a, b, kind) for index, a in enumerate(members) for b in members[index + 1 :]
        )
    return links


def build_network(
    links: Iterable[Link], *, keep: int = 300, edges_kept: int = 1500, seed: int = 1
) -> Network:
    """Weighs the links, keeps the ``keep`` organisations with the most weight, and finds the
    communities and bridges among them; of the links among them, the ``edges_kept``
    strongest are returned for drawing (all of them count for the figures). Deterministic
    for a given ``seed``."""
    weight: dict[tuple[int, int], float] = defaultdict(float)
    kinds: dict[tuple[int, int], set[str]] = defaultdict(set)
    for link in links:
        if link.source == link.target:
            continue
        pair = (min(link.source, link.target), max(link.source, link.target))
        weight[pair] += WEIGHTS[link.kind]
        kinds[pair].add(link.kind)
    strength: dict[int, float] = defaultdict(float)
    for (a, b), value in weight.items():
        strength[a] += value
        strength[b] += value
    kept = {node for node, _value in sorted(strength.items(), key=lambda i: (-i[1], i[0]))[:keep]}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(kept))
    for (a, b), value in sorted(weight.items()):
        if a in kept and b in kept:
            graph.add_edge(a, b, weight=value)
    if graph.number_of_nodes() == 0:
        return Network(nodes=(), edges=(), communities=0)
    communities = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    community_of = {
        node: index
        for index, members in enumerate(sorted(communities, key=lambda c: (-len(c), min(c))))
        for node in members
    }
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    nodes = tuple(
        Node(
            organisation=int(node),
            community=community_of[node],
            betweenness=round(float(betweenness[node]), 6),
            degree=int(graph.degree[node]),
        )
        for node in sorted(graph.nodes)
    )
    pairs = sorted((min(u, v), max(u, v)) for u, v in graph.edges)
    strongest = sorted(pairs, key=lambda pair: (-weight[pair], pair))[:edges_kept]
    edges = tuple(
        Edge(source=a, target=b, weight=weight[(a, b)], kinds=tuple(sorted(kinds[(a, b)])))
        for a, b in sorted(strongest)
    )
    return Network(nodes=nodes, edges=edges, communities=len(communities))
