"""``govdesk print points --year YYYY [--quarter N] --out F.pdf``: the 积分公示 for the wall, ranked
(daily points, 年终测评, total), archived (打印存档)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database, save_print
from govdesk.errors import FieldError, ValidationError
from govdesk.validation import ledger_year


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("points", help="党员积分公示（按综合得分排名：日常积分、年终测评、综合得分）")
    p.add_argument("--year", required=True, type=int, metavar="YYYY", help="年度，如 2026")
    p.add_argument("--quarter", type=int, metavar="N", help="季度 1–4：公示截至该季度末的积分")
    add_pdf_out(p)
    p.set_defaults(handler=run)


def check_period(year: int, quarter: int | None) -> None:
    ledger_year(year, "year", "年度")
    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise ValidationError([FieldError("quarter", "季度", "季度应为 1、2、3 或 4")])


def run(args: argparse.Namespace) -> int:
    from govdesk.services.points_report import ARCHIVE_WALL, PointReports

    check_period(args.year, args.quarter)
    db = open_database(args)
    try:
        info = PointReports(db).wall_pdf(args.year, args.quarter)
        entry = save_print(db, info, Path(args.out), ARCHIVE_WALL)
        if entry is not None:
            print(f"已存档（打印存档 #{entry.id}）")
    finally:
        db.dispose()
    return 0
