"""The govdesk command: demo, check, refusals and exit codes (0 done, 1 refused/failed, 2 usage)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from govdesk import __version__, paths
from govdesk.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_demo_into_db_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.sqlite3"
    assert main(["--db", str(target), "demo", "--no-window"]) == 0
    assert main(["--db", str(target), "check"]) == 0
    assert "检查通过" in capsys.readouterr().out


def test_demo_refuses_a_database_that_holds_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.sqlite3"
    assert main(["--db", str(target), "demo", "--no-window"]) == 0
    before = target.stat().st_size
    assert main(["--db", str(target), "demo", "--no-window"]) == 1
    assert "已有数据" in capsys.readouterr().err
    assert target.stat().st_size == before


def test_demo_without_db_lives_beside_the_default_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--no-window"]) == 0
    assert paths.demo_db_path().exists()
    assert not paths.default_db_path().exists()  # the real register is untouched
    assert main(["demo", "--no-window"]) == 0  # run again: reopens the same demo
    assert "打开已有的演示村" in capsys.readouterr().out


def test_check_names_a_broken_reference(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.sqlite3"
    assert main(["--db", str(target), "demo", "--no-window"]) == 0
    with sqlite3.connect(target) as conn:  # behind the program's back, foreign keys off
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE residents SET household_id = 999999 WHERE id = 1")
    assert main(["--db", str(target), "check"]) == 1
    out = capsys.readouterr().out
    assert "检查未通过" in out and "residents" in out


@pytest.mark.parametrize(("argv", "code"), [(["--bogus"], 2), (["nosuchcommand"], 2), (["demo", "--scale", "x"], 2)])
def test_usage_errors_exit_2(argv: list[str], code: int) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == code


def test_version_and_help_in_a_real_process(tmp_path: Path) -> None:
    env = {"PYTHONPATH": str(ROOT), "GOVDESK_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-m", "govdesk", "--version"], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and __version__ in out.stdout
    out = subprocess.run([sys.executable, "-m", "govdesk", "--help"], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and "demo" in out.stdout and "check" in out.stdout


def test_backup_copies_the_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.sqlite3"
    assert main(["--db", str(target), "demo", "--no-window"]) == 0
    out = tmp_path / "copy.sqlite3"
    assert main(["--db", str(target), "backup", "--out", str(out)]) == 0
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM households").fetchone() == (300,)
    assert main(["--db", str(target), "backup", "--out", str(out)]) == 1  # never overwrites
    assert "已存在" in capsys.readouterr().err
