"""The only doors to consultation offers and bookings.

A booking holds a founder's name, address and concern: it is seen by the adviser who holds it,
the managers of the offer's cluster and administrators; staff readers see offers and counts,
never the people. The founder reaches their own booking only through its mailed link."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from clusterhub.accounts.roles import Role, Viewer, viewer_for
from clusterhub.support.models import (
    Application,
    Booking,
    Building,
    CoExhibitor,
    Cohort,
    CohortEntry,
    ConsultationOffer,
    JointStand,
    MaterialStream,
    MentoringCase,
    Room,
    RoomBooking,
)


def public_offers() -> QuerySet[ConsultationOffer]:
    return ConsultationOffer.objects.filter(active=True).select_related("cluster")


def get_public_offer(slug: str) -> ConsultationOffer:
    offer = public_offers().filter(slug=slug).first()
    if offer is None:
        raise Http404
    return offer


def offers_visible_to(viewer: Viewer) -> QuerySet[ConsultationOffer]:
    offers = ConsultationOffer.objects.select_related("cluster")
    if viewer.is_admin or viewer.is_staff_reader:
        return offers.all()
    if viewer.is_manager:
        return offers.filter(
            Q(cluster_id__in=viewer.managed_cluster_ids) | Q(advisers__id=viewer.user_id)
        ).distinct()
    return offers.none()


def bookings_visible_to(viewer: Viewer) -> QuerySet[Booking]:
    """Bookings with their people: administrators all, managers those of their clusters'
    offers and those they hold as adviser; nobody else."""
    bookings = Booking.objects.select_related("offer__cluster", "adviser", "organisation")
    if viewer.is_admin:
        return bookings.all()
    if viewer.is_manager:
        return bookings.filter(
            Q(offer__cluster_id__in=viewer.managed_cluster_ids) | Q(adviser_id=viewer.user_id)
        )
    return bookings.none()


def get_booking_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> Booking:
    """A booking for its adviser, its cluster's managers and administrators; 403 for other
    staff (they know bookings exist, from the counts), 404 for everyone else."""
    viewer = viewer_for(user)
    booking = bookings_visible_to(viewer).filter(pk=pk).first()
    if booking is None:
        if viewer.is_agency_staff and Booking.objects.filter(pk=pk).exists():
            raise PermissionDenied
        raise Http404
    return booking


def booking_for_token(token: str) -> Booking:
    """The booking behind a mailed link (also a cancelled one: its page says so); 404 for
    an unknown token."""
    booking = (
        Booking.objects.filter(token=token).select_related("offer", "adviser").first()
        if token
        else None
    )
    if booking is None:
        raise Http404
    return booking


def streams_visible_to(viewer: Viewer) -> QuerySet[MaterialStream]:
    """Offered and sought streams are business facts, not personal data: the whole back
    office sees them; a member organisation its own."""
    streams = MaterialStream.objects.select_related("organisation")
    if viewer.is_agency_staff:
        return streams.all()
    if viewer.is_member_editor and viewer.organisation_id is not None:
        return streams.filter(organisation_id=viewer.organisation_id)
    return streams.none()


def get_stream_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> MaterialStream:
    stream = streams_visible_to(viewer_for(user)).filter(pk=pk).first()
    if stream is None:
        raise Http404
    return stream


def buildings_visible_to(viewer: Viewer) -> QuerySet[Building]:
    """Founders' centres, their rooms and tenants (organisations, not people): the back
    office sees them all."""
    if not viewer.is_agency_staff:
        return Building.objects.none()
    return Building.objects.select_related("cluster")


def get_building_for_user(user: AbstractBaseUser | AnonymousUser, slug: str) -> Building:
    building = buildings_visible_to(viewer_for(user)).filter(slug=slug).first()
    if building is None:
        raise Http404
    return building


def get_room_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> Room:
    viewer = viewer_for(user)
    room = Room.objects.filter(pk=pk, building__in=buildings_visible_to(viewer)).first()
    if room is None:
        raise Http404
    return room


def get_room_booking_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> RoomBooking:
    viewer = viewer_for(user)
    booking = (
        RoomBooking.objects.filter(pk=pk, room__building__in=buildings_visible_to(viewer))
        .select_related("room__building", "organisation")
        .first()
    )
    if booking is None:
        raise Http404
    return booking


# Accelerator cohorts. An application holds a founder's name, address and answers: it is seen
# by the call's reviewers, the managers of the programme's cluster and administrators; other
# staff see the calls and their counts, never the applicants.


def get_public_cohort(slug: str) -> Cohort:
    """A call's public page (also after its deadline: the page says it is closed)."""
    cohort = Cohort.objects.filter(slug=slug).select_related("cluster").first()
    if cohort is None:
        raise Http404
    return cohort


