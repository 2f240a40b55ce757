"""The 五议两公开 decision log (决策台账): matters, procedures, representatives and the append-only log.

A matter's history is a list of ``LogEntry`` rows that are only ever appended: a correction
is a new entry pointing at the one it corrects. Each entry's hash covers its own columns,
its attendance ticks and attachments, and the previous entry's hash (see
``govdesk.decisions.chain``). The columns on ``Matter`` below the header are a cache of the
replayed log for listing and sorting in SQL; ``govdesk check`` re-derives and compares them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from govdesk.models.base import Base, Timestamped
from govdesk.vocabulary import (  # noqa: F401 - the models store these words
    BODIES,
    BODY_REPRESENTATIVES,
    BODY_SUPERVISION,
)

# Log entry kinds.
ENTRY_OPENED = "立项"
ENTRY_STEP = "步骤"
ENTRY_SENT_BACK = "退回"
ENTRY_ENDED = "终止"
ENTRY_CORRECTION = "更正"
ENTRY_OBJECTION = "异议"
ENTRY_ANSWER = "答复"
ENTRY_PROGRESS = "实施"
ENTRY_KINDS = (
    ENTRY_OPENED,
    ENTRY_STEP,
    ENTRY_SENT_BACK,
    ENTRY_ENDED,
    ENTRY_CORRECTION,
    ENTRY_OBJECTION,
    ENTRY_ANSWER,
    ENTRY_PROGRESS,
)

OUTCOME_PASSED = "通过"
OUTCOME_FAILED = "未通过"


class Procedure(Base, Timestamped):
    __tablename__ = "decision_procedures"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    steps: Mapped[list[ProcedureStep]] = relationship(order_by="ProcedureStep.position")


class ProcedureStep(Base):
    __tablename__ = "decision_procedure_steps"
    __table_args__ = (UniqueConstraint("procedure_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("decision_procedures.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(50))
    rule_id: Mapped[str] = mapped_column(String(40), default="")


class BodySeat(Base, Timestamped):
    """A seat in a deliberating body outside the two committees: 村民代表, 村务监督委员会成员."""

    __tablename__ = "decision_body_seats"

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    body: Mapped[str] = mapped_column(String(20))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")


class Matter(Base, Timestamped):
    """事项: one entry of the decision ledger (台账), e.g. 2026-007 村道硬化."""

    __tablename__ = "decision_matters"

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(40), default="")
    amount_fen: Mapped[int | None] = mapped_column(Integer)  # 金额 in 分: no float money
    source: Mapped[str] = mapped_column(String(20))
    source_detail: Mapped[str] = mapped_column(Text, default="")
    procedure_id: Mapped[int] = mapped_column(ForeignKey("decision_procedures.id"), index=True)
    raised_on: Mapped[date] = mapped_column(Date)
    # --- cache of the replayed log (see module docstring) ---
    state: Mapped[str] = mapped_column(String(20), default="", index=True)
    next_position: Mapped[int | None] = mapped_column(Integer)
    stage: Mapped[str] = mapped_column(String(50), default="")
    last_event_on: Mapped[date | None] = mapped_column(Date)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    posted_on: Mapped[date | None] = mapped_column(Date)
    posting_ends_on: Mapped[date | None] = mapped_column(Date)
    progress_started_on: Mapped[date | None] = mapped_column(Date)
    accepted_on: Mapped[date | None] = mapped_column(Date)
    result_posted_on: Mapped[date | None] = mapped_column(Date)
    result_posting_ends_on: Mapped[date | None] = mapped_column(Date)
    open_objections: Mapped[int] = mapped_column(Integer, default=0)
    entry_count: Mapped[int] = mapped_column(Integer, default=0)
    head_hash: Mapped[str] = mapped_column(String(64), default="")

    procedure: Mapped[Procedure] = relationship()


class LogEntry(Base):
    """One append-only entry of a matter's history. Never updated, never deleted."""

    __tablename__ = "decision_entries"
    __table_args__ = (UniqueConstraint("matter_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matters.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    step_position: Mapped[int | None] = mapped_column(Integer)
    step_title: Mapped[str] = mapped_column(String(50), default="")
    rule_id: Mapped[str] = mapped_column(String(40), default="")
    event_date: Mapped[date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    host: Mapped[str] = mapped_column(String(50), default="")
    recorder: Mapped[str] = mapped_column(String(50), default="")
    should_attend: Mapped[int | None] = mapped_column(Integer)
    attended: Mapped[int | None] = mapped_column(Integer)
    yes_votes: Mapped[int | None] = mapped_column(Integer)
    no_votes: Mapped[int | None] = mapped_column(Integer)
    abstain_votes: Mapped[int | None] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(10), default="")
    failure: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON of kind-specific fields
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("decision_entries.id"), index=True)
    answers_id: Mapped[int | None] = mapped_column(ForeignKey("decision_entries.id"))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    ticks: Mapped[list[AttendanceTick]] = relationship(order_by="AttendanceTick.position")
    attachments: Mapped[list[Attachment]] = relationship(order_by="Attachment.id")


class AttendanceTick(Base):
    """One line of a meeting's tick list: a person who should attend, and whether they did."""

    __tablename__ = "decision_attendance"
    __table_args__ = (UniqueConstraint("entry_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("decision_entries.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    person_kind: Mapped[str] = mapped_column(String(12))
    person_id: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(50), default="")
    present: Mapped[bool] = mapped_column(Boolean)


class Attachment(Base):
    """A scanned sign-in sheet or minutes, copied into the data folder under its SHA-256."""

    __tablename__ = "decision_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("decision_entries.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
