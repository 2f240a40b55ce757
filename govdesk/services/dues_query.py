"""Reading 党费: a member's year, everyone's arrears, and the year's book as a paged list.

Who owed a month is asked of ``govdesk.member_status.statuses_on`` (on the roster on the month's
last day) — never re-derived here. What was paid is one ``SUM(month_bits), SUM(amount_fen)``
per member and year over the ledger (reversals carry negative bits and 分, so they net out),
on the (year, member) index. The book is computed once for all members of a year and kept until
the ledger, the rates or the roster change (a stamp of three aggregates, checked per read), so
scrolling and sorting a township's 5,000 members re-reads nothing but the stamp.
"""

from __future__ import annotations

import calendar
import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govdesk.changes import feed_of
from govdesk.db import Database
from govdesk.dues.rules import (
    MONTHS,
    Arrears,
    arrears,
    key_month,
    last_due_month,
    month_key,
    months_of,
    yuan,
)
from govdesk.errors import NotFoundError
from govdesk.member_status import statuses_on
from govdesk.models import Member
from govdesk.models.dues import DuesPayment, DuesRate
from govdesk.services.listing import ColumnSpec, ListQuery, Row
from govdesk.services.people_common import BRANCH, member_org_select, text_filter

PAID, OWED, NOT_OWED, OPEN = "√", "欠", "—", ""
MEMO_BOOKS = 3
ARREARS_ANY, ARREARS_LISTED, ARREARS_CHARTER = "any", "listed", "charter"
ARREARS_FILTERS = (
    ("欠缴 3 个月及以上", ARREARS_LISTED),
    ("连续六个月未交", ARREARS_CHARTER),
    ("有欠缴", ARREARS_ANY),
)
DUES_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("name", "姓名"),
    ColumnSpec("branch", "所在支部"),
    ColumnSpec("rate", "月交纳额（元）"),
    *(ColumnSpec(f"m{m}", f"{m}月", sortable=False) for m in range(1, MONTHS + 1)),
    ColumnSpec("paid_months", "本年已交（月）"),
    ColumnSpec("paid_amount", "本年已交（元）"),
    ColumnSpec("arrears", "欠缴（月）"),
    ColumnSpec("warning", "提示", sortable=False),
)


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
    marks: tuple[str, ...]  # 12 marks: √ paid, 欠 in arrears, — not owed, "" not yet due
    arrears: Arrears  # every year with a rate, up to last month

    @property
    def paid_months(self) -> list[int]:
        return months_of(self.paid_bits)

    def summary(self) -> str:
        """2026年党费：每月 0.50 元，已交 1—9 月共 9 个月 4.50 元；欠缴 2 个月"""
        rate = f"每月 {yuan(self.monthly_fen)} 元" if self.monthly_fen is not None else "未设定月交纳额"
        months = self.paid_months
        paid = f"已交 {_months_text(months)}，共 {len(months)} 个月 {yuan(self.paid_fen)} 元" if months else "尚未交纳"
        owing = f"；{self.arrears.text()}" if self.arrears.count else "；无欠缴"
        return f"{self.year}年党费：{rate}，{paid}{owing}"


def _months_text(months: list[int]) -> str:
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


@dataclass(frozen=True)
class PaymentLine:
    """A ledger line of one member, with the line that reversed it (if any)."""

    id: int
    member_id: int
    year: int
    first_month: int
    last_month: int
    amount_fen: int
    paid_on: date
    receipt_no: str
    taken_by: str
    note: str
    reverses_id: int | None
    reversed_by: int | None

    @property
    def standing(self) -> bool:
        return self.reverses_id is None and self.reversed_by is None

    def text(self) -> str:
        span = f"{self.year}年{self.first_month}月" + (
            f"至{self.last_month}月" if self.last_month != self.first_month else ""
        )
        what = f"更正第 {self.reverses_id} 笔" if self.reverses_id else "交纳"
        done = f"（已被第 {self.reversed_by} 笔更正）" if self.reversed_by else ""
        receipt = f"，收据号 {self.receipt_no}" if self.receipt_no else ""
        return f"第 {self.id} 笔 {self.paid_on.isoformat()} {what} {span} {yuan(self.amount_fen)} 元{receipt}{done}"


