"""党费: set monthly amounts, record payments, correct them by reversal; reads in ``DuesQueries``.

The rules (money, months, 重复交纳, 金额核对, 欠缴) are ``govdesk.dues.rules``; this service reads
what they need and writes in one transaction each. The ledger is append-only: ``reverse`` adds
the negated line pointing at the one it corrects, nothing is ever updated or deleted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from govdesk.changes import Changes, writes
from govdesk.dues.rules import (
    CheckedPayment,
    ConfirmationNeeded,
    PaidMonth,
    PaymentInput,
    check_payment_fields,
    confirmation_question,
    month_bits,
    parse_fen,
    refuse_months_already_paid,
)
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.labels import label
from govdesk.member_status import statuses_on
from govdesk.models import Member
from govdesk.models.dues import DuesPayment, DuesRate
from govdesk.services.dues_query import DuesQueries, MemberYear, PaymentLine  # noqa: F401 - used by the window
from govdesk.validation import clean_text


def paid_months(s: Session, member_id: int, year: int) -> dict[int, PaidMonth]:
    """The months of a member's year paid by a payment still standing (not a reversal, not reversed)."""
    reversal = aliased(DuesPayment)
    rows = s.execute(
        select(DuesPayment.first_month, DuesPayment.last_month, DuesPayment.paid_on, DuesPayment.receipt_no)
        .outerjoin(reversal, reversal.reverses_id == DuesPayment.id)
        .where(
            DuesPayment.member_id == member_id,
            DuesPayment.year == year,
            DuesPayment.reverses_id.is_(None),
            reversal.id.is_(None),
        )
    ).all()
    return {m: PaidMonth(paid_on, receipt) for first, last, paid_on, receipt in rows for m in range(first, last + 1)}


def _member(s: Session, member_id: int) -> Member:
    member = s.get(Member, member_id)
    if member is None:
        raise NotFoundError(f"找不到编号为 {member_id} 的党员")
    return member


def _year(value: Any) -> int:
    try:
        year = int(value)
    except (TypeError, ValueError):
        year = 0
    if not 2000 <= year <= 2100:
        raise ValidationError([FieldError("dues_year", label("dues_year"), "应为四位年份，如 2026")])
    return year


