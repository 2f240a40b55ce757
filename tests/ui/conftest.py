"""UI fixtures: the services bundle over the demo village, and a main window built on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from govdesk.db import Database
from govdesk.services.bundle import Services
from tests.window import shown_window


@pytest.fixture
def services(demo_db: Database) -> Services:
    return Services.open(demo_db)


@pytest.fixture
def window(services: Services, qtbot):  # type: ignore[no-untyped-def]
    with shown_window(qtbot, services) as win:
        yield win


@pytest.fixture
def members_tab(window):  # type: ignore[no-untyped-def]
    return window.select_area("党员")


@pytest.fixture
def households_tab(window):  # type: ignore[no-untyped-def]
    return window.select_area("农户")


@pytest.fixture
def no_modal(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Message boxes would block an offscreen test: record their text instead."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    yield shown
