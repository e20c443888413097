"""The settings as production, the demo and a developer meet them, each in a fresh process
(the settings are read once per process)."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
README = ROOT / "README.md"


def clean_environment(**values: str) -> dict[str, str]:
    """This process's environment without any setting of ours, plus ``values``."""
    ours = ("DJANGO_", "CLUSTERHUB_", "DATABASE_URL", "EMAIL_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(ours)}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return {**env, **values}


def readme_production_settings() -> dict[str, str]:
    block = re.search(
        r"<!-- production-settings -->\s*```sh\n(.*?)```", README.read_text(), re.DOTALL
    )
    assert block is not None, "README.md lost its production settings block"
    values: dict[str, str] = {}
    for line in block.group(1).splitlines():
        line = line.split("  #")[0].strip()
        if line:
            key, _, value = line.partition("=")
            values[key] = value.strip('"')
    return values


def settings_in_fresh_process(env: dict[str, str], *names: str) -> dict[str, object]:
    code = (
        "import json, sys; from django.conf import settings; "
        "print(json.dumps({n: str(getattr(settings, n)) for n in sys.argv[1:]}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *names],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    values: dict[str, object] = json.loads(result.stdout)
    return values


@pytest.mark.slow
def test_check_deploy_with_the_readme_production_settings_reports_nothing() -> None:
    production = readme_production_settings()
    assert production["DJANGO_DEBUG"] == "0"
    production["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(64)

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean_environment(**production),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.slow
def test_without_debug_and_without_a_key_the_site_refuses_to_start(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean_environment(CLUSTERHUB_VAR_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.slow
def test_debug_is_off_by_default_and_the_key_comes_from_var(tmp_path: Path) -> None:
    key = secrets.token_urlsafe(64)
    (tmp_path / "secret_key").write_text(key + "\n")

    values = settings_in_fresh_process(
        clean_environment(CLUSTERHUB_VAR_DIR=str(tmp_path)),
        "DEBUG",
        "SECRET_KEY",
        "SESSION_COOKIE_SECURE",
    )

    assert values == {"DEBUG": "False", "SECRET_KEY": key, "SESSION_COOKIE_SECURE": "False"}


@pytest.mark.slow
def test_the_public_url_follows_the_serve_address_unless_set(tmp_path: Path) -> None:
    env = clean_environment(
        CLUSTERHUB_VAR_DIR=str(tmp_path), DJANGO_DEBUG="1", CLUSTERHUB_ADDRESS="0.0.0.0:8080"
    )

    derived = settings_in_fresh_process(env, "SITE_URL", "ALLOWED_HOSTS")
    named = settings_in_fresh_process(
        {**env, "CLUSTERHUB_SITE_URL": "https://cluster.example.de/"}, "SITE_URL"
    )

    assert derived["SITE_URL"] == "http://0.0.0.0:8080"
    assert "0.0.0.0" in str(derived["ALLOWED_HOSTS"])
    assert named["SITE_URL"] == "https://cluster.example.de"


def test_every_setting_read_is_declared_in_config_settings() -> None:
    """A setting of our own is read as ``settings.NAME`` and declared (with its default and
    its environment variable) in ``config/settings.py`` — never ``getattr(settings, …,
    default)``, which hides a second default where nobody looks for it."""
    from django.conf import global_settings

    import config.settings as declared

    sources = [
        path
        for package in ("clusterhub", "clusterlogic", "config")
        for path in (ROOT / package).rglob("*.py")
        if "tests" not in path.parts
    ]
    with_default = [
        str(path.relative_to(ROOT))
        for path in sources
        if "getattr(settings," in path.read_text(encoding="utf-8")
    ]
    read = {
        name
        for path in sources
        for name in re.findall(r"\bsettings\.([A-Z][A-Z0-9_]+)", path.read_text(encoding="utf-8"))
    }
    undeclared = sorted(
        name for name in read if not hasattr(declared, name) and not hasattr(global_settings, name)
    )
    assert with_default == []
    assert undeclared == []


@pytest.mark.slow
def test_one_mail_url_sets_the_mail_server(tmp_path: Path) -> None:
    env = clean_environment(
        CLUSTERHUB_VAR_DIR=str(tmp_path),
        DJANGO_DEBUG="1",
        EMAIL_URL="smtp://cluster%40example.de:se%2Fcret@smtp.internal:587/?tls=True",
    )

    values = settings_in_fresh_process(
        env,
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        "EMAIL_USE_TLS",
    )

    assert values == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.internal",
        "EMAIL_PORT": "587",
        "EMAIL_HOST_USER": "cluster@example.de",
        "EMAIL_HOST_PASSWORD": "se/cret",
        "EMAIL_USE_TLS": "True",
    }
