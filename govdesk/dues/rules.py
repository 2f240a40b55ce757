"""The rules of 党费, as plain functions (each with a table-driven test in tests/dues).

- 金额: money is integer 分; an amount is read from text (``0.5``, ``1.20元``, ``１２``) with at most
  two decimals, never through float.
- 交纳月份: a payment covers whole months ``first``–``last`` of ONE year (the monthly amount is set
  per year, so months × rate is one year's rate; a payment across New Year is two entries).
- 重复交纳: a month already paid (by a payment not reversed) is refused, naming the month and the
  day it was paid: "2026年3月的党费已于 2026-02-10 交纳（收据 A001）".
- 金额核对: an amount other than months × the member's monthly amount is never accepted silently:
  ``ConfirmationNeeded`` carries the question; the clerk confirms and the service records it.
- 欠缴: a month is owed when the member was on the roster on its last day
  (``govdesk.member_status.statuses_on``) and a monthly amount above 0 is set for that year. It is
  in arrears when owed, unpaid and over: the current month is still open (当月党费当月交), so
  arrears run up to the month before today's. Members ``LISTED_FROM`` (3) or more months behind in
  all are listed; ``CHARTER_RUN`` (6) or more months unpaid IN A ROW — consecutive calendar months,
  each owed and unpaid; a month not owed (off the roster, exempt) ends the run — carry the
  charter's warning (党章第九条：连续六个月不交纳党费).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from govdesk.errors import FieldError, GovdeskError, ValidationError
from govdesk.fullwidth import to_ascii
from govdesk.labels import label
from govdesk.validation import clean_text, parse_date

MONTHS = 12
LISTED_FROM = 3
CHARTER_RUN = 6
CHARTER_WARNING = "连续六个月不交纳党费"
CHARTER_NOTE = "党章第九条：党员没有正当理由，连续六个月不交纳党费，就被认为是自行脱党，支部应及时了解情况"
MAX_FEN = 10_000_000  # 10 万元: anything above is a typing slip
_AMOUNT = re.compile(r"^(\d+)(?:\.(\d{1,2}))?$")


class ConfirmationNeeded(GovdeskError):
    """The payment can be recorded, but only after the clerk answers ``question`` with yes."""

    def __init__(self, question: str) -> None:
        super().__init__(question)
        self.question = question


# --- money ------------------------------------------------------------------------------------
def parse_fen(value: Any) -> int:
    """An amount in 元 as typed (``0.5``, ``1.20元``, ``１２``, a Decimal or an int) → integer 分.

    Raises ``ValueError`` with a Chinese message; floats are refused (they cannot hold 0.1 exactly).
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError("金额应写成数字，如 0.50")
    if isinstance(value, Decimal):
        value = format(value, "f")
    text = to_ascii(clean_text(value)).replace(" ", "").removesuffix("元").replace("￥", "").replace("¥", "")
    if not text:
        raise ValueError("不能为空")
    m = _AMOUNT.match(text)
    if not m:
        raise ValueError(f"“{text}”不是金额，应写成如 0.50（元，最多两位小数）")
    fen = int(m.group(1)) * 100 + int((m.group(2) or "0").ljust(2, "0"))
    if fen > MAX_FEN:
        raise ValueError("金额过大，请核对")
    return fen


