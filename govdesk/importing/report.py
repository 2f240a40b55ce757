"""What an import did or refused: every bad row by Excel row number, column and reason.

The bad rows can be written to an .xlsx with the original headers plus a 问题 column, so the
clerk fixes them there and imports that file again (the importer ignores the 问题 column).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from govdesk.importing.headers import PROBLEM_HEADER
from govdesk.input_limits import visible


@dataclass(frozen=True)
class RowProblem:
    row: int  # Excel row number
    column: str  # Chinese column header ("" for the whole row)
    message: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行" + (f"「{self.column}」" if self.column else "")
        return f"{where}：{self.message}"


@dataclass
class ImportReport:
    kind: str  # "households" or "members"
    file: str
    rows_read: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # of the updated: the file said exactly what was on record
    households_created: int = 0
    households_updated: int = 0
    written: bool = False
    dry_run: bool = False
    skip_invalid: bool = False
    notes: list[str] = field(default_factory=list)
    header: list[object] = field(default_factory=list)
    bad_rows: list[tuple[int, list[object]]] = field(default_factory=list)

    @property
    def bad_row_numbers(self) -> list[int]:
        return sorted({p.row for p in self.problems})

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One paragraph for the clerk: what was read, refused and written."""
        who = "居民" if self.kind == "households" else "党员"
        bad = len(self.bad_row_numbers)
        lines = [f"文件：{self.file}", f"读取数据行 {self.rows_read} 行，其中有问题 {bad} 行。"]
        if self.dry_run:
            lines.append("只做了检查（--dry-run），没有写入任何数据。")
        elif not self.written:
            lines.append("因为有问题行，全部未导入（没有写入任何数据）。改正后重新导入，或选择“跳过有问题的行”。")
        else:
            same = f"（其中 {self.unchanged} 人信息无变化）" if self.unchanged else ""
            lines.append(f"已导入：新增{who} {self.created} 人，更新 {self.updated} 人{same}。")
            if self.kind == "households":
                lines.append(f"新建农户 {self.households_created} 户，更新农户 {self.households_updated} 户。")
            if bad:
                lines.append(f"跳过了有问题的 {bad} 行。")
        lines.extend(self.notes)
        return "\n".join(lines)

    def problem_lines(self, limit: int | None = None) -> list[str]:
        items = sorted(self.problems, key=lambda p: (p.row, p.column))
        return [str(p) for p in (items if limit is None else items[:limit])]

    def save_bad_rows(self, path: str | Path) -> Path:
        """The bad rows under the original header plus a 问题 column; a second sheet lists each problem."""
        out = Path(path)
        by_row: dict[int, list[str]] = {}
        for p in self.problems:
            by_row.setdefault(p.row, []).append(f"{p.column}：{p.message}" if p.column else p.message)
        from openpyxl import Workbook  # only when a clerk saves the bad rows

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("待改正的行")
        header = [("" if h is None else h) for h in self.header]
        ws.append([*header, PROBLEM_HEADER, "原行号"])
        for row_no, cells in self.bad_rows:
            padded = [_writable(c) for c in cells] + [None] * (len(header) - len(cells))
            ws.append([*padded[: len(header)], "；".join(by_row.get(row_no, [])), row_no])
        ws2 = wb.create_sheet("问题清单")
        ws2.append(["行号", "列", "问题"])
        for p in sorted(self.problems, key=lambda p: (p.row, p.column)):
            ws2.append([p.row, _writable(p.column), _writable(p.message)])
        out.parent.mkdir(parents=True, exist_ok=True)
        wb.save(out)
        return out


EXCEL_CELL_MAX = 32_767


def _writable(cell: object) -> object:
    """A bad row's cell as Excel can hold it: an invisible character shown as ⟨U+200B⟩ where it
    was (newlines and tabs kept), at most Excel's 32,767 characters; a before-1900 date cell (a
    bare time) as its text. Writing the bad rows must not fail on the very cells that made them bad."""
    if isinstance(cell, str):
        if not cell.isprintable():
            cell = "".join(c if c in "\n\r\t" else visible(c) for c in cell)
        return cell[:EXCEL_CELL_MAX]
    if isinstance(cell, int | float | bool | date | datetime) or cell is None:
        return cell
    return str(cell)
