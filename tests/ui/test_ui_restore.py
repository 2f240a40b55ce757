"""文件 → 恢复备份…: a good backup replaces the database and every area refreshes on it; a damaged
one is refused with its Chinese message and the file left as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from govdesk.backups import BEFORE_RESTORE, DAILY, automatic_backups


def _count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        n = conn.execute("SELECT count(*) FROM households").fetchone()[0]
    conn.close()
    return int(n)


def _pick(monkeypatch, backup: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("ui.restore_action.choose_backup", lambda _parent, _start: backup)
    monkeypatch.setattr("ui.restore_action.confirm_restore", lambda _parent, _backup: True)


def test_restore_from_the_window(window, services, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db_file = Path(services.db.describe())
    backup = services.backup.backup_to(tmp_path / "before.sqlite3")
    with services.db.transaction() as s:
        s.execute(text("UPDATE villages SET name = '改过的村'"))
    heard = []
    window.changed.connect(heard.append)
    _pick(monkeypatch, backup)
    assert window.restore_action.isEnabled()
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: "已从备份" in window.statusBar().currentMessage(), timeout=20000)
    assert "改过的村" not in window.windowTitle()
    assert services.village.village().name != "改过的村"  # the services read the restored file
    assert heard and all(kind in heard[-1] for kind in type(heard[-1]))
    assert _count(db_file) == 300
    assert any(BEFORE_RESTORE in p.name for p in automatic_backups(db_file))


def test_restore_from_the_window_refuses_a_damaged_backup(  # type: ignore[no-untyped-def]
    window, services, qtbot, tmp_path: Path, monkeypatch, no_modal
) -> None:
    db_file = Path(services.db.describe())
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    with services.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = db_file.read_bytes()
    _pick(monkeypatch, bad)
    window.restore_backup()
    qtbot.waitUntil(lambda: bool(no_modal), timeout=20000)
    assert "bad.sqlite3" in no_modal[0] and ("损坏" in no_modal[0] or "不是 govdesk 数据库" in no_modal[0])
    assert db_file.read_bytes() == before


def test_the_window_backs_up_once_a_day_after_it_has_filled(window, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    db_file = Path(services.db.describe())
    qtbot.waitUntil(lambda: any(DAILY in p.name for p in automatic_backups(db_file)), timeout=20000)
    window.jobs.wait_idle()
    window.back_up_for_the_day()  # a second start the same day
    window.jobs.wait_idle()
    assert sum(DAILY in p.name for p in automatic_backups(db_file)) == 1
