"""Benchmark of ``clusterhub schedule`` on generated events, beside two baselines in the same run.

Run: ``.venv/bin/python bench/bench_scheduling.py [--sizes cluster,summit] [--seed 1]``

Events (``clusterlogic.scheduling.synthetic.synthetic_instance``, seeded):
- cluster: 200 participants, 800 requested meetings, 12 slots (one day, two sessions of six),
  40 tables (30 exhibitor booths, 8 shared, 2 virtual); floor: proven optimal within 5 s.
- forum: 1,000 participants, 9,000 requested meetings, 16 slots, 330 tables (150 booths,
  150 shared, 30 virtual), 30 s;
- summit: 4,000 participants, 30,000 requested meetings, 16 slots (two days, two sessions of
  four a day), 1,200 tables (600 exhibitor booths, 500 shared, 100 virtual); floor: a valid
  schedule within 60 s, weight >= 99.5% of the proven upper bound, fewer idle gaps than the
  greedy.
The generator: each participant draws a Zipf-like popularity (Pareto, shape 1.5) and both
ends of every request are drawn in proportion to it, so a few are asked for by hundreds and
most by a handful; 20% come for one day only and a further 10% miss one session; 40% cap
their meetings at 3..10; 15% exhibit and meet at their own booths; the other meetings share
the physical and virtual tables; weights 1, 1, 1.5, 2 or 3; 3% of the requests are required
(planted into a hidden valid schedule first, so the event is feasible).

Methods, each in a child process of its own (peak RSS from os.wait4 of that child):
- greedy: the plain greedy (required first, then by weight, each meeting in its most compact
  free slot);
- cp-sat: CP-SAT on the full slot-by-slot model (one 0/1 per meeting, slot and table
  option; pooled tables as a count per slot), maximising weight, given the same seconds as
  ours, model building included, 2 workers unless --workers says otherwise;
- highs: HiGHS's MIP (SciPy's copy, ``scipy.optimize.milp``; OR-Tools is never imported in
  that child, as the ``highspy`` wheel and OR-Tools clash in one process) on the same
  slot-by-slot model, given the same seconds, model building included;
- ours: the whole ``clusterhub schedule INSTANCE.json --time-limit L`` command (reading,
  solving, checking, writing), timed from outside.
Every schedule is checked against the hard rules. "bound" is each method's own proven upper
bound (greedy has none); weight/bound divides every method's weight by the same bound: the
best (lowest) proven bound of the run (ours: the session LP's, recomputed from its duals).
"seconds" of ours is the wall clock of the whole process (start-up, reading and writing
included); the machine it runs on may be shared, so the load average is printed too.
Memory floor: peak RSS <= 4 GiB.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from clusterlogic.scheduling import Assignment, Instance, find_rule_violations
from clusterlogic.scheduling.event import Event, build_event
from clusterlogic.scheduling.formulation import formulate
from clusterlogic.scheduling.greedy import greedy_placements
from clusterlogic.scheduling.json_format import instance_from_json, instance_to_json
from clusterlogic.scheduling.occupancy import Occupancy, Placement
from clusterlogic.scheduling.scale import weight_scale
from clusterlogic.scheduling.solver import _idle_gaps
from clusterlogic.scheduling.synthetic import synthetic_instance

REPO = Path(__file__).resolve().parent.parent
MEMORY_FLOOR_MIB = 4096
CP_SAT_WORKERS = 2
GOAL_RATIO = 0.995


@dataclass(frozen=True)
class Size:
    participants: int
    meetings: int
    days: int
    slots_per_session: int
    shared_tables: int
    virtual_tables: int
    time_limit: float


SIZES = {
    "cluster": Size(200, 800, 1, 6, 8, 2, 5.0),
    "forum": Size(1000, 9000, 2, 4, 150, 30, 30.0),
    "summit": Size(4000, 30000, 2, 4, 500, 100, 60.0),
}


@dataclass(frozen=True)
class Row:
    method: str
    weight: float
    bound: float  # math.inf: none
    idle_gaps: int
    seconds: float
    peak_rss_mib: float
    note: str = ""


def _child_greedy(path: Path) -> dict[str, object]:
    instance = instance_from_json(json.loads(path.read_text()))
    started = time.monotonic()
    event = build_event(instance)
    placements = greedy_placements(event)
    seconds = time.monotonic() - started
    note = _check(instance, event, placements)
    weight = math.fsum(instance.meetings[p.meeting].weight for p in placements)
    return {
        "weight": weight,
        "bound": math.inf,
        "gaps": _idle_gaps(event, placements),
        "seconds": seconds,
        "note": note,
    }


def _child_highs(path: Path, time_limit: float) -> dict[str, object]:
    from clusterlogic.scheduling.mip import max_weight_placements

    started = time.monotonic()
    instance = instance_from_json(json.loads(path.read_text()))
    event = build_event(instance)
    outcome = max_weight_placements(
        event, formulate(event, {}), time_limit=max(0.05, time_limit - (time.monotonic() - started))
    )
    seconds = time.monotonic() - started
    if outcome.placements is None:
        return {
            "weight": 0.0,
            "bound": outcome.weight_bound,
            "gaps": 0,
            "seconds": seconds,
            "note": "no schedule in time",
        }
    placements = list(outcome.placements)
    note = _check(instance, event, placements)
    weight = math.fsum(instance.meetings[p.meeting].weight for p in placements)
    return {
        "weight": weight,
        "bound": outcome.weight_bound,
        "gaps": _idle_gaps(event, placements),
        "seconds": seconds,
        "note": note,
    }


def _child_cp_sat(path: Path, time_limit: float, workers: int | None) -> dict[str, object]:
    from ortools.sat.python import cp_model

    from clusterlogic.scheduling.exact import _Model

    started = time.monotonic()
    instance = instance_from_json(json.loads(path.read_text()))
    event = build_event(instance)
    built = _Model(event, formulate(event, {}))
    for literal in built.must_literals.values():
        built.model.add(literal == 1)
    scale = weight_scale([m.weight for m in instance.meetings])
    built.model.maximize(
        sum(
            scale.scaled(instance.meetings[p.meeting].weight) * var
            for p, var in zip(built.formulation.columns, built.choose, strict=True)
        )
    )
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, time_limit - (time.monotonic() - started))
    solver.parameters.num_workers = workers or CP_SAT_WORKERS
    status = solver.solve(built.model)
    seconds = time.monotonic() - started
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {
            "weight": 0.0,
            "bound": math.inf,
            "gaps": 0,
            "seconds": seconds,
            "note": f"no schedule ({solver.status_name(status)})",
        }
    placements = built.placements(solver)
    assert not _check(instance, event, placements)  # the model requires them
    weight = math.fsum(instance.meetings[p.meeting].weight for p in placements)
    return {
        "weight": weight,
        "bound": solver.best_objective_bound / scale.factor,
        "gaps": _idle_gaps(event, placements),
        "seconds": seconds,
        "note": "optimal" if status == cp_model.OPTIMAL else "",
    }


def _check(instance: Instance, event: Event, placements: list[Placement]) -> str:
    """Asserts the hard rules (tables are handed out at the end, as the CLI does); says how
    many required meetings are missing, if any."""
    occupancy = Occupancy(event)
    for placement in placements:
        problem = occupancy.conflict(placement)
        assert problem is None, problem
        occupancy.add(placement)
    missing = sum(
        1 for m, x in enumerate(instance.meetings) if x.required and m not in occupancy.placed
    )
    return f"INVALID: {missing} required meetings missing" if missing else ""


def _run_child(command: list[str]) -> tuple[int, float, float, str]:
    """Exit status, wall seconds, peak RSS (MiB) and standard output of a child process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=REPO)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        if child.returncode:
            sys.stderr.write(err.read().decode())
        return child.returncode, seconds, usage.ru_maxrss / 1024, out.read().decode()


