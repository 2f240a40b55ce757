"""The decisions tab and its dialogs (pytest-qt, offscreen): models, the live quorum line, a whole matter."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from govdesk.decisions.state import STATE_DONE, STATE_ENDED
from tests.conftest import DEMO_TODAY
from ui.dialogs.decision_entries import MatterDialog, NoticeDialog, ProgressDialog, SuggestionDialog
from ui.dialogs.decision_meeting import MeetingDialog
from ui.dialogs.decision_models import ActionModel, HistoryModel, MatterListModel

T = DEMO_TODAY


def test_models_pass_qtmodeltester(tab, qtmodeltester) -> None:  # noqa: ANN001
    assert isinstance(tab.model, MatterListModel) and tab.model.rowCount() == 15  # with 2025-001 (评先评优)
    qtmodeltester.check(tab.model)
    assert isinstance(tab.actions_model, ActionModel) and tab.actions_model.rowCount() == 4
    qtmodeltester.check(tab.actions_model)
    tab.show_matter(tab.svc.find("2026-009"))
    assert isinstance(tab.history_model, HistoryModel) and tab.history_model.rowCount() > 5
    qtmodeltester.check(tab.history_model)


def test_needs_action_panel_shows_days_overdue(tab) -> None:  # noqa: ANN001
    cells = [[tab.actions_model.index(r, c).data() for c in range(5)] for r in range(tab.actions_model.rowCount())]
    assert cells[0][0] == "2026-008" and cells[0][4] == "逾期 14 天"
    assert ["2026-007", "村庄绿化提升工程", "公示期将满", "2026-11-24", "还有 1 天"] in cells
    assert "逾期 3 项" in tab.actions_box.title()


def test_list_filters_and_detail_follows_selection(tab) -> None:  # noqa: ANN001
    tab.search.setText("光伏")
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    assert tab.current.number == "2026-006"
    assert tab.next_button.text() == "登记：村民代表会议决议" and tab.next_button.isEnabled()
    assert "差 1 人" in tab.history_model.index(4, 3).data()
    tab.search.setText("")
    tab.state_filter.setCurrentIndex(tab.state_filter.findData("未通过待处理"))
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    assert tab.dispose_button.isEnabled() and not tab.next_button.isEnabled()


def test_live_quorum_line_follows_ticks_and_votes(tab, qtbot) -> None:  # noqa: ANN001
    tab.show_matter(tab.svc.find("2026-006"))  # waiting for the representatives' meeting
    dlg = tab.next_dialog()
    qtbot.addWidget(dlg)
    assert isinstance(dlg, MeetingDialog)
    n = len(dlg.seats)
    need = -(-2 * n // 3)
    assert dlg.figures_label.text() == f"应到 {n} 人 · 实到 0 人 · 需 ≥ {need} 人"
    dlg.set_present([s.key for s in dlg.seats[: need - 1]])
    assert dlg.figures_label.text() == f"应到 {n} 人 · 实到 {need - 1} 人 · 需 ≥ {need} 人"
    assert "不足应到" in dlg.verdict_label.text() and "差 1 人" in dlg.verdict_label.text()
    # one more tick by hand, as a clerk would click it
    item = dlg.tick_model.item(need - 1)
    item.setCheckState(Qt.CheckState.Checked)
    assert f"实到 {need} 人" in dlg.figures_label.text()
    half = need // 2
    dlg.yes.setValue(half)
    assert "未超过实到" in dlg.verdict_label.text()
    dlg.yes.setValue(half + 1)
    assert dlg.verdict_label.text().startswith("符合议事规则：表决通过")
    dlg.no.setValue(need)  # votes now exceed those present: an input error, said at once
    assert "超过实到" in dlg.verdict_label.text()


def test_failed_meeting_recorded_and_sent_back_from_the_dialog(tab, qtbot) -> None:  # noqa: ANN001
    tab.show_matter(tab.svc.find("2026-006"))
    dlg = tab.next_dialog()
    qtbot.addWidget(dlg)
    dlg.host.setText("蔡玲艳")
    dlg.decided.setPlainText("表决光伏电站建设方案")
    dlg.set_present([s.key for s in dlg.seats[:5]])
    dlg.dispose_now.setChecked(True)
    dlg.picker.end.setChecked(True)
    dlg.dispose_reason.setText("代表到会不足且多数反对，终止")
    dlg.accept()
    assert dlg.result() == dlg.DialogCode.Accepted and not dlg.last_verdict.passed
    tab.refresh()
    assert tab.current.state.state == STATE_ENDED
    assert [tab.history_model.index(r, 2).data() for r in range(tab.history_model.rowCount())][-1] == "终止"


def test_errors_stay_in_the_dialog_under_their_field(tab, qtbot) -> None:  # noqa: ANN001
    dlg = MatterDialog(tab.svc, tab)
    qtbot.addWidget(dlg)
    dlg.amount.setText("很多")
    dlg.accept()
    assert dlg.result() != dlg.DialogCode.Accepted
    assert dlg.error_text("matter_title") == "不能为空"
    assert "无法识别的金额" in dlg.error_text("matter_amount")


def _accept(dlg, qtbot) -> None:  # noqa: ANN001
    qtbot.addWidget(dlg)
    dlg.accept()
    assert dlg.result() == dlg.DialogCode.Accepted, dlg.error.text() + str(
        [(k, dlg.error_text(k)) for k in dlg._error_labels if dlg.error_text(k)]
    )


def test_a_matter_from_suggestion_to_result_notice_in_the_window(tab, qtbot) -> None:  # noqa: ANN001
    """The whole path a clerk takes, through the same dialogs the buttons open."""
    start = T - timedelta(days=60)
    new = MatterDialog(tab.svc, tab)
    new.raised.setDate(start)
    new.title_edit.setText("村口公交候车亭建设")
    new.amount.setText("3.8万")
    new.detail.setPlainText("村民刘𠮷：村口无候车亭，雨天候车难")
    _accept(new, qtbot)
    tab.refresh()
    tab._select_new(new.result_id)
    tab.show_matter(new.result_id)
    assert tab.current.number == "2026-015" and tab.next_button.text() == "登记：党组织提议"
    day = start
    for _ in range(4):  # 提议, 商议, 审议, 决议
        day += timedelta(days=5)
        dlg = tab.next_dialog()
        assert isinstance(dlg, MeetingDialog)
        dlg.day.setDate(day)
        dlg.host.setText("蔡玲艳")
        dlg.decided.setPlainText("同意建设村口公交候车亭")
        dlg.set_all(True)
        dlg.yes.setValue(len(dlg.seats))
        _accept(dlg, qtbot)
        tab.refresh()
    assert tab.current.state.state == "已决议待公开"
    day += timedelta(days=1)
    notice = tab.next_dialog()
    assert isinstance(notice, NoticeDialog) and notice.days.value() == 7
    notice.posted.setDate(day)
    _accept(notice, qtbot)
    tab.refresh()
    assert tab.objection_button.isEnabled()
    prog = ProgressDialog(tab.svc, tab.current, tab)
    prog.day.setDate(day + timedelta(days=10))
    prog.text.setPlainText("候车亭建成")
    prog.spent.setText("36500")
    prog.contractor.setText("桃源镇鑫安建筑队")
    prog.completed_box.setChecked(True)
    prog.completed.setDate(day + timedelta(days=10))
    prog.accepted_box.setChecked(True)
    prog.accepted.setDate(day + timedelta(days=10))
    _accept(prog, qtbot)
    tab.refresh()
    assert tab.next_button.text() == "登记：实施结果公开" and tab.next_button.isEnabled()
    result = tab.next_dialog()
    result.posted.setDate(day + timedelta(days=12))
    _accept(result, qtbot)
    tab.refresh()
    assert tab.current.state.state == STATE_DONE
    assert tab.next_button.text() == "程序已完成" and not tab.next_button.isEnabled()
    assert isinstance(SuggestionDialog, type)


def test_correction_from_the_history(tab, qtbot) -> None:  # noqa: ANN001
    tab.show_matter(tab.svc.find("2026-013"))
    rows = tab.history_model.items
    target = next(i for i, h in enumerate(rows) if h.title == "党组织提议")
    tab.history.selectRow(target)
    assert tab.correct_button.isEnabled()
    dlg = tab.correction_dialog(rows[target].entry_id)
    qtbot.addWidget(dlg)
    assert isinstance(dlg, MeetingDialog) and dlg.windowTitle().startswith("更正：")
    assert len(dlg.present_keys()) == tab.svc.entry(rows[target].entry_id)[0].attended
    dlg.place.setText("村委会二楼会议室")
    dlg.reason.setPlainText("会议地点记错")
    _accept(dlg, qtbot)
    tab.refresh()
    notes = [h.note for h in tab.history_model.items]
    assert any(n.startswith("已被第") for n in notes) and any("会议地点记错" in n for n in notes)


def test_seats_dialog_adds_and_ends_a_representative(tab, qtbot) -> None:  # noqa: ANN001
    from ui.dialogs.decision_seats import SeatsDialog

    dlg = SeatsDialog(tab.svc.seats, T, tab)
    qtbot.addWidget(dlg)
    before = dlg.model.rowCount()
    assert before > 20 and "现任" in dlg.count.text()
    name = tab.svc.seats.resident_choices("王")[0].name
    dlg.search.setText(name)
    assert dlg.found.count() >= 1
    dlg.add_selected()
    assert dlg.error.text() == "" and dlg.model.rowCount() == before + 1
    dlg.add_selected()
    assert "已在村民代表名单中" in dlg.error.text()
    dlg.table.selectRow(0)
    dlg.end_reason.setText("换届")
    dlg.end_selected()
    assert dlg.model.rowCount() == before


def test_print_menu_previews_the_resolution_notice(tab, qtbot) -> None:  # noqa: ANN001
    from ui.dialogs.decision_print import print_matter

    tab.show_matter(tab.svc.find("2026-009"))
    assert tab.print_button.isEnabled()
    tab.print_menu.aboutToShow.emit()
    enabled = {a.text(): a.isEnabled() for a in tab.print_menu.actions() if a.text()}
    assert enabled["决议公告（决议公开）…"] and not enabled["实施结果公告…"] and enabled["议事登记表（存档用）…"]
    request = print_matter(tab, "resolution")
    qtbot.waitUntil(lambda: request.dialog is not None or request.error is not None, timeout=20_000)
    assert request.error is None
    assert "集体山林承包经营权流转的决议公告" in request.dialog.title
    assert request.dialog.pdf.startswith(b"%PDF")
    request.dialog.close()


def test_tick_list_follows_the_meeting_date(tab, qtbot) -> None:  # noqa: ANN001
    tab.show_matter(tab.svc.find("2026-011"))  # waiting for the members' meeting
    dlg = tab.next_dialog()
    qtbot.addWidget(dlg)
    today_count = len(dlg.seats)
    dlg.set_all(True)
    dlg.day.setDate(T - timedelta(days=3650))  # ten years ago: fewer full members had a vote then
    assert len(dlg.seats) < today_count
    assert len(dlg.present_keys()) == len(dlg.seats)  # ticks kept for the people still on the list
    assert dlg.figures_label.text().startswith(f"应到 {len(dlg.seats)} 人 · 实到 {len(dlg.seats)} 人")


def test_failed_vote_waiting_is_sent_back_from_the_tab(tab, qtbot) -> None:  # noqa: ANN001
    from ui.dialogs.decision_entries import DispositionDialog

    tab.show_matter(tab.svc.find("2026-012"))
    assert tab.dispose_button.isEnabled()
    dlg = DispositionDialog(tab.svc, tab.current, tab)
    dlg.reason.setPlainText("方案修改后重新商议")
    _accept(dlg, qtbot)
    tab.refresh()
    assert tab.current.state.state == "审议中" and tab.next_button.text() == "登记：两委商议"
