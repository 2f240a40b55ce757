"""The window pieces of the people details: filters, the household details pane, moving a
resident, 联户 and 挂牌, and importing a register with its report (offscreen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from govdesk import idcard
from tests.window import shown_window
from ui.dialogs.people_dialogs import CategoryDialog, MoveResidentDialog, PickHouseholdDialog, PlaqueDialog, StarDialog
from ui.import_dialog import MODE_SKIP, ImportDialog


@pytest.fixture
def window(services, qtbot):  # type: ignore[no-untyped-def]
    with shown_window(qtbot, services) as win:
        yield win


@pytest.fixture
def services(demo_db):  # type: ignore[no-untyped-def]
    from govdesk.services.bundle import Services

    return Services.open(demo_db)


def _choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_people_tab_filters(window, qtbot, qtmodeltester) -> None:
    members, households = window.select_area("党员"), window.select_area("农户")
    total = members.model.rowCount()
    grid = window.services.village.grids()[0]
    _choose(members._filters["grid_id"], grid.id)
    assert 0 < members.model.rowCount() < total
    _choose(members._filters["status"], "预备党员")
    assert all(members.model.data(members.model.index(r, 4)) == "预备党员" for r in range(members.model.rowCount()))
    qtmodeltester.check(members.model)
    h_total = households.model.rowCount()
    _choose(households._filters["is_central"], True)
    assert 0 < households.model.rowCount() < h_total
    qtmodeltester.check(households.model)


def test_people_details_pane_category_stars_relay(window, qtbot, monkeypatch) -> None:
    tab = window.select_area("农户")
    tab.table.selectRow(3)
    hid = tab.current_id()
    pane = tab.details
    assert pane.household_id == hid

    def drive(dialog) -> bool:
        if isinstance(dialog, CategoryDialog):
            dialog.category.setCurrentText("军属")
            dialog.started.setText("2021.3.1")
        elif isinstance(dialog, StarDialog):
            dialog.year.setValue(2025)
            dialog.stars.setValue(8)
        elif isinstance(dialog, PickHouseholdDialog):
            dialog.picker.search.setText("01000")
            dialog.picker.refresh()
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(tab, "run_dialog", drive)
    pane.add_category()
    assert [c.category for c in window.services.household_details.categories(hid)][-1] == "军属"
    assert "军属" in tab.model.data(tab.model.index(tab.current_row(), len(tab.model.columns) - 1))
    pane.rate()
    assert (2025, 8) in window.services.household_details.star_ratings(hid)
    before = len(window.services.household_details.relays(hid))
    pane.add_relay()
    assert len(window.services.household_details.relays(hid)) == before + 1
    assert pane.central.isChecked()


def test_people_move_resident_from_the_pane(window, monkeypatch) -> None:
    tab = window.select_area("农户")
    tab.table.selectRow(0)
    source = tab.current_id()
    residents = window.services.households.residents(source)
    child = next(r for r in residents if r.values[1] != "户主")
    target_number = tab.model.data(tab.model.index(5, 0))

    def drive(dialog) -> bool:
        assert isinstance(dialog, MoveResidentDialog)
        dialog.picker.search.setText(target_number)
        dialog.picker.refresh()
        dialog.relation.setCurrentText("女婿" if child.values[2] == "男" else "儿媳")
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(tab, "run_dialog", drive)
    pane = tab.residents
    row = [pane.model.row_id(r) for r in range(pane.model.rowCount())].index(child.id)
    pane.table.selectRow(row)
    pane.move_current()
    assert window.services.households.get_resident(child.id).household_id != source
    assert len(window.services.household_details.moves(child.id)) == 1


def test_people_plaque_and_links(window, monkeypatch) -> None:
    tab = window.select_area("党员")
    tab.table.selectRow(0)
    mid = tab.current_id()

    def drive(dialog) -> bool:
        if isinstance(dialog, PlaqueDialog):
            _choose(dialog.kind, "先锋牌")
            dialog.day.setText("2025-07-01")
            dialog.accept()
            return dialog.result() == 1
        return True

    monkeypatch.setattr(tab, "run_dialog", drive)
    tab.edit_plaque()
    assert window.services.members.get(mid).plaque_kind == "先锋牌"
    col = [c.key for c in tab.model.columns].index("plaque_kind")
    row = tab.model.row_of_id(mid)
    assert tab.model.data(tab.model.index(row, col)) == "先锋牌"


def _register(path: Path) -> Path:
    ok = idcard.make_number("330784", date(1990, 1, 5), 11)
    wb = Workbook()
    ws = wb.active
    ws.append(["青山村花名册"])
    ws.append(["户号", "姓名", "关系", "公民身份号码"])
    ws.append(["0990001", "王竂", "户主", ok])
    ws.append(["0990002", "李四", "户主", ok[:-1] + ("0" if ok[-1] != "0" else "1")])
    ws.append(["注：本表仅供测试"])
    wb.save(path)
    return path


def test_people_import_dialog_report_and_bad_rows(window, qtbot, tmp_path) -> None:
    tab = window.select_area("农户")
    before = tab.model.rowCount()
    dialog = ImportDialog(window.services, window.jobs, "households", tab)
    dialog.imported.connect(lambda: tab.reload())
    dialog.path.setText(str(_register(tmp_path / "r.xlsx")))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert not dialog.report.written
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.data(dialog.problems.index(0, 0)) == "4"
    saved = tmp_path / "bad.xlsx"
    dialog.choose_save_path = lambda _s: str(saved)  # type: ignore[method-assign]
    dialog.save_bad_rows()
    assert saved.exists()
    dialog.modes.button(MODE_SKIP).setChecked(True)
    dialog.report = None
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.written and dialog.report.created == 1
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1, timeout=5000)


def test_people_import_dialog_confirms_ages_over_120(window, qtbot, tmp_path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "公民身份号码"])
    ws.append(["A-900", "寿星", "户主", idcard.make_number("330784", date(1890, 3, 1), 17)])
    path = tmp_path / "old.xlsx"
    wb.save(path)
    dialog = ImportDialog(window.services, window.jobs, "households", window.select_area("农户"))
    dialog.path.setText(str(path))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert not dialog.report.written and "超过 120 岁" in dialog.report.problems[0].message
    dialog.report = None
    dialog.confirm_ages.setChecked(True)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.written and dialog.report.created == 1
