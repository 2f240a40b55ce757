"""``govdesk dues``: 党费 from the command line — record a payment, correct one, list arrears,
set this year's amounts as last year's.

``pay`` refuses a month already paid (naming it); an amount that is not months × the monthly
amount is not recorded until the clerk says so with ``--confirm`` (the question is printed, exit 1).
"""

from __future__ import annotations

import argparse
import re
import sys

from govdesk.cli.common import open_database
from govdesk.errors import FieldError, ValidationError

_MONTHS = re.compile(r"^(\d{1,2})(?:\s*[-—~至]\s*(\d{1,2}))?$")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dues")
    what = p.add_subparsers(dest="dues_action", metavar="ACTION", required=True)
    pay = what.add_parser("pay", help="登记一笔党费（金额与应交不符时需加 --confirm）")
    pay.add_argument("--member", required=True, help="党员姓名或编号")
    pay.add_argument("--year", required=True, type=int, metavar="YYYY")
    pay.add_argument("--months", required=True, metavar="M[-M]", help="交纳月份，如 1-3 或 11")
    pay.add_argument("--amount", required=True, metavar="元", help="金额（元），如 1.50")
    pay.add_argument("--paid-on", required=True, metavar="YYYY-MM-DD", help="交纳日期")
    pay.add_argument("--receipt", default="", help="收据号")
    pay.add_argument("--taken-by", default="", help="收款人")
    pay.add_argument("--confirm", action="store_true", help="金额与“月数 × 月交纳额”不符时，确认按此金额登记")
    pay.set_defaults(handler=run_pay)
    rev = what.add_parser("reverse", help="更正一笔党费记录（登记一笔金额相反的记录，原记录保留）")
    rev.add_argument("payment_id", type=int, help="要更正的记录编号")
    rev.add_argument("--reason", required=True, help="更正原因")
    rev.add_argument("--taken-by", default="", help="经办人")
    rev.set_defaults(handler=run_reverse)
    arrears = what.add_parser("arrears", help="列出欠缴党费 3 个月及以上的党员（连续六个月的加注）")
    arrears.add_argument("--at-least", type=int, default=3, metavar="N", help="欠缴至少几个月（默认 3）")
    arrears.set_defaults(handler=run_arrears)
    rates = what.add_parser("rates", help="按上年设定某年的月交纳额（已设定的不变）")
    rates.add_argument("--year", required=True, type=int, metavar="YYYY")
    rates.add_argument("--same-as-last-year", action="store_true", required=True, help="同上年")
    rates.set_defaults(handler=run_rates)


def _service(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from govdesk.services.dues import DuesService

    return DuesService(open_database(args))


def run_pay(args: argparse.Namespace) -> int:
    from govdesk.dues.rules import ConfirmationNeeded, PaymentInput, yuan
    from govdesk.labels import label

    m = _MONTHS.match(args.months.strip())
    if not m:
        raise ValidationError([FieldError("dues_months", label("dues_months"), "应写成 1-3 或 11")])
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    dues = _service(args)
    member_id = dues.member_id_of(args.member)
    data = PaymentInput(
        member_id, args.year, first, last, args.amount, args.paid_on, args.receipt, getattr(args, "taken_by", "")
    )
    try:
        line = dues.record_payment(data, confirmed=args.confirm)
    except ConfirmationNeeded as asked:
        print(f"govdesk: {asked.question}\n未登记。如确认无误，请加 --confirm 再运行。", file=sys.stderr)
        return 1
    year = dues.member_year(member_id, args.year)
    print(f"已登记第 {line} 笔（{yuan(dues.payments(member_id)[-1].amount_fen)} 元）：{year.name} {year.summary()}")
    return 0


def run_reverse(args: argparse.Namespace) -> int:
    dues = _service(args)
    line = dues.reverse(args.payment_id, args.reason, args.taken_by)
    print(f"已登记更正记录第 {line} 笔（更正第 {args.payment_id} 笔；原记录保留）")
    return 0


def run_arrears(args: argparse.Namespace) -> int:
    dues = _service(args)
    behind = dues.arrears_list(at_least=max(1, args.at_least))
    if not behind:
        print(f"没有欠缴 {args.at_least} 个月及以上的党员")
        return 0
    print(f"欠缴党费 {args.at_least} 个月及以上的党员（{len(behind)} 名）：")
    for r in behind:
        print(f"  {r.name}（{r.branch or '未编入支部'}）：{r.arrears.text()}")
    return 0


def run_rates(args: argparse.Namespace) -> int:
    n = _service(args).copy_rates(args.year)
    print(f"已按{args.year - 1}年的月交纳额为 {n} 名党员设定{args.year}年的月交纳额（已设定的保持不变）")
    return 0
