"""Formula cells without a saved result, told apart from empty cells.

A workbook made by another program (a township system's export, a script) may hold formulas
whose results were never calculated and saved. calamine reads only saved results, so such a cell
reads as empty and the clerk was told "不能为空" about a cell they can see a formula in. When a
report says a cell is empty, the sheet's XML is read once for those rows, and a formula cell
without a value gets its own message. Clean registers never pay for this.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import iterparse

from govdesk.importing.report import ImportReport, RowProblem

FORMULA_WITHOUT_VALUE = (
    "是公式，但文件里没有保存它的计算结果（常见于其他程序生成的表格）；"
    "请在 Excel 或 WPS 中打开文件、保存一次，或把公式改成数值后再导入"
)
_EMPTY = "不能为空"
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def explain_formula_cells(report: ImportReport, path: str | Path, sheet_name: str, header: list[object]) -> None:
    """Reword each "不能为空" problem whose cell is a formula without a saved value."""
    empty = [p for p in report.problems if _EMPTY in p.message]
    if not empty:
        return
    try:
        cells = formula_cells_without_value(Path(path), sheet_name, {p.row for p in empty})
    except (OSError, KeyError, zipfile.BadZipFile, SyntaxError):  # not an .xlsx (an .xls): keep the words
        return
    if not cells:
        return
    columns = {"".join(str(h).split()): i for i, h in enumerate(header) if h is not None}
    for i, p in enumerate(report.problems):
        col = columns.get(p.column)
        if _EMPTY in p.message and col is not None and (p.row, col) in cells:
            report.problems[i] = RowProblem(p.row, p.column, FORMULA_WITHOUT_VALUE)


def formula_cells_without_value(path: Path, sheet_name: str, rows: set[int]) -> set[tuple[int, int]]:
    """(Excel row, 0-based column) of each formula cell without a saved value in ``rows``."""
    found: set[tuple[int, int]] = set()
    with zipfile.ZipFile(path) as z:
        member = _sheet_member(z, sheet_name)
        with z.open(member) as f:
            for _event, el in iterparse(f):
                if el.tag != f"{_NS_MAIN}c":
                    if el.tag == f"{_NS_MAIN}row":
                        el.clear()
                    continue
                m = _CELL_REF.fullmatch(el.get("r", ""))
                if m and int(m[2]) in rows and el.find(f"{_NS_MAIN}f") is not None:
                    value = el.find(f"{_NS_MAIN}v")
                    if value is None or not (value.text or "").strip():
                        found.add((int(m[2]), _column_index(m[1])))
    return found


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _sheet_member(z: zipfile.ZipFile, sheet_name: str) -> str:
    """The zip member holding the sheet called ``sheet_name`` (workbook.xml and its relations)."""
    rel_id = ""
    with z.open("xl/workbook.xml") as f:
        for _event, el in iterparse(f):
            if el.tag == f"{_NS_MAIN}sheet" and el.get("name") == sheet_name:
                rel_id = el.get(f"{_NS_REL}id", "")
    with z.open("xl/_rels/workbook.xml.rels") as f:
        for _event, el in iterparse(f):
            if el.tag == f"{_NS_PKG_REL}Relationship" and el.get("Id") == rel_id:
                target = el.get("Target", "")
                return target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
    raise KeyError(sheet_name)
