"""Helpers shared by subcommands: opening the database named by ``--db``; a print's ``--out`` file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from govdesk import paths

PASSWORD_ENV = "GOVDESK_PASSWORD"

if TYPE_CHECKING:
    from govdesk.db import Database
    from govdesk.printing.templates import BuildInfo
    from govdesk.services.printing import ArchiveEntry


def db_target(args: argparse.Namespace) -> str | Path:
    return args.db if getattr(args, "db", None) else paths.default_db_path()


def open_database(args: argparse.Namespace) -> Database:
    """The database named by ``--db`` (or the default file), migrated to the current schema.

    Only a subcommand marked ``creates_database`` (see ``govdesk.cli.SUBCOMMANDS``) may make a new
    one; the others refuse a missing or empty file, naming it, and create nothing."""
    from govdesk.db import Database  # not for the window, which opens it after its first paint

    db = Database(db_target(args), create=bool(getattr(args, "creates_database", False)))
    try:
        sign_in(db, getattr(args, "user", None))
    except BaseException:
        db.dispose()
        raise
    from govdesk.services.backup import start_of_day

    for warning in start_of_day(db):
        print(f"govdesk: 注意：{warning}", file=sys.stderr)
    return db


def sign_in(db: Database, login: str | None) -> None:
    """Act as ``--user`` (password from GOVDESK_PASSWORD or a prompt, never from the command line).

    Without ``--user`` the command acts as the PC's account — refused once the database requires
    log-in (an administrator exists and log-in was not switched off)."""
    from govdesk.errors import RefusedError
    from govdesk.services.users import UserService

    users = UserService(db)
    if not login:
        if users.login_required():
            raise RefusedError(
                "这个数据库需要登录：请加 --user 用户名（密码在提示时输入，或放在环境变量 GOVDESK_PASSWORD 中）"
            )
        return
    users.log_in(login, read_password(f"{login} 的密码："))


def read_password(prompt: str) -> str:
    """GOVDESK_PASSWORD, or typed at a prompt that does not echo it."""
    import getpass

    from govdesk.errors import RefusedError

    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise RefusedError(f"没有输入密码（可在提示时输入，或放在环境变量 {PASSWORD_ENV} 中）") from None


def add_pdf_out(parser: argparse.ArgumentParser) -> None:
    """The ``--out FILE.pdf`` every print command takes."""
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")


def save_print(db: Database, info: BuildInfo, out: Path, archive_kind: str) -> ArchiveEntry | None:
    """Save a built print to ``out`` with its archive row as one unit (``PrintService.publish``: no
    public PDF without its row), and say which edition it is.

    Returns the archive entry, or None for an internal copy, which is never archived.
    """
    from govdesk.services.printing import PrintService  # reportlab and the archive only when printing

    entry = PrintService(db).publish(info, out, kind=archive_kind)
    edition = "内部版（内部资料）" if info.internal else "公开版"
    print(f"已生成{edition}《{info.title}》：{out}，共 {info.pages} 页")
    return entry
