"""Where a matter stands, derived only by replaying its log.

Nothing about a matter's progress is stored that the log cannot reproduce: the service
replays after every append and caches the result on the matter row (for listing and
sorting in SQL), and ``govdesk check`` replays again and compares. A correction takes the
place of the entry it corrects (the latest correction in a chain wins), in the position of
the original, so history reads in order while figures come from the corrected values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from govdesk.decisions.procedures import KIND_MEETING, KIND_RESOLUTION_NOTICE, KIND_RESULT_NOTICE
from govdesk.models.decisions import (
    ENTRY_ANSWER,
    ENTRY_CORRECTION,
    ENTRY_ENDED,
    ENTRY_OBJECTION,
    ENTRY_PROGRESS,
    ENTRY_SENT_BACK,
    ENTRY_STEP,
    OUTCOME_FAILED,
)

STATE_DELIBERATING = "审议中"
STATE_FAILED = "未通过待处理"
STATE_ENDED = "已终止"
STATE_RESOLVED = "已决议待公开"
STATE_POSTED = "决议已公开"
STATE_COMPLETED = "已完工待公开"
STATE_DONE = "结果已公开"
STATES = (
    STATE_DELIBERATING,
    STATE_FAILED,
    STATE_ENDED,
    STATE_RESOLVED,
    STATE_POSTED,
    STATE_COMPLETED,
    STATE_DONE,
)


@dataclass(frozen=True)
class StepInfo:
    position: int
    kind: str
    title: str
    rule_id: str


@dataclass(frozen=True)
class Effective:
    """An entry as it reads after corrections: ``kind`` of the original, values of the latest version."""

    kind: str
    original: Any
    latest: Any

    @property
    def details(self) -> dict[str, Any]:
        return details_of(self.latest)


def details_of(entry: Any) -> dict[str, Any]:
    try:
        data = json.loads(entry.details or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def effective_entries(entries: list[Any]) -> list[Effective]:
    """Originals in log order, each replaced by its latest correction."""
    by_id = {e.id: e for e in entries}
    latest: dict[int, Any] = {}
    for e in entries:
        if e.kind == ENTRY_CORRECTION and e.corrects_id is not None:
            root = by_id.get(e.corrects_id)
            while root is not None and root.kind == ENTRY_CORRECTION and root.corrects_id is not None:
                root = by_id.get(root.corrects_id)
            if root is not None:
                latest[root.id] = e
    return [Effective(e.kind, e, latest.get(e.id, e)) for e in entries if e.kind != ENTRY_CORRECTION]


def superseded_by(entries: list[Any]) -> dict[int, Any]:
    """id of an entry → the correction that directly corrects it (for "已被第 N 条更正")."""
    return {e.corrects_id: e for e in entries if e.kind == ENTRY_CORRECTION and e.corrects_id is not None}


@dataclass
class MatterState:
    state: str = STATE_DELIBERATING
    next_position: int | None = 0
    stage: str = ""
    failed_position: int | None = None
    passed: dict[int, Any] = field(default_factory=dict)  # position → latest version of its passing entry
    last_event_on: date | None = None
    resolved_on: date | None = None
    posted_on: date | None = None
    posting_ends_on: date | None = None
    progress_started_on: date | None = None
    completed_on: date | None = None
    accepted_on: date | None = None
    result_posted_on: date | None = None
    result_posting_ends_on: date | None = None
    amount_spent_fen: int = 0
    contractor: str = ""
    open_objections: int = 0

    CACHED = (
        "state",
        "next_position",
        "stage",
        "last_event_on",
        "resolved_on",
        "posted_on",
        "posting_ends_on",
        "progress_started_on",
        "accepted_on",
        "result_posted_on",
        "result_posting_ends_on",
        "open_objections",
    )

    def cache_values(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.CACHED}


def posting_end(posted_on: date, days: int) -> date:
    """Last day on the board: posted on day 1, a 7-day period ends on day 7."""
    return posted_on + timedelta(days=max(days, 1) - 1)


def replay(steps: list[StepInfo], entries: list[Any]) -> MatterState:
    """Walk the log against the procedure's steps."""
    st = MatterState(next_position=steps[0].position if steps else None)
    by_pos = {s.position: s for s in steps}
    positions = [s.position for s in steps]
    notice_pos = next((s.position for s in steps if s.kind == KIND_RESOLUTION_NOTICE), None)
    answered: set[int] = set()
    objections: list[int] = []
    for eff in effective_entries(entries):
        e = eff.latest
        if e.event_date is not None and (st.last_event_on is None or e.event_date > st.last_event_on):
            st.last_event_on = e.event_date
        d = eff.details
        if eff.kind == ENTRY_STEP and e.step_position in by_pos:
            step = by_pos[e.step_position]
            if step.kind == KIND_MEETING and e.outcome == OUTCOME_FAILED:
                st.state, st.failed_position = STATE_FAILED, step.position
                st.next_position = None
                continue
            st.passed[step.position] = e
            idx = positions.index(step.position)
            st.next_position = positions[idx + 1] if idx + 1 < len(positions) else None
            st.failed_position = None
            if step.kind == KIND_RESOLUTION_NOTICE:
                st.posted_on = e.event_date
                st.posting_ends_on = posting_end(e.event_date, int(d.get("days", 7)))
            elif step.kind == KIND_RESULT_NOTICE:
                st.result_posted_on = e.event_date
                st.result_posting_ends_on = posting_end(e.event_date, int(d.get("days", 7)))
            elif notice_pos is not None and st.next_position == notice_pos:
                st.resolved_on = e.event_date
        elif eff.kind == ENTRY_SENT_BACK:
            back_to = int(d.get("back_to", 0))
            for pos in [p for p in st.passed if p >= back_to]:
                del st.passed[pos]
            st.next_position, st.failed_position = back_to, None
            st.state = STATE_DELIBERATING
        elif eff.kind == ENTRY_ENDED:
            st.state, st.next_position = STATE_ENDED, None
        elif eff.kind == ENTRY_PROGRESS:
            st.progress_started_on = st.progress_started_on or e.event_date
            st.amount_spent_fen += int(d.get("amount_spent_fen") or 0)
            st.contractor = d.get("contractor") or st.contractor
            if d.get("completed_on"):
                st.completed_on = date.fromisoformat(d["completed_on"])
            if d.get("accepted_on"):
                st.accepted_on = date.fromisoformat(d["accepted_on"])
        elif eff.kind == ENTRY_OBJECTION:
            objections.append(eff.original.id)
        elif eff.kind == ENTRY_ANSWER and e.answers_id is not None:
            answered.add(e.answers_id)
    st.open_objections = len([o for o in objections if o not in answered])
    if st.state not in (STATE_ENDED, STATE_FAILED):
        st.state = _state_of(st, by_pos)
    st.stage = _stage_of(st, by_pos)
    return st


def _state_of(st: MatterState, by_pos: dict[int, StepInfo]) -> str:
    nxt = by_pos.get(st.next_position) if st.next_position is not None else None
    if st.result_posted_on is not None:
        return STATE_DONE
    if nxt is not None and nxt.kind == KIND_RESULT_NOTICE:
        return STATE_COMPLETED if st.accepted_on else STATE_POSTED
    if nxt is not None and nxt.kind == KIND_RESOLUTION_NOTICE:
        return STATE_RESOLVED
    return STATE_DELIBERATING


def _stage_of(st: MatterState, by_pos: dict[int, StepInfo]) -> str:
    if st.state == STATE_ENDED:
        return "已终止"
    if st.state == STATE_FAILED and st.failed_position is not None:
        return f"{by_pos[st.failed_position].title}未通过"
    if st.state == STATE_POSTED:
        return "实施中" if st.progress_started_on else "决议公示"
    if st.state == STATE_DONE:
        return "已办结"
    nxt = by_pos.get(st.next_position) if st.next_position is not None else None
    return f"待{nxt.title}" if nxt else ""