def _ours(path: Path, time_limit: float, workers: int | None) -> Row:
    command = [
        sys.executable,
        "-m",
        "clusterlogic.cli",
        "schedule",
        str(path),
        "--time-limit",
        f"{time_limit:g}",
    ]
    if workers:
        command += ["--workers", str(workers)]
    code, seconds, rss, out = _run_child(command)
    assert code == 0, f"clusterhub schedule exited {code}"
    schedule = json.loads(out)
    instance = instance_from_json(json.loads(path.read_text()))
    assignments = [Assignment(a["meeting"], a["slot"], a["table"]) for a in schedule["assignments"]]
    assert not find_rule_violations(instance, assignments)
    stats = schedule["stats"]
    return Row("ours", stats["weight"], stats["upper_bound"], stats["idle_gaps"], seconds, rss)


def _baseline(method: str, path: Path, time_limit: float, workers: int | None) -> Row:
    command = [
        sys.executable,
        __file__,
        "--child",
        method,
        "--child-file",
        str(path),
        "--time-limit",
        f"{time_limit:g}",
    ]
    if workers:
        command += ["--workers", str(workers)]
    code, _, rss, out = _run_child(command)
    assert code == 0, f"{method} child exited {code}"
    result = json.loads(out)
    return Row(
        method,
        result["weight"],
        result["bound"],
        result["gaps"],
        result["seconds"],
        rss,
        result.get("note", ""),
    )


