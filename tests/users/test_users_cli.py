"""The CLI acts as a named user: ``--user``, the password from GOVDESK_PASSWORD or a prompt, never argv."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govdesk.cli import main
from govdesk.db import Database
from tests.users.conftest import PASSWORD, audit_rows

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def desk(village: Database, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database with an administrator (added from the CLI, without log-in) and a viewer."""
    path = str(village.url.database)
    village.dispose()
    monkeypatch.setenv("GOVDESK_NEW_PASSWORD", PASSWORD)
    assert main(["--db", path, "user", "add", "admin", "--role", "管理员", "--display-name", "王书记"]) == 0
    monkeypatch.setenv("GOVDESK_PASSWORD", PASSWORD)
    assert main(["--db", path, "--user", "admin", "user", "add", "viewer", "--role", "查看"]) == 0
    assert main(["--db", path, "--user", "admin", "user", "add", "clerk"]) == 0
    return path


def test_once_an_administrator_exists_commands_need_a_user(desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--db", desk, "village", "--phone", "0571-1234567"]) == 1
    assert "需要登录" in capsys.readouterr().err
    assert main(["--db", desk, "--user", "clerk", "village", "--phone", "0571-1234567"]) == 0


def test_a_viewer_cannot_write_from_the_cli(desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--db", desk, "--user", "viewer", "village", "--phone", "0571-7654321"]) == 1
    err = capsys.readouterr().err
    assert "只能查看" in err and "Traceback" not in err
    assert main(["--db", desk, "--user", "viewer", "user", "list"]) == 0  # reading is fine


def test_a_wrong_password_is_refused_and_counted(desk: str, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("GOVDESK_PASSWORD", "wrong-one")
    assert main(["--db", desk, "--user", "clerk", "audit"]) == 1
    assert "再错 4 次" in capsys.readouterr().err


def test_user_list_and_disable(desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", desk, "--user", "admin", "user", "disable", "viewer"]) == 0
    capsys.readouterr()
    assert main(["--db", desk, "--user", "admin", "user", "list"]) == 0
    out = capsys.readouterr().out
    assert "admin\t王书记\t管理员\t正常" in out and "viewer\t—\t查看\t已停用" in out
    assert main(["--db", desk, "--user", "viewer", "audit"]) == 1
    assert "已停用" in capsys.readouterr().err


def test_audit_command_filters_by_user_and_date(desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", desk, "--user", "clerk", "village", "--phone", "0571-1234567"]) == 0
    capsys.readouterr()
    as_admin = ["--db", desk, "--user", "admin"]
    assert main([*as_admin, "audit", "--user", "clerk", "--since", "2000-01-01", "--details"]) == 0
    out = capsys.readouterr().out
    assert "clerk（工作人员）  修改  村" in out and "0571-1234567" in out and "admin（" not in out
    assert main(["--db", desk, "--user", "admin", "audit", "--until", "2000-01-01"]) == 0
    assert "没有符合条件" in capsys.readouterr().out


def test_a_password_is_never_an_argument(desk: str, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--password", PASSWORD, "audit"], ["user", "add", "x", "--password", PASSWORD]):
        with pytest.raises(SystemExit) as stopped:
            main(["--db", desk, *argv])
        assert stopped.value.code == 2


def test_without_the_env_the_password_is_prompted_never_read_from_argv(desk: str, tmp_path: Path) -> None:
    """No GOVDESK_PASSWORD and nothing typed: refused with a message (getpass read the empty input)."""
    env = {k: v for k, v in os.environ.items() if k not in ("GOVDESK_PASSWORD", "GOVDESK_NEW_PASSWORD")}
    env |= {"PYTHONPATH": str(ROOT), "GOVDESK_HOME": str(tmp_path / "h")}
    result = subprocess.run(
        [sys.executable, "-m", "govdesk", "--db", desk, "--user", "admin", "audit"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "没有输入密码" in result.stderr and "Traceback" not in result.stderr
    typed = subprocess.run(
        [sys.executable, "-m", "govdesk", "--db", desk, "--user", "admin", "audit"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert typed.returncode == 0, typed.stderr
    assert "添加" in typed.stdout or "新增用户" in typed.stdout


def test_cli_writes_are_audited_for_the_user(desk: str) -> None:
    assert main(["--db", desk, "--user", "clerk", "village", "--phone", "0571-1234567"]) == 0
    db = Database(desk)
    try:
        row = audit_rows(db, kind="villages")[-1]
    finally:
        db.dispose()
    assert row["user_name"] == "clerk" and row["after"]["phone"] == "0571-1234567"
