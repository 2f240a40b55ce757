"""``govdesk print honours``, ``govdesk print village-rules`` and ``govdesk export honours`` on the demo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govdesk.cli import main
from govdesk.db import Database
from govdesk.services.councils import CouncilService
from govdesk.services.honours import HonourService
from govdesk.services.printing import PrintService
from tests.conftest import ROOT
from tests.printing.print_pdfcheck import font_problems, page_texts, squeeze


def test_print_the_honour_roll(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    roll = HonourService(demo_db).roll(2025)
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "roll.pdf"
    assert main(["--db", db_path, "print", "honours", "--year", "2025", "--out", str(out)]) == 0
    assert "已存档" in capsys.readouterr().out
    pdf = out.read_bytes()
    text = squeeze("".join(page_texts(pdf)))
    assert "光荣榜" in text and "青山村2025年度评先评优表彰名单" in text
    assert all(squeeze(e.name) in text for e in roll)
    assert "2025-001" in text  # decided by the representatives' meeting, named on the roll
    assert len(page_texts(pdf)) == 1  # a village's year on one sheet for the board
    assert font_problems(pdf) == []
    assert [e.kind for e in PrintService(Database(db_path)).archived()] == ["honours.roll"]


@pytest.mark.parametrize(
    ("year", "message"),
    [("2019", "2019 年度还没有授予的荣誉"), ("2099", "四位年份"), ("今年", "四位年份")],
)
def test_a_year_without_honours_is_one_chinese_line_and_no_file(  # type: ignore[no-untyped-def]
    demo_db: Database, tmp_path: Path, capsys, year: str, message: str
) -> None:
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "x.pdf"
    assert main(["--db", db_path, "print", "honours", "--year", year, "--out", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_print_the_village_rules_current_and_older(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    versions = CouncilService(demo_db).versions(None)
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "rules.pdf"
    assert main(["--db", db_path, "print", "village-rules", "--out", str(out)]) == 0
    text = squeeze("".join(page_texts(out.read_bytes())))
    current = next(v for v in versions if v.current)
    assert "青山村村规民约" in text and squeeze(current.text.splitlines()[5]) in text and "废止" not in text[:60]
    old = tmp_path / "old.pdf"
    assert main(["--db", db_path, "print", "village-rules", "--version", "1", "--out", str(old)]) == 0
    assert "仅供查阅" in squeeze("".join(page_texts(old.read_bytes())))
    assert main(["--db", db_path, "print", "village-rules", "--version", "9", "--out", str(old)]) == 1
    assert "没有第 9 版" in capsys.readouterr().err


def test_export_the_year(demo_db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "honours.xlsx"
    assert main(["--db", db_path, "export", "honours", "--year", "2026", str(out)]) == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("年度", "荣誉称号", "授予对象")
    assert {r[5] for r in rows[1:]} >= {"授予", "提名"}
    assert all(r[0] == 2026 for r in rows[1:])


@pytest.mark.parametrize(
    "module", ["govdesk.services.honours", "govdesk.services.councils", "govdesk.cli.print_honours"]
)
def test_the_modules_import_neither_openpyxl_nor_reportlab(module: str) -> None:
    code = f"import sys, {module}; print('openpyxl' in sys.modules, 'reportlab' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False False"
