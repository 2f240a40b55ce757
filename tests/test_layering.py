"""Layering rule (common brief): ``govdesk/`` never imports Qt or ``ui``.

Imported in a fresh interpreter so modules already loaded by other tests cannot hide a
violation. Alembic's env.py and the revision scripts are run by Alembic, not imported, and
``__main__`` runs the CLI, so they are skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "qtpy", "qtawesome", "shiboken6", "ui")

SCRIPT = r"""
import importlib, json, pkgutil, sys
import govdesk
skipped = ("govdesk.migrations", "govdesk.__main__")
names = []
for info in pkgutil.walk_packages(govdesk.__path__, "govdesk."):
    if info.name.startswith(skipped):
        continue
    importlib.import_module(info.name)
    names.append(info.name)
loaded = sorted({m.split(".")[0] for m in sys.modules})
print(json.dumps({"imported": names, "loaded": loaded}))
"""


def test_domain_imports_no_qt_and_no_ui() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "govdesk.services.members" in report["imported"]
    assert "govdesk.cli.window" in report["imported"]
    leaked = [name for name in FORBIDDEN if name in report["loaded"]]
    assert leaked == [], f"govdesk/ pulled in {leaked}"
