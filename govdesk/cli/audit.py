"""``govdesk audit [--since DATE] [--until DATE] [--user U] [--kind TABLE] [--record ID]``: who changed what.

Oldest first, the newest ``--limit`` that match; ``--details`` adds the values before and after.
"""

from __future__ import annotations

import argparse
from datetime import date

from govdesk.cli.common import open_database


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期（例如 2026-11-30）") from None


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001 - argparse's own type
    p = sub.add_parser("audit")
    p.add_argument("--since", type=_day, metavar="DATE", help="从这一天起（例如 2026-11-01）")
    p.add_argument("--until", type=_day, metavar="DATE", help="到这一天为止（含这一天）")
    p.add_argument("--user", dest="audit_user", metavar="U", help="只看这个用户的操作")
    p.add_argument("--kind", default="", metavar="TABLE", help="只看这类记录（表名，如 residents、households）")
    p.add_argument("--record", default="", metavar="ID", help="只看这一条记录（记录编号，与 --kind 一起用）")
    p.add_argument("--limit", type=int, default=1000, help="最多显示多少条（最新的；默认 1000）")
    p.add_argument("--details", action="store_true", help="同时显示修改前后的值")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from govdesk.audit import kind_label
    from govdesk.services.audit_log import AuditFilter, AuditService

    db = open_database(args)
    try:
        f = AuditFilter(
            user=args.audit_user or "", kind=args.kind, record_id=args.record, since=args.since, until=args.until
        )
        lines = AuditService(db).entries(f, limit=max(1, args.limit))
    finally:
        db.dispose()
    if not lines:
        print("没有符合条件的操作记录")
        return 0
    for e in lines:
        who = f"{e.user_name}（{e.role}）" if e.role else e.user_name
        record = f" #{e.record_id}" if e.record_id else ""
        print(f"{e.at:%Y-%m-%d %H:%M:%S}  {who}  {e.action}  {kind_label(e.kind)}{record}  {e.summary}")
        if args.details:
            if e.before:
                print(f"    {'修改前' if e.after else '删除前'}：{e.before}")
            if e.after:
                print(f"    {'修改后' if e.before else '内容'}：{e.after}")
    print(f"共 {len(lines)} 条")
    return 0
