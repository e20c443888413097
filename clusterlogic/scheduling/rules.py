"""The hard rules of a schedule, written once (``shared/formats/meetings.md``).

``check_schedule`` lists every rule a whole schedule breaks; ``placement_violations`` what one
more assignment would break in a schedule; ``free_placements`` where a meeting could still go.
Everyone who places meetings asks here: the command line before it writes a schedule, the web
app before it stores a computed schedule, a move by the organiser or a booking by a
participant. Each violation is a value (kind and the ids involved), so that the web app can
word it in German and English; ``str()`` gives the English sentence of the command line.

Kept apart from the solver's own bookkeeping (``occupancy``), so that this last gate shares
nothing with the solver but the definition of which tables a meeting may take.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from clusterlogic.scheduling.event import table_options
from clusterlogic.scheduling.model import Assignment, Instance


class Rule(StrEnum):
    UNKNOWN_MEETING = "unknown_meeting"
    UNKNOWN_SLOT = "unknown_slot"
    UNKNOWN_TABLE = "unknown_table"
    # An exhibitor meets at their own booth ...
    OWN_BOOTH_REQUIRED = "own_booth_required"
    # ... and a booth is not lent to meetings of others.
    ANOTHERS_BOOTH = "anothers_booth"
    NOT_AVAILABLE = "not_available"
    SCHEDULED_TWICE = "scheduled_twice"
    DOUBLE_BOOKED = "double_booked"
    TABLE_TAKEN = "table_taken"
    OVER_LIMIT = "over_limit"
    REQUIRED_MISSING = "required_missing"


@dataclass(frozen=True)
class RuleViolation:
    """One broken rule and the ids involved; ``count`` and ``limit`` where the rule counts."""

    rule: Rule
    meeting: str = ""
    slot: str = ""
    table: str = ""
    participant: str = ""
    count: int = 0
    limit: int = 0

    def __str__(self) -> str:
        rule = self.rule
        if rule in (Rule.UNKNOWN_MEETING, Rule.UNKNOWN_SLOT, Rule.UNKNOWN_TABLE):
            assignment = Assignment(self.meeting, self.slot, self.table)
            return f"assignment {assignment} names an unknown meeting, slot or table"
        if rule in (Rule.OWN_BOOTH_REQUIRED, Rule.ANOTHERS_BOOTH):
            return f"meeting {self.meeting} may not take table {self.table}"
        if rule == Rule.NOT_AVAILABLE:
            return (
                f"{self.participant} is not available in slot {self.slot} (meeting {self.meeting})"
            )
        if rule == Rule.SCHEDULED_TWICE:
            return f"meeting {self.meeting} is scheduled {self.count} times"
        if rule == Rule.DOUBLE_BOOKED:
            return f"{self.participant} has {self.count} meetings in slot {self.slot}"
        if rule == Rule.TABLE_TAKEN:
            return f"table {self.table} holds {self.count} meetings in slot {self.slot}"
        if rule == Rule.OVER_LIMIT:
            return (
                f"{self.participant} has {self.count} meetings, more than max_meetings {self.limit}"
            )
        return f"required meeting {self.meeting} is not scheduled"


class _Tally:
    """What a schedule occupies, counted by the rules; built once, asked many times."""

    def __init__(self, instance: Instance, assignments: Iterable[Assignment] = ()) -> None:
        self.instance = instance
        self.slots = {s.id for s in instance.slots}
        self.tables = {t.id for t in instance.tables}
        self.participants = {p.id: p for p in instance.participants}
        self.meetings = {m.id: m for m in instance.meetings}
        self.booths = {p.table for p in instance.participants if p.table is not None}
        self.shared = [t.id for t in instance.tables if t.id not in self.booths]
        self.seen: Counter[str] = Counter()
        self.busy: Counter[tuple[str, str]] = Counter()
        self.table_use: Counter[tuple[str, str]] = Counter()
        self.meeting_count: Counter[str] = Counter()
        self.local: list[RuleViolation] = []
        for assignment in assignments:
            self.add(assignment)

    def own_violations(self, a: Assignment) -> list[RuleViolation]:
        """The rules one assignment breaks on its own, whatever else is scheduled."""

        def here(rule: Rule, participant: str = "") -> RuleViolation:
            return RuleViolation(rule, a.meeting, a.slot, a.table, participant)

        meeting = self.meetings.get(a.meeting)
        if meeting is None:
            return [here(Rule.UNKNOWN_MEETING)]
        if a.slot not in self.slots:
            return [here(Rule.UNKNOWN_SLOT)]
        if a.table not in self.tables:
            return [here(Rule.UNKNOWN_TABLE)]
        found: list[RuleViolation] = []
        allowed, _shared = table_options(meeting, self.participants, self.shared)
        if a.table not in allowed:
            rule = Rule.ANOTHERS_BOOTH if a.table in self.booths else Rule.OWN_BOOTH_REQUIRED
            found.append(here(rule))
        for p in meeting.participants:
            available = self.participants[p].available
            if available is not None and a.slot not in available:
                found.append(here(Rule.NOT_AVAILABLE, p))
        return found

    def add(self, a: Assignment) -> None:
        self.seen[a.meeting] += 1
        own = self.own_violations(a)
        self.local += own
        meeting = self.meetings.get(a.meeting)
        if a.slot in self.slots and a.table in self.tables:
            # Even a meeting the instance no longer knows still takes its table.
            self.table_use[(a.table, a.slot)] += 1
        if meeting is None or any(v.rule == Rule.UNKNOWN_SLOT for v in own):
            return
        for p in meeting.participants:
            self.busy[(p, a.slot)] += 1
            self.meeting_count[p] += 1

    def violations_adding(self, a: Assignment) -> list[RuleViolation]:
        """What adding ``a`` to the counted schedule would break."""
        found = self.own_violations(a)
        meeting = self.meetings.get(a.meeting)
        if meeting is None or any(v.rule in (Rule.UNKNOWN_SLOT, Rule.UNKNOWN_TABLE) for v in found):
            return found
        if self.seen[a.meeting]:
            found.append(
                RuleViolation(
                    Rule.SCHEDULED_TWICE, meeting=a.meeting, count=self.seen[a.meeting] + 1
                )
            )
        for p in meeting.participants:
            if self.busy[(p, a.slot)]:
                count = self.busy[(p, a.slot)] + 1
                found.append(
                    RuleViolation(Rule.DOUBLE_BOOKED, participant=p, slot=a.slot, count=count)
                )
        if self.table_use[(a.table, a.slot)]:
            count = self.table_use[(a.table, a.slot)] + 1
            found.append(RuleViolation(Rule.TABLE_TAKEN, table=a.table, slot=a.slot, count=count))
        for p in meeting.participants:
            limit = self.participants[p].max_meetings
            if limit is not None and self.meeting_count[p] + 1 > limit:
                count = self.meeting_count[p] + 1
                found.append(
                    RuleViolation(Rule.OVER_LIMIT, participant=p, count=count, limit=limit)
                )
        return found

    def counted_violations(self) -> list[RuleViolation]:
        """Every rule the counted schedule breaks."""
        found = list(self.local)
        found += [
            RuleViolation(Rule.SCHEDULED_TWICE, meeting=m, count=n)
            for m, n in self.seen.items()
            if n > 1
        ]
        found += [
            RuleViolation(Rule.DOUBLE_BOOKED, participant=p, slot=s, count=n)
            for (p, s), n in self.busy.items()
            if n > 1
        ]
        found += [
            RuleViolation(Rule.TABLE_TAKEN, table=t, slot=s, count=n)
            for (t, s), n in self.table_use.items()
            if n > 1
        ]
        for p, count in self.meeting_count.items():
            limit = self.participants[p].max_meetings
            if limit is not None and count > limit:
                found.append(
                    RuleViolation(Rule.OVER_LIMIT, participant=p, count=count, limit=limit)
                )
        found += [
            RuleViolation(Rule.REQUIRED_MISSING, meeting=m.id)
            for m in self.instance.meetings
            if m.required and m.id not in self.seen
        ]
        return found


def check_schedule(instance: Instance, assignments: Sequence[Assignment]) -> list[RuleViolation]:
    """Every hard rule the schedule breaks; empty when it keeps them all."""
    return _Tally(instance, assignments).counted_violations()


def placement_violations(
    instance: Instance, assignments: Sequence[Assignment], placement: Assignment
) -> list[RuleViolation]:
    """What ``placement`` would break if added to ``assignments`` (which should not hold its
    meeting already, unless placing it twice is the question); empty when it can go there.

    Only what the placement itself breaks counts: a rule the rest of the schedule breaks
    already (a meeting of someone who has since withdrawn, say) does not stop it.
    """
    return _Tally(instance, assignments).violations_adding(placement)


def free_placements(
    instance: Instance, assignments: Sequence[Assignment], meeting: str
) -> list[tuple[str, tuple[str, ...]]]:
    """Each slot (in time order) in which ``meeting`` could be added to ``assignments`` with
    the tables it could take there; slots without any are left out."""
    tally = _Tally(instance, assignments)
    found = tally.meetings.get(meeting)
    if found is None:
        return []
    tables, _ = table_options(found, tally.participants, tally.shared)
    options: list[tuple[str, tuple[str, ...]]] = []
    for slot in instance.slots:
        free = tuple(
            table
            for table in tables
            if not tally.violations_adding(Assignment(meeting, slot.id, table))
        )
        if free:
            options.append((slot.id, free))
    return options
