"""Every role against every URL pattern the matrix did not reach yet, with the method it is
used with (GET for pages, POST for writes), and a guard that fails when a named URL pattern
is neither in a matrix nor in the short list of exemptions below."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import get_resolver, resolve, reverse

from clusterhub.core.tests import test_access_matrix as matrix
from clusterhub.core.tests.test_access_matrix import cluster_events  # noqa: F401 - fixture
from clusterhub.core.tests.test_post_only_views import url_patterns
from clusterhub.crm.models import FollowUp
from clusterhub.directory.models import Consent, Membership
from clusterhub.events import services as event_services
from clusterhub.events.checkin import checkin_signature
from clusterhub.events.models import Event, Format, Registration
from clusterhub.matchmaking import services as matchmaking_services
from clusterhub.matchmaking.models import Meeting, Participant, ScheduleRun, Table
from tests.support.events import make_event, person_data
from tests.support.registry import Registry

ROLES = matrix.ROLES
PUBLIC = matrix.PUBLIC
staff_only = matrix.staff_only
only = matrix.only
SMART_TEAM = {"admin", "smart_manager"}
MANAGER_ROLES = {"admin", "smart_manager", "medtech_manager"}


def answers(allowed: set[str], status: int) -> dict[str, int]:
    """``status`` for the allowed roles (302: the write's redirect, 200 or 400: a form with
    errors), 403 for the other roles, the login for anonymous visitors."""
    return {
        role: 302 if role == "anonymous" else status if role in allowed else 403 for role in ROLES
    }


SMART = answers(SMART_TEAM, 200)
MANAGERS = answers(MANAGER_ROLES, 200)
SMART_WRITES = answers(SMART_TEAM, 302)


@dataclass
class Site:
    """A Smart Industries event with one registration, a format and a matchmaking brokerage."""

    registry: Registry
    event: Event
    event_format: Format
    registration: Registration
    participant: Participant
    meeting: Meeting
    run: ScheduleRun
    membership: Membership
    consent: Consent
    follow_up: FollowUp


@pytest.fixture
def site(registry: Registry) -> Site:
    event_format = Format.objects.create(name="Smart-Stammtisch", slug="smart-stammtisch")
    event_format.clusters.add(registry.smart)
    event = make_event(capacity=5, title="Smart-Matchmaking", format=event_format)
    event.clusters.add(registry.smart)
    for index in (1, 2):
        event_services.register_participant(event, person_data(index))
    registration = Registration.objects.filter(event=event).order_by("pk").first()
    assert registration is not None
    first, second = sorted(matchmaking_services.enroll_registrations(event), key=lambda p: p.pk)
    request = matchmaking_services.answer_request(
        matchmaking_services.send_request(first, second, ""), accept=True
    )
    table = Table.objects.create(event=event, label="T01")
    meeting = Meeting.objects.create(event=event, request=request, slot_id="x", table=table)
    return Site(
        registry=registry,
        event=event,
        event_format=event_format,
        registration=registration,
        participant=first,
        meeting=meeting,
        run=ScheduleRun.objects.create(event=event),
        membership=Membership.objects.get(organisation=registry.smart_member),
        consent=Consent.objects.get(person=registry.person),
        follow_up=FollowUp.objects.get(interaction=registry.smart_note),
    )


SiteUrl = Callable[[Site], str]
Page = tuple[str, str, SiteUrl, dict[str, int]]


def event_url(name: str) -> SiteUrl:
    return lambda s: reverse(name, args=[s.event.pk])


def format_url(name: str) -> SiteUrl:
    return lambda s: reverse(name, args=[s.event_format.pk])


PAGES: list[Page] = [
    ("impressum", "get", lambda s: reverse("core:impressum"), PUBLIC),
    ("privacy notice", "get", lambda s: reverse("core:privacy"), PUBLIC),
    ("accessibility", "get", lambda s: reverse("core:accessibility"), PUBLIC),
    ("login", "get", lambda s: reverse("accounts:login"), PUBLIC),
    ("logout", "post", lambda s: reverse("accounts:logout"), dict.fromkeys(ROLES, 302)),
    ("password reset", "get", lambda s: reverse("accounts:password_reset"), PUBLIC),
    ("password reset sent", "get", lambda s: reverse("accounts:password_reset_done"), PUBLIC),
    (
        "password reset forged link",
        "get",
        lambda s: reverse("accounts:password_reset_confirm", args=["MQ", "forged-token"]),
        PUBLIC,
    ),
    ("password reset done", "get", lambda s: reverse("accounts:password_reset_complete"), PUBLIC),
    ("calendar", "get", lambda s: reverse("events:calendar"), PUBLIC),
    ("event", "get", event_url("events:detail"), PUBLIC),
    ("check your mail", "get", lambda s: reverse("events:check_mail"), PUBLIC),
    ("cluster feed", "get", lambda s: reverse("events:cluster_feed", args=["smart"]), PUBLIC),
    (
        "format feed",
        "get",
        lambda s: reverse("events:format_feed", args=[s.event_format.slug]),
        PUBLIC,
    ),
    ("event list", "get", lambda s: reverse("events:staff_list"), staff_only()),
    ("create event", "get", lambda s: reverse("events:event_create"), MANAGERS),
    ("failed mails", "get", lambda s: reverse("events:failed_mails"), MANAGERS),
    ("edit event", "get", event_url("events:event_edit"), SMART),
    ("invite", "get", event_url("events:invite"), SMART),
    ("mark no-shows", "post", event_url("events:mark_no_shows"), SMART_WRITES),
    ("create format", "get", lambda s: reverse("events:format_create"), MANAGERS),
    ("edit format", "get", format_url("events:format_edit"), SMART),
    ("plan format", "get", format_url("events:format_plan"), SMART),
    ("format statistics", "get", format_url("events:format_statistics"), staff_only()),
    ("add participant", "post", event_url("events:participant_add"), SMART),
    (
        "mark attendance",
        "post",
        lambda s: reverse("events:mark_attendance", args=[s.registration.pk]),
        SMART_WRITES,
    ),
    *(
        (
            # The event is two weeks ahead: a check-in is refused on the page (200), not done.
            f"check-in {method}",
            method,
            lambda s: reverse("events:checkin", args=[checkin_signature(s.registration)]),
            expected,
        )
        for method, expected in (("get", SMART), ("post", SMART))
    ),
    ("review queue", "get", event_url("events:review"), SMART),
    (
        "review registrant",
        "post",
        lambda s: reverse("events:review_registrant", args=[s.registration.pk]),
        SMART_WRITES,
    ),
    (
        "add membership",
        "post",
        lambda s: reverse("directory:membership_add", args=[s.registry.smart_member.pk]),
        MANAGERS,
    ),
    (
        "end membership",
        "post",
        lambda s: reverse("directory:membership_end", args=[s.membership.pk]),
        SMART_WRITES,
    ),
    (
        "add consent",
        "post",
        lambda s: reverse("directory:consent_add", args=[s.registry.person.pk]),
        SMART,
    ),
    (
        "withdraw consent",
        "post",
        lambda s: reverse("directory:consent_withdraw", args=[s.consent.pk]),
        SMART_WRITES,
    ),
    (
        "erase person",
        "post",
        lambda s: reverse("privacy:person_erase", args=[s.registry.person.pk]),
        SMART_WRITES,
    ),
    (
        "new note",
        "post",
        lambda s: reverse("crm:interaction_create", args=[s.registry.smart_member.pk]),
        MANAGERS,  # a manager notes in her own cluster, whoever the organisation belongs to
    ),
    (
        "follow-up done",
        "post",
        lambda s: reverse("crm:follow_up_done", args=[s.follow_up.pk]),
        {**dict.fromkeys(ROLES, 404), "anonymous": 302, "member": 403, "smart_manager": 302},
    ),
    (
        "partner suggestions",
        "get",
        lambda s: reverse("partners:organisation_partners", args=[s.registry.smart_member.pk]),
        staff_only(),
    ),
    (
        "rate a suggestion",
        "post",
        lambda s: reverse(
            "partners:suggestion_feedback",
            args=[s.registry.smart_member.pk, s.registry.medtech_member.pk],
        ),
        answers(MANAGER_ROLES, 302),
    ),
    (
        "introduce partners",
        "post",
        lambda s: reverse(
            "partners:introduce", args=[s.registry.smart_member.pk, s.registry.medtech_member.pk]
        ),
        MANAGERS,
    ),
    ("need search", "get", lambda s: reverse("partners:need_search"), staff_only()),
    ("matchmaking organiser", "get", event_url("matchmaking:organiser"), SMART),
    ("add session", "post", event_url("matchmaking:add_session"), SMART_WRITES),
    ("add tables", "post", event_url("matchmaking:add_tables"), SMART_WRITES),
    ("enroll", "post", event_url("matchmaking:enroll"), SMART_WRITES),
    ("compute schedule", "post", event_url("matchmaking:compute_schedule"), SMART_WRITES),
    ("publish schedule", "post", event_url("matchmaking:publish"), SMART_WRITES),
    ("schedule grid", "get", event_url("matchmaking:grid"), SMART),
    ("send agendas", "post", event_url("matchmaking:send_agendas"), SMART_WRITES),
    (
        "matchmaking participant",
        "get",
        lambda s: reverse("matchmaking:participant", args=[s.event.pk, s.participant.pk]),
        SMART,
    ),
    (
        "schedule run",
        "get",
        lambda s: reverse("matchmaking:schedule_run", args=[s.event.pk, s.run.pk]),
        SMART,
    ),
    *(
        (
            f"meeting {name}",
            method,
            (lambda s, name=name: reverse(f"matchmaking:{name}", args=[s.event.pk, s.meeting.pk])),
            expected,
        )
        for name, method, expected in (
            ("meeting", "get", SMART),
            ("move_meeting", "post", answers(SMART_TEAM, 400)),  # nothing posted: a bad move
            ("mark_no_shows", "post", SMART_WRITES),
        )
    ),
]
# Pairs whose answer today is not what the rule says; left out of the matrix and reported.
KNOWN_WRONG: dict[tuple[str, str], str] = {}
CASES = [
    pytest.param(method, url, role, expected[role], id=f"{name}-{method}-{role}")
    for name, method, url, expected in PAGES
    for role in ROLES
    if (name, role) not in KNOWN_WRONG
]


@pytest.mark.parametrize(("method", "url", "role", "expected"), CASES)
def test_role_reaches_url_with_expected_status(
    site: Site, login: Callable[[str], Client], method: str, url: SiteUrl, role: str, expected: int
) -> None:
    client = login(role)
    response = getattr(client, method)(url(site))
    assert response.status_code == expected
    if expected == 302 and role == "anonymous" and method == "get":
        assert reverse("accounts:login") in response["Location"]


# Named URL patterns no matrix reaches, each with the reason and where it is tested instead.
TOKEN_LINKS = "a link carrying a person's token, no role involved:"
MATCHMAKING_LINKS = (
    f"{TOKEN_LINKS} matchmaking/tests/test_access.py (every token link after cancellation "
    "and expiry)"
)
EXEMPT: dict[str, str] = {
    "set_language": "the language switch: no object, no role (core/tests/test_i18n.py)",
    "events:registration": f"{TOKEN_LINKS} events/tests/test_token_links.py",
    "events:cancel": f"{TOKEN_LINKS} events/tests/test_token_links.py",
    "events:offer": f"{TOKEN_LINKS} events/tests/test_token_links.py",
    "events:invitation": f"{TOKEN_LINKS} events/tests/test_token_links.py",
    "events:feedback": f"{TOKEN_LINKS} events/tests/test_token_links.py",
    **{
        f"matchmaking:{name}": MATCHMAKING_LINKS
        for name in (
            "home",
            "profile",
            "directory",
            "send_request",
            "answer_request",
            "booking",
            "book",
            "agenda_ics",
            "agenda_pdf",
        )
    },
}
# Whole namespaces or patterns outside the site's own access rules.
NOT_OURS = {
    "admin": "Django's own admin, guarded by is_staff inside django.contrib.admin",
}


# Apps whose role × page × method matrix lives in their own tests. Each module names the URLs
# its matrix reaches in ``COVERED_URL_NAMES``, built from its own table of cases (never typed a
# second time by hand), so the guard below still fails on a URL pattern no matrix reaches.
OWN_MATRICES: list[str] = [
    "clusterhub.support.tests.test_access_matrix",
    "clusterhub.support.tests.test_access_matrix_cohorts",
    "clusterhub.support.tests.test_access_matrix_fairs",
    "clusterhub.support.tests.test_access_matrix_mentoring",
    "clusterhub.imports.tests.test_access_matrix",
    "clusterhub.exports.tests.test_access_matrix",
    "clusterhub.duplicates.tests.test_access_matrix",
    "clusterhub.api.tests.test_access_matrix",
    "clusterhub.privacy.tests.test_access_matrix",
    "clusterhub.calls.tests.test_access_matrix",
    "clusterhub.projects.tests.test_access_matrix",
    "clusterhub.insight.tests.test_access_matrix",
]


def test_every_named_url_pattern_is_in_a_matrix_or_exempt(
    site: Site,
    cluster_events: matrix.ClusterEvents,  # noqa: F811 - the fixture imported above
) -> None:
    urls = [url(site.registry) for _name, url, _expected in matrix.PAGES]
    urls += [url(cluster_events) for _name, url, _expected in matrix.CLUSTER_PAGES]
    urls += [url(site) for _name, _method, url, _expected in PAGES]
    covered = {resolve(url).view_name for url in urls}
    for module_name in OWN_MATRICES:
        covered |= set(importlib.import_module(module_name).COVERED_URL_NAMES)
    every = {
        name
        for name, _pattern in url_patterns(get_resolver())
        if name.split(":")[0] not in NOT_OURS
    }
    assert sorted(every - covered - EXEMPT.keys()) == []
    assert sorted(EXEMPT.keys() & covered) == []  # an exemption that is covered is stale
    assert sorted(EXEMPT.keys() - every) == []
