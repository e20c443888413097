"""``manage.py load_demo`` on a small scale: what it loads and that it loads it once."""

from __future__ import annotations

import gzip
import re
from datetime import date, timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from clusterhub.clusters.models import Cluster
from clusterhub.crm.models import FollowUp, Interaction
from clusterhub.demo.clusters import ALL_CLUSTERS
from clusterhub.demo.interactions import NOTES, Contact, InteractionGenerator
from clusterhub.demo.loader import DemoOptions, load_demo
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
        Participation.objects.filter(project__source="cordis").values_list(
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
    assert not Project.objects.filter(source="cordis").exists()
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


PINNED_TODAY = date(2031, 3, 17)


def test_demo_follow_ups_fall_due_around_the_day_it_is_loaded() -> None:
    # Before: 63 open follow-ups for one manager, overdue since 22 months before loading.
    generator = InteractionGenerator(42, PINNED_TODAY)
    manager = User(username="manager.smart")
    contacts = [Contact(index, 1, date(2018, 1, 1), PINNED_TODAY) for index in range(900)]
    follow_ups = [
        follow_up
        for contact in contacts
        for day in generator.occurrences(contact)
        if (follow_up := generator.follow_up(Interaction(occurred_on=day), manager))
    ]

    open_items = [item for item in follow_ups if item.done_at is None]
    overdue = [item for item in open_items if item.due_on < PINNED_TODAY]
    soon = [item for item in open_items if item.due_on <= PINNED_TODAY + timedelta(days=14)]
    assert len(follow_ups) > 300
    assert 3 <= len(overdue) <= 15  # a few, as a working team has
    assert min(item.due_on for item in overdue) >= PINNED_TODAY - timedelta(days=21)
    assert len(soon) - len(overdue) >= 5
    assert all(item.done_at.date() <= PINNED_TODAY for item in follow_ups if item.done_at)
    assert all("2025" not in note for note in NOTES)


@pytest.mark.django_db
def test_the_loaded_demo_dates_its_follow_ups_from_the_day_it_is_loaded(tmp_path: Path) -> None:
    load_demo(
        DemoOptions(cordis_dir=tmp_path / "absent", regional=100, today=PINNED_TODAY),
        progress=lambda _line: None,
    )

    showcase = FollowUp.objects.get(description="Förderaufruf Digitalisierung weiterleiten")
    open_items = FollowUp.objects.filter(done_at__isnull=True)
    assert showcase.due_on == PINNED_TODAY + timedelta(days=5)
    assert not open_items.filter(due_on__lt=PINNED_TODAY - timedelta(days=21)).exists()
    assert Interaction.objects.latest("occurred_on").occurred_on <= PINNED_TODAY


@pytest.mark.django_db
def test_no_organisation_appears_twice_in_the_public_directory(tiny_cordis: Path) -> None:
    # A second PIC under the first one's name, as CORDIS has for several institutes.
    with gzip.open(tiny_cordis / "organisations.csv.gz", "at", encoding="utf-8") as handle:
        handle.write("900000009,INSTITUT EXEMPLAIRE DE RECHERCHE,REC,FR,eu15,1,0\n")
    load("--cordis-dir", str(tiny_cordis), "--regional", "600")

    names = [name.casefold() for name in Organisation.objects.values_list("name", flat=True)]
    assert len(names) == len(set(names))
    assert Organisation.objects.filter(name="INSTITUT EXEMPLAIRE DE RECHERCHE").count() == 1
    page = Client().get(reverse("directory:public_list")).content.decode()
    listed = Organisation.objects.filter(listed_publicly=True).order_by("name")[:25]
    assert listed.exists()
    for organisation in listed:
        assert page.count(f">{organisation.name}<") <= 1


MAKEFILE = Path(__file__).resolve().parents[3] / "Makefile"


def test_make_demo_prints_the_logins_last_and_files_the_mails() -> None:
    # Before: the worker printed every mail to the console after the table of logins.
    text = MAKEFILE.read_text(encoding="utf-8")
    recipe = (
        re.split(r"\ndemo: migrate[^\n]*\n", text, maxsplit=1)[1].split("\n\n", 1)[0].splitlines()
    )
    steps = [line.strip() for line in recipe if line.startswith("\t")]

    order = ["load_demo --if-empty --no-logins", "load_demo_events", "build_partner_index"]
    positions = [next(i for i, step in enumerate(steps) if name in step) for name in order]
    logins = next(i for i, step in enumerate(steps) if step.endswith("demo_logins"))
    assert positions == sorted(positions) and logins > positions[-1]
    assert steps[logins + 1 :] == ["PYTHON=$(PY) scripts/serve_demo.sh"]
    assert "demo: export EMAIL_BACKEND ?= django.core.mail.backends.filebased.EmailBackend" in text


@pytest.mark.django_db
def test_demo_logins_prints_each_role_and_where_the_mails_go(tmp_path: Path, settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mail")
    quiet = load("--cordis-dir", str(tmp_path / "absent"), "--no-logins")
    out = StringIO()

    call_command("demo_logins", stdout=out)

    lines = out.getvalue().strip().splitlines()
    assert "Benutzer:" not in quiet
    users = [line.split("Benutzer:")[1].split()[0] for line in lines if "Benutzer:" in line]
    assert users == [
        "manager.smart",
        "manager.medtech",
        "manager.social",
        "manager.green",
        "admin",
        "reader",
        "member",
    ]
    assert lines[-1] == (
        f"E-Mails der Demo werden nicht versandt, sondern in {tmp_path / 'mail'} abgelegt."
    )
    assert "Benutzer: member" in lines[-2]


@pytest.mark.django_db
def test_each_consortium_of_the_initiative_has_a_project(tmp_path: Path) -> None:
    load("--cordis-dir", str(tmp_path / "absent"))
    local = Project.objects.filter(source="local")
    assert local.count() == 8
    assert set(local.values_list("consortium__parent__slug", flat=True)) == {
        "industriestandort-mannheim"
    }
    assert len(set(local.values_list("stage", flat=True))) >= 6
    assert all(project.participations.exists() for project in local)
