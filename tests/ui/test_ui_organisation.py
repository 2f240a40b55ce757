"""设置 → 村和组织 and the first run: a new user sets up a village from an empty database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit

from govdesk.db import Database
from govdesk.models.org import ORG_BRANCH, ORG_GROUP
from govdesk.services.bundle import Services
from govdesk.services.village import VillageInput
from ui.dialogs.common import DateField
from ui.dialogs.forms import FormDialog
from ui.dialogs.org_models import unit_tree_model
from ui.dialogs.organisation_dialog import LATER_HINT, OrganisationDialog
from ui.list_model import ROW_ID_ROLE, ListTableModel


@pytest.fixture
def empty_window(db: Database, qtbot, no_modal) -> Iterator:  # type: ignore[no-untyped-def]
    from ui.app import application
    from ui.main_window import MainWindow

    application()
    win = MainWindow(Services.open(db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    yield win
    win.jobs.shutdown()


def fill(dialog: FormDialog, **values: str) -> None:
    for key, text in values.items():
        widget = dialog.widget(key)
        if isinstance(widget, QLineEdit | DateField):
            widget.setText(text)
        else:
            widget.setEditText(text)  # type: ignore[attr-defined]


def filler(**values: str) -> Callable[[QDialog], bool]:
    """A run_dialog stand-in: fill the form, press 确定, report whether it closed accepted."""

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, FormDialog)
        fill(dialog, **values)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    return run


def first_run(win, qtbot):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: win.first_run_dialog is not None, timeout=2000)
    return win.first_run_dialog


def test_first_run_asks_for_the_village_and_updates_the_title(empty_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = first_run(empty_window, qtbot)
    assert dialog.windowTitle() == "初次使用：填写村的信息"
    assert "未设置村名" in empty_window.windowTitle()
    dialog.accept()  # empty name: refused next to the field, dialog stays open
    assert dialog.error_text("village") == "不能为空"
    assert dialog.isVisible()
    fill(dialog, village="竂堉村", township="石门镇", village_phone="12345")
    dialog.accept()
    assert "手机号" in dialog.error_text("village_phone")
    fill(dialog, village_phone="0730-1234567")
    dialog.accept()
    assert not dialog.isVisible()
    assert empty_window.windowTitle() == "govdesk — 竂堉村"
    assert "设置 → 村和组织" in empty_window.statusBar().currentMessage()


def test_first_run_cancelled_still_opens_and_says_how(empty_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    first_run(empty_window, qtbot).reject()
    assert empty_window.isVisible()
    assert empty_window.statusBar().currentMessage() == LATER_HINT
    menus = [a.text() for a in empty_window.menuBar().actions()]
    assert "设置(&S)" in menus


def test_demo_window_has_no_first_run(window) -> None:  # type: ignore[no-untyped-def]
    assert window.first_run_dialog is None


def test_set_up_everything_then_add_a_household(empty_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first_run(empty_window, qtbot).reject()
    services: Services = empty_window.services
    dlg = empty_window.open_organisation()
    assert isinstance(dlg, OrganisationDialog)

    # 村的信息
    dlg.run_dialog = filler(village="青山村", county="平江县")
    dlg.village_page.edit()
    assert dlg.village_page.values["village"].text() == "青山村"

    # 党组织: a branch at the top, a Party group under it
    dlg.run_dialog = filler(unit_name="第一党支部")
    dlg.party_page.add_branch()
    assert dlg.party_page.selected() is not None and dlg.party_page.selected().kind == ORG_BRANCH
    dlg.run_dialog = filler(unit_name="第一党小组")
    dlg.party_page.add_group()
    units = services.organisation.units()
    assert [(u.kind, u.name) for u in units] == [(ORG_BRANCH, "第一党支部"), (ORG_GROUP, "第一党小组")]
    assert units[1].parent_id == units[0].id

    # 村民小组 and 网格; a bad phone is refused in Chinese and nothing is written
    dlg.run_dialog = filler(group_name="第一村民小组", leader_name="张三", leader_phone="138")
    dlg.groups_page.add()
    assert services.organisation.villager_groups() == []
    dlg.run_dialog = filler(group_name="第一村民小组", leader_name="张三", leader_phone="13800138000")
    dlg.groups_page.add()
    dlg.run_dialog = filler(grid_name="第一网格", leader_name="李四")
    dlg.grids_page.add()
    assert [g.name for g in services.organisation.grids()] == ["第一网格"]

    # 村干部: the committee boxes are required
    seen: list[str] = []

    def cadre(dialog: QDialog) -> bool:
        fill(dialog, name="王五", cadre_post="党支部书记、村委会主任", phone="13900139000")  # type: ignore[arg-type]
        dialog.accept()
        seen.append(dialog.error_text("committees"))  # type: ignore[attr-defined]
        dialog.branch_check.setChecked(True)  # type: ignore[attr-defined]
        dialog.village_check.setChecked(True)  # type: ignore[attr-defined]
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    dlg.run_dialog = cadre
    dlg.cadre_page.add()
    assert seen == ["至少选择支委会或村委会之一"]
    rows = services.organisation.cadre_rows()
    assert [(r.name, r.on_branch_committee, r.on_village_committee) for r in rows] == [("王五", True, True)]
    assert dlg.cadre_page.model.rowCount() == 1
    assert dlg.changed
    dlg.close()
    qtbot.waitUntil(lambda: empty_window.windowTitle() == "govdesk — 青山村", timeout=2000)

    # the member form and the 党员 tab's filter offer the new branch and group
    from ui.dialogs.member_dialog import MemberDialog

    member_form = MemberDialog(services.members, services.village, None, empty_window)
    branch_combo = member_form.widget("branch_id")
    assert branch_combo.itemText(1) == "第一党支部"  # type: ignore[attr-defined]
    branch_combo.setCurrentIndex(1)  # type: ignore[attr-defined]
    assert member_form.widget("party_group_id").itemText(1) == "第一党小组"  # type: ignore[attr-defined]
    member_form.reject()
    members_filter = empty_window.select_area("党员")._filters["branch_id"]
    assert members_filter.itemText(1) == "第一党支部"

    # the duty roster now offers the new cadre
    roster = empty_window.select_area("值班")
    assert [c.name for c in roster.view.cadres] == ["王五"]

    # the 农户 tab sees the new groups and can add a household on what was an empty database
    households = empty_window.select_area("农户")
    combo = households._filters["villager_group_id"]
    assert [combo.itemText(i) for i in range(combo.count())][1:] == ["第一村民小组"]
    from ui.dialogs.household_dialog import HouseholdDialog

    dialogs: list[HouseholdDialog] = []

    def run_household(dialog: QDialog) -> bool:
        dialogs.append(dialog)  # type: ignore[arg-type]
        fill(dialog, number="0001", address="青山村一组 1 号")  # type: ignore[arg-type]
        combo = dialog.widget("villager_group_id")  # type: ignore[attr-defined]
        combo.setCurrentIndex(combo.findText("第一村民小组"))
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(households, "run_dialog", run_household)
    households.add_household()
    assert dialogs and dialogs[0].saved_id is not None
    assert services.households.counts()[0] == 1


def test_end_cadre_and_rename_in_demo(services: Services, qtbot, no_modal) -> None:  # type: ignore[no-untyped-def]
    dlg = OrganisationDialog(services.village, services.organisation)
    qtbot.addWidget(dlg)
    page = dlg.cadre_page
    page.table.setCurrentIndex(page.model.index(0, 0))
    first = page.model.items[0]
    dlg.run_dialog = filler(ended_on="2026-11-01", end_reason="换届")
    page.end()
    assert page.model.rowCount() == 6
    page.show_ended.setChecked(True)
    assert page.model.rowCount() == 7
    ended = page.model.items[-1]
    assert (ended.id, ended.end_reason) == (first.id, "换届")
    assert page.model.data(page.model.index(6, 0), Qt.ItemDataRole.ForegroundRole) is not None

    party = dlg.party_page
    branch = next(u for u in party.units if u.kind == ORG_BRANCH)
    other = next(u for u in party.units if u.kind == ORG_BRANCH and u.id != branch.id)
    party.select(branch.id)
    refusals: list[str] = []

    def rename(dialog: QDialog) -> bool:
        fill(dialog, unit_name=other.name)  # type: ignore[arg-type]
        dialog.accept()
        refusals.append(dialog.error_text("unit_name"))  # type: ignore[attr-defined]
        return False

    dlg.run_dialog = rename
    party.rename()
    assert refusals == [f"同一上级下已有“{other.name}”"]
    general = next(u for u in party.units if u.parent_id is None)
    party.select(general.id)  # the 总支: a Party group cannot go there
    party.add_group()
    assert no_modal == ["请先在列表中选中一个党支部，党小组建在党支部之下。"]


def test_set_branch_secretary_from_its_members(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    dlg = OrganisationDialog(services.village, services.organisation)
    qtbot.addWidget(dlg)
    party = dlg.party_page
    branch = next(u for u in party.units if u.kind == ORG_BRANCH)
    party.select(branch.id)
    offered: list[str] = []

    def pick_last(dialog: QDialog) -> bool:
        combo = dialog.widget("unit_leader")  # type: ignore[attr-defined]
        offered.extend(combo.itemText(i) for i in range(combo.count()))
        combo.setCurrentIndex(combo.count() - 1)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    dlg.run_dialog = pick_last
    party.set_leader()
    assert offered[0] == "（暂不设置）" and len(offered) > 2
    chosen = next(u for u in services.organisation.units() if u.id == branch.id)
    assert chosen.leader_name == offered[-1]
    assert party.selected_id() == branch.id  # the tree keeps the selection after reloading


def test_small_models_pass_the_model_tester(services: Services, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    dlg = OrganisationDialog(services.village, services.organisation)
    qtmodeltester.check(dlg.cadre_page.model)
    qtmodeltester.check(dlg.groups_page.model)
    tree = unit_tree_model(services.organisation.units())
    qtmodeltester.check(tree)
    assert tree.index(0, 0).data(ROW_ID_ROLE) is not None
    assert isinstance(dlg.grids_page.model, ListTableModel)
    dlg.deleteLater()


def test_village_input_roundtrip_in_page(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    services.village.update_village(VillageInput("𠮷祥村", "石门镇", supervision_phone="0730-1234567"))
    dlg = OrganisationDialog(services.village, services.organisation)
    qtbot.addWidget(dlg)
    assert dlg.village_page.values["village"].text() == "𠮷祥村"
    assert dlg.village_page.values["supervision_phone"].text() == "0730-1234567"
