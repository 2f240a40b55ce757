"""党费: each member's monthly amount for a year, and the ledger of payments.

Money is kept as integer 分 (never float). A payment covers whole months of one year
(``first_month``–``last_month``); ``month_bits`` holds those months as bits (bit 0 = January),
so a member's paid months of a year are one ``SUM`` over the ledger. The ledger is append-only:
a mistake is corrected by a reversing entry (``reverses_id``) with the same months and amount,
both negated, so every sum over the ledger (months, 分) nets it out and nothing is ever edited.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class DuesRate(Base, Timestamped):
    """The monthly amount a member pays in a year (0: exempt that year)."""

    __tablename__ = "dues_rates"
    __table_args__ = (UniqueConstraint("member_id", "year", name="uq_dues_rates_member_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    year: Mapped[int] = mapped_column(Integer, index=True)
    monthly_fen: Mapped[int] = mapped_column(Integer)


class DuesPayment(Base):
    """One line of the dues ledger: a payment, or the reversal of one (negative months and 分)."""

    __tablename__ = "dues_payments"
    # The year's book and the arrears sum the ledger per member of a year: one index serves both.
    __table_args__ = (Index("ix_dues_payments_year_member", "year", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    year: Mapped[int] = mapped_column(Integer)
    first_month: Mapped[int] = mapped_column(Integer)
    last_month: Mapped[int] = mapped_column(Integer)
    month_bits: Mapped[int] = mapped_column(Integer)  # negative on a reversal
    amount_fen: Mapped[int] = mapped_column(Integer)  # negative on a reversal
    paid_on: Mapped[date] = mapped_column(Date)
    receipt_no: Mapped[str] = mapped_column(String(40), default="")
    taken_by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("dues_payments.id"), unique=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
