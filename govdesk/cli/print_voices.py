"""``govdesk print voices --month YYYY-MM --out FILE.pdf [--public]``: the 民情台账 month on paper.

Without ``--public``: the monthly report (受理 by channel and category, 答复率, 答复用时中位数,
逾期) — internal, it names who raised the overdue items. With ``--public``: the board list of
what was raised and what was done, names masked (张*明), archived (打印存档).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from govdesk.cli.common import open_database


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("voices", help="民情台账月报；--public 为张贴用的民情办理公开（姓名隐去）")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    p.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")
    p.add_argument("--public", action="store_true", help="公开版张贴清单：反映了什么、办得怎样，姓名显示为 张*明")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from govdesk.services.voices_report import ARCHIVE_BOARD, VoiceReports, parse_month

    year, month = parse_month(args.month)
    db = open_database(args)
    try:
        reports = VoiceReports(db)
        info = reports.board_pdf(year, month) if args.public else reports.month_pdf(year, month)
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(info.pdf)
        edition = "内部版（内部资料）" if info.internal else "公开版"
        print(f"已生成{edition}《{info.title}》：{out}，共 {info.pages} 页")
        if not info.internal:
            from govdesk.services.printing import PrintService

            entry = PrintService(db).printed(info, kind=ARCHIVE_BOARD)
            if entry is not None:
                print(f"已存档（打印存档 #{entry.id}）")
    finally:
        db.dispose()
    return 0
