"""The new-event form: cluster chosen already, themes and clusters visible, no format to type."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.test import Client
from django.urls import reverse

from clusterhub.conftest import Registry
from clusterhub.core.tests.test_form_widgets import selected_options


def test_new_event_form_preselects_the_managers_cluster_and_picks_dates(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    html = login("medtech_manager").get(reverse("events:event_create")).content.decode()
    assert selected_options(html, "clusters") == [registry.medtech.name]
    clusters = re.search(r'<select[^>]*name="clusters"[^>]*>', html)
    assert clusters and " multiple" in clusters.group(0) and "data-multiselect" in clusters.group(0)
    assert 'name="starts_at_0"' in html and 'type="date"' in html and 'type="time"' in html
    assert "2026-05-04T18:00" not in html
    assert "im Format" not in html


def test_admin_new_event_form_chooses_no_cluster(
    registry: Registry, login: Callable[[str], Client]
) -> None:
    html = login("admin").get(reverse("events:event_create")).content.decode()
    assert selected_options(html, "clusters") == []
