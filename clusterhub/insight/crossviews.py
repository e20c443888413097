"""The cross-cluster pages (leadership only): organisations in several clusters, themes ×
clusters, the network, and topic proposals for "4 Cluster – ein Thema"."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import viewer_for
from clusterhub.insight import charts, snapshots
from clusterhub.insight.access import organisations_named, reported_clusters, require_leadership
from clusterhub.insight.models import Snapshot
from clusterhub.insight.queries import theme_labels
from clusterhub.insight.topic_words import reason_text
from clusterhub.insight.views import insight_required, period_context

Kind = Snapshot.Kind
LISTED = 100  # organisations named under each bar of the overlaps


def _organisation_url(pk: int) -> str:
    return reverse("directory:organisation_detail", args=[pk])


def _start(request: HttpRequest, kind: str) -> dict[str, Any]:
    require_leadership(viewer_for(request.user))
    context = period_context(request)
    snapshot = snapshots.snapshot_for(kind, "", context["period"])
    clusters = list(reported_clusters())
    context.update(snapshot=snapshot, data=snapshot.data, clusters=clusters)
    context["cluster_of"] = {c.pk: c for c in clusters}
    return context


@insight_required
def overlaps(request: HttpRequest) -> HttpResponse:
    context = _start(request, Kind.OVERLAPS)
    cluster_of = context["cluster_of"]
    found = context["data"]["intersections"]
    # Each bar lists its first organisations by name (a page, not a dump of thousands); the
    # rest are counted, and the organisation list filtered by cluster holds them all.
    shown = {org for item in found for org in item["organisations"][:LISTED]}
    names = organisations_named(viewer_for(request.user), shown)
    bars: list[dict[str, Any]] = []
    for index, item in enumerate(found):
        label = " + ".join(cluster_of[c].name for c in item["clusters"] if c in cluster_of)
        bars.append(
            {
                "label": label,
                "anchor": f"overlap-{index + 1}",
                "size": len(item["organisations"]),
                "more": max(0, len(item["organisations"]) - LISTED),
                "organisations": [
                    (names[o].name, _organisation_url(o))
                    for o in item["organisations"][:LISTED]
                    if o in names
                ],
            }
        )
    context["bars"] = bars
    context["chart"] = charts.horizontal_bars(
        [bar["label"] for bar in bars],
        [bar["size"] for bar in bars],
        [f"#{bar['anchor']}" for bar in bars],
    )
    context["chart_height"] = charts.bar_height(len(bars))
    context["table_rows"] = [(bar["label"], bar["size"], f"#{bar['anchor']}") for bar in bars]
    return render(request, "insight/overlaps.html", context)


@insight_required
def themes(request: HttpRequest) -> HttpResponse:
    context = _start(request, Kind.THEMES)
    normalised = request.GET.get("values") != "raw"
    clusters = context["clusters"]
    cells = context["data"]["cells"]
    theme_ids = sorted({cell["theme"] for cell in cells})
    labels = theme_labels(theme_ids, request.LANGUAGE_CODE)
    total = {t: sum(c["members"] for c in cells if c["theme"] == t) for t in theme_ids}
    ordered = sorted(theme_ids, key=lambda t: (-total[t], labels.get(t, "")))
    column = {c.pk: index for index, c in enumerate(clusters)}
    row = {t: index for index, t in enumerate(ordered)}
    value = {
        (c["theme"], c["cluster"]): round(100 * c["share"]) if normalised else c["members"]
        for c in cells
    }
    drawn = [
        (
            column[c["cluster"]],
            row[c["theme"]],
            value[(c["theme"], c["cluster"])],
            reverse("directory:organisation_list")
            + "?"
            + urlencode({"cluster": c["cluster"], "theme": c["theme"]}),
        )
        for c in cells
        if c["cluster"] in column
    ]
    context.update(
        normalised=normalised,
        chart=charts.heatmap(
            [labels.get(t, "?") for t in ordered],
            [c.name for c in clusters],
            drawn,
            maximum=max((v for _x, _y, v, _u in drawn), default=1),
            percent=normalised,
        ),
        chart_height=120 + 26 * len(ordered),
        table=[(labels.get(t, "?"), [value.get((t, c.pk), 0) for c in clusters]) for t in ordered],
    )
    return render(request, "insight/themes.html", context)


@insight_required
def network(request: HttpRequest) -> HttpResponse:
    context = _start(request, Kind.NETWORK)
    data = context["data"]
    chosen = next((c for c in context["clusters"] if c.slug == request.GET.get("cluster")), None)
    nodes = [
        {**node, "url": _organisation_url(node["id"])}
        for node in data["nodes"]
        if chosen is None or chosen.pk in node["clusters"]
    ]
    kept = {node["id"] for node in nodes}
    edges = [e for e in data["edges"] if e["source"] in kept and e["target"] in kept]
    by_id = {node["id"]: node for node in nodes}
    # Each community's nodes, in one pass (a list filtered per node was 1,500² steps).
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        members[node["community"]].append(node)
    context.update(
        chosen=chosen,
        nodes=nodes,
        edge_count=len(edges),
        bridges=[by_id[b] for b in data["bridges"] if b in by_id],
        chart=charts.network(nodes, edges, data["communities"], _("Gemeinschaft")),
        communities=sorted(members.items()),
    )
    return render(request, "insight/network.html", context)


@insight_required
def topics(request: HttpRequest) -> HttpResponse:
    context = _start(request, Kind.TOPICS)
    proposals = context["data"]["proposals"]
    cluster_of = context["cluster_of"]
    theme_names = theme_labels([p["theme"] for p in proposals], request.LANGUAGE_CODE)
    mentioned = {o for p in proposals for o in (*p["interested"][:8], *p["speakers"][:5])}
    names = organisations_named(viewer_for(request.user), mentioned)
    context["proposals"] = [
        {
            "rank": index + 1,
            "theme": theme_names.get(p["theme"], "?"),
            "theme_url": reverse("directory:organisation_list") + f"?theme={p['theme']}",
            "score": p["score"],
            "clusters": [cluster_of[c] for c in p["clusters"] if c in cluster_of],
            "interested": [(names[o].name, _organisation_url(o)) for o in p["interested"][:8]
                           if o in names],
            "speakers": [(names[o].name, _organisation_url(o)) for o in p["speakers"][:5]
                         if o in names],
            "reasons": [reason_text(r) for r in p["reasons"]],
        }
        for index, p in enumerate(proposals)
    ]  # fmt: skip
    return render(request, "insight/topics.html", context)
