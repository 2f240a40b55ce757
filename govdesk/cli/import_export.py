"""``govdesk import`` / ``govdesk export``: registers in and out of Excel.

Exit codes: 0 done (with --skip-invalid, bad rows are reported and skipped), 1 refused or
invalid rows (nothing written; every bad row listed by Excel row number), 2 usage.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from govdesk.cli.common import open_database
from govdesk.errors import NotFoundError

if TYPE_CHECKING:
    from govdesk.db import Database
    from govdesk.importing.report import ImportReport

MAX_LINES = 200
# The registers (one row per resident or member) and their blank templates; the yearly ledgers
# (--year) are YEARLY_EXPORTS, at the end of this module.
REGISTER_EXPORTS: tuple[str, ...] = ("households", "members", "template-households", "template-members")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        description="读取花名册（可有标题行、表头别名、全角数字、各种日期写法、合计/注释行）。"
        "默认只要有一行有问题就什么也不写入，并按 Excel 行号列出所有问题；"
        "已登记的人（公民身份号码相同）会被更新而不会重复。",
    )
    p.add_argument("kind", choices=("households", "members"), help="households = 农户花名册，members = 党员花名册")
    p.add_argument("file", type=Path, help="Excel 文件（.xlsx / .xls）")
    p.add_argument("--skip-invalid", action="store_true", help="导入正确的行，跳过并报告有问题的行")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument(
        "--confirm-ages", action="store_true", help="已核对：超过 120 岁的年龄照常导入（否则作为问题行列出）"
    )
    p.add_argument(
        "--report", type=Path, metavar="FILE.xlsx", help="把有问题的行（含“问题”列）另存为 Excel，改正后可再导入"
    )
    p.set_defaults(handler=run_import)

    e = sub.add_parser("export")
    e.add_argument(
        "kind",
        choices=(*REGISTER_EXPORTS, *YEARLY_EXPORTS),
    )
    e.add_argument("file", type=Path, help="要写入的 .xlsx 文件")
    e.add_argument("--year", type=int, metavar="YYYY", help="voices / points / dues / honours：导出哪一年（默认今年）")
    e.set_defaults(handler=run_export)

    r = sub.add_parser("reindex")
    r.set_defaults(handler=run_reindex)


def run_reindex(args: argparse.Namespace) -> int:
    from govdesk.people_search import backfill_search_keys

    db = open_database(args)
    with db.transaction() as s:
        n = backfill_search_keys(s)
    print(f"搜索索引已重建：{n} 位居民")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from govdesk.importing.sheet import gc_paused

    if not args.file.exists():
        raise NotFoundError(f"找不到文件 {args.file}")  # on stderr, before the database is opened
    with gc_paused():  # the read's million cells are no garbage to look through (sheet.gc_paused)
        report = _read_and_import(args)  # the sheet is freed on return: the collector resumes with little to walk
    from govdesk.services.excel_registers import KIND_NAMES  # loaded after the read began, not before

    print(f"{KIND_NAMES[args.kind]}导入")
    print(report.summary())
    lines = report.problem_lines()
    if lines:
        print("问题行：")
        for line in lines[:MAX_LINES]:
            print(f"  {line}")
        if len(lines) > MAX_LINES:
            print(f"  …另有 {len(lines) - MAX_LINES} 条问题，完整清单请用 --report 保存")
    if args.report and report.problems:
        out = report.save_bad_rows(args.report)
        print(f"有问题的行已保存到 {out}（改正后可直接再导入）")
    if report.problems and not args.skip_invalid:
        return 1
    return 0


def _read_and_import(args: argparse.Namespace) -> ImportReport:
    """The workbook is parsed on a thread while this one loads the database layer, opens the
    database and loads the pinyin readings (calamine does not hold the GIL): the parse is most
    of a big import."""
    from govdesk.importing.headers import REGISTER_FIELDS
    from govdesk.importing.sheet import read_register_in_background

    reading = read_register_in_background(args.file, REGISTER_FIELDS[args.kind], args.kind)
    from govdesk.search import load_readings
    from govdesk.services.excel_registers import ExcelRegisterService

    db = open_database(args)
    load_readings()
    return ExcelRegisterService(db).import_file(
        args.kind,
        args.file,
        skip_invalid=args.skip_invalid,
        dry_run=args.dry_run,
        confirm_ages=args.confirm_ages,
        sheet=reading.result(),
    )


def run_export(args: argparse.Namespace) -> int:
    from govdesk.services.excel_registers import KIND_NAMES, ExcelRegisterService

    yearly = YEARLY_EXPORTS.get(args.kind)
    if yearly is not None:
        return yearly(args)
    service = ExcelRegisterService(open_database(args))
    if args.kind.startswith("template-"):
        kind = args.kind.split("-", 1)[1]
        service.export_template(kind, args.file)
        print(f"空白{KIND_NAMES[kind]}模板已写入 {args.file}")
        return 0
    n = service.export_file(args.kind, args.file)
    print(f"{KIND_NAMES[args.kind]}已导出：{n} 行 → {args.file}")
    return 0


class YearLedger(Protocol):
    """A report service that writes one year's ledger workbook (民情, 党费, 积分…)."""

    def export_year(self, year: int, path: Path) -> int: ...


