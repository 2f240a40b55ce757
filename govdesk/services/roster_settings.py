"""Roster settings staff keep: the holiday table, the weekly meeting, carry-over counts and leave.

Split from ``govdesk.services.roster`` (which inherits it) to keep each module about one concept.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, NotFoundError, ValidationError
from govdesk.labels import label
from govdesk.models import Cadre, Village
from govdesk.models.roster import (
    ROSTER_SIGNED,
    CadreLeave,
    DutyAssignment,
    DutyCarryOver,
    DutyMeeting,
    HolidayEntry,
    Roster,
)
from govdesk.roster.calendar import OVERRIDE_HOLIDAY, OVERRIDE_KINDS, DutyCalendar, HolidayOverride
from govdesk.roster.views import CadreRef, MeetingInfo
from govdesk.validation import clean_text, parse_date

DEFAULT_MEETING = MeetingInfo(weekday=0, time="8:00", title="两委例会", place="")


def field_date(field: str, value: Any, *, required: bool = True) -> date | None:
    """A date from a form or the CLI; a bad one is a ValidationError naming the field."""
    try:
        d = parse_date(value)
    except ValueError as exc:
        raise ValidationError([FieldError(field, label(field), str(exc))]) from None
    if d is None and required:
        raise ValidationError([FieldError(field, label(field), "不能为空")])
    return d


def cadre_ref(c: Cadre) -> CadreRef:
    return CadreRef(c.id, c.name, c.post, c.phone)


class RosterSettings:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- calendar and holiday table -----------------------------------------------------------
    def calendar(self) -> DutyCalendar:
        with self.db.session() as s:
            return self._calendar(s)

    def _calendar(self, s: Session) -> DutyCalendar:
        rows = s.scalars(select(HolidayEntry)).all()
        return DutyCalendar(HolidayOverride(r.day, r.kind, r.name) for r in rows)

    def year_warning(self, year: int) -> str | None:
        return self.calendar().year_warning(year)

    def holidays(self, year: int) -> list[HolidayOverride]:
        """The staff-entered days of a year (the holiday table)."""
        with self.db.session() as s:
            rows = s.scalars(
                select(HolidayEntry)
                .where(HolidayEntry.day >= date(year, 1, 1), HolidayEntry.day <= date(year, 12, 31))
                .order_by(HolidayEntry.day)
            ).all()
        return [HolidayOverride(r.day, r.kind, r.name) for r in rows]

    @writes(Changes.ROSTER)
    def set_holiday(self, day: Any, kind: str, name: str = "") -> None:
        d = field_date("holiday_day", day)
        kind = clean_text(kind)
        name = clean_text(name)
        errors = []
        if kind not in OVERRIDE_KINDS:
            errors.append(FieldError("holiday_kind", label("holiday_kind"), "应为：" + "、".join(OVERRIDE_KINDS)))
        if kind == OVERRIDE_HOLIDAY and not name:
            errors.append(FieldError("holiday_name", label("holiday_name"), "节假日请填写名称，例如“春节”"))
        if errors:
            raise ValidationError(errors)
        with self.db.transaction() as s:
            row = s.scalars(select(HolidayEntry).where(HolidayEntry.day == d)).first()
            if row is None:
                s.add(HolidayEntry(day=d, kind=kind, name=name))
            else:
                row.kind, row.name = kind, name

    @writes(Changes.ROSTER)
    def remove_holiday(self, day: Any) -> None:
        d = field_date("holiday_day", day)
        with self.db.transaction() as s:
            s.execute(delete(HolidayEntry).where(HolidayEntry.day == d))

    # ----- settings: meeting, carry-over, leave ------------------------------------------------
    def meeting(self) -> MeetingInfo:
        with self.db.session() as s:
            row = s.scalars(select(DutyMeeting).order_by(DutyMeeting.id).limit(1)).first()
        if row is None:
            return DEFAULT_MEETING
        return MeetingInfo(row.weekday, row.time, row.title, row.place)

    @writes(Changes.ROSTER)
    def set_meeting(self, weekday: int, time: str, title: str = "两委例会", place: str = "") -> None:
        errors = []
        if not 0 <= int(weekday) <= 6:
            errors.append(FieldError("meeting_weekday", label("meeting_weekday"), "应为周一至周日"))
        time = clean_text(time)
        hh, _, mm = time.replace("：", ":").partition(":")
        if not (hh.isdigit() and mm.isdigit() and int(hh) < 24 and int(mm) < 60 and len(mm) == 2):
            errors.append(FieldError("meeting_time", label("meeting_time"), "格式应为 8:00"))
        if errors:
            raise ValidationError(errors)
        with self.db.transaction() as s:
            village_id = s.scalar(select(Village.id).order_by(Village.id).limit(1))
            if village_id is None:
                raise NotFoundError("数据库中还没有村的信息")
            row = s.scalars(select(DutyMeeting).where(DutyMeeting.village_id == village_id)).first()
            if row is None:
                row = DutyMeeting(village_id=village_id)
                s.add(row)
            row.weekday, row.time = int(weekday), f"{int(hh)}:{mm}"
            row.title, row.place = clean_text(title) or "两委例会", clean_text(place)

    @writes(Changes.ROSTER)
    def set_carry_over(self, cadre_id: int, workdays: int, weekends: int, holidays: int, note: str = "") -> None:
        """Duties served before the program kept rosters; the generator adds them to the history."""
        if min(workdays, weekends, holidays) < 0:
            raise ValidationError([FieldError("duty_workdays", label("duty_workdays"), "次数不能为负")])
        with self.db.transaction() as s:
            if s.get(Cadre, cadre_id) is None:
                raise NotFoundError("找不到这位干部")
            row = s.scalars(select(DutyCarryOver).where(DutyCarryOver.cadre_id == cadre_id)).first()
            if row is None:
                row = DutyCarryOver(cadre_id=cadre_id)
                s.add(row)
            row.workdays, row.weekends, row.holidays, row.note = workdays, weekends, holidays, clean_text(note)

    def carry_over(self, cadre_id: int) -> tuple[int, int, int]:
        """(工作日, 周末, 节假日) typed in for a cadre; zeros when none."""
        with self.db.session() as s:
            row = s.scalars(select(DutyCarryOver).where(DutyCarryOver.cadre_id == cadre_id)).first()
        return (row.workdays, row.weekends, row.holidays) if row else (0, 0, 0)

    @writes(Changes.ROSTER)
    def add_leave(self, cadre_id: int, start: Any, end: Any, reason: str = "") -> list[date]:
        """Record leave; returns the days in signed-off rosters the cadre is still on (they need a swap)."""
        first = field_date("leave_start", start)
        last = field_date("leave_end", end)
        assert first is not None and last is not None
        if last < first:
            raise ValidationError([FieldError("leave_end", label("leave_end"), "不能早于请假开始日期")])
        with self.db.transaction() as s:
            if s.get(Cadre, cadre_id) is None:
                raise NotFoundError("找不到这位干部")
            s.add(CadreLeave(cadre_id=cadre_id, start=first, end=last, reason=clean_text(reason)))
            clash = s.scalars(
                select(DutyAssignment.day)
                .join(Roster)
                .where(Roster.status == ROSTER_SIGNED, DutyAssignment.cadre_id == cadre_id)
                .where(DutyAssignment.day >= first, DutyAssignment.day <= last)
                .order_by(DutyAssignment.day)
            ).all()
        return list(clash)

    def leaves(self, first: date, last: date) -> list[tuple[int, CadreRef, date, date, str]]:
        with self.db.session() as s:
            rows = s.execute(
                select(CadreLeave, Cadre)
                .join(Cadre, Cadre.id == CadreLeave.cadre_id)
                .where(CadreLeave.start <= last, CadreLeave.end >= first)
                .order_by(CadreLeave.start, CadreLeave.id)
            ).all()
        return [(lv.id, cadre_ref(c), lv.start, lv.end, lv.reason) for lv, c in rows]

    @writes(Changes.ROSTER)
    def remove_leave(self, leave_id: int) -> None:
        with self.db.transaction() as s:
            s.execute(delete(CadreLeave).where(CadreLeave.id == leave_id))
