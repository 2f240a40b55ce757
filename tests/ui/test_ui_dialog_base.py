"""The shared pieces of the window: the dialog base (errors beside their field, the dialog kept
open with the input), the date field, and the in-memory table model."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor

from govdesk.errors import ValidationError
from govdesk.services.bundle import Services
from tests.conftest import DEMO_TODAY
from ui.dialogs.common import DateField, FieldDialog, date_of, optional_date_of
from ui.dialogs.people_dialogs import CategoryDialog, StarDialog
from ui.dialogs.roster_dialogs import LeaveDialog
from ui.list_model import ROW_ID_ROLE, Column, ListTableModel
from ui.roster_models import DutyLogModel, TallyModel, leave_list_model

# --- the dialog base -----------------------------------------------------------------------


def _categories(services: Services, household_id: int) -> list[str]:
    return [c.category for c in services.household_details.categories(household_id)]


def test_a_refusal_is_shown_beside_its_field_and_the_dialog_keeps_the_input(services: Services, qtbot) -> None:
    details = services.household_details
    before = _categories(services, 1)
    dialog = CategoryDialog(lambda c, s, e: details.add_category(1, c, s, e), None)
    qtbot.addWidget(dialog)
    dialog.category.setEditText("低保户")
    dialog.started.setText("2024-03-01")
    dialog.ended.setText("2024-01-01")  # before the start: the service refuses
    dialog.accept()
    assert dialog.result() != FieldDialog.DialogCode.Accepted  # still open
    assert "应晚于" in dialog.error_text("category_ended_on")
    assert dialog.error_text("started_on") == "" and dialog.error_text("category") == ""
    assert dialog.error.isHidden()  # nothing for the line above the buttons
    assert (dialog.category.currentText(), dialog.started.text(), dialog.ended.text()) == (
        "低保户",
        "2024-03-01",
        "2024-01-01",
    )
    assert _categories(services, 1) == before  # nothing written

    dialog.ended.setText("")  # corrected: still in the category
    dialog.accept()
    assert dialog.result() == FieldDialog.DialogCode.Accepted
    assert _categories(services, 1).count("低保户") == before.count("低保户") + 1


def test_an_error_for_a_field_not_on_the_form_goes_above_the_buttons(services: Services, qtbot) -> None:
    details = services.household_details
    dialog = StarDialog(lambda y, n: details.set_star_rating(1, y, n), None)
    qtbot.addWidget(dialog)
    dialog.year.setMinimum(1900)
    dialog.year.setValue(1900)  # before 1949: refused at 评定年度, which is on the form
    dialog.accept()
    assert dialog.result() != FieldDialog.DialogCode.Accepted
    assert dialog.error_text("star_year") != ""
    dialog.show_errors([], general="数据库忙，请稍后再试")
    assert dialog.error.text() == "数据库忙，请稍后再试" and dialog.error_text("star_year") == ""


def test_a_date_that_is_no_date_is_refused_at_its_field_before_any_service_call(services: Services, qtbot) -> None:
    view = services.roster.roster((DEMO_TODAY.year, DEMO_TODAY.month))
    calls: list[object] = []
    dialog = LeaveDialog(view.cadres, DEMO_TODAY, lambda *a: calls.append(a) or [], None)
    qtbot.addWidget(dialog)
    dialog.reason.setText("到县里培训")
    dialog.start.setText("2026-02-30")
    dialog.accept()
    assert dialog.result() != FieldDialog.DialogCode.Accepted
    assert "不存在" in dialog.error_text("leave_start")
    assert calls == [] and dialog.reason.text() == "到县里培训"
    dialog.start.setText("")
    dialog.accept()
    assert dialog.error_text("leave_start") == "不能为空"
    dialog.start.setText("2026.11.24")
    dialog.end.setText("20261125")
    dialog.accept()
    assert dialog.result() == FieldDialog.DialogCode.Accepted
    assert calls and calls[0][1:3] == (date(2026, 11, 24), date(2026, 11, 25))


# --- the date field ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("1990-01-05", date(1990, 1, 5)),
        ("1990.1.5", date(1990, 1, 5)),
        ("19900105", date(1990, 1, 5)),
        ("1990年1月5日", date(1990, 1, 5)),
        ("1990/01/05", date(1990, 1, 5)),
        ("", None),
    ],
)
def test_date_field_reads_dates_as_registers_write_them(qtbot, typed: str, day: date | None) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.setText(typed)
    assert field.value() == day
    field.editingFinished.emit()
    assert field.text() == (day.isoformat() if day else "")  # tidied when the field is left


def test_date_field_refuses_what_is_no_date_in_chinese(qtbot) -> None:
    field = DateField(key="leave_start")
    qtbot.addWidget(field)
    field.setText("1990-02-30")
    with pytest.raises(ValueError, match="不存在"):
        field.value()
    field.editingFinished.emit()
    assert field.text() == "1990-02-30"  # left as typed for the person to correct
    field.setText("明天")
    with pytest.raises(ValidationError) as refused:
        date_of(field)
    assert refused.value.errors[0].field == "leave_start"
    field.setText("")
    assert optional_date_of(field) is None


def test_date_field_signals_a_new_day_and_takes_the_calendar_pick(qtbot) -> None:
    field = DateField(date(2026, 11, 23))
    qtbot.addWidget(field)
    seen: list[date] = []
    field.dateChanged.connect(seen.append)
    field.setText("2026-11-2")  # half typed: already a day, the 2nd
    field.setText("2026-11-24")
    field.setText("2026-11-2x")  # no date: no signal
    field.setDate(QDate(2026, 12, 1))
    field.calendar.clicked.emit(QDate(2027, 1, 4))
    assert seen == [date(2026, 11, 2), date(2026, 11, 24), date(2026, 12, 1), date(2027, 1, 4)]
    assert field.text() == "2027-01-04"


# --- the in-memory table model ---------------------------------------------------------------


class _Person:
    def __init__(self, id: int, name: str, ended: bool) -> None:  # noqa: A002 - the record's id
        self.id, self.name, self.ended = id, name, ended


def test_list_table_model_shows_rows_through_its_columns(qtmodeltester) -> None:
    grey = QColor("#888888")
    model = ListTableModel(
        [Column("姓名", lambda p: p.name), Column("编号", lambda p: str(p.id), Qt.AlignmentFlag.AlignRight)],
        foreground=lambda p, _c: grey if p.ended else None,
        full_text_tips=True,
    )
    qtmodeltester.check(model)
    model.set_items([_Person(7, "王𠮷", False), _Person(9, "李竂", True)])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.headerData(0, Qt.Orientation.Horizontal) == "姓名"
    assert model.data(model.index(1, 0)) == "李竂"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == "李竂"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole).color() == grey
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight)
    assert model.data(model.index(1, 1), ROW_ID_ROLE) == 9
    assert model.row_of(9) == 1 and model.row_of(8) is None and model.item(5) is None


def test_the_roster_lists_are_list_table_models(services: Services, qtmodeltester) -> None:
    view = services.roster.roster((DEMO_TODAY.year, DEMO_TODAY.month))
    tally = TallyModel()
    tally.set_view(view)
    log = DutyLogModel()
    log.set_view(services.duty_log.for_day(DEMO_TODAY))
    leave = leave_list_model()
    leave.set_items(services.roster.leaves(view.days[0].day, view.days[-1].day))
    for model in (tally, log, leave):
        assert isinstance(model, ListTableModel)
        qtmodeltester.check(model)
    assert tally.rowCount() == len(view.tallies) > 0
