"""``govdesk.faults.explain``: each library's own error, made for real where a real one can be made,
becomes the clerk's Chinese message; a bug stays a bug (``None``)."""

from __future__ import annotations

import errno
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, exc, text

from govdesk.errors import RefusedError
from govdesk.faults import explain


def _sqlite_error(path: Path, *statements: str, uri: bool = False) -> sqlite3.Error:
    conn = sqlite3.connect(path, uri=uri)
    try:
        for sql in statements:
            conn.execute(sql)
    except sqlite3.Error as error:
        return error
    finally:
        conn.close()
    raise AssertionError("no error")


def test_disk_full(tmp_path: Path) -> None:
    error = _sqlite_error(
        tmp_path / "small.sqlite3",
        "PRAGMA max_page_count=2",
        "CREATE TABLE t (x TEXT)",
        "INSERT INTO t VALUES (zeroblob(100000))",
    )
    assert "磁盘已满" in str(explain(error))


def test_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    error = _sqlite_error(Path(f"file:{path}?mode=ro"), "INSERT INTO t VALUES (1)", uri=True)
    assert "只读" in str(explain(error, str(path)))


def test_wrapped_by_sqlalchemy_and_named(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("hello")
    engine = create_engine(f"sqlite:///{target}")
    with pytest.raises(exc.DatabaseError) as raised, engine.connect() as conn:
        conn.execute(text("SELECT * FROM sqlite_master"))
    engine.dispose()
    message = explain(raised.value, str(target))
    assert message is not None and "不是 govdesk 数据库" in str(message) and str(target) in str(message)


def test_unique_race_is_a_message(tmp_path: Path) -> None:
    error = _sqlite_error(
        tmp_path / "u.sqlite3", "CREATE TABLE t (x UNIQUE)", "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (1)"
    )
    assert "已经登记过" in str(explain(error))


def test_libraries_errors() -> None:
    from alembic.util.exc import CommandError
    from openpyxl.utils.exceptions import IllegalCharacterError, InvalidFileException
    from reportlab.platypus.doctemplate import LayoutError

    assert "更新版本" in str(explain(CommandError("Can't locate revision identified by 'abc'")))
    assert "太长" in str(explain(LayoutError("Flowable too large")))
    assert "控制字符" in str(explain(IllegalCharacterError("\x07")))
    assert ".xlsx" in str(explain(InvalidFileException("bad")))
    assert "不是有效的 Excel 文件" in str(explain(zipfile.BadZipFile("File is not a zip file")))


def test_file_system_errors() -> None:
    assert "磁盘已满" in str(explain(OSError(errno.ENOSPC, "No space left on device")))
    assert "只读" in str(explain(PermissionError(errno.EACCES, "Permission denied", "C:/村/名册.pdf")))
    assert "名册.pdf" in str(explain(PermissionError(errno.EACCES, "Permission denied", "C:/村/名册.pdf")))


def test_own_errors_pass_through_and_bugs_stay_bugs() -> None:
    refused = RefusedError("不行")
    assert explain(refused) is refused
    assert explain(KeyError("x")) is None
    assert explain(ZeroDivisionError()) is None
