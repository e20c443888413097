"""Who a registrant is in the registry, decided without writing to it.

A public form never creates a person or an organisation: the registration keeps what was
typed, and points into the registry only on an exact match —

* a person: an invitation's own person when the typed address is the invited one, or else
  the one person whose address equals the typed one (any case) and whose name, normalised
  (Unicode NFKC, case-folded, inner spaces collapsed), equals the typed name;
* an organisation: the logged-in member editor's own, or else the one organisation whose
  normalised name equals the typed one.

Everything else waits for staff in "Anmeldungen prüfen" (events/review.py). Members-only events
take only invited people and member editors logged in for a member of the event's clusters;
a typed organisation name proves nothing.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterhub.accounts.roles import viewer_for
from clusterhub.core import rows
from clusterhub.directory.models import Organisation, Person
from clusterhub.events.models import Event, EventMail, Registration
from clusterhub.events.outbox import owe_mail

# A second form with a known address mails the link again, at most this often, so the form
# cannot be used to flood someone's mailbox.
LINK_MAIL_SPACING = dt.timedelta(minutes=15)


def normalised(text: str) -> str:
    """``text`` for an exact comparison: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class RegistryMatch:
    """The registry records a registration may point to at once (None: none, or not yet)."""

    person: Person | None = None
    organisation: Organisation | None = None


def matching_person(
    first_name: str, last_name: str, email: str, *, invited: Person | None = None
) -> Person | None:
    typed_email = email.strip()
    if invited is not None and invited.email.casefold() == typed_email.casefold():
        return invited
    typed_name = normalised(f"{first_name} {last_name}")
    # Plain SQL (core.rows), as ``email__iexact`` compares: every registrant of a rush asks.
    same_address = rows.rows_of(
        Person,
        f"UPPER({rows.column(Person, 'email')}) = UPPER(%s)",
        [typed_email],
        suffix=f" ORDER BY {rows.column(Person, 'id')} LIMIT 5",
    )
    found = [person for person in same_address if normalised(person.full_name) == typed_name]
    return found[0] if len(found) == 1 else None


def matching_organisation(name: str) -> Organisation | None:
    typed = normalised(name)
    if not typed:
        return None
    # iexact narrows on the index; the normalised comparison decides (spaces, NFKC).
    stem = " ".join(name.split())
    found = [
        organisation
        for organisation in Organisation.objects.filter(
            Q(name__iexact=name.strip()) | Q(name__iexact=stem)
        ).order_by("pk")[:5]
        if normalised(organisation.name) == typed
    ]
    return found[0] if len(found) == 1 else None


def registry_match(
    first_name: str,
    last_name: str,
    email: str,
    organisation_name: str,
    *,
    invited: Person | None = None,
    member_organisation: Organisation | None = None,
) -> RegistryMatch:
    return RegistryMatch(
        person=matching_person(first_name, last_name, email, invited=invited),
        organisation=member_organisation or matching_organisation(organisation_name),
    )


def member_organisation_for(
    user: AbstractBaseUser | AnonymousUser, event: Event, today: dt.date | None = None
) -> Organisation | None:
    """The logged-in member editor's organisation when it is a member of one of ``event``'s
    clusters (of any cluster, for an event without clusters); None otherwise."""
    viewer = viewer_for(user)
    if not viewer.is_member_editor or viewer.organisation_id is None:
        return None
    today = today or timezone.localdate()
    organisation = Organisation.objects.filter(pk=viewer.organisation_id).first()
    if organisation is None:
        return None
    cluster_ids = list(event.clusters.values_list("pk", flat=True))
    if not cluster_ids:
        return organisation if organisation.status == Organisation.Status.MEMBER else None
    member = organisation.memberships.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=today), cluster_id__in=cluster_ids
    ).exists()
    return organisation if member else None


def members_refusal(
    event: Event, *, invited: bool, member_organisation: Organisation | None
) -> str | None:
    """Why nobody but a member may register here, or None when this one may."""
    if event.audience != Event.Audience.MEMBERS or invited or member_organisation is not None:
        return None
    return _(
        "Diese Veranstaltung ist Mitgliedern der Cluster vorbehalten. Bitte melden Sie sich "
        "über den Einladungslink aus Ihrer E-Mail an, oder melden Sie sich mit dem Zugang "
        "Ihrer Mitgliedsorganisation bei clusterhub an. Der Name einer Organisation allein "
        "genügt nicht."
    )


def live_registration(event: Event, email: str) -> Registration | None:
    """The event's registration that holds or awaits a place for ``email`` (any case)."""
    typed = email.strip()
    if not typed:
        return None
    return (
        Registration.objects.filter(event=event, email__iexact=typed)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def owe_link_mail(registration: Registration, now: dt.datetime | None = None) -> bool:
    """Mail the registration's own link to its typed address, unless one went out (or is
    waiting to) within ``LINK_MAIL_SPACING``; True when a mail is owed now."""
    now = now or timezone.now()
    with transaction.atomic():
        recent = EventMail.objects.filter(
            registration=registration,
            kind=EventMail.Kind.LINK,
            created_at__gt=now - LINK_MAIL_SPACING,
        ).exists()
        if recent:
            return False
        # The link may be owed again later, so a new row each time (no once-per-kind rule).
        owe_mail(registration, EventMail.Kind.LINK, new=True)
    return True