def yuan(fen: int) -> str:
    """分 as 元 with two decimals: 50 → "0.50", -120 → "-1.20"."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), 100)
    return f"{sign}{whole}.{part:02d}"


def to_decimal(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


# --- months -----------------------------------------------------------------------------------
def month_bits(first: int, last: int) -> int:
    """Months ``first``–``last`` (1–12) as bits, January = bit 0."""
    return (1 << last) - (1 << (first - 1))


def months_of(bits: int) -> list[int]:
    return [m for m in range(1, MONTHS + 1) if bits >> (m - 1) & 1]


def month_text(year: int, month: int) -> str:
    return f"{year}年{month}月"


def span_text(year: int, first: int, last: int) -> str:
    return month_text(year, first) if first == last else f"{year}年{first}月至{last}月"


def month_key(year: int, month: int) -> int:
    """Months counted from year 0, so consecutive months across New Year differ by one."""
    return year * MONTHS + month - 1


def key_month(key: int) -> tuple[int, int]:
    return key // MONTHS, key % MONTHS + 1


def last_due_month(today: date) -> tuple[int, int]:
    """The last month that can be in arrears on ``today``: the month before (this month is still open)."""
    return key_month(month_key(today.year, today.month) - 1)


# --- a payment --------------------------------------------------------------------------------
@dataclass
class PaymentInput:
    """What the clerk types for one payment (the form's values, unchecked)."""

    member_id: int
    year: Any
    first_month: Any
    last_month: Any
    amount: Any  # 元, as typed
    paid_on: Any
    receipt_no: Any = ""
    taken_by: Any = ""
    note: Any = ""


@dataclass(frozen=True)
class CheckedPayment:
    member_id: int
    year: int
    first_month: int
    last_month: int
    amount_fen: int
    paid_on: date
    receipt_no: str
    taken_by: str
    note: str

    @property
    def bits(self) -> int:
        return month_bits(self.first_month, self.last_month)

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1


@dataclass(frozen=True)
class PaidMonth:
    """A month already paid by a payment still standing: when, and on which receipt."""

    paid_on: date
    receipt_no: str


def _int_in(value: Any, low: int, high: int) -> int | None:
    try:
        number = int(to_ascii(clean_text(value)))
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def check_payment_fields(data: PaymentInput, today: date) -> CheckedPayment:
    """Every field error at once (nothing about other payments yet)."""
    errors: list[FieldError] = []

    def fail(field: str, message: str) -> None:
        errors.append(FieldError(field, label(field), message))

    year = _int_in(data.year, 2000, 2100)
    if year is None:
        fail("dues_year", "应为四位年份，如 2026")
    first = _int_in(data.first_month, 1, MONTHS)
    last = _int_in(data.last_month, 1, MONTHS)
    if first is None or last is None:
        fail("dues_months", "月份应为 1 至 12（一笔交费只含同一年的月份，跨年请分两笔登记）")
    elif first > last:
        fail("dues_months", f"起始月份 {first} 月晚于截止月份 {last} 月")
    amount = 0
    try:
        amount = parse_fen(data.amount)
        if amount <= 0:
            fail("dues_amount", "应大于 0")
    except ValueError as exc:
        fail("dues_amount", str(exc))
    paid_on = None
    try:
        paid_on = parse_date(data.paid_on)
        if paid_on is None:
            fail("dues_paid_on", "不能为空")
        elif paid_on > today:
            fail("dues_paid_on", "不能晚于今天")
    except ValueError as exc:
        fail("dues_paid_on", str(exc))
    receipt, taken_by, note = clean_text(data.receipt_no), clean_text(data.taken_by), clean_text(data.note)
    if len(receipt) > 40:
        fail("dues_receipt_no", "不能超过 40 个字符")
    if len(taken_by) > 50:
        fail("dues_taken_by", "不能超过 50 个字")
    if errors:
        raise ValidationError(errors)
    assert year is not None and first is not None and last is not None and paid_on is not None
    return CheckedPayment(data.member_id, year, first, last, amount, paid_on, receipt, taken_by, note)


def refuse_months_already_paid(p: CheckedPayment, paid: dict[int, PaidMonth]) -> None:
    """重复交纳: the first month of the payment that is already paid is named, with its date."""
    for month in range(p.first_month, p.last_month + 1):
        found = paid.get(month)
        if found is not None:
            receipt = f"（收据号 {found.receipt_no}）" if found.receipt_no else ""
            raise ValidationError(
                [
                    FieldError(
                        "dues_months",
                        label("dues_months"),
                        f"{month_text(p.year, month)}的党费已于 {found.paid_on.isoformat()} 交纳{receipt}，"
                        "不能重复登记；如登记有误，请先更正原记录",
                    )
                ]
            )


def expected_fen(months: int, monthly_fen: int | None) -> int | None:
    return None if monthly_fen is None else months * monthly_fen


def confirmation_question(p: CheckedPayment, name: str, monthly_fen: int | None) -> str | None:
    """金额核对: the question to ask when the amount is not months × the monthly amount (None: it is)."""
    span = span_text(p.year, p.first_month, p.last_month)
    if monthly_fen is None:
        return f"尚未设定{name}{p.year}年的月交纳额，无法核对金额。确定按 {yuan(p.amount_fen)} 元登记{span}的党费吗？"
    expected = p.months * monthly_fen
    if p.amount_fen == expected:
        return None
    more = "多" if p.amount_fen > expected else "少"
    return (
        f"{name}{p.year}年每月应交 {yuan(monthly_fen)} 元，{span}共 {p.months} 个月应交 {yuan(expected)} 元，"
        f"本次登记 {yuan(p.amount_fen)} 元，{more} {yuan(abs(p.amount_fen - expected))} 元。确定按此金额登记吗？"
    )


# --- arrears ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Arrears:
    """A member's unpaid owed months (month keys, oldest first) and the longest run of them in a row."""

    months: tuple[int, ...]
    run_start: int | None
    run_length: int

    @property
    def count(self) -> int:
        return len(self.months)

    @property
    def listed(self) -> bool:
        return self.count >= LISTED_FROM

    @property
    def charter_warning(self) -> bool:
        return self.run_length >= CHARTER_RUN

    def run_text(self) -> str:
        if self.run_start is None:
            return ""
        (y1, m1), (y2, m2) = key_month(self.run_start), key_month(self.run_start + self.run_length - 1)
        end = f"{m2}月" if y1 == y2 else f"{y2}年{m2}月"
        return f"{y1}年{m1}月" if self.run_length == 1 else f"{y1}年{m1}月至{end}"

    def text(self) -> str:
        """欠缴 4 个月 / 欠缴 7 个月，其中连续 6 个月（2025年11月至2026年4月）未交"""
        if not self.months:
            return ""
        if self.charter_warning:
            return f"欠缴 {self.count} 个月，{CHARTER_WARNING}（已连续 {self.run_length} 个月：{self.run_text()}）"
        return f"欠缴 {self.count} 个月"


def arrears(owed: Iterable[int], paid: Iterable[int]) -> Arrears:
    """Unpaid months among those owed (month keys, up to the last due month) and the longest run
    of consecutive calendar months each owed and unpaid; the earliest run wins a tie."""
    owed_keys = set(owed)
    if not owed_keys:
        return NO_ARREARS
    base = min(owed_keys)
    paid_keys = set(paid)
    return arrears_of_bits(base, sum(1 << (k - base) for k in owed_keys if k not in paid_keys))


def arrears_of_bits(base: int, unpaid: int) -> Arrears:
    """The same from bits: bit ``i`` of ``unpaid`` is month key ``base + i`` (owed and unpaid).
    The longest run is how often ``x &= x >> 1`` can be applied before nothing is left."""
    if unpaid <= 0:
        return NO_ARREARS
    run, x = 0, unpaid
    while x:
        x &= x >> 1
        run += 1
    starts = unpaid
    for _ in range(run - 1):
        starts &= starts >> 1  # bits where a run of ``run`` months begins
    first = (starts & -starts).bit_length() - 1
    months = tuple(base + i for i in range(unpaid.bit_length()) if unpaid >> i & 1)
    return Arrears(months, base + first, run)


NO_ARREARS = Arrears((), None, 0)
