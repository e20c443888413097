"""ECharts options for the insight pages, built on the server from the figures: the page
hands them to ``clusterhub/charts.js`` unchanged (see docs/architecture.md, "Charts")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clusterhub.events.charts import BAR_COLOUR

PREVIOUS_COLOUR = "#8fa9c2"  # the period before, lighter than the current period's bars
TEXT = "#131525"
FONT = {"fontFamily": "Fira Sans, sans-serif", "color": TEXT}
# Colours of the network's communities, each at least 3:1 against white.
PALETTE = [
    "#004b76", "#b3261e", "#1b6e3a", "#7a3e9d", "#8a5a00", "#006d77", "#a4005b", "#3d4f7c",
]  # fmt: skip


def _base() -> dict[str, Any]:
    return {"animation": False, "aria": {"enabled": True}, "textStyle": FONT}


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float],
    urls: Sequence[str | None] = (),
    *,
    previous: Sequence[float] | None = None,
    names: tuple[str, str] = ("", ""),
) -> dict[str, Any]:
    """One bar per label, the first on top; with ``previous``, a lighter bar for the period
    before beneath each. Bars with a url open it when clicked."""
    links = list(urls) + [None] * (len(labels) - len(urls))
    series: list[dict[str, Any]] = [
        {
            "name": names[0],
            "type": "bar",
            "itemStyle": {"color": BAR_COLOUR},
            "label": {"show": True, "position": "right", "color": TEXT},
            "data": [
                {"value": value, **({"url": url} if url else {})}
                for value, url in zip(values, links, strict=True)
            ],
        }
    ]
    if previous is not None:
        series.append(
            {
                "name": names[1],
                "type": "bar",
                "itemStyle": {"color": PREVIOUS_COLOUR},
                "label": {"show": True, "position": "right", "color": TEXT},
                "data": list(previous),
            }
        )
    return {
        **_base(),
        "legend": {"show": previous is not None, "top": 0, "textStyle": FONT},
        "grid": {"left": 8, "right": 48, "top": 28 if previous else 4, "bottom": 4,
                 "containLabel": True},
        "xAxis": {"type": "value", "minInterval": 1},
        "yAxis": {"type": "category", "inverse": True, "data": list(labels),
                  "axisLabel": {"color": TEXT, "width": 200, "overflow": "truncate"}},
        "series": series,
    }  # fmt: skip


def bar_height(rows: int, *, pairs: bool = False) -> int:
    return 40 + rows * (44 if pairs else 30)


def heatmap(
    themes: Sequence[str],
    clusters: Sequence[str],
    cells: Sequence[tuple[int, int, float, str]],
    *,
    maximum: float,
    percent: bool,
) -> dict[str, Any]:
    """Themes down, clusters across; ``cells`` are (cluster index, theme index, value, url)."""
    return {
        **_base(),
        "grid": {"left": 8, "right": 8, "top": 8, "bottom": 60, "containLabel": True},
        "xAxis": {"type": "category", "data": list(clusters), "position": "top",
                  "axisLabel": {"interval": 0, "width": 110, "overflow": "break", "color": TEXT}},
        "yAxis": {"type": "category", "data": list(themes), "inverse": True,
                  "axisLabel": {"width": 220, "overflow": "truncate", "color": TEXT}},
        "visualMap": {"min": 0, "max": max(maximum, 1e-9), "calculable": False,
                      "orient": "horizontal", "left": "center", "bottom": 0,
                      "inRange": {"color": ["#f2f6fa", BAR_COLOUR]},
                      "textStyle": FONT},
        "series": [{
            "type": "heatmap",
            "label": {"show": True, "formatter": "{@[2]}" + (" %" if percent else "")},
            "data": [{"value": [x, y, value], "url": url} for x, y, value, url in cells],
        }],
    }  # fmt: skip


def network(
    nodes: Sequence[dict[str, Any]],
    edges: Sequence[dict[str, Any]],
    communities: int,
    community_label: str,
) -> dict[str, Any]:
    """A force layout: node size from betweenness, colour from the community."""
    top = max((node["betweenness"] for node in nodes), default=0.0) or 1.0
    return {
        **_base(),
        "legend": {"show": False},
        "series": [{
            "type": "graph",
            "layout": "force",
            "roam": True,
            "draggable": True,
            "force": {"repulsion": 60, "edgeLength": [20, 80], "gravity": 0.08},
            "label": {"show": False},
            "emphasis": {"focus": "adjacency", "label": {"show": True}},
            "categories": [
                {"name": f"{community_label} {index + 1}",
                 "itemStyle": {"color": PALETTE[index % len(PALETTE)]}}
                for index in range(communities)
            ],
            "data": [
                {"id": str(node["id"]), "name": node["name"], "category": node["community"],
                 "symbolSize": 6 + 24 * node["betweenness"] / top, "url": node["url"]}
                for node in nodes
            ],
            "links": [
                {"source": str(edge["source"]), "target": str(edge["target"]),
                 "lineStyle": {"width": min(1 + edge["weight"] / 2, 5), "opacity": 0.35}}
                for edge in edges
            ],
        }],
    }  # fmt: skip
