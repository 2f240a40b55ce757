"""``govdesk print volunteers --year YYYY --out FILE.pdf``: the year's volunteer-hours list
(名单 and hours, no ID numbers); with ``--team NAME``: that team's roster instead. Both archived.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database, save_print
from govdesk.validation import ledger_year


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("volunteers", help="志愿服务时长名单（某年）；--team 为某服务队的队员名单")
    p.add_argument("--year", type=int, metavar="YYYY", help="年份（默认今年）")
    p.add_argument("--team", metavar="NAME", help="服务队名称：打印该队的队员名单")
    add_pdf_out(p)
    p.set_defaults(handler=run)


def check_year(year: int | None) -> int:
    return ledger_year(year or date.today().year)


def run(args: argparse.Namespace) -> int:
    from govdesk.services.volunteers_report import ARCHIVE_ROSTER, ARCHIVE_YEAR, VolunteerReports

    year = check_year(args.year)
    db = open_database(args)
    try:
        reports = VolunteerReports(db)
        if args.team:
            info, kind = reports.roster_pdf(reports.team_named(args.team)), ARCHIVE_ROSTER
        else:
            info, kind = reports.year_pdf(year), ARCHIVE_YEAR
        entry = save_print(db, info, Path(args.out), kind)
        if entry is not None:
            print(f"已存档（打印存档 #{entry.id}）")
    finally:
        db.dispose()
    return 0
