"""The annual report of a cluster or of the agency: a PDF (WeasyPrint) and an XLSX with one
sheet per table. Its figures are the dashboard's, for the calendar year, taken from the same
stored snapshot and worded by the same rows, so both show the same numbers."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from weasyprint import HTML

from clusterhub.clusters.models import Cluster
from clusterhub.events.charts import Bar, BarChart, bar_chart
from clusterhub.insight.access import reported_clusters
from clusterhub.insight.dashboard import CHARTED, FigureRow, breakdown_rows, figure_rows
from clusterhub.insight.models import Report, Snapshot
from clusterhub.insight.periods import calendar_year
from clusterhub.insight.snapshots import snapshot_for

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Table:
    title: str
    headings: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def _bars(title: str, items: Sequence[tuple[str, float, str]]) -> BarChart:
    largest = max((value for _l, value, _u in items), default=0) or 1
    return bar_chart(
        title,
        "",
        "",
        (Bar(label=label, value=f"{value:n}", share=value / largest) for label, value, _u in items),
    )


def report_content(report: Report, progress: Progress) -> dict[str, Any]:
    period = calendar_year(report.year)
    scope = report.cluster.slug if report.cluster else ""
    data = snapshot_for(Snapshot.Kind.DASHBOARD, scope, period).data
    progress(30)
    rows: list[FigureRow] = figure_rows(data, report.cluster)
    breakdowns = breakdown_rows(data, report.cluster)
    clusters: list[tuple[Cluster, Any]] = []
    if report.cluster is None:
        for cluster in reported_clusters():
            figures = snapshot_for(Snapshot.Kind.DASHBOARD, cluster.slug, period).data
            clusters.append((cluster, figures["current"]))
    progress(60)
    charted = [row for row in rows if row.key in CHARTED]
    return {
        "report": report,
        "cluster": report.cluster,
        "period": period,
        "previous": period.before(),
        "rows": rows,
        "breakdowns": breakdowns,
        "clusters": clusters,
        "compare_chart": _bars(
            _("Kennzahlen"), [(str(r.label), r.current or 0, "") for r in charted]
        ),
        "kinds_chart": _bars(_("Arten"), breakdowns["kinds"]),
        "origins_chart": _bars(_("Herkunft"), breakdowns["origins"]),
        "ratings_chart": _bars(_("Bewertungen"), breakdowns["ratings"]),
        "made_at": timezone.now(),
    }


def render_pdf(content: dict[str, Any]) -> bytes:
    html = render_to_string("insight/report_pdf.html", content)
    document: bytes = HTML(string=html).write_pdf()
    return document


def tables(content: dict[str, Any]) -> list[Table]:
    rows: list[FigureRow] = content["rows"]
    found = [
        Table(
            _("Kennzahlen"),
            (_("Kennzahl"), _("Zeitraum"), _("Zeitraum davor")),
            [(str(r.label), r.current, r.previous) for r in rows],
        ),
        Table(
            _("Arten"),
            (_("Art"), _("Organisationen")),
            [(label, count) for label, count, _u in content["breakdowns"]["kinds"]],
        ),
        Table(
            _("Herkunft"),
            (_("Herkunft"), _("Organisationen")),
            [(label, count) for label, count, _u in content["breakdowns"]["origins"]],
        ),
        Table(
            _("Bewertungen"),
            (_("Bewertung"), _("Rückmeldungen")),
            [(label, count) for label, count, _u in content["breakdowns"]["ratings"]],
        ),
    ]
    if content["clusters"]:
        found.append(
            Table(
                _("Cluster"),
                (_("Cluster"), _("Mitglieder"), _("Veranstaltungen"), _("Teilnehmende")),
                [
                    (c.name, f["members"], f["events"], f["participants"])
                    for c, f in content["clusters"]
                ],
            )
        )
    return found


def render_xlsx(content: dict[str, Any]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables(content):
        sheet = workbook.create_sheet(title=table.title[:31])
        sheet.append(list(table.headings))
        for row in table.rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_report(report: Report, progress: Progress) -> bytes:
    with translation.override(report.language):
        content = report_content(report, progress)
        if report.file_format == Report.Format.XLSX:
            return render_xlsx(content)
        return render_pdf(content)
