"""Reading 党费: a member's year, everyone's arrears, and the year's book as a paged list.

The book is computed (``dues_book``) once for all members of a year and kept until anything is
written through the database (the change feed) or, for another process's writes, until the
ledger, the rates or the roster change (a stamp of three aggregates, checked per read), so
scrolling, filtering and sorting a township's 5,000 members re-reads the stamp and the member
order, not the ledger.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from govdesk.changes import Changes, feed_of
from govdesk.db import Database
from govdesk.dues.rules import (
    MONTHS,
    yuan,
)
from govdesk.errors import NotFoundError
from govdesk.models import Member
from govdesk.models.dues import DuesPayment
from govdesk.services.dated import DatedReads
from govdesk.services.dues_book import (
    UNSET_RATE,
    MemberYear,
    compute_book,
    ledger_stamp,
    member_years,
    rates_of,
)
from govdesk.services.listing import ColumnSpec, ListQuery, Row
from govdesk.services.people_common import BRANCH, member_org_select, text_filter

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
    """The latest books of one database (a few MB at most), shared by every reader of it. A book is
    forgotten on any write through the database (the change feed); writes by another process (the
    CLI) are found by the stamp: the ledger, rates and members."""

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

    def forget(self, changes: Changes) -> None:
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


class DuesQueries(DatedReads):
    """The reads of 党费. ``clock`` is injectable (the demo, the tests)."""

    columns = DUES_COLUMNS

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(db, clock)
        self._memo = _memo_of(db)

    # --- single members ---------------------------------------------------------------------
    def rate(self, member_id: int, year: int) -> int | None:
        with self.db.session() as s:
            return rates_of(s, [year], [member_id]).get((member_id, year))

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
            rows = member_years(s, year, today, {member_id: (found[1], found[2] or "")})
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
            stamp = (year, today, *ledger_stamp(s))
            facts = self._memo.get(stamp)
            if facts is None:
                facts = _Facts(year, compute_book(s, year, today))
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
    rate = yuan(r.monthly_fen) if r.monthly_fen is not None else UNSET_RATE
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
