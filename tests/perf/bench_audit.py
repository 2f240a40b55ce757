"""What the audit costs an import: the same register imported into fresh villages with the audit's
per-statement counter on (as shipped) and off (the floor, measured in the same run), alternately.

The audit of a Core import is ONE row with counts per table, so the cost should be the counter's
dictionary look-up per executed statement (a few hundred executemany calls), not per resident.

    python tests/perf/bench_audit.py [households]   (default 20,000 households = 40,000 residents)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GOVDESK_HOME", tempfile.mkdtemp())

HEADER = ["户号", "姓名", "与户主关系", "性别", "民族", "出生日期", "公民身份号码", "联系电话", "村民小组"]


def register(path: Path, households: int) -> Path:
    from openpyxl import Workbook

    from govdesk import idcard

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(HEADER)
    for i in range(households):
        birth = date(1950, 1, 1) + timedelta(days=i // 400)
        head = idcard.make_number("330784", birth, (i % 400) * 2 + 1)
        spouse = idcard.make_number("330784", birth, (i % 400) * 2 + 2)
        ws.append([f"H{i:06d}", f"张{i}", "户主", "男", "汉族", birth.isoformat(), head, "", ""])
        ws.append([f"H{i:06d}", f"李{i}", "配偶", "女", "汉族", birth.isoformat(), spouse, "", ""])
    wb.save(path)
    return path


def one_import(folder: Path, xlsx: Path, n: int, audited: bool) -> tuple[float, int]:
    from sqlalchemy import event, func, select

    from govdesk import audit
    from govdesk.db import Database
    from govdesk.models import AuditEntry
    from govdesk.services.excel_registers import ExcelRegisterService
    from govdesk.services.village import VillageService

    db = Database(folder / f"v{n}-{'on' if audited else 'off'}.sqlite3")
    VillageService(db).create_village("青山村")
    if not audited:
        event.remove(db.engine, "after_cursor_execute", audit._count_written)  # noqa: SLF001 - the floor
    before = time.perf_counter()
    report = ExcelRegisterService(db).import_file("households", xlsx)
    took = time.perf_counter() - before
    assert report.written
    with db.session() as s:
        rows = int(s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "导入")) or 0)
    db.dispose()
    return took, rows


def main() -> None:
    households = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    folder = Path(tempfile.mkdtemp())
    xlsx = register(folder / "register.xlsx", households)
    on: list[float] = []
    off: list[float] = []
    rows = 0
    for n in range(3):
        took, rows = one_import(folder, xlsx, n, audited=True)
        on.append(took)
        off.append(one_import(folder, xlsx, n, audited=False)[0])
    print(f"import of {households:,} households ({2 * households:,} residents), best of 3:")
    print(f"  audit on : {min(on):.2f} s  ({', '.join(f'{t:.2f}' for t in on)}), audit rows written: {rows}")
    print(f"  audit off: {min(off):.2f} s  ({', '.join(f'{t:.2f}' for t in off)})")
    print(f"  cost     : {min(on) - min(off):+.2f} s ({(min(on) / min(off) - 1) * 100:+.1f} %)")


if __name__ == "__main__":
    main()