def cohorts_visible_to(viewer: Viewer) -> QuerySet[Cohort]:
    if not viewer.is_agency_staff:
        return Cohort.objects.none()
    return Cohort.objects.select_related("cluster")


def get_cohort_for_user(user: AbstractBaseUser | AnonymousUser, slug: str) -> Cohort:
    cohort = cohorts_visible_to(viewer_for(user)).filter(slug=slug).first()
    if cohort is None:
        raise Http404
    return cohort


def applications_visible_to(viewer: Viewer) -> QuerySet[Application]:
    applications = Application.objects.select_related("cohort__cluster", "organisation")
    if viewer.is_admin:
        return applications.all()
    if not viewer.is_agency_staff:
        return applications.none()
    return applications.filter(
        Q(cohort__cluster_id__in=viewer.managed_cluster_ids if viewer.is_manager else [])
        | Q(cohort__reviewers__id=viewer.user_id)
    ).distinct()


def get_application_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> Application:
    """An application for its reviewers, its cluster's managers and administrators; 403 for
    other staff, 404 for everyone else."""
    viewer = viewer_for(user)
    application = applications_visible_to(viewer).filter(pk=pk).first()
    if application is None:
        if viewer.is_agency_staff and Application.objects.filter(pk=pk).exists():
            raise PermissionDenied
        raise Http404
    return application


def get_cohort_entry_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> CohortEntry:
    viewer = viewer_for(user)
    entry = (
        CohortEntry.objects.filter(pk=pk, cohort__in=cohorts_visible_to(viewer))
        .select_related("cohort")
        .first()
    )
    if entry is None:
        raise Http404
    return entry


def reviewer_candidates() -> QuerySet[AbstractBaseUser]:
    """Agency staff who may be asked to review."""
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(account__role__in=[Role.ADMINISTRATOR, Role.CLUSTER_MANAGER, Role.STAFF_READER])
        )
        .filter(is_active=True)
        .order_by("last_name", "first_name", "username")
    )


def stands_visible_to(viewer: Viewer) -> QuerySet[JointStand]:
    """Joint trade-fair stands, their co-exhibitors (organisations) and cost shares: the
    back office sees them all."""
    if not viewer.is_agency_staff:
        return JointStand.objects.none()
    return JointStand.objects.select_related("cluster")


def get_stand_for_user(user: AbstractBaseUser | AnonymousUser, slug: str) -> JointStand:
    stand = stands_visible_to(viewer_for(user)).filter(slug=slug).first()
    if stand is None:
        raise Http404
    return stand


def open_stands() -> QuerySet[JointStand]:
    """Stands a member editor may apply for: the fair has not yet begun."""
    return JointStand.objects.filter(starts_on__gt=timezone.localdate()).select_related("cluster")


def get_open_stand(slug: str) -> JointStand:
    stand = open_stands().filter(slug=slug).first()
    if stand is None:
        raise Http404
    return stand


def get_exhibitor_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> CoExhibitor:
    """An application for the back office, and for its organisation's member editors."""
    viewer = viewer_for(user)
    exhibitors = CoExhibitor.objects.select_related("stand__cluster", "organisation")
    if viewer.is_agency_staff:
        exhibitor = exhibitors.filter(pk=pk).first()
    elif viewer.is_member_editor and viewer.organisation_id is not None:
        exhibitor = exhibitors.filter(pk=pk, organisation_id=viewer.organisation_id).first()
    else:
        exhibitor = None
    if exhibitor is None:
        raise Http404
    return exhibitor


def mentoring_cases_visible_to(viewer: Viewer) -> QuerySet[MentoringCase]:
    """Digi-Pate cases (an SME's need and sessions, no personal data): the back office."""
    if not viewer.is_agency_staff:
        return MentoringCase.objects.none()
    return MentoringCase.objects.select_related("organisation", "cluster", "mentor")


def get_mentoring_case_for_user(user: AbstractBaseUser | AnonymousUser, pk: int) -> MentoringCase:
    case = mentoring_cases_visible_to(viewer_for(user)).filter(pk=pk).first()
    if case is None:
        raise Http404
    return case
