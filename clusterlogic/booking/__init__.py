"""Bookable appointment slots from weekly availability (consultations, mentoring talks)."""

from clusterlogic.booking.slots import Busy, WeeklyWindow, bookable_starts, overlaps

__all__ = ["Busy", "WeeklyWindow", "bookable_starts", "overlaps"]
