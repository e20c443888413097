"""Innovation projects: stage rules, the board's moves, documents, the member's view, export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from clusterhub.projects.models import Project, ProjectDocument, TimelineEntry
from clusterhub.projects.stages import Stage, refusal
from clusterhub.projects.tests.support import Projects


def test_a_move_that_skips_a_step_is_refused_with_the_reason() -> None:
    assert refusal(Stage.IDEA, Stage.FORMING) is None
    reason = refusal(Stage.IDEA, Stage.SUBMITTED)
    assert reason is not None and "Konsortium im Aufbau" in reason
    assert refusal(Stage.SUBMITTED, Stage.FUNDED) is None
    assert refusal(Stage.SUBMITTED, Stage.REJECTED) is None
    assert refusal(Stage.COMPLETED, Stage.IDEA) is not None


def test_board_moves_with_the_form_s_permission_checks(
    projects: Projects, login: Callable[[str], Client]
) -> None:
    project = projects.project
    url = reverse("projects:move", args=[project.pk])
    # The medtech manager does not manage the consortium's cluster: refused.
    other = login("medtech_manager")
    assert other.post(url, {"stage": "forming", "board": ""}).status_code == 403
    other.logout()
    client = login("smart_manager")
    skipped = client.post(url, {"stage": "submitted", "board": ""}, HTTP_HX_REQUEST="true")
    assert skipped.status_code == 200
    assert "überspringt" in skipped.content.decode()
    project.refresh_from_db()
    assert project.stage == Stage.IDEA
    for stage in ("forming", "proposal", "submitted"):
        response = client.post(url, {"stage": stage, "board": ""}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200
    project.refresh_from_db()
    assert project.stage == Stage.SUBMITTED
    assert TimelineEntry.objects.filter(project=project, kind="stage").count() == 3
    board = client.get(reverse("projects:cluster_board", args=["smart"])).content.decode()
    assert "H2-Hafen Mannheim" in board


def test_documents_too_big_or_of_a_forbidden_type_are_not_stored(
    projects: Projects, login: Callable[[str], Client], settings: object, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    settings.CLUSTERHUB_PROJECT_DOCUMENT_MAX_MB = 0.001  # type: ignore[attr-defined]
    client = login("smart_manager")
    url = reverse("projects:document_add", args=[projects.project.pk])
    big = client.post(url, {"file": SimpleUploadedFile("skizze.pdf", b"%PDF" + b"x" * 2000)})
    assert big.status_code == 400 and "zu groß" in big.content.decode()
    exe = client.post(url, {"file": SimpleUploadedFile("tool.exe", b"MZ")})
    assert exe.status_code == 400 and "nicht erlaubt" in exe.content.decode()
    assert not ProjectDocument.objects.exists()
    assert not list(tmp_path.rglob("*.*"))
    good = client.post(url, {"file": SimpleUploadedFile("skizze.pdf", b"%PDF-1.4")})
    assert good.status_code == 302
    document = ProjectDocument.objects.get()
    assert document.size == 8
    download = client.get(reverse("projects:document", args=[document.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4"  # type: ignore[attr-defined]


def test_a_member_sees_the_projects_its_organisation_is_in(
    projects: Projects, login: Callable[[str], Client]
) -> None:
    Project.objects.create(source=Project.Source.LOCAL, title="Geheimprojekt")
    client = login("member")
    page = client.get(reverse("projects:mine")).content.decode()
    assert "H2-Hafen Mannheim" in page and "Geheimprojekt" not in page
    detail = client.get(reverse("projects:detail", args=[projects.project.pk]))
    assert detail.status_code == 200
    assert "Verschieben" not in detail.content.decode()


def test_create_in_a_consortium_and_export(
    projects: Projects, login: Callable[[str], Client]
) -> None:
    client = login("smart_manager")
    response = client.post(
        reverse("projects:create"),
        {"title": "Smart Grid Neckarau", "consortium": projects.consortium.pk},
    )
    assert response.status_code == 302
    created = Project.objects.get(title="Smart Grid Neckarau")
    assert created.source == Project.Source.LOCAL and created.stage == Stage.IDEA
    refused = client.post(reverse("projects:create"), {"title": "Ohne Cluster"})
    assert refused.status_code == 200
    assert not Project.objects.filter(title="Ohne Cluster").exists()
    csv = client.get(reverse("projects:list"), {"export": "csv"})
    assert "Smart Grid Neckarau" in csv.content.decode("utf-8-sig")
    xlsx = client.get(reverse("projects:list"), {"export": "xlsx", "stage": "idea"})
    assert xlsx.content[:2] == b"PK"


@pytest.mark.parametrize("role", ["reader", "member"])
def test_readers_and_members_cannot_write(
    projects: Projects, login: Callable[[str], Client], role: str
) -> None:
    client = login(role)
    url = reverse("projects:note_add", args=[projects.project.pk])
    assert client.post(url, {"text": "x"}).status_code == 403
