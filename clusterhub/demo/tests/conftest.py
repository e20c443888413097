"""Fixtures for the demo loader: a tiny CORDIS extract written like the real one."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

ORGANISATIONS = [
    # organisation_id, name, activity_type, country, country_group, n_participations, n_coord
    ("999829926", "BASF SE", "PRC", "DE", "eu15", "3", "1"),  # the article's BASF
    ("900000001", "INSTITUT EXEMPLAIRE DE RECHERCHE", "REC", "FR", "eu15", "3", "1"),
    ("900000002", "BEISPIEL SENSORIK GMBH", "PRC", "DE", "eu15", "2", "0"),
    ("900000003", "UNIVERSITY OF EXAMPLE", "HES", "UK", "eu15", "2", "1"),
    ("900000004", "", "PRC", "IT", "eu15", "2", "0"),  # no name: not loaded
]
PARTICIPATIONS = [
    # project_rcn, organisation_id, role, activity_type, country, ec_contribution
    ("100", "999829926", "coordinator", "PRC", "DE", "100"),
    ("100", "900000001", "participant", "REC", "FR", "50"),
    ("100", "900000002", "participant", "PRC", "DE", "50"),
    ("200", "900000001", "coordinator", "REC", "FR", "70"),
    ("200", "900000003", "partner", "HES", "UK", ""),
    ("300", "900000003", "coordinator", "HES", "UK", "10"),  # alone: no collaboration
    ("400", "900000002", "coordinator", "PRC", "DE", "10"),  # with an unnamed organisation
    ("400", "900000004", "participant", "PRC", "IT", "10"),
]
PROJECTS = [
    # project_rcn, grant_id, acronym, start_date, end_date, programme_parts, topic
    ("100", "6001", "GREENCAT", "2016-01-01", "2019-12-31", "SC5;LEIT", "SPIRE-01-2015"),
    ("200", "6002", "", "2018-03-01", "2021-02-28", "MSCA", ""),
    ("300", "6003", "SOLO", "2015-05-01", "2017-04-30", "ERC", "ERC-StG-2014"),
    ("400", "6004", "PAIR", "2017-01-01", "2018-12-31", "LEIT", "ICT-01-2016"),
]
PROJECT_HEADER = [
    "project_rcn", "grant_id", "acronym", "programme", "start_date", "end_date",
    "duration_months", "ec_max_contribution", "total_cost", "programme_parts",
    "h2020_programme_codes", "topic", "call_id", "funding_scheme", "n_countries",
]  # fmt: skip


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with gzip.open(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def tiny_cordis(tmp_path: Path) -> Path:
    folder = tmp_path / "cordis"
    folder.mkdir()
    _write(
        folder / "organisations.csv.gz",
        [
            "organisation_id",
            "name",
            "activity_type",
            "country",
            "country_group",
            "n_participations",
            "n_coordinations",
        ],
        [list(row) for row in ORGANISATIONS],
    )
    _write(
        folder / "participations.csv.gz",
        ["project_rcn", "organisation_id", "role", "activity_type", "country", "ec_contribution"],
        [list(row) for row in PARTICIPATIONS],
    )
    _write(
        folder / "projects.csv.gz",
        PROJECT_HEADER,
        [
            [rcn, grant, acronym, "H2020", start, end, "", "", "", parts, "", topic, "", "", ""]
            for rcn, grant, acronym, start, end, parts, topic in PROJECTS
        ],
    )
    return folder


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Settings) -> None:
    # The demo hashes its one password once; MD5 keeps that out of the test time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
