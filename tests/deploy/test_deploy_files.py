"""The container and systemd files run what docs/deploy.md describes, with commands that exist.

Containers cannot run here, so the files are read: the compose services and their counts, every
``manage.py`` command they (and the systemd units) start parsed by that command's own parser,
and the image's command the same as the documented and the systemd web process."""

from __future__ import annotations

import json
import multiprocessing
import re
import runpy
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import get_commands, load_command_class

ROOT = Path(__file__).resolve().parents[2]
SYSTEMD = ROOT / "deploy" / "systemd"
WEB_COMMAND = ["gunicorn", "-c", "config/gunicorn.conf.py"]


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return loaded


def assert_manage_command_parses(argv: list[str]) -> None:
    """``python manage.py NAME ARGS…``: NAME exists and takes ARGS (argparse exits otherwise)."""
    assert argv[:2] == ["python", "manage.py"], argv
    name, *arguments = argv[2:]
    commands = get_commands()
    assert name in commands, f"manage.py has no command {name!r}"
    parser = load_command_class(commands[name], name).create_parser("manage.py", name)
    parser.parse_args(arguments)


def containerfile_cmd() -> list[str]:
    match = re.search(r"^CMD (\[.*\])$", (ROOT / "Containerfile").read_text(), re.MULTILINE)
    assert match is not None, "Containerfile has no CMD in exec form"
    command: list[str] = json.loads(match.group(1))
    return command


def exec_start(unit: str) -> list[str]:
    match = re.search(r"^ExecStart=(.*)$", (SYSTEMD / unit).read_text(), re.MULTILINE)
    assert match is not None, unit
    argv = shlex.split(match.group(1))
    # The venv's programs by full path: the same programs the image has on its PATH.
    argv[0] = Path(argv[0]).name
    return argv


def test_compose_runs_two_web_two_workers_a_scheduler_and_postgres_with_pgvector() -> None:
    services = compose()["services"]

    assert set(services) == {"db", "migrate", "web", "worker", "scheduler", "proxy"}
    assert services["db"]["image"].startswith("pgvector/pgvector:pg")
    assert services["web"]["deploy"]["replicas"] == 2
    assert services["worker"]["deploy"]["replicas"] == 2
    assert services["scheduler"].get("deploy", {}).get("replicas", 1) == 1
    assert services["migrate"]["restart"] == "no"
    for name in ("web", "worker", "scheduler"):
        assert services[name]["depends_on"] == {
            "migrate": {"condition": "service_completed_successfully"}
        }
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgresql://")
    assert services["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}


def test_every_command_compose_starts_exists_and_takes_its_arguments() -> None:
    services = compose()["services"]

    assert services["web"]["command"] == WEB_COMMAND
    for name in ("migrate", "worker", "scheduler"):
        assert_manage_command_parses(services[name]["command"])
    assert services["worker"]["command"][2] == "db_worker"
    assert services["scheduler"]["command"][2] == "run_periodic_jobs"


def test_the_image_the_docs_and_systemd_start_the_same_web_process() -> None:
    documented = (ROOT / "docs" / "deploy.md").read_text()

    assert containerfile_cmd() == WEB_COMMAND
    assert exec_start("clusterhub-web.service") == WEB_COMMAND
    assert f"`{shlex.join(WEB_COMMAND)}`" in documented


def test_every_systemd_unit_starts_an_existing_command() -> None:
    for unit in ("clusterhub-worker@.service", "clusterhub-periodic.service"):
        assert_manage_command_parses(exec_start(unit))
    timer = (SYSTEMD / "clusterhub-periodic.timer").read_text()
    assert "OnCalendar=*-*-* *:*:00" in timer
    assert "Type=oneshot" in (SYSTEMD / "clusterhub-periodic.service").read_text()


def test_gunicorn_takes_two_workers_per_core_plus_one_unless_told(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("GUNICORN_WORKERS", "CLUSTERHUB_ADDRESS", "CLUSTERHUB_LOG_FORMAT"):
        monkeypatch.delenv(variable, raising=False)
    default = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("CLUSTERHUB_LOG_FORMAT", "json")
    told = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))

    assert default["workers"] == 2 * multiprocessing.cpu_count() + 1
    assert default["wsgi_app"] == "config.wsgi:application"
    assert default["bind"] == ["127.0.0.1:8000"]
    assert told["workers"] == 3
    assert told["logconfig_dict"]["formatters"]["default"]["()"].startswith("pythonjsonlogger")


def test_the_step_by_step_runs_each_documented_operation_once() -> None:
    """What ``scripts/follow_deploy_doc.py`` (``make test-deploy-doc``) runs covers install,
    schema, static files, the web process, the worker, the periodic jobs, backup and restore."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "follow_deploy_doc", ROOT / "scripts" / "follow_deploy_doc.py"
    )
    assert spec is not None and spec.loader is not None
    follower = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(follower)

    blocks = follower.step_by_step_blocks((ROOT / "docs" / "deploy.md").read_text())
    run = "\n".join(body for info, body in blocks if info == "bash")

    assert [info for info, _ in blocks].count("bash install") == 1
    for command in (
        "manage.py check --deploy --fail-level WARNING",
        "manage.py migrate --no-input",
        "manage.py collectstatic --no-input",
        f"{shlex.join(WEB_COMMAND)} --daemon",
        "/readyz",
        "manage.py run_periodic_jobs",
        "manage.py db_worker --queue-name '*' --batch",
        "pg_dump --format=custom",
        "pg_restore --clean",
        "manage.py migrate --check",
    ):
        assert command in run, command
    assert follower.DOCUMENTED_DATABASE_URL in run
    assert follower.DOCUMENTED_ADDRESS in run
