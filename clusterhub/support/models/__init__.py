"""The support services' tables: consultations, material streams, incubator space."""

from clusterhub.support.models.cohorts import Application, Cohort, CohortEntry, Review
from clusterhub.support.models.consultations import (
    Availability,
    Booking,
    ClosedDay,
    ConsultationOffer,
    new_token,
)
from clusterhub.support.models.fairs import CoExhibitor, FairDeadline, FairLead, JointStand
from clusterhub.support.models.mentoring import (
    MentoringCase,
    MentoringIntroduction,
    MentoringSession,
)
from clusterhub.support.models.space import (
    Building,
    Room,
    RoomBooking,
    Tenancy,
    WaitingListEntry,
)
from clusterhub.support.models.streams import MaterialStream

__all__ = [
    "Application",
    "Availability",
    "Booking",
    "Building",
    "ClosedDay",
    "CoExhibitor",
    "Cohort",
    "CohortEntry",
    "ConsultationOffer",
    "FairDeadline",
    "FairLead",
    "JointStand",
    "MaterialStream",
    "MentoringCase",
    "MentoringIntroduction",
    "MentoringSession",
    "Review",
    "Room",
    "RoomBooking",
    "Tenancy",
    "WaitingListEntry",
    "new_token",
]
