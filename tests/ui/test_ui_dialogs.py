"""Record dialogs validate as the user types, refuse bad input next to the field, and save."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from govdesk import idcard
from govdesk.services.bundle import Services
from ui.dialogs.end_record_dialog import EndRecordDialog
from ui.dialogs.household_dialog import HouseholdDialog
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.resident_dialog import ResidentDialog

GOOD_ID = idcard.make_number("330784", date(1990, 1, 5), 123)  # sequence odd: male
BAD_ID = GOOD_ID[:-1] + ("0" if GOOD_ID[-1] != "0" else "1")  # same number, wrong check character


def type_into(qtbot, dialog, key: str, text: str) -> None:
    """As the user does it: the field counts as touched, validation runs after the debounce."""
    widget = dialog.widget(key)
    line = widget.lineEdit() if hasattr(widget, "lineEdit") and widget.lineEdit() else widget
    line.setFocus()
    line.clear()
    line.insert(text)
    dialog._touch(key)


def wait_validated(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog._timer.isActive(), timeout=2000)


def test_resident_dialog_refuses_a_bad_id_number_and_accepts_a_good_one(services: Services, qtbot) -> None:
    household_id = 1
    dialog = ResidentDialog(services.households, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()  # empty form
    assert dialog.error_text("name") == ""  # untouched fields are not shouted at
    type_into(qtbot, dialog, "name", "王𠮷")
    type_into(qtbot, dialog, "relation", "长子")
    type_into(qtbot, dialog, "id_number", BAD_ID)
    wait_validated(qtbot, dialog)
    assert "校验位" in dialog.error_text("id_number")
    assert not dialog.ok_button.isEnabled()

    type_into(qtbot, dialog, "id_number", GOOD_ID.lower())
    wait_validated(qtbot, dialog)
    assert dialog.error_text("id_number") == ""
    assert dialog.ok_button.isEnabled()
    assert dialog.value("sex") == "男"  # filled from the number
    assert dialog.value("birth_date") == "1990-01-05"
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    names = [r.values[0] for r in services.households.residents(household_id)]
    assert "王𠮷" in names


def test_sex_contradicting_the_number_is_shown_at_the_sex_field(services: Services, qtbot) -> None:
    dialog = ResidentDialog(services.households, 1)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog, "name", "李四")
    type_into(qtbot, dialog, "relation", "次子")
    type_into(qtbot, dialog, "id_number", GOOD_ID)
    dialog.set_combo(dialog.widget("sex"), "女")
    dialog._touch("sex")
    dialog.validate_now()
    assert "不符" in dialog.error_text("sex")
    assert not dialog.ok_button.isEnabled()


def test_duplicate_id_number_is_refused_at_the_field_and_input_kept(services: Services, qtbot) -> None:
    existing = services.members.get(1)
    dialog = MemberDialog(services.members, services.village)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "name", "赵新")
    type_into(qtbot, dialog, "id_number", existing.id_number)
    type_into(qtbot, dialog, "joined_on", "2001.7.1")
    wait_validated(qtbot, dialog)
    assert dialog.ok_button.isEnabled()  # only the database knows the number is taken
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert "已登记" in dialog.error_text("id_number")
    assert dialog.value("name") == "赵新"


def test_edit_dialog_shows_existing_values_and_saves(services: Services, qtbot) -> None:
    dialog = MemberDialog(services.members, services.village, 1)
    qtbot.addWidget(dialog)
    assert dialog.value("name") == services.members.get(1).name
    assert dialog.ok_button.isEnabled()
    type_into(qtbot, dialog, "phone", "12345")
    wait_validated(qtbot, dialog)
    assert "手机号" in dialog.error_text("phone")
    type_into(qtbot, dialog, "phone", "13800001111")
    wait_validated(qtbot, dialog)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.members.get(1).phone == "13800001111"


def test_household_dialog_requires_a_unique_number(services: Services, qtbot) -> None:
    taken = services.households.get(1).number
    dialog = HouseholdDialog(services.households, services.village)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog, "number", taken)
    wait_validated(qtbot, dialog)
    dialog.ok_button.click()
    assert "已存在" in dialog.error_text("number")
    type_into(qtbot, dialog, "number", "9990001")
    wait_validated(qtbot, dialog)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_id


def test_end_dialog_needs_a_reason_and_refuses_a_future_date(qtbot) -> None:
    calls: list[tuple[date | None, str]] = []
    dialog = EndRecordDialog("居民 张三", lambda on, reason: calls.append((on, reason)))
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog, "ended_on", "2999-01-01")
    type_into(qtbot, dialog, "end_reason", "迁出")
    wait_validated(qtbot, dialog)
    assert "晚于今天" in dialog.error_text("ended_on")
    type_into(qtbot, dialog, "ended_on", "2026年3月1日")
    wait_validated(qtbot, dialog)
    dialog.ok_button.click()
    assert calls == [(date(2026, 3, 1), "迁出")]


@pytest.fixture
def accept_with(monkeypatch: pytest.MonkeyPatch):
    """Replace a tab's modal ``run_dialog`` by: fill these fields, press 确定."""

    def install(tab, fields: dict[str, str]) -> list[QDialog]:
        seen: list[QDialog] = []

        def run(dialog: QDialog) -> bool:
            seen.append(dialog)
            for key, text in fields.items():
                type_into(None, dialog, key, text)
            dialog.validate_now()
            dialog.ok_button.click()
            return dialog.result() == QDialog.DialogCode.Accepted

        monkeypatch.setattr(tab, "run_dialog", run)
        return seen

    return install


