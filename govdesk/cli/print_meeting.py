"""``govdesk print meeting --id N --out FILE.pdf``: one meeting's 会议记录 with its attendance (内部资料)."""

from __future__ import annotations

import argparse
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database, save_print


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("meeting", help="会议记录（三会一课、主题党日等）及签到表，内部资料")
    p.add_argument("--id", required=True, type=int, metavar="N", help="会议编号（窗口“组织生活 → 会议”列表第一列）")
    add_pdf_out(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from govdesk.services.meetings_print import ARCHIVE_MEETING, meeting_record_pdf

    db = open_database(args)
    try:
        save_print(db, meeting_record_pdf(db, args.id), Path(args.out), ARCHIVE_MEETING)
    finally:
        db.dispose()
    return 0
