"""Horizontal bar charts, each shown beside the table of its values.

On the page, Apache ECharts draws them (``BarChart.option``, handed over with ``json_script``
and drawn by ``clusterhub/charts.js`` with the SVG renderer). The geometry computed here is
for places without a browser, such as PDF reports, where a template draws plain SVG (widths
in percent of the chart's width). The table carries the figures for screen readers and for
anyone who wants the numbers; the chart only draws them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Colours on white: the bar 9.7:1, the track's outline 4.5:1 (WCAG 1.4.11 asks for 3:1).
BAR_COLOUR = "#004b76"
TRACK_COLOUR = "#f2f2f2"
TRACK_OUTLINE = "#767676"
LABEL_SPAN = 26.0  # percent of the width for the labels on the left
BAR_SPAN = 54.0  # percent of the width a full bar takes; the value is written after it
ROW_HEIGHT = 30
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Bar:
    label: str
    value: str  # as the table and the end of the bar show it
    share: float  # of the full bar, 0 to 1; more is drawn as a full bar


@dataclass(frozen=True)
class DrawnBar:
    label: str
    value: str
    share: float
    y: int
    text_y: int
    width: float  # percent of the chart's width
    value_x: float


@dataclass(frozen=True)
class BarChart:
    title: str
    label_heading: str
    value_heading: str
    bars: tuple[DrawnBar, ...]
    height: int
    bar_x: float = LABEL_SPAN
    bar_span: float = BAR_SPAN
    bar_height: int = BAR_HEIGHT
    colour: str = BAR_COLOUR
    track_colour: str = TRACK_COLOUR
    track_outline: str = TRACK_OUTLINE

    @property
    def option(self) -> dict[str, object]:
        """The ECharts option: one bar per row on a 0–1 axis, the first row on top, the value
        written after the bar, the full width as a light track behind it."""
        return {
            "animation": False,
            "aria": {"enabled": True},
            "textStyle": {"fontFamily": "Fira Sans, sans-serif"},
            "grid": {"left": 8, "right": 72, "top": 4, "bottom": 4, "containLabel": True},
            "xAxis": {"type": "value", "min": 0, "max": 1, "show": False},
            "yAxis": {
                "type": "category",
                "inverse": True,
                "data": [bar.label for bar in self.bars],
                "axisTick": {"show": False},
                "axisLabel": {"color": "#131525", "fontSize": 14},
            },
            "series": [
                {
                    "type": "bar",
                    "barWidth": self.bar_height,
                    "itemStyle": {"color": self.colour},
                    "showBackground": True,
                    "backgroundStyle": {
                        "color": self.track_colour,
                        "borderColor": self.track_outline,
                        "borderWidth": 1,
                    },
                    "label": {"show": True, "position": "right", "color": "#131525"},
                    "data": [
                        {"value": bar.share, "label": {"formatter": bar.value}} for bar in self.bars
                    ],
                }
            ],
        }

    @property
    def pixel_height(self) -> int:
        return self.height + 8


def bar_chart(title: str, label_heading: str, value_heading: str, bars: Iterable[Bar]) -> BarChart:
    drawn = []
    for index, bar in enumerate(bars):
        width = round(BAR_SPAN * min(max(bar.share, 0.0), 1.0), 2)
        top = index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2
        drawn.append(
            DrawnBar(
                label=bar.label,
                value=bar.value,
                share=min(max(bar.share, 0.0), 1.0),
                y=top,
                text_y=top + BAR_HEIGHT - 4,
                width=width,
                value_x=round(LABEL_SPAN + width + 1.5, 2),
            )
        )
    return BarChart(
        title=title,
        label_heading=label_heading,
        value_heading=value_heading,
        bars=tuple(drawn),
        height=max(len(drawn), 1) * ROW_HEIGHT,
    )