def export_year(
    args: argparse.Namespace,
    check: Callable[[int], object],
    reports: Callable[[Database], YearLedger],
    done: str,
) -> int:
    """``export KIND --year YYYY FILE.xlsx`` (this year by default): the kind's year rule checked
    before the database is opened, its report service's ``export_year``, then ``done`` said with
    ``{year}``, ``{n}`` rows and ``{file}``."""
    from datetime import date

    year = args.year or date.today().year
    check(year)
    db = open_database(args)
    try:
        n = reports(db).export_year(year, args.file)
    finally:
        db.dispose()
    print(done.format(year=year, n=n, file=args.file))
    return 0


def run_export_voices(args: argparse.Namespace) -> int:
    from govdesk.services.voices_report import VoiceReports
    from govdesk.validation import ledger_year

    return export_year(args, ledger_year, VoiceReports, "{year}年民情台账已导出：{n} 条 → {file}")


def run_export_dues(args: argparse.Namespace) -> int:
    from govdesk.services.dues_report import DuesReports, check_year

    return export_year(args, check_year, DuesReports, "{year}年党费收缴台账已导出：{n} 名党员 → {file}")


def run_export_honours(args: argparse.Namespace) -> int:
    from datetime import date

    from govdesk.services.honours_print import HonourPrints, parse_year

    return export_year(
        args, lambda year: parse_year(year, date.today()), HonourPrints, "{year}年度评先评优已导出：{n} 条 → {file}"
    )


def run_export_points(args: argparse.Namespace) -> int:
    from govdesk.cli.print_points import check_period
    from govdesk.services.points_report import PointReports

    return export_year(
        args, lambda year: check_period(year, None), PointReports, "{year}年党员积分已导出：{n} 名党员 → {file}"
    )


def run_export_volunteers(args: argparse.Namespace) -> int:
    from govdesk.services.volunteers_report import VolunteerReports
    from govdesk.validation import ledger_year

    return export_year(args, ledger_year, VolunteerReports, "{year}年志愿服务台账已导出：{n} 位志愿者 → {file}")


def run_export_stars(args: argparse.Namespace) -> int:
    from govdesk.services.stars_report import StarReports
    from govdesk.validation import ledger_year

    return export_year(args, ledger_year, StarReports, "{year}年五星支部得分已导出：{n} 条得分 → {file}")


# ``export KIND --year YYYY FILE.xlsx`` of a year's ledger: each through ``export_year`` with its
# own year rule, report service and message.
YEARLY_EXPORTS: dict[str, Callable[[argparse.Namespace], int]] = {
    "voices": run_export_voices,
    "points": run_export_points,
    "dues": run_export_dues,
    "honours": run_export_honours,
    "volunteers": run_export_volunteers,
    "stars": run_export_stars,
}
