"""SQLite's memory statistics are switched off before the first connection (sqlite_config), and
never while a connection is open. Each case runs in a fresh process: the switch is process-wide."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "darwin", reason="left on by design on macOS")


def _run(code: str, tmp_path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    return done.stdout.strip()


def test_engine_switches_statistics_off_and_the_database_works(tmp_path: Path) -> None:
    out = _run(
        f"""
        import ctypes
        from govdesk import sqlite_config
        from govdesk.db import Database
        db = Database({str(tmp_path / "x.sqlite3")!r})
        lib = sqlite_config._library()
        lib.sqlite3_memory_used.restype = ctypes.c_int64
        with db.engine.connect() as conn:
            fk = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
            wal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            print(sqlite_config.memory_statistics_off(), lib.sqlite3_memory_used(), fk, wal)
        """,
        tmp_path,
    )
    assert out == "True 0 1 wal"  # off: nothing counted although a connection is open


def test_statistics_stay_on_while_a_connection_is_open(tmp_path: Path) -> None:
    out = _run(
        """
        import sqlite3
        keep = sqlite3.connect(":memory:")
        keep.execute("CREATE TABLE t (a)")
        from govdesk import sqlite_config
        off = sqlite_config.memory_statistics_off()
        keep.execute("INSERT INTO t VALUES (1)")
        print(off, keep.execute("SELECT a FROM t").fetchall())
        """,
        tmp_path,
    )
    assert out == "False [(1,)]"  # refused, and the open connection was not disturbed
