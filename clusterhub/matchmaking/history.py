"""Pairs of an event's participants who already met at an earlier event of the agency.

"The same pair" means the same two people or the same two organisations: a colleague of
last year's partner is still a repeat contact. A meeting someone did not show up to does
not count. The scheduler weighs such pairs down unless both asked again (``planning``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count

from clusterhub.events.models import Event
from clusterhub.matchmaking.models import Meeting, Participant

# The weight of a repeat pair's one-sided request; a mutual request keeps the full weight.
REPEAT_WEIGHT = 0.5


@dataclass(frozen=True)
class EarlierMeeting:
    event_title: str
    event_starts_at: dt.datetime


Pair = frozenset[int]


def pair_of(first: int, second: int) -> Pair:
    return frozenset((first, second))


def _person_key(email: str, person_id: int | None) -> str | None:
    """One key per human: the address typed on the registration (any case), which a
    registrant not (yet) in the registry also has; the registry's person where there is none."""
    if email:
        return email.casefold()
    return f"person:{person_id}" if person_id is not None else None


def met_before(event: Event) -> dict[Pair, EarlierMeeting]:
    """Pairs of ``event``'s participant pks → their latest meeting at an earlier event."""
    by_person: dict[str, list[int]] = defaultdict(list)
    by_organisation: dict[int, list[int]] = defaultdict(list)
    for pk, email, person_id, organisation_id in Participant.objects.filter(
        event=event
    ).values_list(
        "pk", "registration__email", "registration__person_id", "registration__organisation_id"
    ):
        key = _person_key(email, person_id)
        if key is not None:
            by_person[key].append(pk)
        if organisation_id is not None:
            by_organisation[organisation_id].append(pk)
    if not by_person and not by_organisation:
        return {}
    earlier = (
        Meeting.objects.filter(event__starts_at__lt=event.starts_at)
        .annotate(missed=Count("no_shows"))
        .filter(missed=0)
        .values_list(
            "event__title",
            "event__starts_at",
            "request__sender__registration__email",
            "request__sender__registration__person_id",
            "request__sender__registration__organisation_id",
            "request__recipient__registration__email",
            "request__recipient__registration__person_id",
            "request__recipient__registration__organisation_id",
        )
        .order_by("event__starts_at", "pk")
    )
    found: dict[Pair, EarlierMeeting] = {}
    for title, starts_at, email_a, person_a, org_a, email_b, person_b, org_b in earlier:
        here_a = _current(_person_key(email_a, person_a), org_a, by_person, by_organisation)
        here_b = _current(_person_key(email_b, person_b), org_b, by_person, by_organisation)
        # Later events overwrite earlier ones: the label names the latest meeting.
        for first in here_a:
            for second in here_b - {first}:
                found[pair_of(first, second)] = EarlierMeeting(title, starts_at)
    return found


def _current(
    person_key: str | None,
    organisation_id: int | None,
    by_person: dict[str, list[int]],
    by_organisation: dict[int, list[int]],
) -> set[int]:
    here = set(by_person.get(person_key, ())) if person_key is not None else set()
    if organisation_id is not None:
        here.update(by_organisation.get(organisation_id, ()))
    return here