def test_new_member_row_appears_in_the_list(members_tab, accept_with, window, qtbot) -> None:
    before = members_tab.model.rowCount()
    accept_with(members_tab, {"name": "钱䶮", "id_number": GOOD_ID, "joined_on": "2010-07-01"})
    members_tab.add_member()
    assert members_tab.model.rowCount() == before + 1
    qtbot.waitUntil(lambda: f"党员 {before + 1} 人" in window.counts_label.text(), timeout=5000)
    members_tab.search.setText("䶮")
    members_tab._apply_search()
    assert "钱䶮" in [
        members_tab.model.data(members_tab.model.index(r, 0)) for r in range(members_tab.model.rowCount())
    ]


def test_ending_a_member_hides_it_from_the_default_list(members_tab, accept_with) -> None:
    model = members_tab.model
    before = model.rowCount()
    members_tab.table.selectRow(0)
    member_id = members_tab.current_id()
    accept_with(members_tab, {"end_reason": "转出"})
    members_tab.end_current()
    assert model.rowCount() == before - 1
    assert member_id not in [model.row_id(r) for r in range(model.rowCount())]
    members_tab.show_ended.setChecked(True)
    assert member_id in [model.row_id(r) for r in range(model.rowCount())]


def test_resident_added_and_ended_in_the_households_pane(households_tab, accept_with, window) -> None:
    households_tab.table.selectRow(0)
    pane = households_tab.residents
    before = pane.model.rowCount()
    count_col = [c.key for c in households_tab.model.columns].index("resident_count")
    accept_with(households_tab, {"name": "孙堉", "relation": "孙子", "id_number": GOOD_ID})
    pane.add_resident()
    assert pane.model.rowCount() == before + 1
    assert households_tab.current_id() == pane.household_id  # the household stays selected
    assert households_tab.model.data(households_tab.model.index(0, count_col)) == str(before + 1)
    row = [pane.model.data(pane.model.index(r, 0)) for r in range(pane.model.rowCount())].index("孙堉")
    pane.table.selectRow(row)
    accept_with(households_tab, {"end_reason": "迁出"})
    pane.end_current()
    assert "孙堉" not in [pane.model.data(pane.model.index(r, 0)) for r in range(pane.model.rowCount())]
    assert households_tab.model.data(households_tab.model.index(0, count_col)) == str(before)


def test_ending_a_household_ends_its_residents_and_hides_it(  # type: ignore[no-untyped-def]
    households_tab, accept_with, services, window, qtbot
) -> None:
    model = households_tab.model
    before = model.rowCount()
    households_tab.table.selectRow(1)
    household_id = households_tab.current_id()
    end_button = households_tab.actions_bar.itemAt(households_tab.actions_bar.count() - 1).widget()
    assert end_button.text() == "注销" and end_button.isEnabled()
    accept_with(households_tab, {"end_reason": "整户迁出"})
    households_tab.end_current()
    assert model.rowCount() == before - 1
    assert all(r.ended for r in services.households.residents(household_id))
    qtbot.waitUntil(lambda: f"农户 {before - 1} 户" in window.counts_label.text(), timeout=5000)
    households_tab.show_ended.setChecked(True)
    row = [model.row_id(r) for r in range(model.rowCount())].index(household_id)
    households_tab.table.selectRow(row)
    assert not end_button.isEnabled()  # an ended record cannot be ended again
    assert "已注销" in households_tab.residents.title.text()
