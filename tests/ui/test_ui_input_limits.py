"""Input limits in the window: a name with an invisible character is refused at the field, an age
over 120 is asked about (saved only when the clerk confirms), and the import dialog's option."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog

from govdesk import idcard
from govdesk.services.bundle import Services
from tests.ui.test_ui_dialogs import type_into, wait_validated
from ui.dialogs.resident_dialog import ResidentDialog

OLD_ID = idcard.make_number("330784", date(1890, 3, 1), 211)


def _old_resident_dialog(services: Services, qtbot) -> ResidentDialog:  # type: ignore[no-untyped-def]
    dialog = ResidentDialog(services.households, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "name", "寿星")
    type_into(qtbot, dialog, "relation", "母亲")
    type_into(qtbot, dialog, "id_number", OLD_ID)
    wait_validated(qtbot, dialog)
    return dialog


def _names(services: Services) -> list[str]:
    return [r.values[0] for r in services.households.residents(1)]


def test_invisible_character_in_a_name_is_shown_at_the_field(services: Services, qtbot) -> None:
    dialog = ResidentDialog(services.households, 1)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog, "name", "李\u200b四")
    wait_validated(qtbot, dialog)
    assert "U+200B" in dialog.error_text("name")
    assert not dialog.ok_button.isEnabled()


def test_age_over_120_is_asked_and_saved_only_when_confirmed(services: Services, qtbot, monkeypatch) -> None:
    dialog = _old_resident_dialog(services, qtbot)
    assert dialog.ok_button.isEnabled()  # a warning, not an error
    assert "超过 120 岁" in dialog.error.text()
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm", lambda q: asked.append(q) or False)
    dialog.ok_button.click()
    assert asked and "超过 120 岁" in asked[0]
    assert dialog.result() != QDialog.DialogCode.Accepted and "寿星" not in _names(services)
    monkeypatch.setattr(dialog, "confirm", lambda q: True)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "寿星" in _names(services)
