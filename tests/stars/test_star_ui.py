"""村务 → 五星支部: the score grid under qtmodeltester, a score saved from the grid, a score out of
range refused with nothing written, the catalogue editor refusing a total other than 100."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from govdesk.db import Database
from govdesk.services.bundle import Services
from ui.dialogs.star_dialogs import CatalogueDialog
from ui.jobs import JobRunner
from ui.stars_page import StarsPage


@pytest.fixture
def services(demo_db: Database) -> Services:
    return Services.open(demo_db)


@pytest.fixture
def page(qtbot, services: Services, no_errors: list[str]) -> Iterator[StarsPage]:  # type: ignore[no-untyped-def]
    jobs = JobRunner()
    widget = StarsPage(services, jobs)
    qtbot.addWidget(widget)
    widget.year.setCurrentIndex(widget.year.findData(2026))
    widget.branch.setCurrentIndex(1)
    widget.quarter.setCurrentIndex(1)
    yield widget
    jobs.shutdown()


@pytest.fixture
def no_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr("ui.stars_page.show_error", lambda exc, _p=None: shown.append(str(exc)))
    return shown


def test_grid_and_tables_pass_qtmodeltester(qtmodeltester, page: StarsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.grid_model.rowCount() == 16
    qtmodeltester.check(page.grid_model)
    qtmodeltester.check(page.star_model)
    qtmodeltester.check(page.year_model)
    assert "失去生态宜居" in page.summary.text()
    year_cells = [page.year_model.row_at(2).values[q] for q in (1, 2, 3)]  # type: ignore[union-attr]
    assert year_cells[0].endswith("★") and not year_cells[1].endswith("★") and year_cells[2].endswith("★")


def test_a_score_is_saved_from_the_grid(page: StarsPage, services: Services) -> None:
    model = page.grid_model
    eco = next(r for r in range(model.rowCount()) if model.lines[r].indicator.name == "河塘管护")
    assert model.setData(model.index(eco, 4), "6") and model.setData(model.index(eco, 5), "河长巡查记录")
    assert page.save_button.isEnabled()
    assert page.save_scores()
    card = services.stars.scorecard(*page.selection())  # type: ignore[misc]
    line = next(ln for ln in card.lines if ln.indicator.name == "河塘管护")
    assert line.score == 6 and line.evidence == "河长巡查记录"
    assert page.grid_model.edits == {}


def test_a_score_above_the_points_is_refused_and_kept(
    page: StarsPage, services: Services, no_errors: list[str]
) -> None:
    before = services.stars.scorecard(*page.selection())  # type: ignore[misc]
    model = page.grid_model
    model.setData(model.index(0, 4), "7")
    model.setData(model.index(1, 4), "99")
    assert not page.save_scores()
    assert "0 到 7 分之间" in no_errors[-1]
    assert services.stars.scorecard(*page.selection()).lines == before.lines  # type: ignore[misc]
    assert model.data(model.index(1, 4)) == "99"  # what was typed stays


def test_the_catalogue_editor_refuses_a_total_other_than_100(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = CatalogueDialog(services.stars, 2026)
    qtbot.addWidget(dialog)
    assert dialog.total.text() == "合计 100 分"
    dialog.add_indicator("支部过硬", "党员教育", "每月主题党日", 5, None)
    assert dialog.total.text() == "合计 105 分（多了 5 分）"
    dialog.accept()
    assert "多了 5 分" in dialog.error_text("star_points")
    assert len(services.stars.catalogue(2026).indicators) == 16
    dialog.table.cellWidget(0, 3).setValue(3)  # 班子建设 has scores above 3: refused too
    dialog.accept()
    assert "分值不能低于它" in dialog.error.text()
    dialog.table.cellWidget(0, 3).setValue(8)
    dialog.table.setCurrentCell(dialog.table.rowCount() - 1, 1)
    dialog.remove_current()
    dialog.thresholds["生态宜居"].setValue(75)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.stars.catalogue(2026).thresholds["生态宜居"] == 75


def test_a_new_year_copies_the_last(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = CatalogueDialog(services.stars, 2027)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    dialog.copy_previous()
    assert dialog.total.text() == "合计 100 分"
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted and services.stars.years() == [2026, 2027]


@pytest.mark.parametrize(("choice", "saved"), [("save", 6.0), ("drop", None), ("cancel", None)])
def test_typed_scores_are_never_lost_when_another_quarter_is_chosen(
    page: StarsPage, services: Services, choice: str, saved: float | None
) -> None:
    page.quarter.setCurrentIndex(3)  # the fourth quarter: nothing scored yet
    branch, year, _q = page.selection()  # type: ignore[misc]
    model = page.grid_model
    model.setData(model.index(0, 4), "6")
    page.ask_unsaved = lambda: choice  # type: ignore[method-assign]
    page.quarter.setCurrentIndex(2)
    assert services.stars.scorecard(branch, year, 4).lines[0].score == saved
    shown = 4 if choice == "cancel" else 3
    assert page.quarter.currentData() == shown and page.selection()[2] == shown  # type: ignore[index]
    assert (model.data(model.index(0, 4)) == "6") is (choice == "cancel")


def test_export_the_year_from_the_page(qtbot, page: StarsPage, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: said.append(text))
    target = tmp_path / "stars.xlsx"
    page.choose_save_path = lambda _title, _suggested: str(target)  # type: ignore[attr-defined]
    assert page.export_year() is not None
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert target.exists() and "2026年五星支部得分已导出：96 条得分" in said[0]
