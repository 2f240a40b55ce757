"""值班记录: what the cadre on duty saw and did, with 首问负责 follow-up.

An item stays open until it is closed; open items from earlier days are carried over and shown
first to whoever is on duty next, so nothing a villager brought in is lost between shifts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.labels import label
from govdesk.models import Cadre
from govdesk.models.roster import DutyAssignment, DutyLogEntry
from govdesk.roster.views import DutyLogView, LogRow
from govdesk.services.roster_settings import cadre_ref, field_date
from govdesk.validation import clean_text


class DutyLogService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _duty_cadre(self, s: Session, day: date) -> Cadre | None:
        return s.scalars(
            select(Cadre).join(DutyAssignment, DutyAssignment.cadre_id == Cadre.id).where(DutyAssignment.day == day)
        ).first()

    @writes(Changes.DUTY_LOG)
    def add(
        self,
        day: Any,
        matter: str,
        *,
        visitor: str = "",
        handling: str = "",
        passed_to: str = "",
        owner_cadre_id: int | None = None,
        due_on: Any = None,
    ) -> int:
        """Record a visit/matter. The follow-up owner defaults to the cadre on duty (首问负责)."""
        d = field_date("duty_day", day)
        assert d is not None
        due = field_date("log_due_on", due_on, required=False)
        errors = []
        if not clean_text(matter):
            errors.append(FieldError("log_matter", label("log_matter"), "不能为空"))
        if due is not None and due < d:
            errors.append(FieldError("log_due_on", label("log_due_on"), "不能早于登记日期"))
        if errors:
            raise ValidationError(errors)
        with self.db.transaction() as s:
            duty = self._duty_cadre(s, d)
            if owner_cadre_id is not None and s.get(Cadre, owner_cadre_id) is None:
                raise ValidationError([FieldError("log_owner", label("log_owner"), "找不到这位干部")])
            entry = DutyLogEntry(
                day=d,
                duty_cadre_id=duty.id if duty else None,
                visitor=clean_text(visitor),
                matter=clean_text(matter),
                handling=clean_text(handling),
                passed_to=clean_text(passed_to),
                owner_cadre_id=owner_cadre_id if owner_cadre_id is not None else (duty.id if duty else None),
                due_on=due,
            )
            s.add(entry)
            s.flush()
            return entry.id

    @writes(Changes.DUTY_LOG)
    def close(self, entry_id: int, closed_on: Any, note: str = "") -> None:
        d = field_date("log_closed_on", closed_on)
        assert d is not None
        with self.db.transaction() as s:
            entry = s.get(DutyLogEntry, entry_id)
            if entry is None:
                raise NotFoundError("找不到这条值班记录")
            if entry.closed_on is not None:
                raise RefusedError(f"这条记录已于 {entry.closed_on} 办结")
            if d < entry.day:
                raise ValidationError([FieldError("log_closed_on", label("log_closed_on"), "不能早于登记日期")])
            entry.closed_on, entry.closing_note = d, clean_text(note)

    def for_day(self, day: date) -> DutyLogView:
        """The day's entries, plus every item still open from earlier days (carried over)."""
        with self.db.session() as s:
            duty = self._duty_cadre(s, day)
            names = dict(s.execute(select(Cadre.id, Cadre.name)).all())
            todays = s.scalars(select(DutyLogEntry).where(DutyLogEntry.day == day).order_by(DutyLogEntry.id)).all()
            carried = s.scalars(
                select(DutyLogEntry)
                .where(DutyLogEntry.day < day, DutyLogEntry.closed_on.is_(None))
                .order_by(DutyLogEntry.due_on.is_(None), DutyLogEntry.due_on, DutyLogEntry.day, DutyLogEntry.id)
            ).all()
            return DutyLogView(
                day=day,
                on_duty=cadre_ref(duty) if duty else None,
                entries=[self._row(e, names) for e in todays],
                carried=[self._row(e, names, carried=True) for e in carried],
            )

    def open_items(self) -> list[LogRow]:
        with self.db.session() as s:
            names = dict(s.execute(select(Cadre.id, Cadre.name)).all())
            rows = s.scalars(
                select(DutyLogEntry).where(DutyLogEntry.closed_on.is_(None)).order_by(DutyLogEntry.day, DutyLogEntry.id)
            ).all()
            return [self._row(e, names) for e in rows]

    @staticmethod
    def _row(e: DutyLogEntry, names: dict[int, str], carried: bool = False) -> LogRow:
        return LogRow(
            id=e.id,
            day=e.day,
            duty_cadre=names.get(e.duty_cadre_id, "") if e.duty_cadre_id else "",
            visitor=e.visitor,
            matter=e.matter,
            handling=e.handling,
            passed_to=e.passed_to,
            owner_id=e.owner_cadre_id,
            owner=names.get(e.owner_cadre_id, "") if e.owner_cadre_id else "",
            due_on=e.due_on,
            closed_on=e.closed_on,
            closing_note=e.closing_note,
            carried=carried,
        )
