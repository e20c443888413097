"""European research organisations and their real H2020 co-participations, from CORDIS.

Reads the gzip CSVs of the CORDIS extract in place (``settings.CORDIS_DATA_DIR`` or
``--cordis-dir``; never copied into the repository). Only organisations with a legal name
are loaded, and only projects in which at least two loaded organisations took part, so
every stored participation is a real past collaboration between two registry entries.

Contains data from CORDIS - EU research projects under Horizon 2020 (2014-2020),
© European Union, published by the European Commission on data.europa.eu under CC BY 4.0.
Modified: subset, recoded and split by the clusterhub project.
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from clusterhub.directory.models import Organisation
from clusterhub.directory.services import build_search_text
from clusterhub.projects.models import Participation, Project
from clusterhub.taxonomy.models import Theme

from .cordis_labels import country_name_de, country_name_en, kind_for, legal_form_of
from .themes import PROGRAMME_PART_THEMES

FILES = ("organisations.csv.gz", "participations.csv.gz", "projects.csv.gz")
BATCH = 2000
ROLE_RANK = {"coordinator": 0, "participant": 1, "partner": 2}
ATTRIBUTION = "Daten: CORDIS, © Europäische Union, CC BY 4.0."
ATTRIBUTION_EN = "Data: CORDIS, © European Union, CC BY 4.0."


@dataclass(frozen=True)
class CordisOrganisation:
    pic: str
    name: str
    activity_type: str
    country: str
    n_participations: int


@dataclass(frozen=True)
class CordisProject:
    rcn: str
    acronym: str
    topic: str
    programme_parts: tuple[str, ...]
    start_date: date | None
    end_date: date | None


@dataclass(frozen=True)
class CordisExtract:
    organisations: tuple[CordisOrganisation, ...]
    # Projects with at least two named organisations, and every participation in them
    # as (project rcn, PIC, role), one row per pair.
    projects: tuple[CordisProject, ...]
    participations: tuple[tuple[str, str, str], ...]
    # Programme parts of every project each named organisation took part in (for themes).
    programme_parts_by_pic: dict[str, frozenset[str]]


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def has_extract(folder: Path | None) -> bool:
    return folder is not None and all((folder / name).is_file() for name in FILES)


def read_extract(folder: Path, same_entity: dict[str, str] | None = None) -> CordisExtract:
    """The named organisations and their shared projects. ``same_entity`` maps a PIC to
    another PIC of the same legal entity; both count as one organisation."""
    listed = {
        row["organisation_id"]: CordisOrganisation(
            pic=row["organisation_id"],
            name=row["name"].strip(),
            activity_type=row["activity_type"],
            country=row["country"],
            n_participations=int(row["n_participations"] or 0),
        )
        for row in _rows(folder / "organisations.csv.gz")
        if row["name"].strip()
    }
    same_name = same_name_aliases(listed.values(), preferred=set(same_entity or {}))
    alias = {pic: (same_entity or {}).get(kept, kept) for pic, kept in same_name.items()}
    alias.update(same_entity or {})
    organisations = _merged(listed, same_name)
    members: dict[str, dict[str, str]] = defaultdict(dict)
    for row in _rows(folder / "participations.csv.gz"):
        pic = row["organisation_id"]
        if pic not in listed:
            continue
        entity = alias.get(pic, pic)
        roles = members[row["project_rcn"]]
        role = row["role"] if row["role"] in ROLE_RANK else "participant"
        if entity not in roles or ROLE_RANK[role] < ROLE_RANK[roles[entity]]:
            roles[entity] = role
    parts_by_rcn: dict[str, tuple[str, ...]] = {}
    projects: list[CordisProject] = []
    for row in _rows(folder / "projects.csv.gz"):
        parts = tuple(p.strip() for p in row["programme_parts"].split(";") if p.strip())
        parts_by_rcn[row["project_rcn"]] = parts
        if len(members.get(row["project_rcn"], ())) >= 2:
            projects.append(
                CordisProject(
                    rcn=row["project_rcn"],
                    acronym=row["acronym"],
                    topic=row["topic"],
                    programme_parts=parts,
                    start_date=_day(row["start_date"]),
                    end_date=_day(row["end_date"]),
                )
            )
    programme_parts: dict[str, set[str]] = defaultdict(set)
    for rcn, roles in members.items():
        for entity in roles:
            programme_parts[entity].update(parts_by_rcn.get(rcn, ()))
    kept = {project.rcn for project in projects}
    participations = tuple(
        (rcn, entity, role)
        for rcn, roles in members.items()
        if rcn in kept
        for entity, role in roles.items()
    )
    return CordisExtract(
        organisations=tuple(organisations.values()),
        projects=tuple(projects),
        participations=participations,
        programme_parts_by_pic={pic: frozenset(parts) for pic, parts in programme_parts.items()},
    )


def same_name_aliases(
    organisations: Iterable[CordisOrganisation], preferred: set[str]
) -> dict[str, str]:
    """CORDIS lists some legal entities under two PICs with the same name and country (the
    Deutsches Krebsforschungszentrum, the Universität Zürich): map each further PIC to one
    kept PIC, preferring one a named organisation already owns, else the first listed."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in organisations:
        groups[(" ".join(entry.name.casefold().split()), entry.country)].append(entry.pic)
    aliases: dict[str, str] = {}
    for pics in groups.values():
        kept = next((pic for pic in pics if pic in preferred), pics[0])
        aliases.update((pic, kept) for pic in pics if pic != kept)
    return aliases