@dataclass(frozen=True)
class _Facts:
    """Everything the book of a year needs, for every member in it (computed once per stamp)."""

    year: int
    rows: dict[int, MemberYear]


class _Memo:
    """The latest year's book of one database (a few MB at most), shared by every reader of it.
    Forgotten on any write through the database (the change feed) — and, for writes by another
    process (the CLI), it is found stale by its stamp."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._facts: dict[tuple[Any, ...], _Facts] = {}

    def get(self, stamp: tuple[Any, ...]) -> _Facts | None:
        with self._lock:
            return self._facts.get(stamp)

    def keep(self, stamp: tuple[Any, ...], facts: _Facts) -> None:
        """The latest few books (this year's for 首页, another year the page shows): the older go."""
        with self._lock:
            self._facts = {k: v for k, v in self._facts.items() if k[2:] == stamp[2:]}
            self._facts[stamp] = facts
            while len(self._facts) > MEMO_BOOKS:
                self._facts.pop(next(iter(self._facts)))

    def forget(self, _changes: object = None) -> None:
        with self._lock:
            self._facts = {}


_memos: weakref.WeakKeyDictionary[Database, _Memo] = weakref.WeakKeyDictionary()
_memos_lock = threading.Lock()


def _memo_of(db: Database) -> _Memo:
    with _memos_lock:
        memo = _memos.get(db)
        if memo is None:
            memo = _memos[db] = _Memo()
            feed_of(db).listen(memo.forget)
        return memo


class DuesQueries:
    """The reads of 党费. ``clock`` is injectable (the demo, the tests)."""

    columns = DUES_COLUMNS

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.clock: Callable[[], datetime] = clock or datetime.now
        self._memo = _memo_of(db)

    def today(self) -> date:
        return self.clock().date()

    # --- single members ---------------------------------------------------------------------
    def rate(self, member_id: int, year: int) -> int | None:
        with self.db.session() as s:
            return _rates(s, [year], [member_id]).get((member_id, year))

    def member_year(self, member_id: int, year: int | None = None) -> MemberYear:
        """One member's year (the member's details, the payment dialog)."""
        today = self.today()
        year = year or today.year
        with self.db.session() as s:
            found = s.execute(
                member_org_select(Member.id, Member.name, BRANCH.name).where(Member.id == member_id)
            ).first()
            if found is None:
                raise NotFoundError(f"找不到编号为 {member_id} 的党员")
            rows = _member_years(s, year, today, {member_id: (found[1], found[2] or "")})
        return rows[member_id]

    def payments(self, member_id: int, year: int | None = None) -> list[PaymentLine]:
        """The member's ledger (of a year, or all), oldest first, reversals included."""
        stmt = select(DuesPayment).where(DuesPayment.member_id == member_id)
        if year is not None:
            stmt = stmt.where(DuesPayment.year == year)
        return self._lines(stmt)

    def ledger(self, year: int) -> list[PaymentLine]:
        """Every line of a year's ledger, oldest first (the export's second sheet)."""
        return self._lines(select(DuesPayment).where(DuesPayment.year == year))

    def _lines(self, stmt: Any) -> list[PaymentLine]:
        with self.db.session() as s:
            lines = s.scalars(stmt.order_by(DuesPayment.id)).all()
            reversed_by = {p.reverses_id: p.id for p in lines if p.reverses_id is not None}
            return [
                PaymentLine(
                    p.id,
                    p.member_id,
                    p.year,
                    p.first_month,
                    p.last_month,
                    p.amount_fen,
                    p.paid_on,
                    p.receipt_no,
                    p.taken_by,
                    p.note,
                    p.reverses_id,
                    reversed_by.get(p.id),
                )
                for p in lines
            ]

    # --- everyone ---------------------------------------------------------------------------
    def arrears_list(self, today: date | None = None, *, at_least: int = 3) -> list[MemberYear]:
        """Members ``at_least`` months behind (default: the listed ones), most behind first."""
        facts = self.year_book(today.year if today else None, today)
        found = [r for r in facts.values() if r.arrears.count >= at_least]
        return sorted(found, key=lambda r: (-r.arrears.run_length, -r.arrears.count, r.member_id))

    def year_book(self, year: int | None = None, today: date | None = None) -> dict[int, MemberYear]:
        """Every member in the year's book (on the roster some month of it, or with a rate for it)."""
        today = today or self.today()
        year = year or today.year
        with self.db.session() as s:
            stamp = (year, today, *_stamp(s))
            facts = self._memo.get(stamp)
            if facts is None:
                facts = _Facts(year, _book(s, year, today))
                self._memo.keep(stamp, facts)
        return facts.rows

    # --- the paged book (Listing) --------------------------------------------------------------
    def _ordered(self, query: ListQuery, today: date | None = None) -> list[MemberYear]:
        f = query.filters
        rows = self.year_book(int(f["year"]) if f.get("year") else None, today)
        stmt = member_org_select(Member.id).order_by(BRANCH.sort_order, Member.search_keys, Member.id)
        if f.get("branch_id"):
            stmt = stmt.where(Member.branch_id == f["branch_id"])
        cond = text_filter(
            query.text, name=Member.name, keys=Member.search_keys, id_number=Member.id_number, phone=Member.phone
        )
        if cond is not None:
            stmt = stmt.where(cond)
        with self.db.session() as s:
            ids = s.scalars(stmt).all()
        found = [rows[i] for i in ids if i in rows]
        which = f.get("arrears")
        if which == ARREARS_ANY:
            found = [r for r in found if r.arrears.count]
        elif which == ARREARS_LISTED:
            found = [r for r in found if r.arrears.listed]
        elif which == ARREARS_CHARTER:
            found = [r for r in found if r.arrears.charter_warning]
        key = _SORT.get(query.sort_key or "")
        if key is not None:
            found.sort(key=key, reverse=query.descending)
        return found

    def ordered(self, year: int, today: date | None = None) -> list[MemberYear]:
        """The whole book of a year in the list's order (by branch, then name): print and export."""
        if today is not None:
            self.year_book(year, today)  # the memo now holds this day's book
        return self._ordered(ListQuery(filters={"year": year}), today)

    def count(self, query: ListQuery) -> int:
        return len(self._ordered(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        return [Row(r.member_id, book_values(r)) for r in self._ordered(query)[offset : offset + limit]]


def book_values(r: MemberYear) -> tuple[Any, ...]:
    rate = yuan(r.monthly_fen) if r.monthly_fen is not None else "未设定"
    warning = r.arrears.text() if r.arrears.listed else ""
    return (
        r.name,
        r.branch,
        rate,
        *r.marks,
        len(r.paid_months),
        yuan(r.paid_fen),
        r.arrears.count or None,
        warning,
    )


_SORT: dict[str, Callable[[MemberYear], Any]] = {
    "name": lambda r: r.name,
    "branch": lambda r: r.branch,
    "rate": lambda r: -1 if r.monthly_fen is None else r.monthly_fen,
    "paid_months": lambda r: bin(r.paid_bits).count("1"),
    "paid_amount": lambda r: r.paid_fen,
    "arrears": lambda r: (r.arrears.count, r.arrears.run_length),
}


# --- the computation ----------------------------------------------------------------------------
def _stamp(s: Session) -> tuple[Any, ...]:
    """Changes whenever a payment, a rate or a member is written (three aggregates on small tables)."""
    payments = s.execute(select(func.count(DuesPayment.id), func.max(DuesPayment.id))).one()
    rates = s.execute(select(func.count(DuesRate.id), func.max(DuesRate.updated_at))).one()
    members = s.execute(select(func.count(Member.id), func.max(Member.updated_at))).one()
    return (*payments, *rates, *members)


def _rates(s: Session, years: Iterable[int], member_ids: list[int] | None = None) -> dict[tuple[int, int], int]:
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


Rosters = dict[date, dict[int, str]]


def _roster(s: Session, day: date, member_ids: list[int] | None, rosters: Rosters | None) -> dict[int, str]:
    """``statuses_on`` for a day, asked once per computation (the book and the arrears share days)."""
    if rosters is None:
        return statuses_on(s, day, member_ids=member_ids)
    if day not in rosters:
        rosters[day] = statuses_on(s, day, member_ids=member_ids)
    return rosters[day]


def _arrears(
    s: Session, today: date, member_ids: list[int] | None, rosters: Rosters | None = None
) -> tuple[dict[int, Arrears], dict[int, set[int]]]:
    """Arrears of every member (or of ``member_ids``) over every year with a rate, up to last month;
    and the month keys each member owed (for the book's 欠 / — marks)."""
    last_key = month_key(*last_due_month(today))
    years = _rate_years(s, key_month(last_key)[0], member_ids)
    rates = _rates(s, years, member_ids)
    paid = _paid(s, years, member_ids)
    owed: dict[int, set[int]] = defaultdict(set)
    for year in years:
        for month in range(1, MONTHS + 1):
            key = month_key(year, month)
            if key > last_key:
                break
            for mid in _roster(s, month_last_day(year, month), member_ids, rosters):
                if rates.get((mid, year), 0) > 0:
                    owed[mid].add(key)
    paid_keys: dict[int, set[int]] = defaultdict(set)
    for (mid, year), (bits, _fen) in paid.items():
        paid_keys[mid].update(month_key(year, m) for m in months_of(bits))
    return {mid: arrears(keys, paid_keys.get(mid, ())) for mid, keys in owed.items()}, owed


def _member_years(
    s: Session,
    year: int,
    today: date,
    members: dict[int, tuple[str, str]],
    *,
    everyone: bool = False,
    rosters: Rosters | None = None,
) -> dict[int, MemberYear]:
    ids = None if everyone else list(members)
    owing, owed = _arrears(s, today, ids, rosters)
    rates = _rates(s, [year], ids)
    paid = _paid(s, [year], ids)
    last_key = month_key(*last_due_month(today))
    none = arrears((), ())
    result = {}
    for mid, (name, branch) in members.items():
        bits, fen = paid.get((mid, year), (0, 0))
        unpaid = set(owing[mid].months) if mid in owing else set()
        marks = []
        for m in range(1, MONTHS + 1):
            key = month_key(year, m)
            if bits >> (m - 1) & 1:
                marks.append(PAID)
            elif key in unpaid:
                marks.append(OWED)
            elif key <= last_key and key not in owed.get(mid, ()):
                marks.append(NOT_OWED)
            else:
                marks.append(OPEN)
        result[mid] = MemberYear(
            mid, name, branch, year, rates.get((mid, year)), bits, fen, tuple(marks), owing.get(mid, none)
        )
    return result


def _book(s: Session, year: int, today: date) -> dict[int, MemberYear]:
    """The members of the year's book: on the roster at some month's end of the year (up to today,
    and today itself), or with a rate for the year."""
    ids: set[int] = set(s.scalars(select(DuesRate.member_id).where(DuesRate.year == year)).all())
    days = [month_last_day(year, m) for m in range(1, MONTHS + 1) if month_last_day(year, m) < today]
    if year >= today.year:
        days.append(today)  # this year so far, or a year ahead whose rates are being set
    rosters: Rosters = {}
    for day in days:
        ids.update(_roster(s, day, None, rosters))
    names = {
        mid: (name, branch or "")
        for mid, name, branch in s.execute(member_org_select(Member.id, Member.name, BRANCH.name))
        if mid in ids
    }
    return _member_years(s, year, today, names, everyone=True, rosters=rosters)
