"""``govdesk print stars --quarter YYYY-QN [--branch NAME] --out FILE.pdf``: the 五星支部 quarterly 通报.

Without ``--branch``: every branch, with a comparison first. Public (no personal data), archived.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database, save_print


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("stars", help="五星支部季度通报（各支部或 --branch 指定的支部）")
    p.add_argument("--quarter", required=True, metavar="YYYY-QN", help="季度，如 2026-Q3")
    p.add_argument("--branch", metavar="NAME", help="党支部名称，如 第一党支部（默认：全部支部）")
    add_pdf_out(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from govdesk.services.stars_report import ARCHIVE_QUARTER, StarReports
    from govdesk.stars.rules import parse_quarter

    year, quarter = parse_quarter(args.quarter)
    db = open_database(args)
    try:
        info = StarReports(db).quarter_pdf(year, quarter, args.branch)
        entry = save_print(db, info, Path(args.out), ARCHIVE_QUARTER)
        if entry is not None:
            print(f"已存档（打印存档 #{entry.id}）")
    finally:
        db.dispose()
    return 0
