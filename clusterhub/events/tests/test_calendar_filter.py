"""The public calendar's theme filter offers the themes its events are about."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry
from clusterhub.events.tests.conftest import make_event
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def test_theme_filter_offers_and_finds_the_clusters_focus_themes(
    client: Client, registry: Registry
) -> None:
    hydrogen = ThemeFactory.create(slug="wasserstoff", label_de="Wasserstoff")
    registry.smart.focus_themes.add(hydrogen)
    smart_event = make_event(title="Smart-Industries-Abend", capacity=3)
    smart_event.clusters.add(registry.smart)
    make_event(title="MedTech-Frühstück").clusters.add(registry.medtech)

    page = client.get(reverse("events:calendar")).content.decode()
    assert '<option value="wasserstoff">Wasserstoff</option>' in page

    by_theme = client.get(reverse("events:calendar"), {"theme": "wasserstoff"})
    assert [event.title for event in by_theme.context["events"]] == ["Smart-Industries-Abend"]
    assert by_theme.context["events"][0].taken == 0


def test_filter_fields_do_not_each_say_optional(client: Client, registry: Registry) -> None:
    calendar = client.get(reverse("events:calendar")).content.decode()
    directory = client.get(reverse("directory:public_list")).content.decode()
    for page in (calendar, directory):
        assert "kern-label__optional" not in page
