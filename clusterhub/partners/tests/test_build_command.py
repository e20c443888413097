"""The management command builds the stored index the panel reads."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from clusterhub.partners import index_store, services
from clusterhub.partners.models import PartnerIndexSnapshot
from tests.factories import OrganisationFactory


@pytest.mark.django_db
def test_build_partner_index_writes_the_index() -> None:
    OrganisationFactory.create(name="Wasserstoff Rhein-Neckar GmbH", offers="Elektrolyse")
    OrganisationFactory.create(name="Glaswerk Rheinau", seeks="Wasserstoff-Brenner")
    out = StringIO()
    call_command("build_partner_index", stdout=out)
    assert PartnerIndexSnapshot.objects.count() == 1
    index_store.forget_loaded()
    stored = index_store.load()
    assert stored is not None
    assert "Partner-Index gebaut" in out.getvalue()


@pytest.mark.django_db
def test_the_periodic_rebuild_builds_only_when_due() -> None:
    OrganisationFactory.create(name="Wasserstoff Rhein-Neckar GmbH", offers="Elektrolyse")
    out = StringIO()
    call_command("build_partner_index", "--when-due", stdout=out)  # no index yet: due
    assert "Partner-Index gebaut" in out.getvalue()
    built = index_store.load()
    assert built is not None

    out = StringIO()
    call_command("build_partner_index", "--when-due", stdout=out)
    assert "aktuell" in out.getvalue()

    a_day_later = built.built_at + dt.timedelta(hours=24, minutes=1)
    assert services.rebuild_partner_index_when_due(a_day_later) is True
    stored = index_store.load()
    assert stored is not None and stored.built_at > built.built_at
