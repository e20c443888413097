"""Write the Rhein-Neckar register sample (../shared/data/rhein-neckar-orgs, from OpenCorporates,
CC BY 4.0) as the CSV a cluster manager would import: semicolon, UTF-8 with BOM, German headers.

    .venv/bin/python bench/imports/register_csv.py /tmp/register.csv [SOURCE.jsonl.gz]
    time .venv/bin/python manage.py import_organisations /tmp/register.csv
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from pathlib import Path

# ../shared beside the checkout (as config.settings finds CORDIS); a second argument overrides.
SOURCE = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "rhein-neckar-orgs"
    / "register_entries.jsonl.gz"
)
ADDRESS = re.compile(r"^(?P<street>.*?),\s*(?P<postcode>\d{5})\s")


def main(target: str, source: Path = SOURCE) -> None:
    with (
        gzip.open(source, "rt", encoding="utf-8") as lines,
        open(target, "w", encoding="utf-8-sig", newline="") as out,
    ):
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Kennung", "Name", "Rechtsform", "Straße", "PLZ", "Ort"])
        for line in lines:
            entry = json.loads(line)
            found = ADDRESS.match(entry.get("address") or "")
            street = re.sub(r"\s*\(.*?\)", "", found["street"]) if found else ""
            writer.writerow(
                [
                    entry["entity_id"],
                    entry["name"],
                    entry["legal_form"] or "",
                    street,
                    found["postcode"] if found else "",
                    entry["city"],
                ]
            )


if __name__ == "__main__":
    main(sys.argv[1], *(Path(arg) for arg in sys.argv[2:3]))
