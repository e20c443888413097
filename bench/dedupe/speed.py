"""Time and peak memory of ``find_pairs`` on 100,000 records made from real names.

The names are the register names of ``shared/data/org-names`` (entities.jsonl.gz: current
and former names; OffeneRegister/OpenCorporates German company data, CC BY 4.0, from
OpenCorporates) and the ROR names of German research organisations (CC0); records past
their number are perturbed copies (another legal form, case, punctuation, a typo), so that
the run holds duplicates as a registry would.

    .venv/bin/python bench/dedupe/speed.py [--records 100000] [--data ../shared/data/org-names]

Peak memory: the process's maximum resident set size (``resource.getrusage``), which covers
the interpreter and the loaded names too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))  # this checkout's clusterlogic, not an installed one

from clusterlogic.dedupe import OrgRecord, find_pairs  # noqa: E402

DATA = REPO_ROOT / ".." / "shared" / "data" / "org-names"
FORMS = ["GmbH", "AG", "SE", "e. V.", "GmbH & Co. KG", "eG", "UG (haftungsbeschränkt)", ""]


def real_names(data: Path) -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    with gzip.open(data / "entities.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            entity = json.loads(line)
            city = entity.get("city") or ""
            names += [(name, city) for name in [entity["name"], *entity["previous_names"]]]
    with gzip.open(data / "ror_de_names.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            org = json.loads(line)
            names += [(name, org.get("city") or "") for name in [org["name"], *org["aliases"]]]
    return names


def perturb(name: str, rng: random.Random) -> str:
    choice = rng.randrange(4)
    if choice == 0:
        words = name.split()
        return " ".join([*words[:-1], rng.choice(FORMS)]) if len(words) > 1 else name
    if choice == 1:
        return name.upper() if rng.random() < 0.5 else name.replace(" ", "-", 1)
    if choice == 2 and len(name) > 4:
        at = rng.randrange(1, len(name) - 1)
        return name[:at] + name[at + 1 :]
    return f"{name} {rng.choice(FORMS)}".strip()


def records(count: int, data: Path, seed: int = 20261202) -> list[OrgRecord]:
    rng = random.Random(seed)
    names = real_names(data)
    rng.shuffle(names)
    made = [OrgRecord(f"r{n}", name, city) for n, (name, city) in enumerate(names[:count])]
    while len(made) < count:
        name, city = rng.choice(names)
        made.append(OrgRecord(f"r{len(made)}", perturb(name, rng), city))
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    made = records(args.records, args.data)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu_started = time.perf_counter(), time.process_time()
    pairs = find_pairs(made)
    seconds = time.perf_counter() - started
    # CPU time beside wall time: on a shared machine the wall clock also counts waiting.
    cpu_seconds = time.process_time() - cpu_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "records": len(made),
        "pairs": len(pairs),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu_seconds, 1),
        "peak_rss_mib": round(peak_kib / 1024),
        "rss_before_mib": round(before / 1024),
    }
    print(json.dumps(result))
    return 0 if seconds <= 60 and peak_kib <= 2 * 1024 * 1024 else 1


if __name__ == "__main__":
    raise SystemExit(main())
