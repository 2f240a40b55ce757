"""One place that turns the errors a desk PC can throw at us into messages a clerk can act on.

SQLite (through SQLAlchemy or not), Alembic, reportlab, openpyxl and the file system each fail in
their own words, in English. ``explain(exc)`` maps the ones a clerk can meet — a file that is not
a database, a damaged file, another program holding the database, a database from a newer
version, a read-only folder, a full disk, a line too long for a page, a character Excel refuses —
to one ``GovdeskError`` in Chinese; the CLI prints it (exit 1), the window shows it in a dialog,
and the details go to the log. ``None`` means "not an expected fault": a bug, for the crash report.

Nothing heavy is imported here: the third-party errors are recognised by their class names, so
translating an error never loads reportlab or openpyxl.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator

from govdesk.errors import GovdeskError

# SQLite's primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

IN_USE = "数据库正被另一个程序使用，请稍后再试（如果另一个 govdesk 窗口正在导入或打印，请等它完成）"
NEWER = "这个数据库来自更新版本的 govdesk，请先升级程序"
DISK_FULL = "磁盘已满，没有写入任何内容；请清理磁盘空间后再试"


class DatabaseFault(GovdeskError):
    """A database file that cannot be used as it is (not a database, damaged, in use, read-only…)."""


class FileFault(GovdeskError):
    """A file or folder problem (read-only, missing, disk full)."""


class DocumentFault(GovdeskError):
    """A print or a spreadsheet that cannot be made from the data as it is."""


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (SQLAlchemy's ``orig``) and what caused it, each once."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop(0)
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo.extend(x for x in (getattr(e, "orig", None), e.__cause__) if isinstance(x, BaseException))


def _names(exc: BaseException) -> set[str]:
    return {f"{c.__module__}.{c.__qualname__}" for c in type(exc).__mro__}


def _where(database: str | None) -> str:
    return f"：{database}" if database else ""


def explain(exc: BaseException, database: str | None = None) -> GovdeskError | None:
    """The clerk's message for an expected fault, or ``None`` for a bug. ``database`` names the file."""
    for e in _chain(exc):
        if isinstance(e, GovdeskError):
            return e
        found = _sqlite(e, database) or _third_party(e) or _os(e)
        if found is not None:
            return found
    return None


def _sqlite(e: BaseException, database: str | None) -> GovdeskError | None:
    import sqlite3

    if not isinstance(e, sqlite3.Error):
        return None
    code = (getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF
    text = str(e).lower()
    where = _where(database)
    if code == SQLITE_NOTADB or "file is not a database" in text:
        return DatabaseFault(f"文件不是 govdesk 数据库{where}（请检查 --db 或所选的文件）")
    if code == SQLITE_CORRUPT or "malformed" in text:
        return DatabaseFault(
            f"数据库已损坏，请用备份恢复{where}"
            "（自动备份在数据库旁的“数据库名.backups”文件夹中；运行 govdesk check 可查看详情）"
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED) or "database is locked" in text or "is locked" in text:
        return DatabaseFault(IN_USE)
    if code == SQLITE_READONLY or "readonly database" in text:
        return DatabaseFault(f"文件夹或文件是只读的，无法写入数据库{where}（请检查文件属性和文件夹权限）")
    if code == SQLITE_FULL or "disk is full" in text:
        return FileFault(DISK_FULL)
    if code in (SQLITE_CANTOPEN, SQLITE_PERM) or "unable to open database file" in text:
        return DatabaseFault(f"无法打开数据库文件{where}（文件夹不存在、没有权限或是只读的）")
    if code == SQLITE_IOERR or "disk i/o error" in text:
        return DatabaseFault(f"读写数据库文件时出错{where}（磁盘或网络驱动器故障、U 盘被拔出或文件夹是只读的）")
    if isinstance(e, sqlite3.IntegrityError) and "unique" in text:
        return DatabaseFault("这条记录已经登记过（可能刚被另一个窗口或程序保存），没有重复保存；请刷新后再看")
    return None


def _third_party(e: BaseException) -> GovdeskError | None:
    names = _names(e)
    text = str(e)
    if "alembic.util.exc.CommandError" in names and "Can't locate revision" in text:
        return DatabaseFault(NEWER)
    if "reportlab.platypus.doctemplate.LayoutError" in names:
        return DocumentFault("有一项内容太长，排不进一页（通常是过长的姓名、地址或备注）；请把它改短后再打印")
    if "openpyxl.utils.exceptions.IllegalCharacterError" in names:
        return DocumentFault(
            "数据中有 Excel 不允许的控制字符（看不见的符号），无法写入 Excel；请找到并改正该记录后再导出"
        )
    if "openpyxl.utils.exceptions.InvalidFileException" in names:
        return DocumentFault("不是 Excel 能打开的 .xlsx 文件（请在 Excel 或 WPS 中“另存为 .xlsx”后再试）")
    if "zipfile.BadZipFile" in names:
        return DocumentFault("文件不是有效的 Excel 文件：可能已损坏、不完整，或只是把别的文件改了扩展名")
    return None


def _os(e: BaseException) -> GovdeskError | None:
    if not isinstance(e, OSError):
        return None
    name = f"：{e.filename}" if getattr(e, "filename", None) else ""
    if e.errno == errno.ENOSPC:
        return FileFault(DISK_FULL)
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return FileFault(f"文件夹或文件是只读的，或正被别的程序打开，无法写入{name}")
    if e.errno == errno.ENOENT:
        return FileFault(f"找不到文件或文件夹{name}")
    if e.errno == errno.EISDIR:
        return FileFault(f"这是一个文件夹，不是文件{name}")
    return FileFault(f"文件或磁盘错误{name}（{e.strerror or e}）")
