"""``clusterhub schedule INSTANCE.json [--time-limit S] [--pinned SCHEDULE.json] > SCHEDULE.json``.

Exit 0: a schedule was written. Exit 2: a bad option (a negative or not finite time limit,
fewer than one worker), an invalid instance (a top-level list missing, a weight that is not a
number from 0 to ``MAX_WEIGHT``) or required meetings that cannot all be placed; nothing goes
to standard output, standard error says why, never with a traceback. Exit 1: the schedule
failed the final rule check (a bug), and is not written.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from clusterlogic.scheduling.json_format import (
    assignments_from_json,
    instance_from_json,
    schedule_to_json,
)
from clusterlogic.scheduling.model import MAX_WEIGHT, Assignment, SchedulingError
from clusterlogic.scheduling.solver import schedule_meetings
from clusterlogic.scheduling.validation import find_rule_violations

# Time kept back for checking and writing the schedule after the solver, and for the
# interpreter's exit (measured: about 0.2 s for 800 meetings, 1 s for 30,000).
OUTPUT_SECONDS = 0.4
OUTPUT_SECONDS_PER_MEETING = 3e-5
# Under load everything runs slower alike: checking and writing take about as long as
# reading and parsing the instance did (measured on the summit: 0.6 s against 0.55 s with
# a load of 9 on 2 cores), so at least this multiple of the reading time is kept back.
OUTPUT_PACE = 2.0


def _process_age() -> float:
    """Seconds since this process started (Linux), so that --time-limit covers the imports of
    OR-Tools and SciPy too; 0 where /proc cannot say."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - int(fields[19]) / ticks)
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


def _started_as_command() -> bool:
    """Whether this process is the ``clusterhub`` command itself (not, say, a test run)."""
    main_module = sys.modules.get("__main__")
    spec = getattr(main_module, "__spec__", None)
    return Path(sys.argv[0]).name == "clusterhub" or getattr(spec, "name", "") == "clusterlogic.cli"


# The process's start-up counts against the first run's limit, when this process is the
# command; calls from other programs (tests, the web app) are timed from their own start.
_uncounted_startup = [_started_as_command()]


def _seconds(raw: str) -> float:
    """A time limit: a finite number of seconds, not negative (0 means "as fast as possible")."""
    try:
        value = float(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {raw!r}") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0, got {raw!r}")
    return value


def _workers(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {raw!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clusterhub schedule",
        description="Schedule the B2B meetings of an event.",
        epilog=f"Meeting weights must be finite numbers from 0 to {MAX_WEIGHT:g}.",
    )
    parser.add_argument("instance", type=Path, help="instance JSON (shared/formats/meetings.md)")
    parser.add_argument(
        "--time-limit",
        type=_seconds,
        default=10.0,
        help="seconds for the whole run, reading and writing included (default 10)",
    )
    parser.add_argument(
        "--pinned", type=Path, help="an earlier schedule whose valid assignments stay in place"
    )
    parser.add_argument(
        "--workers", type=_workers, help="solver threads (default: cores, at most 8)"
    )
    return parser


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SchedulingError([f"cannot read {path}: {error}"]) from error


def main(argv: Sequence[str]) -> int:
    """Run the command; ``--time-limit`` covers the process's start-up on the first call."""
    started = time.monotonic()
    try:
        args = _parser().parse_args(list(argv))
    except SystemExit as stop:  # argparse has written the usage and the error to stderr
        return stop.code if isinstance(stop.code, int) else 2
    try:
        reading = time.monotonic()
        instance = instance_from_json(_read_json(args.instance))
        read_seconds = time.monotonic() - reading
        pinned: tuple[Assignment, ...] = ()
        if args.pinned is not None:
            pinned = assignments_from_json(_read_json(args.pinned))
        spent = time.monotonic() - started
        if _uncounted_startup and _uncounted_startup.pop():
            spent = max(spent, _process_age())
        reserve = max(
            OUTPUT_SECONDS + OUTPUT_SECONDS_PER_MEETING * len(instance.meetings),
            OUTPUT_PACE * read_seconds,
        )
        budget = args.time_limit - spent - reserve
        schedule = schedule_meetings(
            instance, time_limit=max(0.0, budget), pinned=pinned, workers=args.workers
        )
    except SchedulingError as error:
        sys.stderr.write("".join(f"clusterhub schedule: {p}\n" for p in error.problems))
        return 2
    violations = find_rule_violations(instance, schedule.assignments)
    if violations:
        sys.stderr.write("".join(f"clusterhub schedule: BUG: {v}\n" for v in violations))
        return 1
    for pin in schedule.released_pins:
        sys.stderr.write(f"clusterhub schedule: pinned {pin.meeting} released: {pin.reason}\n")
    # Without indent json uses its C encoder: 0.1 s instead of 2 s for a summit under load.
    sys.stdout.write(json.dumps(schedule_to_json(schedule), ensure_ascii=False))
    sys.stdout.write("\n")
    return 0
