"""Start-up: bundled CJK fonts become the application's fallback; run() opens and closes cleanly."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from govdesk.db import Database
from ui.app import application, run
from ui.fonts import cjk_families


def test_bundled_fonts_are_registered_and_in_the_application_font(qapp) -> None:
    app = application()
    families = cjk_families()
    assert any("WenKai" in f for f in families) and any("Droid" in f for f in families)
    assert all(f in QFontDatabase.families() for f in families)
    assert families[0] in app.font().families()
    assert app.applicationName() == "govdesk"


@pytest.mark.parametrize("char", ["党", "竂", "堉", "䶮", "𠮷"])
def test_rare_name_characters_have_a_glyph(qapp, char: str) -> None:
    """WenKai carries CJK Ext A and B, so these never turn into boxes."""
    from PySide6.QtGui import QFont

    font = QFont([f for f in cjk_families() if "WenKai" in f][0])
    assert QFontMetrics(font).inFontUcs4(ord(char))


def test_run_opens_the_window_and_returns_when_it_closes(
    demo_db: Database, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the crash handler
    seen: list[str] = []

    def close() -> None:
        seen.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        QApplication.closeAllWindows()

    QTimer.singleShot(300, close)
    assert run(str(demo_db.url.database), demo=True) == 0
    assert any(t.startswith("govdesk — ") and t.endswith("（演示）") for t in seen)
