"""``govdesk print points`` (积分公示) and ``govdesk export points`` on the demo village."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from govdesk.cli import main
from govdesk.db import Database
from govdesk.services.listing import ListQuery
from govdesk.services.points import PointService
from govdesk.services.printing import PrintService
from tests.printing.print_pdfcheck import font_problems, page_texts, squeeze


def test_the_wall_is_ranked_public_and_archived(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    ranking = PointService(demo_db, clock=lambda: datetime(2026, 11, 23)).ranking(2025)
    best, worst = ranking.lines[0], ranking.lines[-1]
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "wall.pdf"
    assert main(["--db", db_path, "print", "points", "--year", "2025", "--out", str(out)]) == 0
    assert "已存档" in capsys.readouterr().out
    text = squeeze("".join(page_texts(out.read_bytes())))
    assert "青山村2025年度党员积分公示" in text and "公开版" in text
    assert f"1{best.name}{best.branch}" in text and str(best.total) in text and str(worst.total) in text
    assert text.index(best.name) < text.index(worst.name)  # ranked, best first
    assert font_problems(out.read_bytes()) == []
    quarter = tmp_path / "q1.pdf"
    assert main(["--db", db_path, "print", "points", "--year", "2026", "--quarter", "1", "--out", str(quarter)]) == 0
    assert "2026年第一季度党员积分公示" in squeeze("".join(page_texts(quarter.read_bytes())))
    assert [e.kind for e in PrintService(Database(db_path)).archived()] == ["points.wall", "points.wall"]


def test_a_bad_quarter_is_one_chinese_line_and_no_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.pdf"
    db = str(tmp_path / "x.sqlite3")
    assert main(["--db", db, "print", "points", "--year", "2026", "--quarter", "5", "--out", str(out)]) == 1
    assert "季度应为 1、2、3 或 4" in capsys.readouterr().err and not out.exists()


def test_export_the_years_ranking_and_ledger(demo_db: Database, tmp_path: Path) -> None:
    service = PointService(demo_db, clock=lambda: datetime(2026, 11, 23))
    ranking = service.ranking(2026)
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "points.xlsx"
    assert main(["--db", db_path, "export", "points", "--year", "2026", str(out)]) == 0
    book = load_workbook(out, read_only=True)
    ranked = list(book["2026年积分排名"].iter_rows(values_only=True))
    assert ranked[0][:4] == ("排名", "支部排名", "姓名", "所在支部") and len(ranked) == len(ranking.lines) + 1
    ledger = list(book["2026年积分台账"].iter_rows(values_only=True))
    assert any(row[8] and str(row[8]).startswith("更正第") for row in ledger[1:])  # the demo's 更正


def test_the_demo_village_has_a_year_of_points(demo_db: Database) -> None:
    service = PointService(demo_db, clock=lambda: datetime(2026, 11, 23))
    for year in (2025, 2026):
        ranking = service.ranking(year)
        assert len(ranking.lines) >= 30 and sum(1 for x in ranking.lines if x.vetoed) == 1  # one 一票否决
        assert sum(1 for x in ranking.lines if x.assessment is not None) >= len(ranking.lines) * 0.8
        assert len({x.total for x in ranking.lines}) > 10  # a real spread, not all equal
    rows = service.page(ListQuery(filters={"year": 2026}), 0, 5000)
    assert any(r.values[-1].startswith("更正第") for r in rows) and len(rows) > 500
    skipped = [c for c in service.candidates(2025, top_percent=100) if not c.chosen]
    assert any("一票否决" in c.reason for c in skipped)
