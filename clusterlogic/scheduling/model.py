"""Plain data of a B2B matchmaking event and its schedule (see ``shared/formats/meetings.md``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The largest meeting weight accepted. Solvers scale weights by up to 10**6 into integers, and
# a summit's sum of scaled weights must stay well inside 64 bits (30,000 meetings × 10**12).
MAX_WEIGHT = 1e6


@dataclass(frozen=True)
class Slot:
    id: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Table:
    id: str


@dataclass(frozen=True)
class Participant:
    id: str
    # None means every slot; an empty set means none.
    available: frozenset[str] | None = None
    # None means no limit.
    max_meetings: int | None = None
    # An exhibitor's own booth: its meetings take place there.
    table: str | None = None


@dataclass(frozen=True)
class Meeting:
    id: str
    participants: tuple[str, ...]
    weight: float = 1.0
    required: bool = False


@dataclass(frozen=True)
class Instance:
    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    participants: tuple[Participant, ...]
    meetings: tuple[Meeting, ...]


@dataclass(frozen=True)
class Assignment:
    meeting: str
    slot: str
    table: str


@dataclass(frozen=True)
class Unscheduled:
    meeting: str
    reason: str


@dataclass(frozen=True)
class ScheduleStats:
    meetings: int
    scheduled: int
    weight: float
    upper_bound: float
    idle_gaps: int
    seconds: float


@dataclass(frozen=True)
class Schedule:
    assignments: tuple[Assignment, ...]
    unscheduled: tuple[Unscheduled, ...]
    stats: ScheduleStats
    # Pinned assignments that could not be kept, and why (e.g. a participant withdrew a slot).
    released_pins: tuple[Unscheduled, ...] = ()


class SchedulingError(ValueError):
    """The instance is invalid, or its required meetings cannot all be placed.

    ``problems`` names the meetings and participants at fault, one sentence each.
    """

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


class InvalidInstance(SchedulingError):
    """The instance breaks the format: unknown ids, duplicate ids, impossible values."""


class InfeasibleInstance(SchedulingError):
    """The instance is well formed but its required meetings cannot all be scheduled."""
