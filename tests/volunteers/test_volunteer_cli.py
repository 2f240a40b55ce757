"""``govdesk print volunteers`` / ``govdesk export volunteers`` on the demo village."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from govdesk.cli import main
from govdesk.db import Database
from govdesk.models import Resident
from govdesk.models.volunteers import VolunteerHours
from govdesk.services.printing import PrintService
from tests.printing.print_pdfcheck import font_problems, page_texts, squeeze


def test_print_the_years_hours_and_a_roster(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        name, id_number = s.execute(
            select(Resident.name, Resident.id_number).join(VolunteerHours, VolunteerHours.resident_id == Resident.id)
        ).first()  # type: ignore[misc]
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "hours.pdf"
    assert main(["--db", db_path, "print", "volunteers", "--year", "2026", "--out", str(out)]) == 0
    text = squeeze("".join(page_texts(out.read_bytes())))
    assert "青山村2026年志愿服务时长名单" in text and "累计时长" in text
    assert name in text and id_number not in text and id_number[:6] not in text
    assert font_problems(out.read_bytes()) == []
    roster = tmp_path / "roster.pdf"
    assert main(["--db", db_path, "print", "volunteers", "--team", "关爱老人服务队", "--out", str(roster)]) == 0
    assert "关爱老人服务队队员名单" in squeeze("".join(page_texts(roster.read_bytes())))
    assert "已存档" in capsys.readouterr().out
    kinds = sorted(e.kind for e in PrintService(Database(db_path)).archived())
    assert kinds == ["volunteers.roster", "volunteers.year"]
    assert main(["--db", db_path, "print", "volunteers", "--team", "舞龙队", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "没有名为“舞龙队”的服务队" in capsys.readouterr().err


def test_export_the_year(demo_db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "v.xlsx"
    assert main(["--db", db_path, "export", "volunteers", "--year", "2026", str(out)]) == 0
    book = load_workbook(out)
    hours = list(book["2026年服务时长"].iter_rows(values_only=True))
    teams = list(book["服务队"].iter_rows(values_only=True))
    assert hours[0][0] == "志愿者" and len(teams) == 5
    assert round(sum(r[4] for r in hours[1:]), 1) == round(sum(r[5] for r in teams[1:]), 1)
    assert len(list(book["活动记录"].iter_rows())) - 1 == sum(r[4] for r in teams[1:])
