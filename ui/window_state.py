"""What the window remembers between runs: size and place, the area shown, splitters, columns, 字号.

Kept with QSettings in an ini file in govdesk's config folder (``GOVDESK_HOME/config`` when set,
so tests and a portable install keep theirs private) rather than the Windows registry: a clerk's
helper can delete one file to get the default layout back.

Tables and splitters are remembered by a stable key: the area's key and the widget's object
name (``households/households.table``); a widget without an object name is not remembered. A
table whose columns changed since (a new version added one) starts from its default widths.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QWidget

from govdesk import paths

SETTINGS_FILE = "window.ini"


def open_settings() -> QSettings:
    return QSettings(str(paths.config_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes | bytearray) and value:
        return QByteArray(bytes(value))
    return None


class WindowState:
    """Typed access to the remembered values; every read falls back to the default when absent."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or open_settings()

    # --- window-wide -------------------------------------------------------------------------
    def area(self) -> str:
        return str(self.settings.value("window/area", "") or "")

    def set_area(self, key: str) -> None:
        self.settings.setValue("window/area", key)

    def geometry(self) -> QByteArray | None:
        return _bytes(self.settings.value("window/geometry"))

    def set_geometry(self, geometry: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)

    def text_scale(self, default: str) -> str:
        return str(self.settings.value("window/text_scale", default) or default)

    def set_text_scale(self, name: str) -> None:
        self.settings.setValue("window/text_scale", name)

    # --- one area's tables and splitters ---------------------------------------------------------
    def save_widgets(self, area: str, root: QWidget) -> None:
        for view in root.findChildren(QTableView):
            if view.objectName() and view.model() is not None:
                header = view.horizontalHeader()
                self.settings.setValue(f"{area}/{view.objectName()}/header", header.saveState())
                self.settings.setValue(f"{area}/{view.objectName()}/columns", header.count())
        for splitter in root.findChildren(QSplitter):
            if splitter.objectName():
                self.settings.setValue(f"{area}/{splitter.objectName()}/splitter", splitter.saveState())

    def restore_widgets(self, area: str, root: QWidget) -> None:
        for view in root.findChildren(QTableView):
            if view.objectName() and view.model() is not None:
                self._restore_header(f"{area}/{view.objectName()}", view.horizontalHeader())
        for splitter in root.findChildren(QSplitter):
            if splitter.objectName():
                state = _bytes(self.settings.value(f"{area}/{splitter.objectName()}/splitter"))
                if state is not None:
                    splitter.restoreState(state)

    def _restore_header(self, key: str, header: QHeaderView) -> None:
        state = _bytes(self.settings.value(f"{key}/header"))
        columns = self.settings.value(f"{key}/columns")
        if state is None or columns is None or int(columns) != header.count():
            return
        header.restoreState(state)

    def sync(self) -> None:
        self.settings.sync()
