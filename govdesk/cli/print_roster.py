"""``govdesk print roster --month YYYY-MM --out FILE.pdf`` and ``govdesk print plaque [--date] --out FILE.pdf``.

``print roster`` drafts the month first when it has no roster yet (the PDF then says 草稿,
未签发). The cadres' duty phones are printed in full (public work numbers, the point of a duty
board); ``--mask-phones`` masks them with the printing engine's public policy instead.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database
from govdesk.errors import FieldError, ValidationError
from govdesk.labels import label
from govdesk.services.bundle import Services
from govdesk.validation import parse_date


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("roster", help="某月村干部值班表（日历格，A4，含姓名、电话、两委例会）")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11（还没有值班表时先生成草稿）")
    add_pdf_out(p)
    p.add_argument("--mask-phones", action="store_true", help="电话只显示部分号码（如 138****5678）")
    p.set_defaults(handler=run_roster)
    q = targets.add_parser("plaque", help="今日值班挂牌（挂牌上岗：大字姓名、职务、电话）")
    q.add_argument("--date", metavar="YYYY-MM-DD", help="日期（默认今天）")
    add_pdf_out(q)
    q.add_argument("--mask-phones", action="store_true", help="电话只显示部分号码")
    q.set_defaults(handler=run_plaque)


def run_roster(args: argparse.Namespace) -> int:
    from govdesk.services.roster_prints import print_roster, roster_for_print

    db = open_database(args)
    try:
        services = Services.open(db)
        view, drafted = roster_for_print(services, args.month)
        if drafted:
            print(f"{view.year}年{view.month}月还没有值班表，已先生成草稿（未签发）")
        out = print_roster(services, view.key, Path(args.out), mask_phones=args.mask_phones)
        if view.warning:
            print(f"注意：{view.warning}")
        print(f"已生成《{view.village_name}{view.year}年{view.month}月村干部值班表》（{view.status}）：{out}")
    finally:
        db.dispose()
    return 0


def run_plaque(args: argparse.Namespace) -> int:
    from govdesk.services.roster_prints import print_plaque

    try:
        day = parse_date(args.date) if args.date else date.today()
    except ValueError as exc:
        raise _date_error(str(exc)) from None
    assert day is not None
    db = open_database(args)
    try:
        services = Services.open(db)
        out = print_plaque(services, day, Path(args.out), mask_phones=args.mask_phones)
        cadre = services.roster.on_duty(day)
        print(f"已生成 {day.isoformat()} 值班挂牌（{cadre.name if cadre else ''}）：{out}")
    finally:
        db.dispose()
    return 0


def _date_error(message: str) -> ValidationError:
    return ValidationError([FieldError("duty_day", label("duty_day"), message)])
