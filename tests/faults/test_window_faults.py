"""The window speaks the same words as the CLI: a job's failure and an escaped fault become the
clerk's message in a warning, not a crash report with a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import exc, select

from govdesk.db import BUSY_TIMEOUT_ENV, Database
from govdesk.models import Village
from ui.crash import CrashHandler
from ui.jobs import show_error


def _locked_error(village_db: Path, monkeypatch) -> exc.OperationalError:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "50")
    db = Database(village_db, create=False)
    holder = sqlite3.connect(village_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with db.transaction() as s:
            s.scalar(select(Village.id))
    except exc.OperationalError as error:
        return error
    finally:
        holder.rollback()
        holder.close()
        db.dispose()
    raise AssertionError("the write transaction did not wait for the lock")


def test_show_error_explains_a_locked_database(village_db: Path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    crashes: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda _t, e, _tb: crashes.append(e))
    show_error(_locked_error(village_db, monkeypatch), None)
    assert crashes == [] and len(shown) == 1 and "数据库正被另一个程序使用" in shown[0]


def test_crash_hook_shows_an_expected_fault_as_a_message(village_db: Path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    error = _locked_error(village_db, monkeypatch)
    handler = CrashHandler()
    warnings: list[str] = []
    dialogs: list[str] = []
    monkeypatch.setattr(handler, "show_warning", warnings.append)
    monkeypatch.setattr(handler, "show_dialog", lambda message, _details: dialogs.append(message))
    handler(type(error), error, error.__traceback__)
    assert dialogs == [] and warnings and "请稍后再试" in warnings[0]
    assert handler.last_message == warnings[0]
