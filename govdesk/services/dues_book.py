"""The year's 党费 book computed: for every member of a year, the monthly amount, the months paid
(the ledger summed per member and year — reversals carry negative bits and 分, so they net out),
the marks of the twelve months and the arrears over every year with a rate.

Who owed a month is asked of ``govdesk.member_status`` (on the roster on the month's last day),
never re-derived here: every month's end of every year in one pass over the members
(``roster_bits``), so a township's book is one query, not one per month.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from govdesk.dues.rules import (
    MONTHS,
    NO_ARREARS,
    Arrears,
    arrears_of_bits,
    key_month,
    last_due_month,
    month_key,
    months_of,
    yuan,
)
from govdesk.member_status import on_roster, roster_bits
from govdesk.models import Member
from govdesk.models.dues import DuesPayment, DuesRate
from govdesk.services.people_common import BRANCH, member_org_select

PAID, OWED, NOT_OWED, OPEN = "√", "欠", "—", ""
UNSET_RATE = "未设定"  # a member without a monthly amount for the year, as the book and its prints show it


def month_last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class MemberYear:
    """One member's dues for one year, as the book and the member's details show them."""

    member_id: int
    name: str
    branch: str
    year: int
    monthly_fen: int | None  # None: not set for the year
    paid_bits: int
    paid_fen: int
    owed_bits: int  # the months of this year owed, up to last month
    due_bits: int  # the months of this year up to last month (later ones are not yet due)
    arrears: Arrears  # every year with a rate, up to last month

    @property
    def paid_months(self) -> list[int]:
        return months_of(self.paid_bits)

    @property
    def marks(self) -> tuple[str, ...]:
        """The twelve months as the book shows them: √ paid, 欠 in arrears, — not owed, "" not yet due."""
        marks = []
        for m in range(MONTHS):
            bit = 1 << m
            if self.paid_bits & bit:
                marks.append(PAID)
            elif self.owed_bits & bit:
                marks.append(OWED)
            elif self.due_bits & bit:
                marks.append(NOT_OWED)
            else:
                marks.append(OPEN)
        return tuple(marks)

    def summary(self) -> str:
        """2026年党费：每月 0.50 元，已交 1—9 月共 9 个月 4.50 元；欠缴 2 个月"""
        rate = f"每月 {yuan(self.monthly_fen)} 元" if self.monthly_fen is not None else "未设定月交纳额"
        months = self.paid_months
        paid = f"已交 {months_text(months)}，共 {len(months)} 个月 {yuan(self.paid_fen)} 元" if months else "尚未交纳"
        owing = f"；{self.arrears.text()}" if self.arrears.count else "；无欠缴"
        return f"{self.year}年党费：{rate}，{paid}{owing}"


def months_text(months: list[int]) -> str:
    """[1, 2, 3, 5] → 1—3、5 月"""
    parts: list[str] = []
    start = prev = None
    for m in [*months, None]:
        if m is not None and prev is not None and m == prev + 1:
            prev = m
            continue
        if start is not None:
            parts.append(f"{start}" if start == prev else f"{start}—{prev}")
        start = prev = m
    return "、".join(parts) + " 月"


def ledger_stamp(s: Session) -> tuple[Any, ...]:
    """Changes whenever a payment, a rate or a member is written (three aggregates on small tables)."""
    payments = s.execute(select(func.count(DuesPayment.id), func.max(DuesPayment.id))).one()
    rates = s.execute(select(func.count(DuesRate.id), func.max(DuesRate.updated_at))).one()
    members = s.execute(select(func.count(Member.id), func.max(Member.updated_at))).one()
    return (*payments, *rates, *members)


def rates_of(s: Session, years: Iterable[int], member_ids: list[int] | None = None) -> dict[tuple[int, int], int]:
    stmt = select(DuesRate.member_id, DuesRate.year, DuesRate.monthly_fen).where(DuesRate.year.in_(list(years)))
    if member_ids is not None:
        stmt = stmt.where(DuesRate.member_id.in_(member_ids))
    return {(mid, y): fen for mid, y, fen in s.execute(stmt)}


def _paid(
    s: Session, years: Iterable[int], member_ids: list[int] | None = None
) -> dict[tuple[int, int], tuple[int, int]]:
    """``{(member, year): (paid month bits, paid 分)}``: the ledger summed, reversals netting out."""
    stmt = (
        select(
            DuesPayment.member_id, DuesPayment.year, func.sum(DuesPayment.month_bits), func.sum(DuesPayment.amount_fen)
        )
        .where(DuesPayment.year.in_(list(years)))
        .group_by(DuesPayment.year, DuesPayment.member_id)
    )
    if member_ids is not None:
        stmt = stmt.where(DuesPayment.member_id.in_(member_ids))
    return {(mid, y): (int(bits or 0), int(fen or 0)) for mid, y, bits, fen in s.execute(stmt)}


def _rate_years(s: Session, last_year: int, member_ids: list[int] | None) -> list[int]:
    stmt = select(DuesRate.year).where(DuesRate.year <= last_year).distinct()
    if member_ids is not None:
        stmt = stmt.where(DuesRate.member_id.in_(member_ids))
    return sorted(s.scalars(stmt).all())


def _owed_months(
    s: Session, years: list[int], last_key: int, member_ids: list[int] | None
) -> dict[int, tuple[int, ...]]:
    """``{member: (month bits on the roster at each month's end, per year of ``years``)}``, months
    up to ``last_key`` only: one pass over the members (``member_status.roster_bits``), for the
    members with a rate in some year (nobody else can owe)."""
    columns = [
        roster_bits([month_last_day(y, m) for m in range(1, MONTHS + 1) if month_key(y, m) <= last_key]) for y in years
    ]
    stmt = select(Member.id, *columns)
    if member_ids is not None:
        stmt = stmt.where(Member.id.in_(member_ids))
    else:
        stmt = stmt.where(Member.id.in_(select(DuesRate.member_id).where(DuesRate.monthly_fen > 0)))
    return {mid: tuple(int(b or 0) for b in bits) for mid, *bits in s.execute(stmt)}


def member_years(
    s: Session,
    year: int,
    today: date,
    members: dict[int, tuple[str, str]],
    *,
    everyone: bool = False,
) -> dict[int, MemberYear]:
    """The year of each of ``members``, with their arrears over every year with a rate (bits: bit
    ``i`` of a member's unpaid months is month key ``base + i``)."""
    ids = None if everyone else list(members)
    last_key = month_key(*last_due_month(today))
    years = _rate_years(s, key_month(last_key)[0], ids)
    rates = rates_of(s, {*years, year}, ids)
    paid = _paid(s, {*years, year}, ids)
    holders: dict[int, set[int]] = defaultdict(set)
    for (mid, y), fen in rates.items():
        if fen > 0:
            holders[y].add(mid)
    owed: dict[tuple[int, int], int] = {}
    for mid, bits_of_years in (_owed_months(s, years, last_key, ids) if years else {}).items():
        for y, bits in zip(years, bits_of_years, strict=True):
            if bits and mid in holders[y]:
                owed[(mid, y)] = bits
    base = month_key(years[0], 1) if years else 0
    unpaid: dict[int, int] = defaultdict(int)
    for (mid, y), bits in owed.items():
        left = bits & ~paid.get((mid, y), (0, 0))[0]
        if left:
            unpaid[mid] |= left << (month_key(y, 1) - base)
    due = sum(1 << (m - 1) for m in range(1, MONTHS + 1) if month_key(year, m) <= last_key)
    result = {}
    for mid, (name, branch) in members.items():
        bits, fen = paid.get((mid, year), (0, 0))
        owing = arrears_of_bits(base, unpaid[mid]) if mid in unpaid else NO_ARREARS
        this_year = owed.get((mid, year), 0) & ~bits
        result[mid] = MemberYear(mid, name, branch, year, rates.get((mid, year)), bits, fen, this_year, due, owing)
    return result


def compute_book(s: Session, year: int, today: date) -> dict[int, MemberYear]:
    """The members of the year's book: on the roster at some month's end of the year (up to today,
    and today itself), or with a rate for the year."""
    days = [month_last_day(year, m) for m in range(1, MONTHS + 1) if month_last_day(year, m) < today]
    if year >= today.year:
        days.append(today)  # this year so far, or a year ahead whose rates are being set
    in_book = Member.id.in_(select(DuesRate.member_id).where(DuesRate.year == year))
    if days:
        in_book = or_(in_book, *(on_roster(day) for day in days))
    names = {
        mid: (name, branch or "")
        for mid, name, branch in s.execute(member_org_select(Member.id, Member.name, BRANCH.name).where(in_book))
    }
    return member_years(s, year, today, names, everyone=True)
