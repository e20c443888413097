"""Statistics per format over time: one row per event, and the page with table and chart."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.conftest import Registry
from clusterhub.directory.models import Organisation
from clusterhub.events import charts
from clusterhub.events.format_statistics import format_statistics
from clusterhub.events.models import Event, Feedback, Format, Registration
from clusterhub.events.tests.conftest import make_event
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory

Login = Callable[[str], Client]
Status = Registration.Status


def held(event_format: Format, days_ago: int, capacity: int) -> Event:
    start = timezone.now() - dt.timedelta(days=days_ago)
    return make_event(
        format=event_format,
        capacity=capacity,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )


def attend(event: Event, organisation: Organisation | None, status: str, country: str) -> None:
    Registration.objects.create(
        event=event,
        person=PersonFactory.create(),
        organisation=organisation,
        status=status,
        country=country,
    )


def test_each_event_of_a_format_gets_its_row_with_reach_and_returning_organisations(
    login: Login, registry: Registry
) -> None:
    series = Format.objects.create(name="Social Innovation Bar", slug="sib")
    first, second = held(series, 120, capacity=4), held(series, 10, capacity=2)
    university = OrganisationFactory.create(kind=Organisation.Kind.UNIVERSITY)
    MembershipFactory.create(organisation=university, cluster=registry.smart)
    attend(first, registry.medtech_member, Status.ATTENDED, "DE")
    attend(first, None, Status.NO_SHOW, "FR")
    attend(second, registry.medtech_member, Status.ATTENDED, "DE")
    attend(second, university, Status.ATTENDED, "PL")
    attend(second, registry.smart_member, Status.CANCELLED, "AT")

    rows = format_statistics(series)

    assert [row.event for row in rows] == [first, second]
    assert (rows[0].stats.registered, rows[0].utilisation_percent) == (2, 50)
    assert rows[0].attendance_percent == 50
    assert (rows[0].stats.new_organisations, rows[0].stats.returning_organisations) == (1, 0)
    assert (rows[1].stats.new_organisations, rows[1].stats.returning_organisations) == (1, 1)
    assert (rows[1].utilisation_percent, rows[1].attendance_percent, rows[1].countries) == (
        100,
        100,
        2,
    )
    assert rows[1].clusters == tuple(sorted([registry.medtech.name, registry.smart.name]))
    assert dict(rows[1].kinds) == {"Hochschule": 1, "KMU": 1}

    page = login("reader").get(reverse("events:format_statistics", args=[series.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    chart = html.split('id="utilisation-chart"')[1].split("</figure>")[0]
    option = json.loads(
        chart.split('id="utilisation-chart-option" type="application/json">')[1].split("<")[0]
    )
    data = option["series"][0]["data"]
    assert [point["value"] for point in data] == [0.5, 1.0]  # 2 of 4 places beside 2 of 2
    assert [point["label"]["formatter"] for point in data] == ["2 / 4", "2 / 2"]
    cells = re.findall(r'<td class="kern-table__cell">([^<]*)</td>', chart)
    assert cells == ["2 / 4", "2 / 2"]
    assert 'data-chart="utilisation-chart-option"' in chart and "<caption" in chart
    assert "vendor/echarts/echarts.min.js" in html
    assert "kern-number" not in html
    assert "Hochschule: 1" in html
    assert login("member").get(
        reverse("events:format_statistics", args=[series.pk])
    ).status_code in {403, 404}


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(first: str, second: str) -> float:
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_bars_stand_out_from_the_page_and_their_track() -> None:
    assert contrast(charts.BAR_COLOUR, "#ffffff") >= 3
    assert contrast(charts.BAR_COLOUR, charts.TRACK_COLOUR) >= 3
    assert contrast(charts.TRACK_OUTLINE, "#ffffff") >= 3


def test_bar_widths_are_proportional_and_an_overfull_bar_stops_at_full() -> None:
    chart = charts.bar_chart(
        "Titel",
        "Termin",
        "Wert",
        [charts.Bar("a", "1", 0.25), charts.Bar("b", "2", 0.5), charts.Bar("c", "9", 1.4)],
    )
    widths = [bar.width for bar in chart.bars]
    assert widths == [charts.BAR_SPAN / 4, charts.BAR_SPAN / 2, charts.BAR_SPAN]
    assert [bar.y for bar in chart.bars] == sorted({bar.y for bar in chart.bars})
    assert all(bar.value_x > charts.LABEL_SPAN + bar.width for bar in chart.bars)


def test_the_event_statistics_draw_the_ratings_as_bars_with_a_table(
    login: Login, registry: Registry
) -> None:
    event = held(Format.objects.create(name="Bar", slug="bar"), 3, capacity=5)
    for rating in (5, 5, 4):
        registration = Registration.objects.create(
            event=event, person=PersonFactory.create(), status=Status.ATTENDED
        )
        Feedback.objects.create(registration=registration, rating=rating)

    html = login("reader").get(reverse("events:statistics", args=[event.pk])).content.decode()

    chart = html.split('id="rating-chart"')[1].split("</figure>")[0]
    option = json.loads(
        html.split('id="rating-chart-option" type="application/json">')[1].split("</script>")[0]
    )
    shares = [point["value"] for point in option["series"][0]["data"]]
    assert shares == [1.0, 0.5, 0.0, 0.0, 0.0]  # 2 fives, 1 four
    assert option["yAxis"]["data"][0] == "5 von 5"
    assert re.findall(r'<td class="kern-table__cell">([^<]*)</td>', chart) == [
        "2",
        "1",
        "0",
        "0",
        "0",
    ]
