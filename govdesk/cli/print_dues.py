"""``govdesk print dues --year YYYY --out FILE.pdf``: the 党费收缴情况公示 for the board (archived)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database, save_print


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("dues", help="党费收缴情况公示：每名党员已交月份和金额（不含身份证号）")
    p.add_argument("--year", required=True, type=int, metavar="YYYY", help="年度，如 2026")
    add_pdf_out(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from govdesk.services.dues_report import ARCHIVE_NOTICE, DuesReports, check_year

    year = check_year(args.year)
    db = open_database(args)
    try:
        entry = save_print(db, DuesReports(db).notice_pdf(year), Path(args.out), ARCHIVE_NOTICE)
        if entry is not None:
            print(f"已存档（打印存档 #{entry.id}）")
    finally:
        db.dispose()
    return 0