def _merged(
    listed: dict[str, CordisOrganisation], same_name: dict[str, str]
) -> dict[str, CordisOrganisation]:
    """One entry per entity, counting the participations of all its PICs."""
    extra: dict[str, int] = defaultdict(int)
    for pic, kept in same_name.items():
        extra[kept] += listed[pic].n_participations
    return {
        pic: replace(entry, n_participations=entry.n_participations + extra[pic])
        if extra[pic]
        else entry
        for pic, entry in listed.items()
        if pic not in same_name
    }


def _organisation(entry: CordisOrganisation, themes: list[Theme]) -> Organisation:
    country = {"UK": "GB", "EL": "GR"}.get(entry.country, entry.country)[:2]
    labels = ", ".join(theme.label_de for theme in themes[:4])
    organisation = Organisation(
        name=entry.name[:255],
        legal_form=legal_form_of(entry.name),
        kind=kind_for(entry.activity_type, entry.name, entry.n_participations),
        country=country,
        cordis_pic=entry.pic,
        description_de=(
            f"Forschungs- und Innovationspartner aus {country_name_de(country)} mit "
            f"{entry.n_participations} Beteiligungen an Horizont-2020-Projekten. {ATTRIBUTION}"
        ),
        description_en=(
            f"Research and innovation partner from {country_name_en(country)} with "
            f"{entry.n_participations} participations in Horizon 2020 projects. "
            f"{ATTRIBUTION_EN}"
        ),
        offers=f"Forschung und Innovation: {labels}" if labels else "Forschung und Innovation",
        seeks="Partner für europäische Verbundprojekte",
    )
    organisation.search_text = build_search_text(organisation)
    return organisation


def load_cordis(
    extract: CordisExtract,
    themes: dict[str, Theme],
    pic_owners: dict[str, Organisation],
    progress: Callable[[str], None],
) -> dict[str, int]:
    """Store the extract; organisations and projects already present are kept, not doubled."""
    theme_of_part = {part: themes[slug] for part, slug in PROGRAMME_PART_THEMES.items()}

    def themes_for(pic: str) -> list[Theme]:
        parts = sorted(extract.programme_parts_by_pic.get(pic, ()))
        return [theme_of_part[p] for p in parts if p in theme_of_part]

    by_pic: dict[str, int] = {pic: org.pk for pic, org in pic_owners.items()}
    by_pic.update(Organisation.objects.exclude(cordis_pic="").values_list("cordis_pic", "pk"))
    new = [entry for entry in extract.organisations if entry.pic not in by_pic]
    created = Organisation.objects.bulk_create(
        [_organisation(entry, themes_for(entry.pic)) for entry in new], batch_size=BATCH
    )
    by_pic.update((org.cordis_pic, org.pk) for org in created)
    through = Organisation.themes.through
    through.objects.bulk_create(
        [
            through(organisation_id=org.pk, theme_id=theme.pk)
            for org in created
            for theme in themes_for(org.cordis_pic)
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    progress(f"  {len(created)} CORDIS-Organisationen angelegt")

    known = set(
        Project.objects.filter(source=Project.Source.CORDIS).values_list("external_id", flat=True)
    )
    Project.objects.bulk_create(
        [
            Project(
                source=Project.Source.CORDIS,
                external_id=project.rcn,
                acronym=project.acronym[:120],
                topic=project.topic[:120],
                programme=" ".join(("H2020", *project.programme_parts))[:200],
                start_date=project.start_date,
                end_date=project.end_date,
            )
            for project in extract.projects
            if project.rcn not in known
        ],
        batch_size=BATCH,
    )
    project_ids = dict(
        Project.objects.filter(source=Project.Source.CORDIS).values_list("external_id", "pk")
    )
    project_through = Project.themes.through
    project_through.objects.bulk_create(
        [
            project_through(project_id=project_ids[project.rcn], theme_id=theme_of_part[part].pk)
            for project in extract.projects
            if project.rcn not in known
            for part in project.programme_parts
            if part in theme_of_part
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    participations = Participation.objects.bulk_create(
        [
            Participation(project_id=project_ids[rcn], organisation_id=by_pic[pic], role=role)
            for rcn, pic, role in extract.participations
            if rcn not in known and pic in by_pic
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    progress(
        f"  {len(project_ids)} Projekte mit mindestens zwei Partnern, "
        f"{len(participations)} Projektbeteiligungen"
    )
    return {"organisations": len(created), "participations": len(participations)}
