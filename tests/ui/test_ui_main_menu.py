"""文件 menu: backup off the GUI thread, the print archive; Qt's own dialogs in Chinese."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog


def test_backup_from_the_window_runs_in_the_background(window, qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "desk-backup.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    window.backup_database()
    qtbot.waitUntil(lambda: "已备份到" in window.statusBar().currentMessage(), timeout=10000)
    with sqlite3.connect(dest) as conn:
        assert conn.execute("SELECT count(*) FROM households").fetchone() == (300,)


def test_backup_never_overwrites(window, qtbot, tmp_path: Path, monkeypatch, no_modal) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "exists.sqlite3"
    dest.write_bytes(b"keep me")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    window.backup_database()
    qtbot.waitUntil(lambda: bool(no_modal), timeout=10000)
    assert "已存在" in no_modal[0]
    assert dest.read_bytes() == b"keep me"


def test_file_menu_lists_archive_and_backup(window) -> None:  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert any("打印存档" in t for t in texts) and any("备份数据库" in t for t in texts)


def test_qt_dialogs_are_translated(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from ui.app import install_chinese_translations

    if not install_chinese_translations(QCoreApplication.instance()):
        pytest.skip("this Qt build ships no Chinese translations")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
