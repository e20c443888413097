"""``manage.py load_demo`` on a small scale: what it loads and that it loads it once."""

from __future__ import annotations

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import FollowUp, Interaction
from clusterhub.demo.clusters import ALL_CLUSTERS
from clusterhub.demo.named import named_organisation_rows
from clusterhub.directory.models import Membership, Organisation, Person
from clusterhub.projects.models import Participation, Project

REGIONAL = "30"


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo", "--regional", REGIONAL, *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "organisations": Organisation.objects.count(),
        "memberships": Membership.objects.count(),
        "people": Person.objects.count(),
        "clusters": Cluster.objects.count(),
        "projects": Project.objects.count(),
        "participations": Participation.objects.count(),
        "interactions": Interaction.objects.count(),
        "follow_ups": FollowUp.objects.count(),
        "users": User.objects.count(),
    }


@pytest.mark.django_db
def test_loading_twice_with_if_empty_adds_nothing(tiny_cordis: Path) -> None:
    load("--cordis-dir", str(tiny_cordis))
    before = counts()

    output = load("--if-empty", "--cordis-dir", str(tiny_cordis))

    assert counts() == before
    assert f"{before['organisations']} Organisationen" in output


@pytest.mark.django_db
def test_loading_again_without_if_empty_duplicates_nothing(tiny_cordis: Path) -> None:
    load("--cordis-dir", str(tiny_cordis))
    before = counts()

    load("--cordis-dir", str(tiny_cordis))

    assert counts() == before


@pytest.mark.django_db
def test_named_organisations_and_clusters_exist(tmp_path: Path) -> None:
    load("--cordis-dir", str(tmp_path / "absent"))

    for row in named_organisation_rows():
        assert Organisation.objects.filter(name=row["name"]).count() == 1, row["name"]
    assert set(Cluster.objects.values_list("slug", flat=True)) == {c.slug for c in ALL_CLUSTERS}
    own = Cluster.objects.filter(kind=Cluster.Kind.OWN).values_list("name", flat=True)
    assert set(own) == {
        "Mannheim Medical Technology Cluster",
        "Cluster Smart Industries",
        "Social Economy Cluster",
        "Green Industry Cluster",
    }
    initiative = Cluster.objects.get(name="Industriestandort Mannheim")
    assert initiative.children.filter(kind=Cluster.Kind.CONSORTIUM).count() == 8
    pepperl = Organisation.objects.get(name="Pepperl+Fuchs")
    assert (pepperl.street, pepperl.postcode, pepperl.city) == (
        "Lilienthalstraße 200",
        "68307",
        "Mannheim",
    )
    assert pepperl.memberships.filter(cluster__slug="smart-industries").exists()


def contrast_on_white(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


@pytest.mark.parametrize("spec", ALL_CLUSTERS, ids=lambda spec: spec.slug)
def test_cluster_colour_is_readable_on_white(spec: object) -> None:
    assert contrast_on_white(spec.colour) >= 4.5  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_cluster_contacts_and_people_are_not_real_persons(tmp_path: Path) -> None:
    load("--cordis-dir", str(tmp_path / "absent"))

    assert Person.objects.exists()
    emails = [*Person.objects.values_list("email", flat=True)]
    emails += [e for e in Cluster.objects.values_list("contact_email", flat=True) if e]
    emails += [*User.objects.values_list("email", flat=True)]
    assert all(email.rsplit(".", 1)[-1] == "example" for email in emails)
    assert not Cluster.objects.exclude(contact_phone="").exists()


@pytest.mark.django_db
def test_every_organisation_gets_its_search_text(tiny_cordis: Path) -> None:
    load("--cordis-dir", str(tiny_cordis))

    for name, text in Organisation.objects.values_list("name", "search_text"):
        assert text.startswith(name)


@pytest.mark.django_db
def test_cordis_co_participations_become_participations(tiny_cordis: Path) -> None:
    load("--cordis-dir", str(tiny_cordis))

    loaded = dict(Organisation.objects.exclude(cordis_pic="").values_list("cordis_pic", "name"))
    assert loaded["999829926"] == "BASF SE"  # the article's BASF, not a second one
    assert Organisation.objects.filter(name__iexact="BASF SE").count() == 1
    assert "900000004" not in loaded  # CORDIS has no name for it
    pairs = set(
        Participation.objects.values_list(
            "project__external_id", "organisation__cordis_pic", "role"
        )
    )
    assert pairs == {
        ("100", "999829926", "coordinator"),
        ("100", "900000001", "participant"),
        ("100", "900000002", "participant"),
        ("200", "900000001", "coordinator"),
        ("200", "900000003", "partner"),
    }
    project = Project.objects.get(external_id="100")
    assert (project.source, project.acronym, project.topic) == (
        "cordis",
        "GREENCAT",
        "SPIRE-01-2015",
    )
    assert set(project.themes.values_list("slug", flat=True)) == {"h2020-sc5", "h2020-leit"}
    university = Organisation.objects.get(cordis_pic="900000003")
    assert (university.kind, university.country) == ("university", "GB")


@pytest.mark.django_db
def test_missing_cordis_folder_loads_a_smaller_demo(tmp_path: Path) -> None:
    output = load("--cordis-dir", str(tmp_path / "absent"))

    assert "kein CORDIS-Auszug" in output
    assert not Project.objects.exists()
    assert Organisation.objects.count() == len(named_organisation_rows()) + int(REGIONAL)


@pytest.mark.django_db
def test_a_login_is_printed_for_each_role(tmp_path: Path) -> None:
    output = load("--cordis-dir", str(tmp_path / "absent"))

    usernames = ["manager.smart", "manager.medtech", "admin", "reader", "member"]
    for username in usernames:
        assert f"Benutzer: {username} " in output
        assert User.objects.get(username=username).check_password("mannheim-demo")
    assert output.index("manager.smart") < output.index("manager.medtech")


@pytest.mark.django_db
def test_smart_industries_manager_finds_and_edits_pepperl_fuchs_but_not_a_foreign_note(
    tmp_path: Path,
) -> None:
    load("--cordis-dir", str(tmp_path / "absent"))
    client = Client()
    client.force_login(User.objects.get(username="manager.smart"))
    pepperl = Organisation.objects.get(name="Pepperl+Fuchs")
    foreign = Interaction.objects.filter(organisation=pepperl).exclude(
        cluster__managers__username="manager.smart"
    )

    found = client.get(reverse("directory:organisation_list"), {"q": "peperl fuchs"})
    edit = client.get(reverse("directory:organisation_edit", args=[pepperl.pk]))
    note = client.get(reverse("crm:interaction_detail", args=[foreign.get().pk]))

    assert "Pepperl+Fuchs" in found.content.decode()
    assert edit.status_code == 200
    assert note.status_code == 403


@pytest.mark.django_db
def test_generated_follow_ups_include_overdue_ones_for_managers(tmp_path: Path) -> None:
    call_command(
        "load_demo",
        "--regional",
        "200",
        "--cordis-dir",
        str(tmp_path / "absent"),
        stdout=StringIO(),
    )

    open_items = FollowUp.objects.filter(done_at__isnull=True)
    assert open_items.filter(due_on__lt=date.today()).exists()
    assert set(open_items.values_list("assignee__account__role", flat=True)) == {"manager"}
