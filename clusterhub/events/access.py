"""The only doors to events for staff: cluster managers manage their clusters' events,
administrators all, staff readers read. The public pages use ``public_events``."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from clusterhub.accounts.roles import Viewer, viewer_for
from clusterhub.core import rows
from clusterhub.events.models import Event, EventMail, Format, Invitation, Registration


def public_events() -> QuerySet[Event]:
    """Events anyone may see: all but those by invitation."""
    return Event.objects.exclude(audience=Event.Audience.INVITATION)


def events_visible_to(viewer: Viewer) -> QuerySet[Event]:
    if viewer.is_agency_staff:
        return Event.objects.all()
    return Event.objects.none()


def can_manage_event(viewer: Viewer, event: Event | Format) -> bool:
    """Administrators manage every event and format; a manager those of one of her clusters."""
    if viewer.is_admin:
        return True
    if not viewer.is_manager:
        return False
    cluster_ids = {cluster.pk for cluster in event.clusters.all()}
    return bool(cluster_ids & viewer.managed_cluster_ids)


def failed_mails_visible_to(viewer: Viewer) -> QuerySet[EventMail]:
    """Mails the outbox gave up on, for those who may manage their event (administrators:
    all, of every app), newest first."""
    mails = EventMail.objects.filter(failed_at__isnull=False)
    if not viewer.is_admin:
        if not viewer.is_manager:
            return mails.none()
        managed = Event.objects.filter(clusters__in=viewer.managed_cluster_ids).values("pk")
        mails = mails.filter(Q(registration__event__in=managed) | Q(invitation__event__in=managed))
    return mails.select_related(
        "registration__event",
        "registration__person",
        "invitation__event",
        "invitation__person",
        "person",
        "user",
    ).order_by("-failed_at", "-pk")


def get_event_for_user(
    user: AbstractBaseUser | AnonymousUser, pk: int, *, write: bool = False
) -> Event:
    """The event ``pk`` for a staff page; 404 when invisible, 403 when it may not be changed."""
    viewer = viewer_for(user)
    event = events_visible_to(viewer).filter(pk=pk).prefetch_related("clusters").first()
    if event is None:
        raise Http404
    if write and not can_manage_event(viewer, event):
        raise PermissionDenied
    return event


def get_registration_for_user(
    user: AbstractBaseUser | AnonymousUser, pk: int, *, write: bool = False
) -> Registration:
    """The registration ``pk`` for a staff page: 404 when missing, otherwise the door of its
    event decides (404 invisible, 403 where ``write`` and the event may not be managed)."""
    registration = (
        Registration.objects.select_related("person", "organisation").filter(pk=pk).first()
    )
    if registration is None:
        raise Http404
    registration.event = get_event_for_user(user, registration.event_id, write=write)
    return registration


def registration_for_token(token: str) -> Registration | None:
    """The registration a mailed link names; None for an unknown token (the page says so)."""
    return Registration.objects.select_related("event", "person").filter(token=token).first()


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a mailed link names; None for an unknown token (the page says so)."""
    return Invitation.objects.select_related("event", "person").filter(token=token).first()


def get_public_event(pk: int) -> Event:
    """The event ``pk`` for the public pages, with its format; 404 for one by invitation or
    none at all. Every registrant of a rush loads it twice (page and form), so it is read by
    plain SQL (core.rows): the same rows as ``public_events()``, without the ORM's cost."""
    where = f"{rows.column(Event, 'id')} = %s AND {rows.column(Event, 'audience')} <> %s"
    event = rows.one_row(Event, where, [pk, Event.Audience.INVITATION.value])
    if event is None:
        raise Http404
    if event.format_id is not None:
        event.format = rows.one_row(Format, f"{rows.column(Format, 'id')} = %s", [event.format_id])
    return event


def readers_see_participants() -> bool:
    return bool(settings.CLUSTERHUB_READERS_SEE_PARTICIPANTS)


def can_see_participants(viewer: Viewer, event: Event) -> bool:
    """Who took part is personal data of the clusters that own the event: their managers and
    administrators see it; staff readers only where the setting allows, everyone else never."""
    if viewer.is_staff_reader:
        return readers_see_participants()
    return can_manage_event(viewer, event)


def can_read_feedback_comments(viewer: Viewer, event: Event) -> bool:
    """Free-text feedback may name people: only those who manage the event read it; staff
    readers and managers of other clusters see the count and the scores."""
    return can_manage_event(viewer, event)


@dataclass(frozen=True)
class EventParticipants:
    event: Event
    # None: the viewer may see how many registered, not who (a staff reader by default).
    registrations: QuerySet[Registration] | None


def get_event_participants_for_user(
    user: AbstractBaseUser | AnonymousUser, pk: int, *, people: bool = False
) -> EventParticipants:
    """The only door to an event's participants: 404 when the event is invisible, 403 for a
    manager of another cluster; a reader gets the counts only, and 403 where ``people`` (an
    export) is asked for."""
    viewer = viewer_for(user)
    event = get_event_for_user(user, pk)
    if can_see_participants(viewer, event):
        return EventParticipants(event, Registration.objects.filter(event=event))
    if viewer.is_staff_reader and not people:
        return EventParticipants(event, None)
    raise PermissionDenied


def can_create_events(viewer: Viewer) -> bool:
    return viewer.is_admin or viewer.is_manager


def get_format_for_user(
    user: AbstractBaseUser | AnonymousUser, pk: int, *, write: bool = False
) -> Format:
    """The format ``pk`` for a staff page; 404 for non-staff, 403 when it may not be changed."""
    viewer = viewer_for(user)
    if not viewer.is_agency_staff:
        raise Http404
    event_format = Format.objects.filter(pk=pk).prefetch_related("clusters").first()
    if event_format is None:
        raise Http404
    if write and not can_manage_event(viewer, event_format):
        raise PermissionDenied
    return event_format


def formats_visible_to(viewer: Viewer) -> QuerySet[Format]:
    """Formats by name for staff; nobody else lists them."""
    if not viewer.is_agency_staff:
        return Format.objects.none()
    return Format.objects.order_by("name")


def get_format_for_slug(slug: str) -> Format:
    """The format a public calendar feed names; 404 when there is none."""
    event_format = Format.objects.filter(slug=slug).first()
    if event_format is None:
        raise Http404
    return event_format
