"""clusterlogic must stay plain Python: importing every module of it loads no Django."""

import pkgutil
import subprocess
import sys

import clusterlogic


def test_clusterlogic_imports_no_django_or_clusterhub() -> None:
    modules = [
        info.name for info in pkgutil.walk_packages(clusterlogic.__path__, prefix="clusterlogic.")
    ]
    assert "clusterlogic.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "roots = {'django', 'clusterhub', 'config'}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in roots)\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"clusterlogic imported: {result.stdout}"
