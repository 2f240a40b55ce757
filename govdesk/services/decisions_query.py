"""Reading the decision log: the paged matters list, a matter's history, and what needs action
(the reminders themselves, with their deadlines, are in ``decisions_reminders``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, select

from govdesk.db import Database
from govdesk.decisions import attendance, ledger
from govdesk.decisions.attendance import Seat
from govdesk.decisions.chain import short
from govdesk.decisions.inputs import format_amount
from govdesk.decisions.state import (
    STATE_DONE,
    STATE_POSTED,
    MatterState,
    StepInfo,
    details_of,
    replay,
    superseded_by,
)
from govdesk.errors import NotFoundError
from govdesk.labels import label
from govdesk.models import Attachment, AttendanceTick, LogEntry, Matter, Procedure
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
from govdesk.services.decisions_reminders import REMINDER_STATES, ActionItem, reminders
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, order_by, text_matches
from govdesk.services.meetings_query import meeting_notes

MATTER_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("number", label("matter_number")),
    ColumnSpec("title", label("matter_title")),
    ColumnSpec("category", label("matter_category")),
    ColumnSpec("amount", label("matter_amount")),
    ColumnSpec("source", label("matter_source")),
    ColumnSpec("procedure", label("matter_procedure")),
    ColumnSpec("state", label("matter_state")),
    ColumnSpec("stage", label("matter_stage")),
    ColumnSpec("last_event_on", label("matter_last_event_on")),
)
_SORT: dict[str, ColumnElement[Any]] = {
    "number": Matter.number,
    "title": Matter.title,
    "category": Matter.category,
    "amount": Matter.amount_fen,
    "source": Matter.source,
    "procedure": Procedure.name,
    "state": Matter.state,
    "stage": Matter.stage,
    "last_event_on": Matter.last_event_on,
}


@dataclass(frozen=True)
class StepStatus:
    position: int
    kind: str
    title: str
    rule_id: str
    mark: str  # 已通过 / 未通过 / 待办 / 未到 / 已终止


@dataclass(frozen=True)
class MatterView:
    id: int
    number: str
    title: str
    category: str
    amount: str
    source: str
    source_detail: str
    procedure: str
    raised_on: date
    state: MatterState
    steps: tuple[StepStatus, ...]
    head_hash: str

    @property
    def next_step(self) -> StepStatus | None:
        return next((s for s in self.steps if s.position == self.state.next_position), None)


@dataclass(frozen=True)
class HistoryItem:
    entry_id: int
    seq: int
    kind: str
    title: str  # what the entry is about: step title or kind
    event_date: date | None
    summary: str
    outcome: str
    note: str  # 已被第 N 条更正 / 更正第 N 条：原因
    hash_short: str
    correctable: bool


class DecisionQueries:
    columns = MATTER_COLUMNS

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- list ----------------------------------------------------------------------------
    def _select(self, query: ListQuery) -> Select[Any]:
        stmt = select(
            Matter.id,
            Matter.number,
            Matter.title,
            Matter.category,
            Matter.amount_fen,
            Matter.source,
            Procedure.name,
            Matter.state,
            Matter.stage,
            Matter.last_event_on,
            Matter.posting_ends_on,
            Matter.progress_started_on,
            Matter.result_posting_ends_on,
        ).join(Procedure, Procedure.id == Matter.procedure_id)
        state = query.filters.get("state")
        if state:
            stmt = stmt.where(Matter.state == state)
        text = query.text.strip()
        if text:
            stmt = stmt.where(text_matches(text, Matter.number, Matter.title))
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        q = query if query.sort_key else ListQuery(query.text, query.filters, "number", True)
        stmt = order_by(self._select(q), _SORT, q, Matter.id).offset(offset).limit(limit)
        with self.db.session() as s:
            rows = s.execute(stmt).all()
        today = self.today()
        return [
            Row(
                r[0],
                (*r[1:4], format_amount(r[4]), r[5], r[6], r[7], stage_today(*r[7:9], *r[10:13], today), r[9]),
            )
            for r in rows
        ]

    def today(self) -> date:
        """The desk's today (the service overrides it with its clock)."""
        return date.today()

    # --- one matter ----------------------------------------------------------------------
    def procedures(self) -> list[tuple[str, str, str]]:
        """(code, name, description) of every procedure, default first."""
        with self.db.session() as s:
            return ledger.procedure_choices(s)

    def procedure_steps(self, code: str) -> list[StepInfo]:
        with self.db.session() as s:
            pid = s.scalar(select(Procedure.id).where(Procedure.code == code))
            if pid is None:
                raise NotFoundError(f"找不到议事程序“{code}”")
            return ledger.steps_of(s, pid)

    def find(self, number: str) -> int:
        with self.db.session() as s:
            mid = s.scalar(select(Matter.id).where(Matter.number == number.strip()))
        if mid is None:
            raise NotFoundError(f"找不到台账编号为 {number} 的事项")
        return int(mid)

    def matter(self, matter_id: int) -> MatterView:
        with self.db.session() as s:
            m = s.get(Matter, matter_id)
            if m is None:
                raise NotFoundError(f"找不到编号为 {matter_id} 的事项")
            steps = ledger.steps_of(s, m.procedure_id)
            st = replay(steps, ledger.entries_of(s, m.id))
            proc = s.get(Procedure, m.procedure_id)
            marks = []
            for step in steps:
                if step.position in st.passed:
                    mark = "已通过" if step.kind in ("会议",) else "已完成"
                elif step.position == st.failed_position:
                    mark = "未通过"
                elif step.position == st.next_position:
                    mark = "待办"
                else:
                    mark = "已终止" if st.state == "已终止" else "未到"
                marks.append(StepStatus(step.position, step.kind, step.title, step.rule_id, mark))
            return MatterView(
                id=m.id,
                number=m.number,
                title=m.title,
                category=m.category,
                amount=format_amount(m.amount_fen),
                source=m.source,
                source_detail=m.source_detail,
                procedure=proc.name if proc else "",
                raised_on=m.raised_on,
                state=st,
                steps=tuple(marks),
                head_hash=m.head_hash,
            )

    def history(self, matter_id: int) -> list[HistoryItem]:
        with self.db.session() as s:
            entries = ledger.entries_of(s, matter_id)
            scans: dict[int, list[str]] = {}
            for entry_id, kind, name in s.execute(
                select(Attachment.entry_id, Attachment.kind, Attachment.original_name)
                .join(LogEntry, LogEntry.id == Attachment.entry_id)
                .where(LogEntry.matter_id == matter_id)
                .order_by(Attachment.id)
            ):
                scans.setdefault(entry_id, []).append(f"{kind}“{name}”")
            meetings = meeting_notes(s, [e.id for e in entries])  # a 党员大会审议 also recorded as a meeting
        by_id = {e.id: e for e in entries}
        corrected = superseded_by(entries)
        out: list[HistoryItem] = []
        for e in entries:
            note = meetings.get(e.id, "")
            if e.id in corrected:
                note = f"已被第 {corrected[e.id].seq} 条更正" + (f"；{note}" if note else "")
            if e.kind == ENTRY_CORRECTION and e.corrects_id in by_id:
                note = (f"更正第 {by_id[e.corrects_id].seq} 条：{details_of(e).get('reason', '')}" + "；" + note).strip(
                    "；"
                )
            out.append(
                HistoryItem(
                    entry_id=e.id,
                    seq=e.seq,
                    kind=e.kind,
                    title=e.step_title or e.kind,
                    event_date=e.event_date,
                    summary=summarize(e, by_id) + (f"。附件：{'、'.join(scans[e.id])}" if e.id in scans else ""),
                    outcome=e.outcome,
                    note=note,
                    hash_short=short(e.hash),
                    correctable=e.id not in corrected and e.kind not in (ENTRY_SENT_BACK, ENTRY_ENDED),
                )
            )
        return out

    def entry(self, entry_id: int) -> tuple[LogEntry, list[AttendanceTick], list[Attachment]]:
        with self.db.session() as s:
            e = s.get(LogEntry, entry_id)
            if e is None:
                raise NotFoundError("找不到这条记录")
            ticks = list(
                s.scalars(
                    select(AttendanceTick).where(AttendanceTick.entry_id == e.id).order_by(AttendanceTick.position)
                )
            )
            atts = list(s.scalars(select(Attachment).where(Attachment.entry_id == e.id)))
            return e, ticks, atts

    def open_objections(self, matter_id: int) -> list[LogEntry]:
        with self.db.session() as s:
            entries = ledger.entries_of(s, matter_id)
        answered = {e.answers_id for e in entries if e.kind == ENTRY_ANSWER}
        return [e for e in entries if e.kind == ENTRY_OBJECTION and e.id not in answered]

    def should_attend(self, rule_id: str, on: date) -> list[Seat]:
        """Who should attend a meeting under ``rule_id`` on ``on`` (the tick list)."""
        with self.db.session() as s:
            return attendance.should_attend(s, rule_id, on)

    # --- needs action --------------------------------------------------------------------
    def needs_action(self, today: date) -> list[ActionItem]:
        """Resolved but not posted, posting period ending, accepted but results not posted, failed votes."""
        with self.db.session() as s:
            rows = s.scalars(select(Matter).where(Matter.state.in_(REMINDER_STATES))).all()
        return reminders(rows, today)