class DuesService(DuesQueries):
    """The writes of 党费 (reads in ``DuesQueries``)."""

    # --- monthly amounts ---------------------------------------------------------------------
    @writes(Changes.DUES)
    def set_rates(self, year: Any, amounts: Mapping[int, Any]) -> int:
        """Set the monthly amount (元, as typed; 0 = exempt) of members for a year; returns how many.
        Every amount is checked first: one bad amount and nothing is written."""
        year = _year(year)
        fen: dict[int, int] = {}
        errors: list[FieldError] = []
        for member_id, amount in amounts.items():
            try:
                fen[member_id] = parse_fen(amount)
            except ValueError as exc:
                errors.append(FieldError("dues_rate", label("dues_rate"), f"第 {member_id} 号党员：{exc}"))
        if errors:
            raise ValidationError(errors)
        with self.db.transaction() as s:
            for member_id in fen:
                _member(s, member_id)
            existing = {
                r.member_id: r
                for r in s.scalars(
                    select(DuesRate).where(DuesRate.year == year, DuesRate.member_id.in_(list(fen)))
                ).all()
            }
            for member_id, value in fen.items():
                rate = existing.get(member_id)
                if rate is None:
                    s.add(DuesRate(member_id=member_id, year=year, monthly_fen=value))
                elif rate.monthly_fen != value:
                    rate.monthly_fen = value
        return len(fen)

    @writes(Changes.DUES)
    def copy_rates(self, year: Any) -> int:
        """同上年: every member on the roster without an amount for ``year`` gets last year's.
        Amounts already set for ``year`` are kept. Returns how many were copied."""
        year = _year(year)
        with self.db.transaction() as s:
            last = dict(
                s.execute(select(DuesRate.member_id, DuesRate.monthly_fen).where(DuesRate.year == year - 1)).all()
            )
            if not last:
                raise RefusedError(f"{year - 1}年还没有设定任何党员的月交纳额，无法按上年设定")
            have = set(s.scalars(select(DuesRate.member_id).where(DuesRate.year == year)).all())
            on_roster = statuses_on(s, self.today(), member_ids=list(last))
            copied = [mid for mid in last if mid not in have and mid in on_roster]
            s.add_all(DuesRate(member_id=mid, year=year, monthly_fen=last[mid]) for mid in copied)
        return len(copied)

    def member_id_of(self, text: str) -> int:
        """A member named on the command line: the number, or a name only one member on the roster
        today has (or, if none is, only one member ever had)."""
        key = clean_text(text)
        with self.db.session() as s:
            if key.isdigit():
                return _member(s, int(key)).id
            named = s.scalars(select(Member.id).where(Member.name == key)).all()
            found = list(statuses_on(s, self.today(), member_ids=named)) or list(named)
        if not found:
            raise NotFoundError(f"找不到党员“{key}”")
        if len(found) > 1:
            raise RefusedError(f"有 {len(found)} 名党员叫“{key}”（编号 {'、'.join(map(str, found))}），请用编号")
        return int(found[0])

    # --- payments ------------------------------------------------------------------------------
    def check_payment(self, data: PaymentInput, *, confirmed: bool = False) -> CheckedPayment:
        """Every rule a payment meets before it is written (the dialog asks this to word its question)."""
        with self.db.session() as s:
            return self._checked(s, data, confirmed)

    def _checked(self, s: Session, data: PaymentInput, confirmed: bool) -> CheckedPayment:
        p = check_payment_fields(data, self.today())
        member = _member(s, p.member_id)
        refuse_months_already_paid(p, paid_months(s, p.member_id, p.year))
        rate = s.scalar(select(DuesRate.monthly_fen).where(DuesRate.member_id == p.member_id, DuesRate.year == p.year))
        question = confirmation_question(p, member.name, rate)
        if question is not None and not confirmed:
            raise ConfirmationNeeded(question)
        return p

    @writes(Changes.DUES)
    def record_payment(self, data: PaymentInput, *, confirmed: bool = False) -> int:
        """Record one payment. A month already paid is refused; an amount that is not months × the
        monthly amount raises ``ConfirmationNeeded`` unless ``confirmed``. Returns the line's id."""
        with self.db.transaction() as s:
            p = self._checked(s, data, confirmed)
            line = DuesPayment(
                member_id=p.member_id,
                year=p.year,
                first_month=p.first_month,
                last_month=p.last_month,
                month_bits=p.bits,
                amount_fen=p.amount_fen,
                paid_on=p.paid_on,
                receipt_no=p.receipt_no,
                taken_by=p.taken_by,
                note=p.note,
            )
            s.add(line)
            s.flush()
            return line.id

    @writes(Changes.DUES)
    def reverse(self, payment_id: int, reason: Any, taken_by: Any = "") -> int:
        """更正: add the reversing line of a payment (same months and 分, negated); returns its id.
        The months are then unpaid again and can be recorded anew."""
        why = clean_text(reason)
        if not why:
            raise ValidationError([FieldError("dues_reason", label("dues_reason"), "不能为空")])
        with self.db.transaction() as s:
            original = s.get(DuesPayment, payment_id)
            if original is None:
                raise NotFoundError(f"找不到第 {payment_id} 笔党费记录")
            if original.reverses_id is not None:
                raise RefusedError(f"第 {payment_id} 笔本身是更正记录，不能再更正；如有误请重新登记交费")
            done = s.scalar(select(DuesPayment.id).where(DuesPayment.reverses_id == payment_id))
            if done is not None:
                raise RefusedError(f"第 {payment_id} 笔已由第 {done} 笔更正过，不能重复更正")
            line = DuesPayment(
                member_id=original.member_id,
                year=original.year,
                first_month=original.first_month,
                last_month=original.last_month,
                month_bits=-month_bits(original.first_month, original.last_month),
                amount_fen=-original.amount_fen,
                paid_on=self.today(),
                receipt_no=original.receipt_no,
                taken_by=clean_text(taken_by),
                note=why,
                reverses_id=original.id,
            )
            s.add(line)
            s.flush()
            return line.id
