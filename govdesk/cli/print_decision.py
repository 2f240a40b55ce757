"""``govdesk print decision NUMBER [--notice resolution|result|sheet] --out FILE.pdf``.

resolution = 决议公告 (printable once resolved; before 决议公开 is recorded, ``--posted-on`` and
``--days`` say when it goes up and for how long), result = 实施结果公告 (after acceptance),
sheet = 议事登记表 of every meeting for the paper file. Public notices are masked and archived
(打印存档); ``--full`` prints the internal copy marked 内部资料, not archived.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database, save_print
from govdesk.decisions.inputs import DEFAULT_POSTING_DAYS
from govdesk.services.decisions_print import ARCHIVE_KINDS, NOTICES, RESOLUTION, DecisionPrinter, PrintOptions
from govdesk.validation import parse_date

NOTICE_HELP = "resolution = 决议公告（默认），result = 实施结果公告，sheet = 议事登记表"


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("decision", help="五议两公开：决议公告、实施结果公告、议事登记表")
    p.add_argument("number", metavar="NUMBER", help="台账编号，如 2026-007")
    p.add_argument("--notice", choices=NOTICES, default=RESOLUTION, help=NOTICE_HELP)
    p.add_argument("--posted-on", metavar="DATE", help="尚未登记公开时：张贴日期（默认今天）")
    p.add_argument("--days", type=int, default=DEFAULT_POSTING_DAYS, help="尚未登记公开时：公示天数（默认 7）")
    p.add_argument("--full", action="store_true", help="内部版：不隐去个人信息，每页标“内部资料”（不存档）")
    add_pdf_out(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = open_database(args)
    try:
        try:
            posted = parse_date(args.posted_on)
        except ValueError as exc:
            print(f"govdesk: --posted-on：{exc}")
            return 2
        options = PrintOptions(posted_on=posted, days=args.days, full=args.full)
        info = DecisionPrinter(db).render_number(args.number, args.notice, options)
        entry = save_print(db, info, Path(args.out), ARCHIVE_KINDS[args.notice])
        if entry is not None:
            print(f"已存档（打印存档 #{entry.id}，SHA-256 {entry.sha256[:16]}…）")
    finally:
        db.dispose()
    return 0
