"""``govdesk print voices`` and ``govdesk export voices`` on the demo village."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from govdesk.cli import main
from govdesk.db import Database
from govdesk.printing.masking import mask_name
from govdesk.services.printing import PrintService
from govdesk.services.voices_report import VoiceReports
from tests.conftest import ROOT
from tests.printing.print_pdfcheck import font_problems, page_texts, squeeze


def test_print_the_monthly_report_and_the_board(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    figures = VoiceReports(demo_db, today=date(2026, 11, 23)).month(2026, 10).figures
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "report.pdf"
    assert main(["--db", db_path, "print", "voices", "--month", "2026-10", "--out", str(out)]) == 0
    text = squeeze("".join(page_texts(out.read_bytes())))
    assert "2026年10月民情台账月报" in text and "内部资料" in text
    assert f"本月受理{figures.received}件" in text and "答复率" in text and "答复用时中位数" in text
    assert font_problems(out.read_bytes()) == []
    board = tmp_path / "board.pdf"
    assert main(["--db", db_path, "print", "voices", "--month", "2026-04", "--out", str(board), "--public"]) == 0
    assert "已存档" in capsys.readouterr().out
    text = squeeze("".join(page_texts(board.read_bytes())))
    assert "民情办理情况公开" in text and "公开版" in text
    assert "王建国" not in text and mask_name("王建国") in text  # the road's first voice, masked
    assert [e.kind for e in PrintService(Database(db_path)).archived()] == ["voices.board"]


def test_a_bad_month_is_one_chinese_line_and_no_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.pdf"
    assert main(["--db", str(tmp_path / "x.sqlite3"), "print", "voices", "--month", "2026-13", "--out", str(out)]) == 1
    assert "应写成 年-月" in capsys.readouterr().err
    assert not out.exists()


def test_export_the_year(demo_db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "voices.xlsx"
    assert main(["--db", db_path, "export", "voices", "--year", "2026", str(out)]) == 0
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("编号", "反映日期", "收集渠道")
    assert len(rows) > 30
    assert any(r[-1] and "2026-001" in r[-1] for r in rows[1:])  # the road matter, on its items
    assert all(r[1].year == 2026 for r in rows[1:])


@pytest.mark.parametrize("module", ["govdesk.services.voices", "govdesk.cli.print_voices", "ui.areas.voices"])
def test_the_voices_modules_import_neither_openpyxl_nor_reportlab(module: str) -> None:
    """The report and export modules are imported only when a print or an export runs."""
    code = f"import sys, {module}; print('openpyxl' in sys.modules, 'reportlab' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False False"
