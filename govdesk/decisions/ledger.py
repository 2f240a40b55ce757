"""Appending to a matter's log inside a session: the one place entries are written.

``append`` takes the matter row lock (an UPDATE of the matter first, so a second copy of the
program waits on SQLite's write lock instead of reading a stale head), numbers the entry,
links it to the previous hash, hashes it with its ticks and attachments, and refreshes the
matter's cached state by replaying the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from govdesk.decisions.chain import GENESIS, canonical_json, entry_hash
from govdesk.decisions.procedures import BUILTIN_PROCEDURES
from govdesk.decisions.state import MatterState, StepInfo, replay
from govdesk.models import Attachment, AttendanceTick, LogEntry, Matter, Procedure, ProcedureStep


@dataclass
class NewEntry:
    """Values of one entry to append (everything but numbering and hashes)."""

    kind: str
    step_position: int | None = None
    step_title: str = ""
    rule_id: str = ""
    event_date: date | None = None
    place: str = ""
    host: str = ""
    recorder: str = ""
    should_attend: int | None = None
    attended: int | None = None
    yes_votes: int | None = None
    no_votes: int | None = None
    abstain_votes: int | None = None
    outcome: str = ""
    failure: str = ""
    text: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    corrects_id: int | None = None
    answers_id: int | None = None
    ticks: list[tuple[str, int, str, str, bool]] = field(default_factory=list)  # kind, id, name, role, present
    attachments: list[tuple[str, str, str, str, int]] = field(default_factory=list)  # kind, orig, stored, sha, size


def steps_of(s: Session, procedure_id: int) -> list[StepInfo]:
    rows = s.scalars(
        select(ProcedureStep).where(ProcedureStep.procedure_id == procedure_id).order_by(ProcedureStep.position)
    )
    return [StepInfo(r.position, r.kind, r.title, r.rule_id) for r in rows]


def entries_of(s: Session, matter_id: int) -> list[LogEntry]:
    return list(s.scalars(select(LogEntry).where(LogEntry.matter_id == matter_id).order_by(LogEntry.seq)))


def append(s: Session, matter: Matter, new: NewEntry, *, now: datetime, user: str) -> LogEntry:
    s.execute(update(Matter).where(Matter.id == matter.id).values(entry_count=Matter.entry_count))
    last = s.scalars(
        select(LogEntry).where(LogEntry.matter_id == matter.id).order_by(LogEntry.seq.desc()).limit(1)
    ).first()
    entry = LogEntry(
        matter_id=matter.id,
        seq=(last.seq + 1) if last else 1,
        kind=new.kind,
        step_position=new.step_position,
        step_title=new.step_title,
        rule_id=new.rule_id,
        event_date=new.event_date,
        place=new.place,
        host=new.host,
        recorder=new.recorder,
        should_attend=new.should_attend,
        attended=new.attended,
        yes_votes=new.yes_votes,
        no_votes=new.no_votes,
        abstain_votes=new.abstain_votes,
        outcome=new.outcome,
        failure=new.failure,
        text=new.text,
        details=canonical_json(new.details),
        corrects_id=new.corrects_id,
        answers_id=new.answers_id,
        recorded_at=now.replace(microsecond=0),
        recorded_by=user,
        prev_hash=last.hash if last else GENESIS,
        hash="",
    )
    s.add(entry)
    s.flush()
    ticks = [
        AttendanceTick(entry_id=entry.id, position=i, person_kind=k, person_id=pid, name=n, role=r, present=p)
        for i, (k, pid, n, r, p) in enumerate(new.ticks, start=1)
    ]
    atts = [
        Attachment(entry_id=entry.id, kind=k, original_name=o, stored_name=st, sha256=h, size=sz)
        for k, o, st, h, sz in new.attachments
    ]
    s.add_all(ticks + atts)
    s.flush()
    entry.hash = entry_hash(entry, ticks, atts)
    s.flush()
    refresh(s, matter)
    return entry


def refresh(s: Session, matter: Matter) -> MatterState:
    """Replay the log and cache the result on the matter row."""
    entries = entries_of(s, matter.id)
    st = replay(steps_of(s, matter.procedure_id), entries)
    for key, value in st.cache_values().items():
        setattr(matter, key, value)
    matter.entry_count = len(entries)
    matter.head_hash = entries[-1].hash if entries else ""
    s.flush()
    return st


def ensure_procedures(s: Session) -> None:
    """Write the built-in procedures the first time a matter needs one (idempotent; writers only)."""
    have = set(s.scalars(select(Procedure.code)))
    for order, p in enumerate(BUILTIN_PROCEDURES, start=1):
        if p.code in have:
            continue
        row = Procedure(code=p.code, name=p.name, description=p.description, is_default=p.is_default, sort_order=order)
        s.add(row)
        s.flush()
        s.add_all(
            ProcedureStep(procedure_id=row.id, position=i, kind=st.kind, title=st.title, rule_id=st.rule_id)
            for i, st in enumerate(p.steps)
        )
    s.flush()


def procedure_choices(s: Session) -> list[tuple[str, str, str]]:
    """(code, name, description) of every procedure, default first, without writing anything:
    the stored ones, plus the built-ins ``ensure_procedures`` has not written yet (a new database
    offers them before its first matter)."""
    stored = s.execute(
        select(Procedure.code, Procedure.name, Procedure.description, Procedure.is_default, Procedure.sort_order)
    )
    rows = {code: (not default, order, code, name, desc) for code, name, desc, default, order in stored}
    for order, p in enumerate(BUILTIN_PROCEDURES, start=1):
        rows.setdefault(p.code, (not p.is_default, order, p.code, p.name, p.description))
    return [(code, name, desc) for _d, _o, code, name, desc in sorted(rows.values())]
