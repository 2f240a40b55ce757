"""Shared fixtures: real SQLite files in tmp_path, Qt offscreen, a private GOVDESK_HOME per test."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Offscreen, on a screen the size of a village PC's (1366×768; the plugin's default is 800×800):
# a window restored from its saved geometry or laid out at 特大 must fit it as it would there.
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'offscreen_screen.json'}")

from govdesk.db import Database  # noqa: E402

DEMO_TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def govdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data and log folders; nothing touches the real user folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("GOVDESK_HOME", str(home))
    return home


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """An empty database at head schema, in a real SQLite file."""
    database = Database(tmp_path / "test.sqlite3")
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from govdesk import demo

    folder = tmp_path_factory.mktemp("demo-template")
    os.environ["GOVDESK_HOME"] = str(folder / "home")
    path = folder / "demo.sqlite3"
    database = Database(path)
    demo.generate(database, today=DEMO_TODAY)
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def demo_db(_demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo village (generated once per test session, anchored on DEMO_TODAY)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copy(_demo_template, path)
    database = Database(path)
    yield database
    database.dispose()
