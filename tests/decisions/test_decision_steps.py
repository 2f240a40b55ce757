"""Recording a matter step by step: order, failed votes, corrections, disclosures, implementation."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from govdesk import paths
from govdesk.decisions.inputs import (
    AnswerInput,
    Disposition,
    MatterInput,
    MeetingInput,
    NoticeInput,
    ObjectionInput,
    ProgressInput,
)
from govdesk.decisions.state import (
    STATE_COMPLETED,
    STATE_DELIBERATING,
    STATE_DONE,
    STATE_ENDED,
    STATE_FAILED,
    STATE_POSTED,
    STATE_RESOLVED,
)
from govdesk.errors import RefusedError, ValidationError
from govdesk.services.decisions import DecisionService
from tests.conftest import DEMO_TODAY
from tests.decisions.conftest import meeting, new_matter

T = DEMO_TODAY


def d(days_ago: int):  # noqa: ANN201
    return T - timedelta(days=days_ago)


def test_new_matter_records_opening_and_suggestion(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    view = svc.matter(mid)
    assert view.number == "2026-015"  # the demo village holds 2026-001 … 2026-014
    assert view.amount == "15,000.00 元"
    assert [h.kind for h in svc.history(mid)] == ["立项", "步骤"]
    assert view.state.state == STATE_DELIBERATING
    assert view.next_step is not None and view.next_step.title == "党组织提议"


def test_matter_fields_are_checked_with_chinese_messages(svc: DecisionService) -> None:
    with pytest.raises(ValidationError) as err:
        svc.create_matter(MatterInput("", "", "十万", "路人建议", "", "五议两公开", T + timedelta(days=1)))
    text = str(err.value)
    assert "事项名称：不能为空" in text and "事项来源" in text and "涉及金额" in text and "不能晚于今天" in text


def test_a_step_cannot_come_before_the_previous_one_passed(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    data = MeetingInput(d(20), "村部", "张三", "", [], 0, 0, 0, "同意")
    with pytest.raises(RefusedError, match="上一步“党组织提议”尚未登记通过"):
        svc.record_meeting(mid, 3, data)
    meeting(svc, mid, d(25))
    with pytest.raises(RefusedError, match="“党组织提议”已经通过，下一步应登记“两委商议”"):
        svc.record_meeting(mid, 1, data)


def test_meeting_date_cannot_precede_the_previous_step(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    meeting(svc, mid, d(25))
    with pytest.raises(ValidationError, match="不能早于上一步“党组织提议”的日期"):
        meeting(svc, mid, d(26))


def test_ticked_people_must_be_on_the_should_attend_list(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    data = MeetingInput(d(25), "村部", "张三", "", [("member", 1)], 1, 0, 0, "同意")
    with pytest.raises(ValidationError, match="不在 .* 的应到名单中"):
        svc.record_meeting(mid, 1, data)


def test_should_attend_and_ticks_are_stored_for_audit(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    meeting(svc, mid, d(25))
    meeting(svc, mid, d(24))
    entry_id, verdict = meeting(svc, mid, d(20), present=30, yes=20)
    entry, ticks, _ = svc.entry(entry_id)
    assert entry.should_attend == len(ticks) == verdict.should  # type: ignore[attr-defined]
    assert entry.attended == sum(t.present for t in ticks) == 30
    assert all(t.person_kind == "member" and t.role in ("正式党员", "流动党员") for t in ticks)


def test_failed_quorum_then_sent_back_both_visible(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    meeting(svc, mid, d(25))
    meeting(svc, mid, d(24))
    seats = svc.should_attend("party_members", d(20))
    need = len(seats) // 2 + 1
    _, verdict = meeting(svc, mid, d(20), present=need - 1)
    assert not verdict.passed  # type: ignore[attr-defined]
    view = svc.matter(mid)
    assert view.state.state == STATE_FAILED and view.state.stage == "党员大会审议未通过"
    with pytest.raises(RefusedError, match="请先选择退回重议或终止"):
        svc.record_meeting(mid, 4, MeetingInput(d(19), "村部", "张三", "", [], 0, 0, 0, "同意"))
    svc.dispose_failed(mid, Disposition(3, "择日重开"))
    view = svc.matter(mid)
    assert view.state.state == STATE_DELIBERATING and view.next_step.title == "党员大会审议"  # type: ignore[union-attr]
    meeting(svc, mid, d(15))
    history = svc.history(mid)
    assert [h.outcome for h in history if h.title == "党员大会审议" and h.kind == "步骤"] == ["未通过", "通过"]
    failed = next(h for h in history if h.outcome == "未通过")
    assert "差 1 人" in failed.summary
    assert any(h.kind == "退回" and "退回至“党员大会审议”" in h.summary for h in history)


def test_failed_vote_can_send_back_to_an_earlier_step(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    meeting(svc, mid, d(25))
    meeting(svc, mid, d(24), yes=1, if_failed=Disposition(1, "方案需党组织重新提议"))
    assert svc.matter(mid).next_step.title == "党组织提议"  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="只能退回到未通过的这一步或更早"):
        mid2 = new_matter(svc, d(30))
        meeting(svc, mid2, d(25), yes=1, if_failed=Disposition(4, "不对"))


def test_failed_vote_can_end_the_matter(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    meeting(svc, mid, d(25), yes=0, if_failed=Disposition(None, "支委会不同意"))
    view = svc.matter(mid)
    assert view.state.state == STATE_ENDED
    with pytest.raises(RefusedError, match="已终止"):
        svc.record_meeting(mid, 2, MeetingInput(d(20), "村部", "张三", "", [], 0, 0, 0, "同意"))
    assert [h.kind for h in svc.history(mid)][-2:] == ["步骤", "终止"]


def test_correction_is_a_new_entry_pointing_at_the_old(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    entry_id, _ = meeting(svc, mid, d(25))
    entry, ticks, _ = svc.entry(entry_id)
    fixed = MeetingInput(
        entry.event_date,
        "村委会议室",
        entry.host,
        entry.recorder,
        [(t.person_kind, t.person_id) for t in ticks if t.present],
        entry.yes_votes,
        0,
        0,
        "同意，预算 1.5 万元",
    )
    with pytest.raises(ValidationError, match="更正原因"):
        svc.correct(entry_id, "  ", fixed)
    cid = svc.correct(entry_id, "地点记错", fixed)
    history = svc.history(mid)
    old = next(h for h in history if h.entry_id == entry_id)
    new = next(h for h in history if h.entry_id == cid)
    assert old.note == f"已被第 {new.seq} 条更正" and not old.correctable
    assert new.note == f"更正第 {old.seq} 条：地点记错" and "村委会议室" in new.summary
    assert "村部会议室" in old.summary  # the old entry stays as it was
    with pytest.raises(RefusedError, match="已被第 .* 条更正"):
        svc.correct(entry_id, "再改", fixed)


def test_correction_that_flips_an_outcome_is_refused_once_later_steps_exist(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30))
    entry_id, _ = meeting(svc, mid, d(25))
    meeting(svc, mid, d(24))
    entry, ticks, _ = svc.entry(entry_id)
    flipped = MeetingInput(
        entry.event_date, "村部", "张三", "", [(t.person_kind, t.person_id) for t in ticks], 0, 0, 0, "否"
    )
    with pytest.raises(RefusedError, match="其后已有办理记录"):
        svc.correct(entry_id, "票数记错", flipped)


def _resolve(svc: DecisionService, start: int = 60) -> int:
    mid = new_matter(svc, d(start + 5))
    for i in range(4):
        meeting(svc, mid, d(start - i))
    assert svc.matter(mid).state.state == STATE_RESOLVED
    return mid


def test_resolution_notice_period_objections_and_implementation(svc: DecisionService, clock) -> None:  # noqa: ANN001
    mid = _resolve(svc)
    with pytest.raises(ValidationError, match="公示天数"):
        svc.record_notice(mid, 5, NoticeInput(d(50), 0))
    svc.record_notice(mid, 5, NoticeInput(d(50)))
    view = svc.matter(mid)
    assert view.state.state == STATE_POSTED and view.state.posting_ends_on == d(44)  # 7 days: d(50)…d(44)
    notice = svc.history(mid)[-1]
    assert "公示 7 天" in notice.summary and "0579-87654321" in notice.summary
    with pytest.raises(RefusedError, match="异议应在公示期内提出"):
        svc.record_objection(mid, ObjectionInput(d(40), "王五", "太贵"))
    oid = svc.record_objection(mid, ObjectionInput(d(46), "王五", "太贵"))
    with pytest.raises(RefusedError, match="公示期满后方可实施"):
        svc.record_progress(mid, ProgressInput(d(45), "开工"))
    with pytest.raises(RefusedError, match="1 条异议未答复"):
        svc.record_progress(mid, ProgressInput(d(40), "开工"))
    svc.answer_objection(oid, AnswerInput(d(43), "张三", "已解释"))
    with pytest.raises(RefusedError, match="已经答复"):
        svc.answer_objection(oid, AnswerInput(d(43), "张三", "再答"))
    with pytest.raises(RefusedError, match="尚未登记竣工验收"):
        svc.record_notice(mid, 6, NoticeInput(d(40)))
    svc.record_progress(mid, ProgressInput(d(40), "开工", "8000", "某工程队"))
    with pytest.raises(ValidationError, match="请先登记完工日期"):
        svc.record_progress(mid, ProgressInput(d(20), "验收", accepted_on=d(20)))
    svc.record_progress(mid, ProgressInput(d(20), "完工", "6500", completed_on=d(21), accepted_on=d(20)))
    assert svc.matter(mid).state.state == STATE_COMPLETED
    svc.record_notice(mid, 6, NoticeInput(d(10), 10, "村务公开栏", "13812345678"))
    view = svc.matter(mid)
    assert view.state.state == STATE_DONE and view.state.amount_spent_fen == 1_450_000
    assert view.state.result_posting_ends_on == d(1)
    with pytest.raises(RefusedError, match="程序已全部完成"):
        svc.record_notice(mid, 6, NoticeInput(d(1)))


def test_needs_action_figures_on_the_demo_village(svc: DecisionService) -> None:
    items = {i.number: i for i in svc.needs_action(T)}
    assert items["2026-008"].what == "已决议未公开" and items["2026-008"].days_overdue == 14
    assert items["2026-008"].overdue_text == "逾期 14 天"
    assert items["2026-003"].what == "已验收未公开结果" and items["2026-003"].days_overdue == 5
    assert items["2026-007"].what == "公示期将满" and items["2026-007"].overdue_text == "还有 1 天"
    assert items["2026-012"].what.startswith("未通过待处理") and items["2026-012"].days_overdue == 3
    assert "2026-009" not in items  # posted 3 days ago, 4 days left: nothing to do yet
    assert "2026-001" not in items and "2026-004" not in items
    later = {i.number: i for i in svc.needs_action(T + timedelta(days=5))}
    assert later["2026-007"].what == "公示期已满待实施" and later["2026-007"].days_overdue == 4
    assert later["2026-009"].what == "公示期已满待实施"


def test_attachments_are_copied_with_their_hash(svc: DecisionService, tmp_path: Path) -> None:
    scan = tmp_path / "签到表.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned sign-in sheet")
    mid = new_matter(svc, d(30))
    step = svc.matter(mid).next_step
    seats = svc.should_attend(step.rule_id, d(25))  # type: ignore[union-attr]
    data = MeetingInput(
        d(25), "村部", "张三", "", [s.key for s in seats], len(seats), 0, 0, "同意", [("签到表", str(scan))]
    )
    entry_id, _ = svc.record_meeting(mid, 1, data)
    _, _, atts = svc.entry(entry_id)
    import hashlib

    assert atts[0].sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert (paths.attachments_dir() / atts[0].stored_name).read_bytes() == scan.read_bytes()
    assert "附件：签到表“签到表.pdf”" in svc.history(mid)[-1].summary


def test_representatives_roster_on_the_meeting_date(svc: DecisionService) -> None:
    reps = svc.seats.seats("村民代表")
    before = len(svc.should_attend("representatives", T))
    svc.seats.end(reps[0].id, T - timedelta(days=10), "迁出")
    assert len(svc.should_attend("representatives", T)) == before - 1
    assert len(svc.should_attend("representatives", T - timedelta(days=11))) == before  # still on it then
    with pytest.raises(ValidationError, match="原因"):
        svc.seats.end(reps[1].id, T, "")


def test_correcting_the_opening_entry_updates_the_header_and_check_still_passes(svc: DecisionService) -> None:
    from govdesk.decisions.audit import check_decision_log

    mid = new_matter(svc, d(30))
    opening = svc.history(mid)[0]
    svc.correct(
        opening.entry_id, "名称写错", MatterInput("村口公交候车亭建设", "公益事业建设", "2万", "村民建议", "刘𠮷")
    )
    view = svc.matter(mid)
    assert view.title == "村口公交候车亭建设" and view.amount == "20,000.00 元"
    assert check_decision_log(svc.db) == []


def test_a_meeting_with_nobody_on_the_roster_is_refused_not_logged(svc: DecisionService) -> None:
    mid = new_matter(svc, d(30), procedure="五议两公开（含核议）")
    for i in range(3):
        meeting(svc, mid, d(25 - i))
    for seat in svc.seats.seats("村务监督委员会"):
        svc.seats.end(seat.id, d(30), "换届")
    count = len(svc.history(mid))
    data = MeetingInput(d(10), "村部", "张三", "", [], 0, 0, 0, "核议")
    with pytest.raises(RefusedError, match="名册中没有监委会成员"):
        svc.record_meeting(mid, 4, data)
    assert len(svc.history(mid)) == count
