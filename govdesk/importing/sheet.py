"""Reading a register with python-calamine: find the header under any title rows, skip blank
lines and the totals / notes rows at the bottom, keep every row's Excel row number.

openpyxl is far too slow to READ a township register (26.8 s vs 2.3 s for 178,502 rows),
so it is only used for writing.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineWorkbook

from govdesk.errors import GovdeskError
from govdesk.importing.headers import REQUIRED, columns_of
from govdesk.labels import label

HEADER_SEARCH_ROWS = 20
_FOOTER = re.compile(r"^\s*(合\s*计|总\s*计|小\s*计|共计|注\s*[:：]|注\s*\d|说明|备注\s*[:：]|制表|填表|审核|负责人)")


class RegisterFormatError(GovdeskError):
    """The file cannot be read as a register at all (no header found, not an Excel file…)."""


@dataclass
class Sheet:
    header: list[object]
    header_row: int  # Excel row number of the header
    columns: dict[str, int]  # field key -> column index
    # (Excel row number, cells): every row padded to the header's width plus one None sentinel
    # at the end, so a column the sheet lacks (index -1) reads as an empty cell.
    rows: list[tuple[int, list[object]]]
    sheet_name: str


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a register is read, checked and written.

    A township register is a million new Python objects (cells, rows, row dicts) and none of
    them form cycles; the collector would walk all of them again and again as they pile up
    (measured: about a second of a ten-second import, calamine's own read included). Plain
    reference counting still frees everything; collection resumes afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _is_blank(row: list[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in row)


def _is_footer(row: list[object], columns: dict[str, int]) -> bool:
    """合计…, 注：…, 制表人… rows: text in the first filled cell, nothing in the ID column."""
    idx = columns.get("id_number")
    if idx is not None and idx < len(row) and isinstance(row[idx], str) and len(row[idx].strip()) >= 15:
        return False
    for cell in row:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        return isinstance(cell, str) and bool(_FOOTER.match(cell))
    return False


_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (and .et) files
_SNIFF_BYTES = 4096


def check_excel_file(path: Path) -> None:
    """Say what is wrong with a file that is no Excel workbook before calamine tries it: each of
    these used to get calamine's "invalid Zip archive: Could not find EOCD", which told a clerk
    nothing. ``RegisterFormatError`` (Chinese, naming the file) or nothing."""
    name = path.name
    if not path.exists():
        raise RegisterFormatError(f"找不到文件 {path}")
    if path.is_dir():
        raise RegisterFormatError(f"“{name}”是一个文件夹，不是 Excel 文件；请选择文件夹里的花名册文件")
    with path.open("rb") as f:
        head = f.read(_SNIFF_BYTES)
    if not head:
        raise RegisterFormatError(f"文件 {name} 是空的（0 字节），可能复制或下载没有完成；请重新复制原文件")
    if head.startswith(_ZIP):
        import zipfile

        if not zipfile.is_zipfile(path):
            raise RegisterFormatError(
                f"文件 {name} 不完整（只有开头一部分），可能复制、下载时中断或 U 盘被拔出；请重新复制原文件"
            )
        return
    if head.startswith(_OLE):
        return
    if _looks_like_text(head):
        raise RegisterFormatError(
            f"文件 {name} 其实是文本（CSV）文件，只是扩展名改成了 {path.suffix or '（无）'}；"
            "请在 Excel 或 WPS 中打开它，再“另存为” Excel 工作簿（.xlsx）后导入"
        )
    raise RegisterFormatError(f"文件 {name} 不是 Excel 文件（内容既不是 .xlsx 也不是 .xls）；请选择花名册的 Excel 文件")


def _looks_like_text(head: bytes) -> bool:
    """Text in one of the encodings a desk PC writes CSV in (UTF-8 with or without BOM, GBK)."""
    if b"\x00" in head:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 text (Excel's "Unicode text")
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a character cut by the sniffing window
                return True
    return False


def read_register(path: str | Path, fields: tuple[str, ...], kind: str) -> Sheet:
    """The first sheet whose header (within the first rows) names the required columns."""
    check_excel_file(Path(path))
    try:
        wb = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors for a damaged workbook
        raise RegisterFormatError(
            f"无法读取 Excel 文件 {Path(path).name}：文件已损坏（请在 Excel 或 WPS 中打开，另存为 .xlsx 后再试）"
        ) from exc
    required = REQUIRED[kind]
    for sheet_name in wb.sheet_names:
        data = wb.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
        best: tuple[int, dict[str, int]] | None = None
        for i, row in enumerate(data[:HEADER_SEARCH_ROWS]):
            cols = columns_of(row, fields)
            if all(k in cols for k in required) and (best is None or len(cols) > len(best[1])):
                best = (i, cols)
        if best is None:
            continue
        start, cols = best
        width = max(len(data[start]), max(cols.values()) + 1)
        id_col = cols.get("id_number")  # a sheet of 年终测评 scores may have no ID numbers
        rows: list[tuple[int, list[object]]] = []
        for i in range(start + 1, len(data)):
            row = data[i]
            if len(row) < width:
                row = row + [None] * (width - len(row))
            cell = row[id_col] if id_col is not None else None
            # Fast path: a filled ID cell is a data row (no blank / footer test needed).
            if not (cell.__class__ is str and len(cell) >= 15) and (_is_blank(row) or _is_footer(row, cols)):
                continue
            row.append(None)  # the sentinel: index -1 reads as an empty cell for a column the sheet lacks
            rows.append((i + 1, row))
        return Sheet(header=list(data[start]), header_row=start + 1, columns=cols, rows=rows, sheet_name=sheet_name)
    need = "、".join(label(k) for k in required)
    raise RegisterFormatError(f"在文件前 {HEADER_SEARCH_ROWS} 行中找不到表头（至少需要：{need}）")


def read_register_in_background(path: str | Path, fields: tuple[str, ...], kind: str) -> Future[Sheet]:
    """``read_register`` on a thread of its own; the future gives the sheet or raises what the
    read raised. calamine parses the workbook without holding the GIL (some 2.5 s of a
    township register), so ``govdesk import`` loads the database layer and opens the database meanwhile.
    A daemon thread: a command that fails before it asks for the sheet exits at once."""
    future: Future[Sheet] = Future()

    def read() -> None:
        try:
            future.set_result(read_register(path, fields, kind))
        except BaseException as exc:  # noqa: BLE001 - handed over whole: the command reports it
            future.set_exception(exc)

    threading.Thread(target=read, name="govdesk-read-register", daemon=True).start()
    return future
