"""Faults tried as a clerk meets them: the real ``govdesk`` command in a subprocess, real SQLite files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from govdesk.db import BUSY_TIMEOUT_ENV, Database
from govdesk.services.village import VillageService

ROOT = Path(__file__).resolve().parents[2]


def run_govdesk(*args: str, busy_ms: int = 300, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m govdesk ARGS`` with this tree's code and a short busy timeout."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{BUSY_TIMEOUT_ENV: str(busy_ms)})
    return subprocess.run(
        [sys.executable, "-m", "govdesk", *args], capture_output=True, text=True, env=env, timeout=timeout, cwd=ROOT
    )


def checkpointed(path: Path) -> Path:
    """Fold the WAL into the file, so its bytes are the whole database."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


@pytest.fixture
def village_db(tmp_path: Path) -> Path:
    """A real govdesk database holding a village (closed, checkpointed)."""
    path = tmp_path / "village" / "govdesk.sqlite3"
    db = Database(path)
    VillageService(db).create_village("青山村")
    db.dispose()
    return checkpointed(path)


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    return run_govdesk
