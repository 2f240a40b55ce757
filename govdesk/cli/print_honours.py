"""``govdesk print honours --year YYYY --out F.pdf``: the year's 光荣榜 for the board;
``govdesk print village-rules --out F.pdf [--version N]``: the 村规民约 in force (or an older
version) as a board notice. Both are public and archived (打印存档)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database, save_print


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("honours", help="某年度的光荣榜（评先评优表彰名单，张贴用）")
    p.add_argument("--year", required=True, metavar="YYYY", help="年度，如 2025")
    add_pdf_out(p)
    p.set_defaults(handler=run_honours)
    r = targets.add_parser("village-rules", help="现行村规民约（张贴用公告）；--version 打印旧版本")
    add_pdf_out(r)
    r.add_argument("--version", type=int, metavar="N", help="打印第 N 版（默认现行版本）")
    r.set_defaults(handler=run_village_rules)


def run_honours(args: argparse.Namespace) -> int:
    from datetime import date

    from govdesk.services.honours_print import ARCHIVE_ROLL, HonourPrints, parse_year

    year = parse_year(args.year, date.today())
    db = open_database(args)
    try:
        entry = save_print(db, HonourPrints(db).roll_pdf(year), Path(args.out), ARCHIVE_ROLL)
        if entry is not None:
            print(f"已存档（打印存档 #{entry.id}）")
    finally:
        db.dispose()
    return 0


def run_village_rules(args: argparse.Namespace) -> int:
    from govdesk.services.charters_print import ARCHIVE_RULES, CharterPrints

    db = open_database(args)
    try:
        info = CharterPrints(db).village_rules_pdf(args.version)
        entry = save_print(db, info, Path(args.out), ARCHIVE_RULES)
        if entry is not None:
            print(f"已存档（打印存档 #{entry.id}）")
    finally:
        db.dispose()
    return 0
