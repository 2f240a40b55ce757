"""The ``govdesk`` command: the window and the batch work of the desk.

Every subcommand lives in its own module under ``govdesk.cli`` and registers itself through
``register(subparsers)``; all of them call the same services the window uses.
Exit codes: 0 done, 1 refused or a failed check (with a report), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from govdesk import __version__
from govdesk.errors import GovdeskError
from govdesk.logs import setup_logging

log = logging.getLogger("govdesk.cli")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

# Modules that add subcommands. Each defines ``register(subparsers)``.
COMMAND_MODULES: tuple[str, ...] = (
    "govdesk.cli.window",
    "govdesk.cli.demo",
    "govdesk.cli.check",
    "govdesk.cli.backup",
    "govdesk.cli.prints",
    "govdesk.cli.import_export",
    "govdesk.cli.village",
)


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese-friendly usage errors and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"govdesk: 用法错误：{message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="govdesk",
        description="村党群服务中心桌面台账（党员、农户、值班、五议两公开）。不带子命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"govdesk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="数据库文件路径或 SQLAlchemy URL（默认：用户数据目录）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging()
    handler = getattr(args, "handler", None)
    if handler is None:
        from govdesk.cli.window import open_window

        handler = open_window
    try:
        return int(handler(args) or EXIT_OK)
    except GovdeskError as exc:
        print(f"govdesk: {exc}", file=sys.stderr)
        log.info("refused: %s", exc)
        return EXIT_FAILED
    except OSError as exc:
        print(f"govdesk: 文件或磁盘错误：{exc}", file=sys.stderr)
        log.exception("os error")
        return EXIT_FAILED
