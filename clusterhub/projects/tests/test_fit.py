"""Which call for whom: organisations for a call with reasons, projects and missing partner
kinds, open calls for an organisation; deadline reminders and the personal feed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from clusterhub.calls.models import FundingCall
from clusterhub.directory.models import Organisation
from clusterhub.events import outbox
from clusterhub.events.models import EventMail
from clusterhub.partners import index_store
from clusterhub.partners import services as partner_services
from clusterhub.projects import deadlines
from clusterhub.projects.models import Milestone, Participation, Project
from clusterhub.projects.tests.support import Projects
from tests.factories import OrganisationFactory, ThemeFactory


@pytest.fixture(autouse=True)
def private_index() -> Iterator[None]:
    index_store.forget_loaded()
    yield
    index_store.forget_loaded()


def hydrogen_call(**fields: Any) -> FundingCall:
    values: dict[str, Any] = {
        "level": FundingCall.Level.EU,
        "programme": "Horizon Europe",
        "identifier": "HORIZON-CL5-2027-H2",
        "title": "Hydrogen burners for industrial process heat",
        "text": "Research and innovation on hydrogen burners, electrolysis and fuel cells.",
        "action_type": "RIA",
        "deadline": timezone.localdate() + dt.timedelta(days=20),
    }
    values.update(fields)
    values["final_deadline"] = values["deadline"]
    return FundingCall.objects.create(**values)


def test_a_call_names_suited_organisations_and_projects_with_reasons(
    projects: Projects, login: Callable[[str], Client]
) -> None:
    theme = ThemeFactory.create(slug="wasserstoff", label_de="Wasserstoff", label_en="Hydrogen")
    burner = OrganisationFactory.create(
        name="Brennertechnik Rhein GmbH",
        kind=Organisation.Kind.SME,
        description_de="Wir bauen Hydrogen burners und Brennstoffzellen für die Industrie.",
    )
    burner.themes.add(theme)
    OrganisationFactory.create(name="Bäckerei Schmitt", description_de="Brot und Brötchen.")
    partner_services.rebuild_partner_index()
    call = hydrogen_call()
    call.themes.add(theme)
    projects.project.themes.add(theme)
    client = login("smart_manager")
    page = client.get(reverse("projects:call_fit", args=[call.pk])).content.decode()
    assert "Brennertechnik Rhein GmbH" in page
    assert "Bäckerei Schmitt" not in page
    assert "hydrogen" in page.lower() and "burners" in page  # a reason names the words
    assert "H2-Hafen Mannheim" in page
    assert "Forschungseinrichtung oder Hochschule" in page  # an RIA without research partner
    assert "drei Ländern" in page
    for_project = client.get(
        reverse("projects:call_fit", args=[call.pk]), {"project": projects.project.pk}
    ).content.decode()
    assert "Vorgeschlagene Partner" in for_project and "Brennertechnik" in for_project


def test_the_partners_of_a_projects_for_the_call_are_suggested_with_where_they_met(
    projects: Projects, login: Callable[[str], Client]
) -> None:
    """Who worked with an organisation already in a project for the call is suggested, and the
    reason names that organisation, the project they shared and how many projects it was in."""
    call = hydrogen_call(title="Port logistics", text="Quays and cranes.", programme_part="CL5")
    Project.objects.filter(pk=projects.project.pk).update(call=call)
    already = projects.registry.medtech_member  # in the project for the call
    friend = OrganisationFactory.create(name="Hafenkran AG", description_de="Krane.")
    earlier = Project.objects.create(source=Project.Source.LOCAL, title="Kranbahn 2020")
    for organisation in (already, friend):
        Participation.objects.create(
            project=earlier, organisation=organisation, role=Participation.Role.PARTNER
        )
    partner_services.rebuild_partner_index()
    page = login("smart_manager").get(reverse("projects:call_fit", args=[call.pk]))
    text = page.content.decode()
    assert "Hafenkran AG" in text
    assert (
        f"Arbeitete mit {already.name} in Projekt Kranbahn 2020 – {already.name} ist an einem "
        "Projekt zu diesem Aufruf beteiligt"
    ) in text
    assert "An 1 Projekt beteiligt" in text


def test_open_calls_fit_an_organisation_best_first(
    projects: Projects, login: Callable[[str], Client]
) -> None:
    hydrogen_call()
    hydrogen_call(
        identifier="OLD-1",
        title="Hydrogen burners, closed",
        deadline=timezone.localdate() - dt.timedelta(days=1),
    )
    hydrogen_call(identifier="BIO-1", title="Soil biodiversity", text="Earthworms and soil.")
    organisation = projects.registry.smart_member
    organisation.description_de = "Sensoren für Wasserstoff: hydrogen burners und Brennstoffzellen."
    organisation.save()
    page = login("reader").get(reverse("projects:organisation_calls", args=[organisation.pk]))
    text = page.content.decode()
    assert "HORIZON-CL5-2027-H2" in text
    assert "OLD-1" not in text and "BIO-1" not in text
    assert "Passende Begriffe" in text


@pytest.mark.usefixtures("immediate_tasks")
def test_deadline_reminders_four_and_one_weeks_before(
    projects: Projects, django_capture_on_commit_callbacks: Any
) -> None:
    owner = projects.registry.users["smart_manager"]
    owner.email = "smart@example.org"
    owner.save()
    today = timezone.localdate()
    call = hydrogen_call(deadline=today + dt.timedelta(days=27))
    Project.objects.filter(pk=projects.project.pk).update(call=call, owner=owner)
    with django_capture_on_commit_callbacks(execute=True):
        assert deadlines.owe_deadline_reminders(today) == 1
        assert deadlines.owe_deadline_reminders(today) == 0  # once
    assert [m.to for m in mail.outbox] == [["smart@example.org"]]
    assert "27" not in mail.outbox[0].subject and "28" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert deadlines.owe_deadline_reminders(today + dt.timedelta(days=19)) == 0
        assert deadlines.owe_deadline_reminders(today + dt.timedelta(days=20)) == 1
    assert len(mail.outbox) == 2
    assert EventMail.objects.filter(kind="project_deadline", user=owner).count() == 2
    # A project past the proposal stage is not reminded.
    Project.objects.filter(pk=projects.project.pk).update(stage="submitted")
    mail_row = EventMail.objects.filter(kind="project_deadline").first()
    assert mail_row is not None
    EventMail.objects.filter(pk=mail_row.pk).update(sent_at=None)
    assert outbox.deliver(mail_row.pk) is False


def test_the_personal_feed_holds_followed_calls_and_own_milestones(
    projects: Projects, login: Callable[[str], Client]
) -> None:
    call = hydrogen_call()
    client = login("smart_manager")
    client.post(reverse("projects:call_follow", args=[call.pk]), {"follow": "1"})
    user = projects.registry.users["smart_manager"]
    Milestone.objects.create(
        project=projects.project, title="Skizze", due_on=dt.date(2030, 5, 1), owner=user
    )
    page = client.get(reverse("projects:my_deadlines")).content.decode()
    found = re.search(r'value="http[^"]*/fristen/([^"/]+)\.ics"', page)
    assert found is not None
    token = found.group(1)
    client.logout()
    feed = client.get(reverse("projects:deadline_feed", args=[token]))
    body = feed.content.decode()
    assert feed["Content-Type"] == "text/calendar"
    assert "Hydrogen burners" in body and "Skizze" in body and "20300501" in body
    assert client.get(reverse("projects:deadline_feed", args=["forged"])).status_code == 404
