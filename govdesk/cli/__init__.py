"""The ``govdesk`` command: the window and the batch work of the desk.

Subcommands are known by name and one line of help (``SUBCOMMANDS``); the module that builds a
subcommand's options and runs it is imported only when that subcommand is chosen, so
``govdesk --version`` and ``govdesk --help`` answer without loading the database layer, the
migrations, the printing engine or pinyin. Each module defines ``register(subparsers)`` and adds
its subcommands' parsers (without help: the help line lives here); all of them call the same
services the window uses.
Exit codes: 0 done, 1 refused or a failed check (with a report), 2 usage error.

Every failure ends in one Chinese line on stderr and exit 1, never a traceback: expected faults
(a damaged or locked database, a read-only folder…) are worded by ``govdesk.faults.explain``;
anything else is a bug, logged with its traceback and named with the log file. Only the
subcommands marked ``creates_database`` (the window, ``village``, ``demo``) may make a new
database; every other one refuses a missing file (a mistyped ``--db``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from govdesk import __version__
from govdesk.errors import GovdeskError

log = logging.getLogger("govdesk.cli")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class Subcommand:
    """A subcommand as ``--help`` lists it, and the module that registers and runs it."""

    name: str
    help: str
    module: str
    creates_database: bool = False


SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand("window", "打开窗口（默认）", "govdesk.cli.window", creates_database=True),
    Subcommand("demo", "打开演示村（演示数据单独存放，不会混入真实台账）", "govdesk.cli.demo", creates_database=True),
    Subcommand("check", "检查数据库完整性（integrity_check、外键、台账防篡改）", "govdesk.cli.check"),
    Subcommand("backup", "备份数据库（可在窗口打开时进行）", "govdesk.cli.backup"),
    Subcommand(
        "print",
        "打印（生成 PDF）：花名册、值班表、决议公告、民情月报、五星支部通报、志愿服务名单等",
        "govdesk.cli.prints",
    ),
    Subcommand("import", "从 Excel 导入农户或党员花名册（默认全部正确才导入）", "govdesk.cli.import_export"),
    Subcommand("export", "把农户或党员花名册（可再导入）或某年的民情台账导出为 Excel", "govdesk.cli.import_export"),
    Subcommand("reindex", "重建居民搜索索引（拼音、身份证和电话后几位）", "govdesk.cli.import_export"),
    Subcommand("village", "查看或填写村的信息（村名、乡镇、县、电话）", "govdesk.cli.village", creates_database=True),
    Subcommand("dues", "党费：登记交费（金额不符需 --confirm）、更正、欠缴名单、同上年设定", "govdesk.cli.dues"),
    Subcommand("user", "用户：添加、列出、改密码、停用（管理员）", "govdesk.cli.users"),
    Subcommand("audit", "操作记录：谁在什么时候改了什么（可按日期、用户筛选）", "govdesk.cli.audit"),
    Subcommand("restore", "从备份恢复数据库（先检查备份，并先备份当前数据库）", "govdesk.cli.restore"),
)


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese-friendly usage errors and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"govdesk: 用法错误：{message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


class _LazySubcommands(argparse._SubParsersAction):
    """Subparsers whose parsers are built by their module when the subcommand is chosen.

    Until then a subcommand is a name (so argparse accepts it and lists it in usage errors)
    and a help line (so ``--help`` lists it).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._modules: dict[str, str] = {}

    def add_lazy(self, command: Subcommand) -> None:
        self._choices_actions.append(self._ChoicesPseudoAction(command.name, (), command.help))
        self._name_parser_map[command.name] = None
        self._modules[command.name] = command.module

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if name in self._modules and self._name_parser_map.get(name) is None:
            del self._name_parser_map[name]  # the module now builds the parser named in the table
        return super().add_parser(name, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        name = values[0]
        if self._name_parser_map.get(name) is None and name in self._modules:
            importlib.import_module(self._modules[name]).register(self)
        super().__call__(parser, namespace, values, option_string)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="govdesk",
        description="村党群服务中心桌面台账（党员、农户、值班、五议两公开）。不带子命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"govdesk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="数据库文件路径或 SQLAlchemy URL（默认：用户数据目录）")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="以这个用户的身份操作（数据库设了用户时需要）；密码在提示时输入，或放在环境变量 GOVDESK_PASSWORD 中",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, action=_LazySubcommands)
    for command in SUBCOMMANDS:
        sub.add_lazy(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from govdesk.logs import setup_logging  # after parsing: --version and --help need no log file

    setup_logging()
    handler = getattr(args, "handler", None)
    chosen = getattr(args, "command", None) or "window"
    args.creates_database = any(c.creates_database for c in SUBCOMMANDS if c.name == chosen)
    if handler is None:
        from govdesk.cli.window import open_window

        handler = open_window
    try:
        return int(handler(args) or EXIT_OK)
    except GovdeskError as exc:
        print(f"govdesk: {exc}", file=sys.stderr)
        log.info("refused: %s", exc)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("govdesk: 已中断（未完成的写入已撤销）", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line: a message and the log, never a traceback
        return _report_failure(exc, args)


def _report_failure(exc: Exception, args: argparse.Namespace) -> int:
    from govdesk.faults import explain

    database = getattr(args, "db", None)
    if not database and getattr(args, "command", None) != "demo":
        from govdesk import paths

        database = paths.default_db_path()
    message = explain(exc, str(database) if database else None)
    if message is not None:
        log.warning("failed: %s", message, exc_info=exc)
        print(f"govdesk: {message}", file=sys.stderr)
        return EXIT_FAILED
    from govdesk.logs import log_file

    log.error("unexpected error", exc_info=exc)
    print(
        f"govdesk: 程序出错，操作没有完成（{type(exc).__name__}）。已保存的数据不受影响。\n"
        f"详细记录在日志文件：{log_file()}（请发给维护人员）",
        file=sys.stderr,
    )
    return EXIT_FAILED
