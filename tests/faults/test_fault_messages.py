"""Every failure a clerk can meet: one Chinese message on stderr, exit 1, no traceback, and the
database file byte for byte as it was."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from govdesk.backups import backups_folder
from tests.faults.conftest import checkpointed, run_govdesk

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 200

COMMANDS = (
    ("check",),
    ("village", "--name", "新村名"),
    ("export", "households", "out.xlsx"),
    ("print", "register", "households", "--out", "out.pdf"),
)


def _refused(result: subprocess.CompletedProcess[str], words: str) -> None:
    text = result.stdout + result.stderr
    assert result.returncode == 1, text
    assert words in text, text
    assert "Traceback" not in text, text


@pytest.mark.parametrize(
    ("content", "args"),
    [(b"just some notes\n", args) for args in COMMANDS] + [(PNG, COMMANDS[0]), (PNG, COMMANDS[1])],
    ids=[f"text-{a[0]}" for a in COMMANDS] + ["png-check", "png-village"],
)
def test_not_a_database(tmp_path: Path, content: bytes, args: tuple[str, ...]) -> None:
    target = tmp_path / "notes.sqlite3"
    target.write_bytes(content)
    result = run_govdesk("--db", str(target), *args)
    _refused(result, "不是 govdesk 数据库")
    assert target.read_bytes() == content
    assert not (tmp_path / "out.pdf").exists()


def test_truncated_database(_demo_template: Path, tmp_path: Path) -> None:
    whole = checkpointed(shutil.copy(_demo_template, tmp_path / "whole.sqlite3"))
    data = whole.read_bytes()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(data[: len(data) // 2])
    before = broken.read_bytes()
    for args in COMMANDS:
        result = run_govdesk("--db", str(broken), *args)
        _refused(result, "数据库已损坏，请用备份恢复")
        assert broken.read_bytes() == before
    check = run_govdesk("--db", str(broken), "check")
    assert check.stdout.startswith("检查未通过")  # check reports it (stdout), it does not crash


def test_database_from_a_newer_version(village_db: Path) -> None:
    with sqlite3.connect(village_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = checkpointed(village_db).read_bytes()
    for args in COMMANDS:
        result = run_govdesk("--db", str(village_db), *args)
        _refused(result, "这个数据库来自更新版本的 govdesk，请先升级程序")
        assert village_db.read_bytes() == before
    assert not (village_db.parent / "backups").exists()
    assert not backups_folder(village_db).exists()


def test_locked_database_waits_then_says_in_use(village_db: Path, tmp_path: Path) -> None:
    before = village_db.read_bytes()
    holder = sqlite3.connect(village_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = run_govdesk("--db", str(village_db), "village", "--name", "新村名", busy_ms=200)
        _refused(result, "数据库正被另一个程序使用，请稍后再试")
        pdf = tmp_path / "public.pdf"
        printed = run_govdesk("--db", str(village_db), "print", "register", "households", "--out", str(pdf))
        _refused(printed, "数据库正被另一个程序使用")
        assert not pdf.exists() and not pdf.with_name("public.pdf.part").exists()  # no public PDF without its row
        archive = Path(os.environ["GOVDESK_HOME"]) / "data" / "print-archive"
        assert not archive.exists() or not any(archive.rglob("*.pdf"))  # nor an archive copy without its row
    finally:
        holder.rollback()
        holder.close()
    assert checkpointed(village_db).read_bytes() == before
    done = run_govdesk("--db", str(village_db), "print", "register", "households", "--out", str(pdf))
    assert done.returncode == 0 and pdf.exists() and "已存档" in done.stdout


@pytest.mark.parametrize("args", COMMANDS[:1] + COMMANDS[2:], ids=lambda a: a[0])
def test_missing_database_is_named_not_created(tmp_path: Path, args: tuple[str, ...]) -> None:
    target = tmp_path / "typo" / "govdeks.sqlite3"
    result = run_govdesk("--db", str(target), *args)
    _refused(result, f"找不到数据库文件：{target}")
    assert not target.parent.exists()


def test_empty_file_is_refused_and_left_empty(tmp_path: Path) -> None:
    target = tmp_path / "empty.sqlite3"
    target.touch()
    _refused(run_govdesk("--db", str(target), "check"), "数据库文件是空的")
    assert target.stat().st_size == 0


def test_village_creates_a_new_database_without_a_backup(tmp_path: Path) -> None:
    target = tmp_path / "new" / "govdesk.sqlite3"
    result = run_govdesk("--db", str(target), "village", "--name", "青山村")
    assert result.returncode == 0, result.stderr
    assert target.exists()
    assert not (target.parent / "backups").exists()
    assert not backups_folder(target).exists()
    assert not (Path(os.environ["GOVDESK_HOME"]) / "data" / "backups").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_read_only_folder_and_file(village_db: Path) -> None:
    before = village_db.read_bytes()
    village_db.chmod(0o444)
    village_db.parent.chmod(0o555)
    try:
        result = run_govdesk("--db", str(village_db), "village", "--name", "新村名")
        _refused(result, "只读")
    finally:
        village_db.parent.chmod(0o755)
        village_db.chmod(0o644)
    assert village_db.read_bytes() == before


def test_read_only_database(village_db: Path) -> None:
    """SQLite's own read-only mode: the same refusal a read-only file or folder gets (also as root)."""
    before = village_db.read_bytes()
    url = f"sqlite:///file:{village_db}?mode=ro&uri=true"
    _refused(run_govdesk("--db", url, "village", "--name", "新村名"), "文件夹或文件是只读的")
    assert village_db.read_bytes() == before


def test_output_named_as_a_folder(village_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for args in (("export", "households", str(folder)), ("print", "register", "households", "--out", str(folder))):
        result = run_govdesk("--db", str(village_db), *args)
        _refused(result, f"这是一个文件夹，不是文件：{folder}")
        assert "Exception ignored" not in result.stderr
    archive = Path(os.environ["GOVDESK_HOME"]) / "data" / "print-archive"
    assert not archive.exists() or not any(archive.rglob("*.pdf"))  # nothing printed, nothing archived
    assert list(folder.iterdir()) == [] and not (tmp_path / "out.part").exists()
