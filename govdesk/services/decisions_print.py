"""Printing a matter: gather the log's figures for the notices and registration sheets.

A notice is printed BEFORE it is posted (print, pin it on the board, then record 决议公开 with
the day it went up), so the resolution notice can be printed as soon as the matter is
resolved: the posting day and period then come from the caller (default today, 7 days);
once 决议公开 is recorded, the recorded values are used. The same holds for the result
notice after acceptance. Figures always come from the latest version of each entry (after
corrections).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.db import Database
from govdesk.decisions import ledger, quorum
from govdesk.decisions.chain import short
from govdesk.decisions.inputs import DEFAULT_NOTICE_PLACE, DEFAULT_POSTING_DAYS, format_amount
from govdesk.decisions.procedures import KIND_MEETING, KIND_RESOLUTION_NOTICE, KIND_RESULT_NOTICE
from govdesk.decisions.state import (
    STATE_COMPLETED,
    STATE_DONE,
    STATE_POSTED,
    STATE_RESOLVED,
    details_of,
    effective_entries,
    posting_end,
    replay,
)
from govdesk.errors import GovdeskError, NotFoundError, RefusedError
from govdesk.models import Attachment, AttendanceTick, LogEntry, Matter, OrgUnit, Procedure, Village
from govdesk.models.decisions import ENTRY_PROGRESS, ENTRY_STEP, OUTCOME_PASSED
from govdesk.models.org import ORG_BRANCH, ORG_GENERAL_BRANCH
from govdesk.services.printing import register_print_kind

if TYPE_CHECKING:  # the notices' layouts (reportlab) load when something prints, not with the window
    from govdesk.decisions import notices
    from govdesk.printing.templates import BuildInfo

RESOLUTION = "resolution"
RESULT = "result"
SHEET = "sheet"
NOTICES = (RESOLUTION, RESULT, SHEET)
ARCHIVE_KINDS = {RESOLUTION: "decision.resolution", RESULT: "decision.result", SHEET: "decision.sheet"}
KIND_LABELS = {"decision.resolution": "决议公告", "decision.result": "实施结果公告", "decision.sheet": "议事登记表"}
for _kind, _label in KIND_LABELS.items():
    register_print_kind(_kind, _label)  # the print archive list names our prints


@dataclass(frozen=True)
class PrintOptions:
    posted_on: date | None = None  # before 决议公开 is recorded: the day it will go up (default today)
    days: int = DEFAULT_POSTING_DAYS
    full: bool = False  # internal copy (内部资料), nothing masked


def _issuers(s: Session, village: Village) -> tuple[str, ...]:
    org = s.scalars(
        select(OrgUnit.name)
        .where(OrgUnit.village_id == village.id, OrgUnit.kind.in_((ORG_GENERAL_BRANCH, ORG_BRANCH)))
        .order_by(OrgUnit.kind != ORG_GENERAL_BRANCH, OrgUnit.sort_order, OrgUnit.id)
    ).first()
    committee = f"{village.name}村民委员会"
    return tuple(x for x in (org, committee) if x)


def _meeting_row(s: Session, e: LogEntry, seq_note: str) -> notices.MeetingRow:
    from govdesk.decisions import notices

    ticks = list(
        s.scalars(select(AttendanceTick).where(AttendanceTick.entry_id == e.id).order_by(AttendanceTick.position))
    )
    atts = list(s.scalars(select(Attachment).where(Attachment.entry_id == e.id)))
    r = quorum.rule(e.rule_id)
    v = quorum.evaluate(r.id, e.should_attend, e.attended, e.yes_votes, e.no_votes, e.abstain_votes)
    return notices.MeetingRow(
        title=e.step_title,
        body=r.body,
        held_on=e.event_date,
        place=e.place,
        host=e.host,
        recorder=e.recorder,
        should=e.should_attend,
        present=e.attended,
        yes=e.yes_votes,
        no=e.no_votes,
        abstain=e.abstain_votes,
        outcome=e.outcome,
        failure=e.failure,
        decided=e.text,
        rule_text=quorum.describe(r),
        source=r.source,
        ratio=v.ratio_text,
        attended=tuple(t.name for t in ticks if t.present),
        absent=tuple(t.name for t in ticks if not t.present),
        attachments=tuple(f"{a.kind}“{a.original_name}”（SHA-256 {a.sha256[:12]}）" for a in atts),
        seq=e.seq,
        hash_short=short(e.hash),
        corrected=seq_note,
    )


class DecisionPrinter:
    """Builds the PDFs of one matter through the shared engine."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def render(
        self, matter_id: int, which: str, options: PrintOptions | None = None, today: date | None = None
    ) -> BuildInfo:
        from govdesk.decisions import notices

        opts = options or PrintOptions()
        day = today or date.today()
        if which not in NOTICES:
            raise GovdeskError(f"没有这种打印：{which}（可选：resolution 决议公告、result 实施结果公告、sheet 登记表）")
        with self.db.session() as s:
            matter = s.get(Matter, matter_id)
            if matter is None:
                raise NotFoundError(f"找不到编号为 {matter_id} 的事项")
            village = s.get(Village, matter.village_id)
            assert village is not None
            steps = ledger.steps_of(s, matter.procedure_id)
            entries = ledger.entries_of(s, matter.id)
            st = replay(steps, entries)
            by_pos = {x.position: x for x in steps}
            effective = [x for x in effective_entries(entries) if x.kind == ENTRY_STEP]
            if which == SHEET:
                rows = [
                    _meeting_row(s, x.latest, f"据第 {x.latest.seq} 条更正" if x.latest is not x.original else "")
                    for x in effective
                    if x.latest.should_attend is not None
                ]
                return notices.registration_sheets(village.name, matter.number, matter.title, rows, full=opts.full)
            passed_meetings = [
                _meeting_row(s, e, "")
                for pos, e in sorted(st.passed.items())
                if by_pos[pos].kind == KIND_MEETING and e.outcome == OUTCOME_PASSED
            ]
            proc = s.get(Procedure, matter.procedure_id)
            notice_pos = next(
                x.position
                for x in steps
                if x.kind == (KIND_RESOLUTION_NOTICE if which == RESOLUTION else KIND_RESULT_NOTICE)
            )
            recorded = st.passed.get(notice_pos)
            if which == RESOLUTION and st.state not in (STATE_RESOLVED, STATE_POSTED, STATE_COMPLETED, STATE_DONE):
                raise RefusedError(f"事项 {matter.number} 尚未作出决议（当前：{st.stage}），不能打印决议公告")
            if which == RESULT and st.state not in (STATE_COMPLETED, STATE_DONE):
                raise RefusedError(f"事项 {matter.number} 尚未竣工验收（当前：{st.stage}），不能打印实施结果公告")
            if recorded is not None:
                d = details_of(recorded)
                posted, days = recorded.event_date, int(d.get("days", DEFAULT_POSTING_DAYS))
                place, phone, text, anchor = recorded.place, d.get("phone", ""), recorded.text, recorded
            else:
                posted, days = opts.posted_on or day, opts.days
                place, phone, text = DEFAULT_NOTICE_PLACE, village.supervision_phone, ""
                anchor = st.passed[max(p for p in st.passed if p < notice_pos)]
            data = notices.NoticeData(
                village=village.name,
                issuers=_issuers(s, village),
                number=matter.number,
                title=matter.title,
                amount=format_amount(matter.amount_fen),
                procedure=proc.name if proc else "",
                meetings=tuple(passed_meetings),
                decided=passed_meetings[-1].decided if passed_meetings else "",
                posted_on=posted,
                ends_on=posting_end(posted, days),
                days=days,
                place=place,
                phone=phone,
                text=text if which == RESOLUTION else "",
                hash_short=short(anchor.hash),
                budget=format_amount(matter.amount_fen),
                spent=format_amount(st.amount_spent_fen) or "0.00 元",
                contractor=st.contractor,
                completed_on=st.completed_on,
                accepted_on=st.accepted_on,
                progress=tuple(
                    (
                        x.latest.event_date.isoformat(),
                        x.latest.text,
                        format_amount(details_of(x.latest).get("amount_spent_fen")),
                    )
                    for x in effective_entries(entries)
                    if x.kind == ENTRY_PROGRESS
                ),
            )
            if which == RESULT:
                data = _with_result_text(data)
        doc = (
            notices.resolution_notice(data, full=opts.full)
            if which == RESOLUTION
            else notices.result_notice(data, full=opts.full)
        )
        return doc.build()

    def render_number(
        self, number: str, which: str, options: PrintOptions | None = None, today: date | None = None
    ) -> BuildInfo:
        with self.db.session() as s:
            mid = s.scalar(select(Matter.id).where(Matter.number == number.strip()))
        if mid is None:
            raise NotFoundError(f"找不到台账编号为 {number} 的事项")
        return self.render(int(mid), which, options, today)


def _with_result_text(d: notices.NoticeData) -> notices.NoticeData:
    from dataclasses import replace

    done = "；".join(p[1] for p in d.progress) or "已按决议实施完毕"
    return replace(d, text=done + "。")


__all__ = ["DecisionPrinter", "PrintOptions"]
