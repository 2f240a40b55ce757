"""Duty rosters: draft a month, adjust it by hand, sign it off, swap after sign-off; holidays and leave.

The generator (govdesk.roster.generator) is pure; this service feeds it from the database —
cadres in office, their leave, days fixed by hand and every duty served before (plus the
carry-over counts typed in when the program was introduced) — and stores the result. The duty
log (值班记录) is ``govdesk.services.duty_log.DutyLogService``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.labels import label
from govdesk.models import Cadre, Village
from govdesk.models.roster import (
    ROSTER_DRAFT,
    ROSTER_SIGNED,
    CadreLeave,
    DutyAssignment,
    DutyCarryOver,
    DutySwap,
    Roster,
)
from govdesk.roster.calendar import (
    DAY_HOLIDAY,
    DAY_KINDS,
    DAY_WEEKEND,
    DAY_WORKDAY,
    DutyCalendar,
    date_range,
    month_bounds,
    month_key,
    parse_month,
)
from govdesk.roster.generator import RosterRequest, day_label, generate
from govdesk.roster.views import (
    STATUS_NONE,
    CadreRef,
    RosterDay,
    RosterView,
    SwapRecord,
    TallyRow,
)
from govdesk.services.roster_settings import RosterSettings, cadre_ref, field_date
from govdesk.validation import clean_name, clean_text


def _month(value: str | tuple[int, int]) -> tuple[int, int]:
    if isinstance(value, tuple):
        return value
    try:
        return parse_month(value)
    except ValueError as exc:
        raise ValidationError([FieldError("roster_month", label("roster_month"), str(exc))]) from None


def _in_office(c: Cadre, d: date) -> bool:
    return (c.started_on is None or c.started_on <= d) and (c.ended_on is None or c.ended_on >= d)


class RosterService(RosterSettings):
    """Draft, adjust, sign off and swap monthly rosters (plus the settings it inherits)."""

    # ----- reading ------------------------------------------------------------------------------
    def duty_cadres(self, first: date, last: date) -> list[CadreRef]:
        """Cadres in office at any time in the period, in their posted order."""
        with self.db.session() as s:
            return [cadre_ref(c) for c in self._cadres(s, first, last)]

    def _cadres(self, s: Session, first: date, last: date) -> list[Cadre]:
        return list(
            s.scalars(
                select(Cadre)
                .where(or_(Cadre.started_on.is_(None), Cadre.started_on <= last))
                .where(or_(Cadre.ended_on.is_(None), Cadre.ended_on >= first))
                .order_by(Cadre.sort_order, Cadre.id)
            )
        )

    def on_duty(self, day: date) -> CadreRef | None:
        with self.db.session() as s:
            c = s.scalars(
                select(Cadre).join(DutyAssignment, DutyAssignment.cadre_id == Cadre.id).where(DutyAssignment.day == day)
            ).first()
            return cadre_ref(c) if c else None

    def roster(self, month: str | tuple[int, int]) -> RosterView:
        year, mon = _month(month)
        with self.db.session() as s:
            return self._view(s, year, mon)

    def months(self) -> list[str]:
        with self.db.session() as s:
            return list(s.scalars(select(Roster.month).order_by(Roster.month)))

    def _roster_row(self, s: Session, year: int, mon: int) -> Roster | None:
        return s.scalars(select(Roster).where(Roster.month == month_key(year, mon))).first()

    def _prior(self, s: Session, cal: DutyCalendar, first: date, cadres: list[Cadre]) -> dict[int, dict[str, int]]:
        """Duties each cadre served before ``first`` (carry-over counts + earlier rosters), per kind."""
        ids = [c.id for c in cadres]
        prior = {cid: dict.fromkeys(DAY_KINDS, 0) for cid in ids}
        history: set[int] = set()
        for row in s.scalars(select(DutyCarryOver).where(DutyCarryOver.cadre_id.in_(ids))):
            prior[row.cadre_id][DAY_WORKDAY] += row.workdays
            prior[row.cadre_id][DAY_WEEKEND] += row.weekends
            prior[row.cadre_id][DAY_HOLIDAY] += row.holidays
            history.add(row.cadre_id)
        rows = s.execute(
            select(DutyAssignment.day, DutyAssignment.cadre_id).where(
                DutyAssignment.day < first, DutyAssignment.cadre_id.in_(ids)
            )
        )
        for d, cid in rows:
            prior[cid][cal.day(d).kind] += 1
            history.add(cid)
        # A cadre new to duty starts level with the least-served colleague, not at zero
        # (otherwise fairness would hand them every day until they caught up).
        veterans = [cid for cid in ids if cid in history]
        if veterans:
            floor = {k: min(prior[cid][k] for cid in veterans) for k in DAY_KINDS}
            for cid in ids:
                if cid not in history:
                    prior[cid] = dict(floor)
        return prior

    def _view(self, s: Session, year: int, mon: int, notes: Iterable[str] = ()) -> RosterView:
        cal = self._calendar(s)
        first, last = month_bounds(year, mon)
        row = self._roster_row(s, year, mon)
        cadres = self._cadres(s, first, last)
        by_id = {c.id: c for c in cadres}
        meeting = self.meeting()
        village = s.scalars(select(Village).order_by(Village.id).limit(1)).first()
        assigned: dict[date, DutyAssignment] = {}
        swaps: list[SwapRecord] = []
        if row is not None:
            assigned = {a.day: a for a in row.assignments}
            for a in assigned.values():
                if a.cadre_id not in by_id:
                    by_id[a.cadre_id] = s.get(Cadre, a.cadre_id)
            swap_rows = s.scalars(select(DutySwap).where(DutySwap.roster_id == row.id).order_by(DutySwap.id)).all()
            for sw in swap_rows:
                a_name = by_id[sw.cadre_a_id].name if sw.cadre_a_id in by_id else "?"
                b_name = by_id[sw.cadre_b_id].name if sw.cadre_b_id in by_id else "?"
                swaps.append(
                    SwapRecord(sw.id, sw.day_a, a_name, sw.day_b, b_name, sw.requested_by, sw.reason, sw.recorded_at)
                )
        swap_note: dict[date, str] = {}
        for sw in swaps:
            swap_note[sw.day_a] = f"原{sw.cadre_a}，已换班"
            swap_note[sw.day_b] = f"原{sw.cadre_b}，已换班"
        days = []
        for info in cal.days(first, last):
            a = assigned.get(info.day)
            cadre = by_id.get(a.cadre_id) if a else None
            days.append(
                RosterDay(
                    day=info.day,
                    kind=info.kind,
                    holiday_name=info.name,
                    adjusted=info.adjusted,
                    cadre=cadre_ref(cadre) if cadre else None,
                    fixed=bool(a and a.fixed),
                    swap_note=swap_note.get(info.day, ""),
                    meeting=f"{meeting.time} {meeting.title}" if meeting.falls_on(info.day) else "",
                )
            )
        prior = self._prior(s, cal, first, cadres)
        tallies = []
        for c in cadres:
            period = dict.fromkeys(DAY_KINDS, 0)
            for rd in days:
                if rd.cadre and rd.cadre.id == c.id:
                    period[rd.kind] += 1
            after = {k: prior[c.id][k] + period[k] for k in DAY_KINDS}
            tallies.append(TallyRow(cadre_ref(c), prior[c.id], period, after))
        stored_notes = [n for n in (row.notes.splitlines() if row else []) if n]
        return RosterView(
            year=year,
            month=mon,
            status=row.status if row else STATUS_NONE,
            signed_by=row.signed_by if row else "",
            signed_on=row.signed_on if row else None,
            days=days,
            tallies=tallies,
            notes=list(notes) or stored_notes,
            swaps=swaps,
            warning=cal.year_warning(year),
            meeting=meeting,
            village_name=village.name if village else "",
            village_phone=village.phone if village else "",
            cadres=[cadre_ref(c) for c in cadres],
        )

    # ----- drafting, adjusting, signing off, swapping ---------------------------------------------
    @writes(Changes.ROSTER)
    def draft(self, month: str | tuple[int, int]) -> RosterView:
        """(Re)generate a draft month; days fixed by hand stay. A signed-off month is refused."""
        year, mon = _month(month)
        first, last = month_bounds(year, mon)
        with self.db.transaction() as s:
            cal = self._calendar(s)
            row = self._roster_row(s, year, mon)
            if row is not None and row.status == ROSTER_SIGNED:
                raise RefusedError(f"{year}年{mon}月值班表已签发，不能重新生成；如需调整请用“换班”并登记原因")
            cadres = self._cadres(s, first, last)
            village_id = s.scalar(select(Village.id).order_by(Village.id).limit(1))
            if village_id is None:
                raise NotFoundError("数据库中还没有村的信息")
            if row is None:
                row = Roster(village_id=village_id, month=month_key(year, mon), status=ROSTER_DRAFT)
                s.add(row)
                s.flush()
            fixed = {a.day: a.cadre_id for a in row.assignments if a.fixed}
            unavailable = {c.id: {d for d in date_range(first, last) if not _in_office(c, d)} for c in cadres}
            for lv in s.scalars(select(CadreLeave).where(CadreLeave.start <= last, CadreLeave.end >= first)):
                if lv.cadre_id in unavailable:
                    unavailable[lv.cadre_id].update(date_range(max(lv.start, first), min(lv.end, last)))
            dropped = [d for d, cid in fixed.items() if d in unavailable.get(cid, ())]
            for d in dropped:  # leave entered after the day was fixed: leave wins, the note says so
                del fixed[d]
            before = s.scalar(select(DutyAssignment.cadre_id).where(DutyAssignment.day == first - timedelta(days=1)))
            after = s.scalar(select(DutyAssignment.cadre_id).where(DutyAssignment.day == last + timedelta(days=1)))
            req = RosterRequest(
                days=[(x.day, x.kind) for x in cal.days(first, last)],
                cadres=[c.id for c in cadres],
                unavailable=unavailable,
                fixed=fixed,
                prior=self._prior(s, cal, first, cadres),
                before=before,
                after=after,
                names={c.id: c.name for c in cadres},
            )
            plan = generate(req)
            s.execute(delete(DutyAssignment).where(DutyAssignment.roster_id == row.id))
            s.flush()
            s.expire(row, ["assignments"])
            for d, cid in sorted(plan.assignments.items()):
                s.add(DutyAssignment(roster_id=row.id, day=d, cadre_id=cid, fixed=d in fixed))
            row.notes = "\n".join([f"{day_label(d)}：原指定的值班人已请假，已重新安排" for d in dropped] + plan.notes)
            s.flush()
            s.expire(row, ["assignments"])
            return self._view(s, year, mon)

    @writes(Changes.ROSTER)
    def assign(self, month: str | tuple[int, int], day: Any, cadre_id: int) -> list[str]:
        """Hand-adjust a draft: put ``cadre_id`` on ``day`` (kept on regeneration). Returns warnings."""
        year, mon = _month(month)
        d = field_date("duty_day", day)
        assert d is not None
        first, last = month_bounds(year, mon)
        if not first <= d <= last:
            raise ValidationError([FieldError("duty_day", label("duty_day"), f"不在 {year}年{mon}月 内")])
        with self.db.transaction() as s:
            row = self._roster_row(s, year, mon)
            if row is None:
                raise NotFoundError(f"{year}年{mon}月还没有值班表，请先生成草稿")
            if row.status == ROSTER_SIGNED:
                raise RefusedError("值班表已签发，不能直接改人；请用“换班”并登记原因")
            cadre = s.get(Cadre, cadre_id)
            if cadre is None or not _in_office(cadre, d):
                raise ValidationError([FieldError("duty_cadre", label("duty_cadre"), f"{day_label(d)} 不在任")])
            self._check_not_on_leave(s, cadre, d)
            a = s.scalars(
                select(DutyAssignment).where(DutyAssignment.roster_id == row.id, DutyAssignment.day == d)
            ).first()
            if a is None:
                s.add(DutyAssignment(roster_id=row.id, day=d, cadre_id=cadre_id, fixed=True))
            else:
                a.cadre_id, a.fixed = cadre_id, True
            return self._neighbour_warnings(s, cadre, d)

    def _check_not_on_leave(self, s: Session, cadre: Cadre, d: date) -> None:
        lv = s.scalars(
            select(CadreLeave).where(CadreLeave.cadre_id == cadre.id, CadreLeave.start <= d, CadreLeave.end >= d)
        ).first()
        if lv is not None:
            why = f"（{lv.reason}）" if lv.reason else ""
            raise ValidationError(
                [FieldError("duty_cadre", label("duty_cadre"), f"{cadre.name} {day_label(d)} 请假{why}，不能值班")]
            )

    def _neighbour_warnings(self, s: Session, cadre: Cadre, d: date) -> list[str]:
        near = s.scalars(
            select(DutyAssignment.day).where(
                DutyAssignment.cadre_id == cadre.id,
                DutyAssignment.day.in_([d - timedelta(days=1), d + timedelta(days=1)]),
            )
        ).all()
        return [f"{cadre.name} 在 {day_label(x)} 也值班，将连续两天值班" for x in sorted(near)]

    @writes(Changes.ROSTER)
    def sign_off(self, month: str | tuple[int, int], secretary: str, signed_on: Any) -> None:
        year, mon = _month(month)
        name = clean_name(secretary)
        if not name:
            raise ValidationError([FieldError("roster_secretary", label("roster_secretary"), "不能为空")])
        d = field_date("roster_signed_on", signed_on)
        with self.db.transaction() as s:
            row = self._roster_row(s, year, mon)
            if row is None:
                raise NotFoundError(f"{year}年{mon}月还没有值班表，请先生成草稿")
            if row.status == ROSTER_SIGNED:
                raise RefusedError(f"{year}年{mon}月值班表已于 {row.signed_on} 由 {row.signed_by} 签发")
            first, last = month_bounds(year, mon)
            filled = {a.day for a in row.assignments}
            empty = [x for x in date_range(first, last) if x not in filled]
            if empty:
                raise RefusedError(f"{day_label(empty[0])} 还没有值班人，不能签发")
            row.status, row.signed_by, row.signed_on = ROSTER_SIGNED, name, d

    @writes(Changes.ROSTER)
    def swap(
        self,
        month: str | tuple[int, int],
        day_a: Any,
        day_b: Any,
        requested_by: str,
        reason: str,
        recorded_at: datetime | None = None,
    ) -> SwapRecord:
        """After sign-off: swap the cadres of two days, recording who asked, when and why."""
        year, mon = _month(month)
        a_day = field_date("swap_day_a", day_a)
        b_day = field_date("swap_day_b", day_b)
        who, why = clean_name(requested_by), clean_text(reason)
        errors = []
        if not who:
            errors.append(FieldError("swap_requested_by", label("swap_requested_by"), "不能为空"))
        if not why:
            errors.append(FieldError("swap_reason", label("swap_reason"), "请写明换班原因"))
        if a_day == b_day:
            errors.append(FieldError("swap_day_b", label("swap_day_b"), "两个日期不能相同"))
        if errors:
            raise ValidationError(errors)
        with self.db.transaction() as s:
            row = self._roster_row(s, year, mon)
            if row is None:
                raise NotFoundError(f"{year}年{mon}月还没有值班表")
            if row.status != ROSTER_SIGNED:
                raise RefusedError("草稿还没有签发，直接用“调整”改人即可，不必登记换班")
            slots = {a.day: a for a in row.assignments}
            for field, x in (("swap_day_a", a_day), ("swap_day_b", b_day)):
                if x not in slots:
                    raise ValidationError([FieldError(field, label(field), f"{day_label(x)} 不在本月值班表中")])
            sa, sb = slots[a_day], slots[b_day]
            if sa.cadre_id == sb.cadre_id:
                raise ValidationError([FieldError("swap_day_b", label("swap_day_b"), "两天是同一个人值班，无需换班")])
            ca, cb = s.get(Cadre, sa.cadre_id), s.get(Cadre, sb.cadre_id)
            self._check_not_on_leave(s, ca, b_day)
            self._check_not_on_leave(s, cb, a_day)
            rec = DutySwap(
                roster_id=row.id,
                day_a=a_day,
                cadre_a_id=ca.id,
                day_b=b_day,
                cadre_b_id=cb.id,
                requested_by=who,
                reason=why,
                recorded_at=recorded_at or datetime.now().replace(microsecond=0),
            )
            s.add(rec)
            sa.cadre_id, sb.cadre_id = cb.id, ca.id
            s.flush()
            return SwapRecord(rec.id, a_day, ca.name, b_day, cb.name, who, why, rec.recorded_at)
