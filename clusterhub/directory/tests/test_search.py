"""The organisation list forgives typos and combines search with filters, on both databases."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from clusterhub.directory.models import Organisation
from clusterhub.directory.queries import OrganisationFilter, search_organisations
from clusterhub.directory.search import trigrams
from tests.factories import (
    AccountFactory,
    ClusterFactory,
    MembershipFactory,
    OrganisationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def companies() -> dict[str, Organisation]:
    names = [
        "Pepperl+Fuchs",
        "Fuchs Lubricants Germany GmbH",
        "Peppermint Design Studio",
        "Roche Diagnostics GmbH",
        "Hochschule Mannheim",
        "John Deere GmbH & Co. KG",
    ]
    return {name: OrganisationFactory.create(name=name) for name in names}


def names(page: object) -> list[str]:
    return [organisation.name for organisation in page]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("peperl fuchs", "Pepperl+Fuchs"),
        ("Pepperl und Fuchs", "Pepperl+Fuchs"),
        ("roche diagnostik", "Roche Diagnostics GmbH"),
        ("hochschule manheim", "Hochschule Mannheim"),
        ("john deer", "John Deere GmbH & Co. KG"),
    ],
)
def test_misspelt_name_finds_organisation_first(
    companies: dict[str, Organisation], typed: str, expected: str
) -> None:
    page = search_organisations(Organisation.objects.all(), OrganisationFilter(query=typed), 1)
    assert names(page)[0] == expected


def test_search_respects_filters(companies: dict[str, Organisation]) -> None:
    cluster = ClusterFactory.create()
    MembershipFactory.create(
        organisation=companies["Fuchs Lubricants Germany GmbH"], cluster=cluster
    )
    page = search_organisations(
        Organisation.objects.all(), OrganisationFilter(query="fuchs", cluster_id=cluster.pk), 1
    )
    assert names(page) == ["Fuchs Lubricants Germany GmbH"]


def test_filters_combine_without_query() -> None:
    theme = ThemeFactory.create(slug="wasserstoff")
    hydrogen = OrganisationFactory.create(name="H2 Rhein-Neckar", kind=Organisation.Kind.STARTUP)
    hydrogen.themes.add(theme)
    OrganisationFactory.create(name="Andere GmbH", kind=Organisation.Kind.STARTUP)
    OrganisationFactory.create(name="Dritte AG", kind=Organisation.Kind.LARGE, city="Heidelberg")
    by_theme = search_organisations(
        Organisation.objects.all(), OrganisationFilter(theme_id=theme.pk, kind="startup"), 1
    )
    by_city = search_organisations(
        Organisation.objects.all(), OrganisationFilter(city="heidelberg"), 1
    )
    assert names(by_theme) == ["H2 Rhein-Neckar"]
    assert names(by_city) == ["Dritte AG"]


def test_renamed_organisation_is_found_by_new_name() -> None:
    organisation = OrganisationFactory.create(name="Alter Name GmbH")
    Organisation.objects.filter(pk=organisation.pk).update(
        name="Zukunftswerk Jungbusch", search_text="Zukunftswerk Jungbusch"
    )
    page = search_organisations(
        Organisation.objects.all(), OrganisationFilter(query="zukunftswerk jungbush"), 1
    )
    assert names(page) == ["Zukunftswerk Jungbusch"]


def test_query_without_trigrams_returns_nothing_instead_of_failing() -> None:
    OrganisationFactory.create(name="AB")
    assert trigrams("a b") == []
    page = search_organisations(Organisation.objects.all(), OrganisationFilter(query="a b"), 1)
    assert names(page) == []


def test_list_page_query_count_stays_flat(
    client: Client, django_assert_max_num_queries: object
) -> None:
    cluster = ClusterFactory.create()
    for index in range(60):
        MembershipFactory.create(
            organisation=OrganisationFactory.create(name=f"Firma {index:02d}"), cluster=cluster
        )
    user = AccountFactory.create(role="reader").user
    client.force_login(user)
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = client.get(reverse("directory:organisation_list"), {"page": 2})
    assert response.status_code == 200
    assert "Firma 25" in response.content.decode()
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = client.get(reverse("directory:organisation_list"), {"q": "firma 07"})
    assert "Firma 07" in response.content.decode()


def test_htmx_request_returns_only_the_results(client: Client) -> None:
    OrganisationFactory.create(name="Pepperl+Fuchs")
    client.force_login(AccountFactory.create(role="reader").user)
    response = client.get(
        reverse("directory:organisation_list"), {"q": "peperl"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert "Pepperl+Fuchs" in body
    assert "<html" not in body


def test_word_in_offers_finds_organisation() -> None:
    OrganisationFactory.create(
        name="Glaswerk Rheinau", offers="Wasserstoff-Brenner für Glasschmelze"
    )
    OrganisationFactory.create(name="Brennerei Neckarau", offers="Obstbrände")
    OrganisationFactory.create(name="Andere GmbH", offers="Software")
    page = search_organisations(
        Organisation.objects.all(), OrganisationFilter(query="wasserstoff"), 1
    )
    assert names(page) == ["Glaswerk Rheinau"]


@pytest.mark.parametrize("typed", ["wärmewerk", "waermewerk", "warmewerk jungbusch"])
def test_umlauts_and_their_spellings_find_the_name(typed: str) -> None:
    OrganisationFactory.create(name="Wärmewerk Jungbusch GmbH")
    OrganisationFactory.create(name="Werkstatt Neckarau")
    page = search_organisations(Organisation.objects.all(), OrganisationFilter(query=typed), 1)
    assert names(page)[0] == "Wärmewerk Jungbusch GmbH"


def test_typed_umlaut_with_a_typo_finds_a_name_stored_without_it() -> None:
    # On PostgreSQL "müler" shares too few trigrams with "Muller" to pass pg_trgm's
    # threshold, and German stemming does not forgive the typo; the unaccented query finds it.
    OrganisationFactory.create(name="Muller Feinmechanik GmbH")
    OrganisationFactory.create(name="Werkstatt Neckarau")
    page = search_organisations(Organisation.objects.all(), OrganisationFilter(query="müler"), 1)
    assert names(page)[0] == "Muller Feinmechanik GmbH"


@pytest.mark.postgresql
def test_postgres_name_search_uses_the_trigram_index_not_a_postings_table() -> None:
    from django.db import connection
    from django.db.models import Q

    OrganisationFactory.create(name="Pepperl+Fuchs")
    with connection.cursor() as cursor:
        # Forced off the table and the b-tree, so the plan shows whether the GIN index serves.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        query = Organisation.objects.filter(Q(name__trigram_word_similar="peperl")).only("pk")
        plan = query.explain()
        tables = connection.introspection.table_names(cursor)
        cursor.execute("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal")
        (triggers,) = cursor.fetchone()
    assert "org_name_trgm_idx" in plan
    assert "directory_organisationtrigram" not in tables
    assert triggers == 0