def _print_event(name: str, size: Size, limit: float, rows: list[Row]) -> None:
    bound = min(r.bound for r in rows)
    print(
        f"\n{name}: {size.participants} participants, {size.meetings} requests, "
        f"time limit {limit:g} s, best proven bound {bound:.1f}"
    )
    header = (
        f"{'instance':<8} {'method':<7} {'weight':>9} {'bound':>9} {'w/bound':>8} "
        f"{'gaps':>6} {'seconds':>8} {'peak RSS':>9}  note"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        own = "-" if math.isinf(r.bound) else f"{r.bound:.1f}"
        print(
            f"{name:<8} {r.method:<7} {r.weight:>9.1f} {own:>9} {r.weight / bound:>8.4f} "
            f"{r.idle_gaps:>6} {r.seconds:>8.2f} {r.peak_rss_mib:>6.0f} MiB  {r.note}"
        )
    greedy, ours = rows[0], rows[-1]
    versus = []
    for other in rows[1:-1]:
        versus.append(
            f"ours / {other.method}: weight {ours.weight / other.weight:.4f}, "
            f"idle gaps {ours.idle_gaps / max(1, other.idle_gaps):.3f}"
            if other.weight > 0
            else f"{other.method} found no schedule"
        )
    print(
        f"ours / greedy: weight {ours.weight / greedy.weight:.4f}, "
        f"idle gaps {ours.idle_gaps / max(1, greedy.idle_gaps):.3f}, "
        f"seconds {ours.seconds / max(1e-9, greedy.seconds):.1f}; " + "; ".join(versus)
    )


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default="cluster,summit", help="comma-separated: " + ", ".join(SIZES)
    )
    parser.add_argument("--time-limit", type=float, help="seconds per event (default: by size)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", choices=["greedy", "cp-sat", "highs"], help=argparse.SUPPRESS)
    parser.add_argument("--child-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "greedy":
        print(json.dumps(_child_greedy(args.child_file)))
        return
    if args.child == "cp-sat":
        print(json.dumps(_child_cp_sat(args.child_file, args.time_limit, args.workers)))
        return
    if args.child == "highs":
        print(json.dumps(_child_highs(args.child_file, args.time_limit)))
        return
    print(
        f"seed {args.seed}, workers {args.workers or 'default'} "
        f"(CP-SAT {args.workers or CP_SAT_WORKERS}), {_load()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name in args.sizes.split(","):
            size = SIZES[name]
            limit = args.time_limit or size.time_limit
            instance = synthetic_instance(
                seed=args.seed,
                participants=size.participants,
                meetings=size.meetings,
                days=size.days,
                sessions_per_day=2,
                slots_per_session=size.slots_per_session,
                shared_tables=size.shared_tables,
                virtual_tables=size.virtual_tables,
            )
            path = Path(folder) / f"{name}.json"
            path.write_text(json.dumps(instance_to_json(instance)))
            rows = [
                _baseline("greedy", path, limit, args.workers),
                _baseline("cp-sat", path, limit, args.workers),
                _baseline("highs", path, limit, args.workers),
                _ours(path, limit, args.workers),
            ]
            _print_event(name, size, limit, rows)
            ours = rows[-1]
            best_bound = min(r.bound for r in rows)
            print(
                f"after: {_load()}\n"
                f"floors: seconds <= {limit:g}: {ours.seconds <= limit}; "
                f"weight/bound >= {GOAL_RATIO}: {ours.weight / best_bound >= GOAL_RATIO}; "
                f"peak RSS <= {MEMORY_FLOOR_MIB} MiB: "
                f"{max(r.peak_rss_mib for r in rows) <= MEMORY_FLOOR_MIB}; "
                f"idle gaps ours {ours.idle_gaps} < greedy {rows[0].idle_gaps}: "
                f"{ours.idle_gaps < rows[0].idle_gaps}; "
                f"w/own bound {ours.weight / ours.bound:.4f}"
            )


if __name__ == "__main__":
    main()