def stage_today(
    state: str, stage: str, posting_ends: date | None, progress: date | None, result_ends: date | None, today: date
) -> str:
    """The stored stage, read against today: a posting period is running, has ended, or the matter is closed."""
    if state == STATE_POSTED and progress is None and posting_ends is not None:
        if today <= posting_ends:
            return f"决议公示中（至 {posting_ends:%m-%d}）"
        return "公示期满待实施"
    if state == STATE_DONE and result_ends is not None:
        return f"结果公示中（至 {result_ends:%m-%d}）" if today <= result_ends else "已办结"
    return stage


def summarize(e: LogEntry, by_id: dict[int, LogEntry]) -> str:
    """One line of history as the detail view shows it."""
    d = details_of(e)
    kind = d.get("corrected_kind", e.kind) if e.kind == ENTRY_CORRECTION else e.kind
    if kind == ENTRY_OPENED:
        amount = format_amount(d.get("amount_fen"))
        extra = f"，{amount}" if amount else ""
        return f"立项：{d.get('title', e.text)}（{d.get('source', '')}，{d.get('procedure', '')}{extra}）"
    if kind == ENTRY_STEP and e.should_attend is not None:
        line = (
            f"{e.place} · 主持 {e.host} · 应到 {e.should_attend} 实到 {e.attended} · "
            f"赞成 {e.yes_votes} 反对 {e.no_votes} 弃权 {e.abstain_votes} · {e.outcome}"
        )
        if e.failure:
            line += f"：{e.failure}"
        return f"{line}。决定事项：{e.text}"
    if kind == ENTRY_STEP and "days" in d:
        return f"{e.place}张贴，公示 {d['days']} 天（至 {d.get('ends_on', '')}），监督电话 {d.get('phone', '')}"
    if kind == ENTRY_STEP:
        by = d.get("by") or ""
        return f"{d.get('source', '')}{'（' + by + '）' if by else ''}：{e.text}"
    if kind == ENTRY_SENT_BACK:
        return f"退回至“{e.step_title}”重新办理：{e.text}"
    if kind == ENTRY_ENDED:
        return f"终止办理：{e.text}"
    if kind == ENTRY_PROGRESS:
        parts = [e.text]
        if d.get("amount_spent_fen"):
            parts.append(f"支出 {format_amount(d['amount_spent_fen'])}")
        if d.get("contractor"):
            parts.append(f"承建 {d['contractor']}")
        if d.get("completed_on"):
            parts.append(f"完工 {d['completed_on']}")
        if d.get("accepted_on"):
            parts.append(f"验收 {d['accepted_on']}")
        return " · ".join(parts)
    if kind == ENTRY_OBJECTION:
        return f"{d.get('from', '')}对{d.get('notice', '')}提出异议：{e.text}"
    if kind == ENTRY_ANSWER:
        target = by_id.get(e.answers_id or 0)
        return f"答复第 {target.seq if target else '?'} 条异议（{d.get('by', '')}）：{e.text}"
    return e.text


__all__ = ["DecisionQueries", "ENTRY_PROGRESS", "ENTRY_STEP"]
