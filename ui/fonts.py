"""Bundled CJK fonts, registered with Qt so Chinese never shows as boxes.

A village PC may have no Chinese font at all (a trimmed Windows image, or a Linux box), and
offscreen test runs have none either. The two bundled TrueType fonts are registered at
start-up and put into the application font's family list *after* the system UI family, so
Latin text keeps the platform look while every CJK character falls back to them — Droid Sans
Fallback for ordinary text, then LXGW WenKai for the rare name characters of CJK Ext B (𠮷)
that only WenKai carries.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QWidget

from resources import resource_path

log = logging.getLogger("govdesk.ui")

# Order matters: Droid Sans Fallback, a plain sans (黑体-like) face, for ordinary table and form
# text; LXGW WenKai behind it for what Droid lacks (CJK Ext B: 𠮷 and other rare name characters).
BUNDLED_FONT_FILES: tuple[str, ...] = ("DroidSansFallbackFull.ttf", "LXGWWenKai-Regular.ttf")
DEFAULT_POINT_SIZE = 10
# A PC that has a good Chinese UI font keeps using it; the bundled fonts then only fill the
# gaps (rare Ext B name characters that YaHei or PingFang lack).
PREFERRED_SYSTEM_CJK: tuple[str, ...] = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)

# 字号 (设置 → 字号): the clerks are often in their fifties. The application font's point size
# is the standard size times the factor; views' row heights follow (``row_height``).
TEXT_SCALES: dict[str, float] = {"标准": 1.0, "大": 1.2, "特大": 1.4}
STANDARD_SCALE = "标准"
_BASE_SIZE_PROPERTY = "govdesk_base_point_size"

_registered: list[str] | None = None


def register_bundled_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database once; returns their family names."""
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    for file_name in BUNDLED_FONT_FILES:
        path = resource_path("fonts", file_name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("bundled font could not be loaded: %s", path)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _registered = families
    log.info("bundled fonts registered: %s", ", ".join(families) or "(none)")
    return families


def cjk_families() -> list[str]:
    """The bundled families in fallback order (registers them on first use)."""
    return list(register_bundled_fonts())


def apply_application_font(app: QApplication) -> QFont:
    """Make the application font 'system UI family, a system CJK UI font if any, then the bundled ones'.

    ``QFont.setFamilies`` gives Qt an explicit fallback chain, so a glyph missing from the
    system face is looked up in WenKai, then Droid, before Qt falls back to boxes.
    """
    bundled = register_bundled_fonts()
    base = QFont(app.font())
    system_family = base.family()
    families = [system_family] if system_family and system_family not in bundled else []
    installed = set(QFontDatabase.families())
    families.extend(f for f in PREFERRED_SYSTEM_CJK if f in installed and f not in families)
    families.extend(bundled)
    font = QFont(base)
    font.setFamilies(families)
    standard = app.property(_BASE_SIZE_PROPERTY)
    if not standard:  # first call: the platform's size is the standard one (字号 scales from it)
        standard = font.pointSizeF() if font.pointSizeF() > 0 else float(DEFAULT_POINT_SIZE)
        app.setProperty(_BASE_SIZE_PROPERTY, standard)
    font.setPointSizeF(float(standard) * TEXT_SCALES.get(str(app.property("govdesk_text_scale")), 1.0))
    app.setFont(font)
    for family in families:
        if family not in bundled:
            # Qt also consults substitutes when the primary face lacks a glyph.
            QFont.insertSubstitutions(family, bundled)
    return font


def set_text_scale(app: QApplication, name: str) -> float:
    """字号: the whole application's text at the standard size × the named factor; returns the factor.

    Widgets without a font of their own follow the application font at once; the caller makes
    table rows follow (``row_height``), since a view's default row height is a number it keeps.
    """
    factor = TEXT_SCALES.get(name, 1.0)
    standard = app.property(_BASE_SIZE_PROPERTY)
    if not standard:
        apply_application_font(app)
        standard = app.property(_BASE_SIZE_PROPERTY)
    app.setProperty("govdesk_text_scale", name if name in TEXT_SCALES else STANDARD_SCALE)
    font = QFont(app.font())
    font.setPointSizeF(float(standard) * factor)
    app.setFont(font)
    # Qt hands the new font to the widgets in posted events: deliver them now, so the caller
    # measures rows and columns with the new font, not the old one.
    app.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    return factor


def row_height(metrics_height: int) -> int:
    """A table row: the font's line height plus a little air (5 px above and below)."""
    return metrics_height + 10


def fit_widgets_to_font(root: QWidget, ratio: float) -> None:
    """After a 字号 change, under ``root``: style-sheeted widgets polished again (a style sheet keeps
    the font it was polished with) and every table fitted (``fit_table_to_font``)."""
    for widget in root.findChildren(QWidget):
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
    for view in root.findChildren(QTableView):
        fit_table_to_font(view, ratio)


def fit_table_to_font(view: QTableView, ratio: float) -> None:
    """After a 字号 change: rows as high as the new font needs, hand-sized columns widened alike."""
    view.verticalHeader().setDefaultSectionSize(row_height(view.fontMetrics().height()))
    header = view.horizontalHeader()
    if ratio == 1.0:
        return
    for column in range(header.count()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
            header.resizeSection(column, round(header.sectionSize(column) * ratio))
