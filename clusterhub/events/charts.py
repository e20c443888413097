"""Horizontal bar charts drawn on the server as SVG, each shown beside the table of its values.

Plain SVG rather than a charting library (a later choice): the geometry is computed here and
the template only places it. Widths are percentages of the chart's width, so the chart
follows the column it sits in while its text keeps its size. The table carries the figures
for screen readers and for anyone who wants the numbers; the SVG only draws them.
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


def bar_chart(title: str, label_heading: str, value_heading: str, bars: Iterable[Bar]) -> BarChart:
    drawn = []
    for index, bar in enumerate(bars):
        width = round(BAR_SPAN * min(max(bar.share, 0.0), 1.0), 2)
        top = index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2
        drawn.append(
            DrawnBar(
                label=bar.label,
                value=bar.value,
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
