"""The generated demo data: reproducible, plausible, and never pointing at real people."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from clusterhub.demo.cordis_labels import kind_for, legal_form_of
from clusterhub.demo.regional import RegionalGenerator
from clusterhub.demo.regional_people import mailbox
from clusterhub.directory.models import Organisation
from clusterlogic.dedupe.normalise import name_core

TODAY = date(2025, 6, 1)


def names(seed: int, count: int) -> list[str]:
    generator = RegionalGenerator(seed, TODAY)
    return [generator.draft().organisation.name for _ in range(count)]


def test_same_seed_gives_the_same_organisations() -> None:
    assert names(7, 50) == names(7, 50)


def test_another_seed_gives_other_organisations() -> None:
    assert names(7, 50) != names(8, 50)


def test_generated_organisations_are_regional_and_reachable_only_at_example_domains() -> None:
    generator = RegionalGenerator(3, TODAY)
    drafts = [generator.draft() for _ in range(200)]

    assert {d.organisation.country for d in drafts} == {"DE"}
    assert all(d.organisation.website.endswith(".example/") for d in drafts)
    assert all(p.email.endswith(".example") for d in drafts for p in d.people)
    assert all(d.organisation.search_text.startswith(d.organisation.name) for d in drafts)
    assert {d.organisation.kind for d in drafts} >= {"sme", "startup", "social", "welfare"}
    mannheim = sum(d.organisation.city == "Mannheim" for d in drafts)
    assert mannheim > len(drafts) / 4


def test_memberships_follow_status() -> None:
    generator = RegionalGenerator(5, TODAY)
    own = {"mmt", "smart-industries", "social-economy", "green-industry"}
    for draft in (generator.draft() for _ in range(300)):
        clusters = {m.cluster_slug for m in draft.memberships}
        status = draft.organisation.status
        assert bool(clusters & own) == (status != Organisation.Status.PROSPECT)
        ended = [m for m in draft.memberships if m.cluster_slug in own and m.ended_on]
        assert bool(ended) == (status == Organisation.Status.FORMER)
        for m in draft.memberships:
            assert m.ended_on is None or m.started_on <= m.ended_on <= TODAY


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_mailbox_is_plain_ascii(first: str, last: str) -> None:
    local = mailbox(first, last)
    assert local.isascii()
    assert "@" not in local
    assert " " not in local


def test_legal_form_is_read_from_the_end_of_a_cordis_name() -> None:
    assert legal_form_of("MILTENYI BIOTEC GMBH") == "GmbH"
    assert legal_form_of("TESAN S.P.A.") == "S.p.A."
    assert legal_form_of("LUNDS UNIVERSITET") == ""


def test_cordis_companies_split_into_sme_and_large() -> None:
    assert kind_for("PRC", "BEISPIEL SENSORIK GMBH", 2) == "sme"
    assert kind_for("PRC", "BEISPIEL SENSORIK GMBH", 25) == "large"
    assert kind_for("PRC", "BASF SE", 2) == "large"
    assert kind_for("HES", "UNIVERSITY OF EXAMPLE", 2) == "university"
    assert kind_for("OTH", "EXAMPLE ASSOCIATION", 2) == "association"


def test_no_two_generated_organisations_share_a_name() -> None:
    # Before, "Akademie für Angewandte Informatik Ludwigshafen am Rhein gGmbH" and about 400
    # other names came twice or more among the demo's 3,000 (a small vocabulary, drawn often).
    generator = RegionalGenerator(42, TODAY, taken_names=["Bytemind GmbH"])
    drawn = [generator.draft(with_people=False).organisation.name for _ in range(3000)]

    folded = [name.casefold() for name in drawn]
    assert len(set(folded)) == len(folded)
    assert "bytemind gmbh" not in folded  # a stored name is not drawn again
    # Nor apart from the legal form ("Aquaflow GmbH" beside "Aquaflow UG" was one twice).
    cores = [name_core(name) for name in drawn]
    assert len(set(cores)) == len(cores)
    assert "bytemind" not in cores
    assert not [name for name in drawn if re.search(r"\b(\w[\w-]+) \1\b", name)]


def test_cordis_lists_one_entity_under_one_pic_even_when_it_has_two() -> None:
    from clusterhub.demo.cordis import CordisOrganisation, same_name_aliases

    def entry(pic: str, name: str, country: str = "DE") -> CordisOrganisation:
        return CordisOrganisation(pic, name, "REC", country, 1)

    listed = [
        entry("1", "DEUTSCHES KREBSFORSCHUNGSZENTRUM"),
        entry("2", "Deutsches  Krebsforschungszentrum"),
        entry("3", "UNIVERSITAET ZUERICH", "CH"),
        entry("4", "UNIVERSITAET ZUERICH", "CH"),
        entry("5", "UNIVERSITAET ZUERICH", "AT"),  # another country: another entity
    ]

    assert same_name_aliases(listed, preferred=set()) == {"2": "1", "4": "3"}
    assert same_name_aliases(listed, preferred={"4"}) == {"2": "1", "3": "4"}
