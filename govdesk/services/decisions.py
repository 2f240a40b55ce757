"""The decision log (决策台账): open a matter and record its steps, strictly in order.

Every write goes through ``govdesk.decisions.ledger.append`` (numbered, hash-chained,
append-only); every refusal says in Chinese which rule stops it. Reads, the paged list and
the "needs action" panel live in ``decisions_query``; building entries from form input in
``decisions_entries``.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.decisions import ledger
from govdesk.decisions.inputs import (
    AnswerInput,
    Disposition,
    MatterInput,
    MeetingInput,
    NoticeInput,
    ObjectionInput,
    ProgressInput,
    SuggestionInput,
    parse_amount,
)
from govdesk.decisions.procedures import (
    CATEGORIES,
    KIND_MEETING,
    KIND_RESOLUTION_NOTICE,
    KIND_RESULT_NOTICE,
    KIND_SUGGESTION,
    SOURCES,
)
from govdesk.decisions.quorum import Verdict
from govdesk.decisions.state import STATE_ENDED, STATE_FAILED, StepInfo
from govdesk.errors import NotFoundError, RefusedError
from govdesk.meetings.points import sync_points_of_decision_entry
from govdesk.models import LogEntry, Matter, Procedure
from govdesk.models.decisions import (
    ENTRY_ANSWER,
    ENTRY_CORRECTION,
    ENTRY_ENDED,
    ENTRY_OBJECTION,
    ENTRY_OPENED,
    ENTRY_PROGRESS,
    ENTRY_SENT_BACK,
    ENTRY_STEP,
)
from govdesk.services import decisions_entries as build
from govdesk.services.decisions_attachments import store_attachments
from govdesk.services.decisions_query import DecisionQueries
from govdesk.services.decisions_seats import SeatService
from govdesk.services.people_common import first_village_id
from govdesk.validation import Checker, clean_text, parse_date

_NUMBER = re.compile(r"^\d{4}-\d{3,4}$")


class DecisionService(DecisionQueries):
    """Writes to the decision log. ``clock`` is injectable so the demo village is deterministic."""

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None, user: str | None = None) -> None:
        super().__init__(db)
        self.clock: Callable[[], datetime] = clock or datetime.now
        self.user = user if user is not None else _os_user()
        self.seats = SeatService(db)  # the 村民代表 / 监委会 rosters the meetings count from

    def today(self) -> date:
        return self.clock().date()

    # --- matters -------------------------------------------------------------------------
    def next_number(self, year: int) -> str:
        with self.db.session() as s:
            numbers = s.scalars(select(Matter.number).where(Matter.number.like(f"{year}-%"))).all()
        used = [int(n.split("-", 1)[1]) for n in numbers if _NUMBER.match(n)]
        return f"{year}-{(max(used) + 1) if used else 1:03d}"

    @writes(Changes.DECISIONS)
    def create_matter(
        self,
        data: MatterInput,
        suggestion: SuggestionInput | None = None,
        then: Callable[[Session, int], None] | None = None,
    ) -> int:
        """Open a matter (立项). With a 建议 first step, the suggestion is recorded with it.

        ``then(session, matter_id)`` runs in the same transaction (the 民情台账 links its items
        there, so a matter is never opened without its links, nor the links without it)."""
        c = Checker()
        title = clean_text(data.title)
        if not title:
            c.fail("matter_title", "不能为空")
        category = clean_text(data.category)
        if category and category not in CATEGORIES:
            c.fail("matter_category", "应为：" + "、".join(CATEGORIES))
        amount = c.run("matter_amount", parse_amount, data.amount)
        source = clean_text(data.source)
        if source not in SOURCES:
            c.fail("matter_source", "应为：" + "、".join(SOURCES))
        raised = c.run("matter_raised_on", parse_date, data.raised_on)
        if raised is None and not c.errors:
            c.fail("matter_raised_on", "不能为空")
        if raised and raised > self.today():
            c.fail("matter_raised_on", "不能晚于今天")
        number = clean_text(data.number)
        if number and not _NUMBER.match(number):
            c.fail("matter_number", "应写成 年份-序号，如 2026-007")
        c.raise_if_any()
        assert raised is not None
        number = number or self.next_number(raised.year)
        with self.db.transaction() as s:
            ledger.ensure_procedures(s)
            proc = s.scalars(select(Procedure).where(Procedure.code == data.procedure_code)).first()
            if proc is None:
                raise NotFoundError(f"找不到议事程序“{data.procedure_code}”")
            if s.scalar(select(func.count()).where(Matter.number == number)):
                raise RefusedError(f"台账编号 {number} 已被使用，请换一个编号")
            steps = ledger.steps_of(s, proc.id)
            matter = Matter(
                village_id=first_village_id(s),
                number=number,
                title=title,
                category=category,
                amount_fen=amount,
                source=source,
                source_detail=clean_text(data.source_detail),
                procedure_id=proc.id,
                raised_on=raised,
            )
            s.add(matter)
            s.flush()
            ledger.append(s, matter, build.opened_entry(matter, proc, steps), now=self.clock(), user=self.user)
            if steps and steps[0].kind == KIND_SUGGESTION:
                sug = suggestion or SuggestionInput(raised_on=raised, by=data.source_detail, text=data.source_detail)
                new = build.suggestion_entry(steps[0], sug, source, self.today(), None)
                ledger.append(s, matter, new, now=self.clock(), user=self.user)
            if then is not None:
                then(s, matter.id)
            return matter.id

    # --- steps ---------------------------------------------------------------------------
    def _open(self, s: Session, matter_id: int) -> tuple[Matter, list[StepInfo]]:
        """The matter and its steps, read under the write lock (a no-op UPDATE first), so a second
        copy of the program recording the same matter waits and then sees this one's entry."""
        s.execute(update(Matter).where(Matter.id == matter_id).values(entry_count=Matter.entry_count))
        matter = s.get(Matter, matter_id)
        if matter is None:
            raise NotFoundError(f"找不到编号为 {matter_id} 的事项")
        return matter, ledger.steps_of(s, matter.procedure_id)

    def _expect_step(self, matter: Matter, steps: list[StepInfo], position: int) -> StepInfo:
        """A step can only be recorded when every step before it has passed."""
        by_pos = {st.position: st for st in steps}
        step = by_pos.get(position)
        if step is None:
            raise NotFoundError(f"事项 {matter.number} 的程序中没有第 {position + 1} 步")
        if matter.state == STATE_ENDED:
            raise RefusedError(f"事项 {matter.number} 已终止，不能再登记“{step.title}”")
        if matter.state == STATE_FAILED:
            raise RefusedError(f"事项 {matter.number} 的“{matter.stage}”，请先选择退回重议或终止，再登记“{step.title}”")
        if matter.next_position != position:
            expected = by_pos.get(matter.next_position) if matter.next_position is not None else None
            if expected is None:
                raise RefusedError(f"事项 {matter.number} 的程序已全部完成，不能再登记“{step.title}”")
            if position > expected.position:
                raise RefusedError(
                    f"不能登记“{step.title}”：上一步“{expected.title}”尚未登记通过（五议两公开须按顺序办理）"
                )
            raise RefusedError(f"“{step.title}”已经通过，下一步应登记“{expected.title}”")
        return step

    def _previous_date(self, s: Session, matter: Matter) -> tuple[str, date | None]:
        st = ledger.replay(ledger.steps_of(s, matter.procedure_id), ledger.entries_of(s, matter.id))
        if not st.passed:
            return "", matter.raised_on
        pos = max(st.passed)
        entry = st.passed[pos]
        return entry.step_title, entry.event_date

    @writes(Changes.DECISIONS)
    def record_suggestion(self, matter_id: int, position: int, data: SuggestionInput) -> int:
        with self.db.transaction() as s:
            matter, steps = self._open(s, matter_id)
            step = self._expect_step(matter, steps, position)
            if step.kind != KIND_SUGGESTION:
                raise RefusedError(f"“{step.title}”不是建议登记步骤")
            new = build.suggestion_entry(step, data, matter.source, self.today(), None)
            return ledger.append(s, matter, new, now=self.clock(), user=self.user).id

    @writes(Changes.DECISIONS)
    def record_meeting(
        self, matter_id: int, position: int, data: MeetingInput, if_failed: Disposition | None = None
    ) -> tuple[int, Verdict]:
        """Record a meeting step. A meeting that misses a rule is recorded as 未通过, saying which rule.

        With ``if_failed`` the failed meeting is disposed of (sent back or ended) in the same
        transaction; without it the matter waits in 未通过待处理 until ``dispose_failed``.
        """
        stored = store_attachments(data.attachments)
        with self.db.transaction() as s:
            matter, steps = self._open(s, matter_id)
            step = self._expect_step(matter, steps, position)
            if step.kind != KIND_MEETING:
                raise RefusedError(f"“{step.title}”不是会议步骤")
            prev_title, prev_date = self._previous_date(s, matter)
            new, verdict = build.meeting_entry(s, step, data, stored, self.today(), (prev_title, prev_date))
            entry = ledger.append(s, matter, new, now=self.clock(), user=self.user)
            if not verdict.passed and if_failed is not None:
                self._dispose(s, matter, steps, if_failed, entry.event_date)
            return entry.id, verdict

    @writes(Changes.DECISIONS)
    def dispose_failed(self, matter_id: int, disposition: Disposition) -> None:
        with self.db.transaction() as s:
            matter, steps = self._open(s, matter_id)
            if matter.state != STATE_FAILED:
                raise RefusedError(f"事项 {matter.number} 没有待处理的未通过表决")
            self._dispose(s, matter, steps, disposition, None)

    def _dispose(
        self, s: Session, matter: Matter, steps: list[StepInfo], d: Disposition, default_on: date | None
    ) -> None:
        st = ledger.replay(steps, ledger.entries_of(s, matter.id))
        new = build.disposition_entry(steps, st.failed_position, d, default_on or self.today(), self.today())
        ledger.append(s, matter, new, now=self.clock(), user=self.user)

    @writes(Changes.DECISIONS)
    def record_notice(self, matter_id: int, position: int, data: NoticeInput) -> int:
        """决议公开 or 实施结果公开, with its posting period (default 7 days)."""
        with self.db.transaction() as s:
            matter, steps = self._open(s, matter_id)
            step = self._expect_step(matter, steps, position)
            if step.kind not in (KIND_RESOLUTION_NOTICE, KIND_RESULT_NOTICE):
                raise RefusedError(f"“{step.title}”不是公开步骤")
            st = ledger.replay(steps, ledger.entries_of(s, matter.id))
            new = build.notice_entry(s, matter, step, st, data, self.today())
            return ledger.append(s, matter, new, now=self.clock(), user=self.user).id

    @writes(Changes.DECISIONS)
    def record_progress(self, matter_id: int, data: ProgressInput) -> int:
        """Implementation progress: only after the resolution's posting period, objections answered."""
        with self.db.transaction() as s:
            matter, steps = self._open(s, matter_id)
            st = ledger.replay(steps, ledger.entries_of(s, matter.id))
            new = build.progress_entry(matter, st, data, self.today())
            return ledger.append(s, matter, new, now=self.clock(), user=self.user).id

    @writes(Changes.DECISIONS)
    def record_objection(self, matter_id: int, data: ObjectionInput) -> int:
        with self.db.transaction() as s:
            matter, steps = self._open(s, matter_id)
            st = ledger.replay(steps, ledger.entries_of(s, matter.id))
            new = build.objection_entry(matter, st, data, self.today())
            return ledger.append(s, matter, new, now=self.clock(), user=self.user).id

    @writes(Changes.DECISIONS)
    def answer_objection(self, objection_entry_id: int, data: AnswerInput) -> int:
        with self.db.transaction() as s:
            objection = s.get(LogEntry, objection_entry_id)
            if objection is None or objection.kind != ENTRY_OBJECTION:
                raise NotFoundError("找不到要答复的异议")
            matter = s.get(Matter, objection.matter_id)
            assert matter is not None
            answered = s.scalar(
                select(func.count()).where(LogEntry.answers_id == objection.id, LogEntry.kind == ENTRY_ANSWER)
            )
            if answered:
                raise RefusedError(f"第 {objection.seq} 条异议已经答复；如需改正，请更正原答复")
            new = build.answer_entry(objection, data, self.today())
            return ledger.append(s, matter, new, now=self.clock(), user=self.user).id

    # --- corrections ---------------------------------------------------------------------
    @writes(Changes.DECISIONS | Changes.MEETINGS | Changes.POINTS)
    def correct(self, entry_id: int, reason: str, replacement: object) -> int:
        """A correction is a new entry pointing at the one it corrects; the old one stays as it was.
        A corrected 党员大会审议 that was a branch meeting (组织生活) re-gives that meeting's
        attendance points in the same transaction: its tick list is the meeting's presence."""
        text = clean_text(reason)
        c = Checker()
        if not text:
            c.fail("correction_reason", "请写明更正原因")
        c.raise_if_any()
        stored = store_attachments(getattr(replacement, "attachments", []) or [])
        with self.db.transaction() as s:
            target = s.get(LogEntry, entry_id)
            if target is None:
                raise NotFoundError("找不到要更正的记录")
            matter, steps = self._open(s, target.matter_id)
            newer = s.scalars(select(LogEntry).where(LogEntry.corrects_id == target.id)).first()
            if newer is not None:
                raise RefusedError(f"第 {target.seq} 条记录已被第 {newer.seq} 条更正，请更正最新的那一条")
            original = build.root_of(s, target)
            if original.kind in (ENTRY_SENT_BACK, ENTRY_ENDED):
                raise RefusedError("退回、终止记录不能更正；如处理有误，请登记新的处理")
            new = build.correction_entry(s, matter, steps, original, target, replacement, stored, self.today())
            new.kind, new.corrects_id = ENTRY_CORRECTION, target.id
            new.details = {**new.details, "reason": text, "corrected_kind": original.kind}
            if original.kind == ENTRY_STEP and new.outcome != target.outcome:
                later = s.scalar(
                    select(func.count()).where(
                        LogEntry.matter_id == matter.id,
                        LogEntry.seq > target.seq,
                        LogEntry.kind.in_((ENTRY_STEP, ENTRY_SENT_BACK, ENTRY_ENDED, ENTRY_PROGRESS)),
                    )
                )
                if later:
                    raise RefusedError(
                        f"更正后表决结果将由“{target.outcome}”变为“{new.outcome}”，但其后已有办理记录，不能这样更正"
                    )
            entry = ledger.append(s, matter, new, now=self.clock(), user=self.user)
            if original.kind == ENTRY_OPENED:
                build.apply_header(matter, new.details)
                ledger.refresh(s, matter)
            if original.kind == ENTRY_STEP:
                sync_points_of_decision_entry(s, original.id, self.user or self.db.actor.name)
            return entry.id


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


__all__ = ["DecisionService", "ENTRY_PROGRESS"]
