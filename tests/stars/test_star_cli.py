"""``govdesk print stars`` / ``govdesk export stars`` on the demo village."""

from __future__ import annotations

from pathlib import Path

from govdesk.cli import main
from govdesk.db import Database
from govdesk.services.printing import PrintService
from tests.printing.print_pdfcheck import font_problems, page_texts, squeeze


def test_print_a_branchs_quarter_and_all_branches(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "q2.pdf"
    assert (
        main(["--db", db_path, "print", "stars", "--quarter", "2026-Q2", "--branch", "第二党支部", "--out", str(out)])
        == 0
    )
    text = squeeze("".join(page_texts(out.read_bytes())))
    assert "第二党支部2026年第二季度“五星支部”创建情况通报" in text
    assert "失去生态宜居" in text and "未达标" in text and "河塘管护" in text
    assert font_problems(out.read_bytes()) == []
    every = tmp_path / "q3.pdf"
    assert main(["--db", db_path, "print", "stars", "--quarter", "2026-Q3", "--out", str(every)]) == 0
    text = squeeze("".join(page_texts(every.read_bytes())))
    assert "各支部摘星情况" in text and "第一党支部" in text and "新摘生态宜居" in text
    assert "已存档" in capsys.readouterr().out
    assert [e.kind for e in PrintService(Database(db_path)).archived()] == ["stars.quarter", "stars.quarter"]


def test_bad_quarter_or_branch_is_one_chinese_line_and_no_file(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "x.pdf"
    assert main(["--db", db_path, "print", "stars", "--quarter", "2026-Q5", "--out", str(out)]) == 1
    assert "不是季度" in capsys.readouterr().err
    assert (
        main(["--db", db_path, "print", "stars", "--quarter", "2026-Q1", "--branch", "第九党支部", "--out", str(out)])
        == 1
    )
    assert "没有名为“第九党支部”的党支部" in capsys.readouterr().err
    assert main(["--db", db_path, "print", "stars", "--quarter", "2031-Q1", "--out", str(out)]) == 1
    assert "2031年还没有五星支部指标目录" in capsys.readouterr().err
    assert not out.exists()


def test_export_the_year(demo_db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "stars.xlsx"
    assert main(["--db", db_path, "export", "stars", "--year", "2026", str(out)]) == 0
    book = load_workbook(out)
    catalogue = list(book["2026年指标目录"].iter_rows(values_only=True))
    assert catalogue[0][:2] == ("星", "指标") and sum(r[3] for r in catalogue[1:]) == 100
    earned = list(book["摘星情况"].iter_rows(values_only=True))
    assert ("第二党支部", "第2季度", "生态宜居") in {r[:3] for r in earned if r[-1] == "否"}
    assert len(list(book["季度得分"].iter_rows())) == 1 + 2 * 3 * 16
