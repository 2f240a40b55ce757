"""Turning form input into log entries, with every field rule of the decision log.

Each builder validates one kind of input (collecting every field error so a form can show
them all) and returns a ``NewEntry``; the service decides order and appends. Meetings are
judged here: the should-attend list comes from the roster on the meeting date, the ticked
people must be on it, and the quorum table decides passed or failed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from govdesk.decisions import attendance, quorum
from govdesk.decisions.inputs import (
    DEFAULT_NOTICE_PLACE,
    DEFAULT_POSTING_DAYS,
    MAX_POSTING_DAYS,
    AnswerInput,
    Disposition,
    MatterInput,
    MeetingInput,
    NoticeInput,
    ObjectionInput,
    ProgressInput,
    SuggestionInput,
    parse_amount,
    parse_count,
)
from govdesk.decisions.ledger import NewEntry
from govdesk.decisions.procedures import KIND_MEETING, KIND_RESOLUTION_NOTICE, KIND_RESULT_NOTICE, KIND_SUGGESTION
from govdesk.decisions.state import STATE_COMPLETED, STATE_POSTED, MatterState, StepInfo, details_of, posting_end
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.models import LogEntry, Matter, Procedure, Village
from govdesk.models.decisions import (
    ENTRY_ANSWER,
    ENTRY_CORRECTION,
    ENTRY_ENDED,
    ENTRY_OBJECTION,
    ENTRY_OPENED,
    ENTRY_PROGRESS,
    ENTRY_SENT_BACK,
    ENTRY_STEP,
    OUTCOME_FAILED,
    OUTCOME_PASSED,
)
from govdesk.services.decisions_attachments import StoredAttachment
from govdesk.validation import Checker, clean_name, clean_phone, clean_text, parse_date


def _day(c: Checker, field: str, value: Any, today: date, *, required: bool = True) -> date | None:
    day = c.run(field, parse_date, value)
    if day is None and required and not any(e.field == field for e in c.errors):
        c.fail(field, "不能为空")
    if day is not None and day > today:
        c.fail(field, "不能晚于今天")
    return day


def _required(c: Checker, field: str, value: Any, *, name: bool = False) -> str:
    text = clean_name(value) if name else clean_text(value)
    if not text:
        c.fail(field, "不能为空")
    return text


def opened_entry(matter: Matter, proc: Procedure, steps: list[StepInfo]) -> NewEntry:
    return NewEntry(
        kind=ENTRY_OPENED,
        event_date=matter.raised_on,
        text=matter.title,
        details={
            **header_of(matter),
            "procedure": proc.code,
            "steps": [[st.kind, st.title, st.rule_id] for st in steps],
        },
    )


def header_of(matter: Matter) -> dict[str, Any]:
    return {
        "number": matter.number,
        "title": matter.title,
        "category": matter.category,
        "amount_fen": matter.amount_fen,
        "source": matter.source,
        "source_detail": matter.source_detail,
        "raised_on": matter.raised_on.isoformat(),
    }


def apply_header(matter: Matter, details: dict[str, Any]) -> None:
    for key in ("title", "category", "amount_fen", "source_detail"):
        setattr(matter, key, details[key])


def suggestion_entry(step: StepInfo, data: SuggestionInput, source: str, today: date, _prev: Any) -> NewEntry:
    c = Checker()
    day = _day(c, "matter_raised_on", data.raised_on, today)
    by = clean_text(data.by)
    text = _required(c, "suggestion_text", data.text)
    c.raise_if_any()
    return NewEntry(
        kind=ENTRY_STEP,
        step_position=step.position,
        step_title=step.title,
        event_date=day,
        text=text,
        details={"source": source, "by": by},
        outcome=OUTCOME_PASSED,
    )


def meeting_entry(
    s: Session,
    step: StepInfo,
    data: MeetingInput,
    stored: list[StoredAttachment],
    today: date,
    prev: tuple[str, date | None],
) -> tuple[NewEntry, quorum.Verdict]:
    c = Checker()
    held = _day(c, "meeting_date", data.held_on, today)
    prev_title, prev_date = prev
    if held and prev_date and held < prev_date:
        what = f"上一步“{prev_title}”的日期" if prev_title else "事项提出日期"
        c.fail("meeting_date", f"不能早于{what} {prev_date.isoformat()}")
    place = _required(c, "meeting_place", data.place)
    host = _required(c, "meeting_host", data.host, name=True)
    recorder = clean_name(data.recorder)
    counts = [
        c.run(f, parse_count, v)
        for f, v in (("yes_votes", data.yes), ("no_votes", data.no), ("abstain_votes", data.abstain))
    ]
    decided = _required(c, "decided_text", data.decided_text)
    c.raise_if_any()
    assert held is not None
    seats = attendance.should_attend(s, step.rule_id, held)
    if not seats:
        r = quorum.rule(step.rule_id)
        raise RefusedError(
            f"{held.isoformat()} 的名册中没有{r.seat_words}，无法登记{r.body}：请先登记{r.seat_words}名单"
            "（村民代表、监委会成员在“村民代表、监委会名单”中登记；支委、两委成员在村干部名单中登记）"
        )
    on_list = {seat.key for seat in seats}
    ticked = {tuple(k) for k in data.present}
    strangers = ticked - on_list
    if strangers:
        raise ValidationError(
            [FieldError("present", "实到", f"有 {len(strangers)} 人不在 {held.isoformat()} 的应到名单中，请重新勾选")]
        )
    yes, no, abstain = (int(x or 0) for x in counts)
    verdict = quorum.evaluate(step.rule_id, len(seats), len(ticked), yes, no, abstain)
    entry = NewEntry(
        kind=ENTRY_STEP,
        step_position=step.position,
        step_title=step.title,
        rule_id=step.rule_id,
        event_date=held,
        place=place,
        host=host,
        recorder=recorder,
        should_attend=verdict.should,
        attended=verdict.present,
        yes_votes=yes,
        no_votes=no,
        abstain_votes=abstain,
        outcome=OUTCOME_PASSED if verdict.passed else OUTCOME_FAILED,
        failure=verdict.failure,
        text=decided,
        details={"need_present": verdict.need_present, "need_yes": verdict.need_yes, "body": verdict.rule.body},
        ticks=[(seat.kind, seat.id, seat.name, seat.role, seat.key in ticked) for seat in seats],
        attachments=stored,
    )
    return entry, verdict


def disposition_entry(
    steps: list[StepInfo], failed_position: int | None, d: Disposition, default_on: date, today: date
) -> NewEntry:
    c = Checker()
    reason = _required(c, "disposal_reason", d.reason)
    on = _day(c, "meeting_date", d.on, today, required=False) or default_on
    if d.back_to is not None:
        meetings = {st.position: st for st in steps if st.kind in (KIND_MEETING, KIND_SUGGESTION)}
        if d.back_to not in meetings or (failed_position is not None and d.back_to > failed_position):
            c.fail("back_to", "只能退回到未通过的这一步或更早的议事步骤")
    c.raise_if_any()
    if d.back_to is None:
        return NewEntry(kind=ENTRY_ENDED, event_date=on, text=reason, details={"failed_position": failed_position})
    title = next(st.title for st in steps if st.position == d.back_to)
    return NewEntry(
        kind=ENTRY_SENT_BACK,
        event_date=on,
        text=reason,
        step_position=d.back_to,
        step_title=title,
        details={"back_to": d.back_to, "failed_position": failed_position},
    )


def notice_entry(
    s: Session, matter: Matter, step: StepInfo, st: MatterState, data: NoticeInput, today: date
) -> NewEntry:
    c = Checker()
    posted = _day(c, "notice_posted_on", data.posted_on, today)
    days = c.run("notice_days", parse_count, data.days if data.days not in (None, "") else DEFAULT_POSTING_DAYS)
    if days is not None and not 1 <= days <= MAX_POSTING_DAYS:
        c.fail("notice_days", f"应在 1 到 {MAX_POSTING_DAYS} 天之间")
    place = clean_text(data.place) or DEFAULT_NOTICE_PLACE
    phone = c.run("notice_phone", clean_phone, data.phone)
    details: dict[str, Any] = {}
    if step.kind == KIND_RESOLUTION_NOTICE:
        if posted and st.resolved_on and posted < st.resolved_on:
            c.fail("notice_posted_on", f"不能早于决议日期 {st.resolved_on.isoformat()}")
        decided = max(
            (e for e in st.passed.values() if e.kind in (ENTRY_STEP, ENTRY_CORRECTION)), key=lambda e: e.step_position
        )
        text = clean_text(data.text) or decided.text
        meeting = decided
        details.update(
            {
                "meeting": meeting.step_title,
                "meeting_date": meeting.event_date.isoformat() if meeting.event_date else "",
                "votes": [
                    meeting.should_attend,
                    meeting.attended,
                    meeting.yes_votes,
                    meeting.no_votes,
                    meeting.abstain_votes,
                ],
            }
        )
    else:
        if st.accepted_on is None:
            raise RefusedError(f"事项 {matter.number} 尚未登记竣工验收，不能公开实施结果")
        if posted and posted < st.accepted_on:
            c.fail("notice_posted_on", f"不能早于验收日期 {st.accepted_on.isoformat()}")
        text = clean_text(data.text) or f"{matter.title}已实施完毕并通过验收。"
        details.update(
            {
                "amount_spent_fen": st.amount_spent_fen,
                "contractor": st.contractor,
                "completed_on": st.completed_on.isoformat() if st.completed_on else "",
                "accepted_on": st.accepted_on.isoformat(),
            }
        )
    c.raise_if_any()
    assert posted is not None and days is not None
    if not phone:
        village = s.get(Village, matter.village_id)
        phone = village.supervision_phone if village else ""
    details.update({"days": days, "phone": phone, "ends_on": posting_end(posted, days).isoformat()})
    return NewEntry(
        kind=ENTRY_STEP,
        step_position=step.position,
        step_title=step.title,
        event_date=posted,
        place=place,
        text=text,
        outcome=OUTCOME_PASSED,
        details=details,
    )


def progress_entry(matter: Matter, st: MatterState, data: ProgressInput, today: date, *, gate: bool = True) -> NewEntry:
    if gate:
        if st.state not in (STATE_POSTED, STATE_COMPLETED):
            raise RefusedError(f"事项 {matter.number} 尚未决议公开（当前：{st.stage}），不能登记实施情况")
        if st.posting_ends_on and _parsed(data.on) and _parsed(data.on) <= st.posting_ends_on:  # type: ignore[operator]
            raise RefusedError(f"决议公示期至 {st.posting_ends_on.isoformat()} 结束，公示期满后方可实施")
        if st.open_objections:
            raise RefusedError(f"尚有 {st.open_objections} 条异议未答复，答复后方可实施")
    c = Checker()
    on = _day(c, "progress_date", data.on, today)
    text = _required(c, "progress_text", data.text)
    spent = c.run("amount_spent", parse_amount, data.amount_spent)
    contractor = clean_text(data.contractor)
    completed = _day(c, "completed_on", data.completed_on, today, required=False)
    accepted = _day(c, "accepted_on", data.accepted_on, today, required=False)
    done = completed or st.completed_on
    if accepted and done is None:
        c.fail("accepted_on", f"请先登记{'完工日期'}")
    if accepted and done and accepted < done:
        c.fail("accepted_on", f"不能早于完工日期 {done.isoformat()}")
    c.raise_if_any()
    details: dict[str, Any] = {"amount_spent_fen": spent, "contractor": contractor}
    details["completed_on"] = completed.isoformat() if completed else ""
    details["accepted_on"] = accepted.isoformat() if accepted else ""
    return NewEntry(kind=ENTRY_PROGRESS, event_date=on, text=text, details=details)


def _parsed(value: Any) -> date | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


def objection_entry(
    matter: Matter, st: MatterState, data: ObjectionInput, today: date, *, gate: bool = True
) -> NewEntry:
    c = Checker()
    on = _day(c, "objection_date", data.received_on, today)
    who = _required(c, "objection_from", data.from_name, name=True)
    text = _required(c, "objection_text", data.text)
    c.raise_if_any()
    assert on is not None
    notice = "决议公开"
    if gate:
        windows = [
            ("实施结果公开", st.result_posted_on, st.result_posting_ends_on),
            ("决议公开", st.posted_on, st.posting_ends_on),
        ]
        for name, start, end in windows:
            if start and end and start <= on <= end:
                notice = name
                break
        else:
            if st.posted_on is None:
                raise RefusedError(f"事项 {matter.number} 尚未公开，没有可提出异议的公示")
            raise RefusedError(f"异议应在公示期内提出：决议公示期为 {st.posted_on.isoformat()} 至 {st.posting_ends_on}")
    return NewEntry(kind=ENTRY_OBJECTION, event_date=on, text=text, details={"from": who, "notice": notice})


def answer_entry(objection: LogEntry, data: AnswerInput, today: date) -> NewEntry:
    c = Checker()
    on = _day(c, "answer_date", data.answered_on, today)
    by = _required(c, "answer_by", data.by, name=True)
    text = _required(c, "answer_text", data.text)
    if on and objection.event_date and on < objection.event_date:
        c.fail("answer_date", f"不能早于收到异议的日期 {objection.event_date.isoformat()}")
    c.raise_if_any()
    return NewEntry(kind=ENTRY_ANSWER, event_date=on, text=text, answers_id=objection.id, details={"by": by})


def root_of(s: Session, entry: LogEntry) -> LogEntry:
    while entry.kind == ENTRY_CORRECTION and entry.corrects_id is not None:
        parent = s.get(LogEntry, entry.corrects_id)
        if parent is None:
            break
        entry = parent
    return entry


def correction_entry(
    s: Session,
    matter: Matter,
    steps: list[StepInfo],
    original: LogEntry,
    target: LogEntry,
    replacement: Any,
    stored: list[StoredAttachment],
    today: date,
) -> NewEntry:
    """The corrected values as a full entry, validated like the original kind."""
    from govdesk.decisions import ledger

    st = ledger.replay(steps, [e for e in ledger.entries_of(s, matter.id) if e.seq < original.seq])
    if original.kind == ENTRY_OPENED:
        if not isinstance(replacement, MatterInput):
            raise TypeError("立项更正需要 MatterInput")
        c = Checker()
        title = _required(c, "matter_title", replacement.title)
        amount = c.run("matter_amount", parse_amount, replacement.amount)
        c.raise_if_any()
        d = {**details_of(target), "title": title, "amount_fen": amount}
        d["category"] = clean_text(replacement.category)
        d["source_detail"] = clean_text(replacement.source_detail)
        return NewEntry(kind=ENTRY_OPENED, event_date=target.event_date, text=title, details=d)
    if original.kind == ENTRY_STEP:
        step = next(x for x in steps if x.position == original.step_position)
        if step.kind == KIND_SUGGESTION:
            return suggestion_entry(step, replacement, matter.source, today, None)
        if step.kind == KIND_MEETING:
            prev = ("", None)
            return meeting_entry(s, step, replacement, stored, today, prev)[0]
        return notice_entry(s, matter, step, st, replacement, today)
    if original.kind == ENTRY_PROGRESS:
        return progress_entry(matter, st, replacement, today, gate=False)
    if original.kind == ENTRY_OBJECTION:
        return objection_entry(matter, st, replacement, today, gate=False)
    if original.kind == ENTRY_ANSWER:
        objection = s.get(LogEntry, original.answers_id)
        if objection is None:
            raise NotFoundError("找不到所答复的异议")
        return answer_entry(objection, replacement, today)
    raise RefusedError(f"“{original.kind}”记录不能更正")


__all__ = ["ENTRY_ENDED", "ENTRY_SENT_BACK", "KIND_RESULT_NOTICE"]
