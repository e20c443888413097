"""B2B meeting scheduling for matchmaking events (``shared/formats/meetings.md``).

``schedule_meetings(instance)`` places as much meeting weight as it can within the time limit,
then packs each participant's meetings to leave few idle gaps, and reports a proven upper
bound so that weight / bound certifies quality. Events up to a few thousand meetings: HiGHS
MIP (proven optimal weight), then local moves and CP-SAT for the gaps (solver.py). Larger
ones: a session-level LP for the bound and a plan, greedy realisation, local search (large.py).
"""

from clusterlogic.scheduling.model import (
    Assignment,
    InfeasibleInstance,
    Instance,
    InvalidInstance,
    Meeting,
    Participant,
    Schedule,
    ScheduleStats,
    SchedulingError,
    Slot,
    Table,
    Unscheduled,
)
from clusterlogic.scheduling.rules import (
    Rule,
    RuleViolation,
    check_schedule,
    free_placements,
    placement_violations,
)
from clusterlogic.scheduling.solver import schedule_meetings
from clusterlogic.scheduling.validation import find_instance_problems, find_rule_violations

__all__ = [
    "Assignment",
    "InfeasibleInstance",
    "Instance",
    "InvalidInstance",
    "Meeting",
    "Participant",
    "Rule",
    "RuleViolation",
    "Schedule",
    "ScheduleStats",
    "SchedulingError",
    "Slot",
    "Table",
    "Unscheduled",
    "check_schedule",
    "find_instance_problems",
    "find_rule_violations",
    "free_placements",
    "placement_violations",
    "schedule_meetings",
]
