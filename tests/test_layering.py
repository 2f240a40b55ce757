"""Layering rules (common brief), checked two ways.

The import-linter contracts in pyproject.toml ([tool.importlinter]) read every import statement,
also those inside functions: ``govdesk`` never imports ``ui`` or Qt; ``ui`` never imports
SQLAlchemy, ``govdesk.db`` or ``govdesk.models``; no two modules (or sibling packages) of a
package import each other in a circle.

And at run time: every ``govdesk`` module is imported in a fresh interpreter, so modules already
loaded by other tests cannot hide a violation. Alembic's env.py and the revision scripts are run
by Alembic, not imported, and ``__main__`` runs the CLI, so they are skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "qtpy", "qtawesome", "shiboken6", "ui")

LINT = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
CONTRACTS = ("domain-without-qt", "window-without-orm", "no-cycles")


def _lint(contract: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LINT, "--contract", contract, "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.parametrize("contract", CONTRACTS)
def test_import_contract_is_kept(contract: str) -> None:
    result = _lint(contract)
    assert "KEPT" in result.stdout and result.returncode == 0, result.stdout + result.stderr


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
