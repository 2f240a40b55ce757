"""积分公示 (the points wall) on paper and the year's points in Excel.

The wall is public: names, branch, daily points, assessment and total, ranked; no ID numbers or
phones. It goes through the engine's ``TableDocument`` (page-sized tables, header on every page)
and is archived when printed. Imports reportlab and openpyxl: only the print/export paths import it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from govdesk.db import Database
from govdesk.labels import label
from govdesk.points.rules import points_text
from govdesk.printing import BuildInfo, Column, TableDocument
from govdesk.services.points_query import PointQueries, Ranking
from govdesk.services.printing import register_print_kind
from govdesk.services.village import VillageService

ARCHIVE_WALL = "points.wall"
register_print_kind(ARCHIVE_WALL, "积分公示")
QUARTER_NAMES = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}

WALL_COLUMNS: tuple[Column, ...] = (
    Column("rank", label("point_rank"), 0.8),
    Column("name", label("name"), 1.4),
    Column("branch", label("branch"), 1.6),
    Column("additions", label("point_additions"), 0.9),
    Column("deductions", label("point_deductions"), 0.9),
    Column("daily", label("point_daily"), 1.0),
    Column("assessment", label("point_assessment"), 1.0),
    Column("total", label("point_total"), 1.0),
)


def wall_rows(ranking: Ranking) -> list[tuple[Any, ...]]:
    """One row per member, best first: the numbers as the wall shows them."""
    return [
        (
            x.rank,
            x.name,
            x.branch,
            points_text(x.additions),
            points_text(x.deductions),
            str(x.daily),
            "" if x.assessment is None else points_text(x.assessment),
            str(x.total),
        )
        for x in ranking.lines
    ]


def wall_title(village: str, year: int, quarter: int | None) -> str:
    period = f"{year}年{QUARTER_NAMES[quarter]}" if quarter else f"{year}年度"
    return f"{village}{period}党员积分公示"


def wall_document(title: str, ranking: Ranking, rows: Sequence[Sequence[Any]]) -> TableDocument:
    w = ranking.weight
    subtitle = (
        f"积分截至 {ranking.through.isoformat()}；综合得分＝日常积分×{points_text(w)}＋年终测评×{points_text(1 - w)}"
    )
    return TableDocument(title, WALL_COLUMNS, rows, subtitle=subtitle, numbered=False)


class PointReports:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.queries = PointQueries(db)

    def wall_pdf(self, year: int, quarter: int | None = None) -> BuildInfo:
        ranking = self.queries.ranking(year, quarter)
        title = wall_title(VillageService(self.db).title(), year, quarter)
        return wall_document(title, ranking, wall_rows(ranking)).build()

    def export_year(self, year: int, path: Path) -> int:
        """The year's ranking (one row per member) and its ledger (one row per entry), two sheets."""
        from openpyxl import Workbook  # lazily: start-up never imports openpyxl
        from sqlalchemy import select

        from govdesk.models import Member
        from govdesk.models.points import PointEntry

        ranking = self.queries.ranking(year)
        book = Workbook()
        sheet = book.active
        sheet.title = f"{year}年积分排名"
        heads = ["point_rank", "point_branch_rank", "name", "branch", "status", "point_additions"]
        heads += ["point_deductions", "point_daily", "point_assessment", "point_total", "point_veto"]
        sheet.append([label(h) for h in heads])
        for x in ranking.lines:
            sheet.append(
                [
                    x.rank,
                    x.branch_rank,
                    x.name,
                    x.branch,
                    x.status,
                    x.additions,
                    x.deductions,
                    float(x.daily),
                    x.assessment,
                    float(x.total),
                    "是" if x.vetoed else "",
                ]
            )
        ledger = book.create_sheet(f"{year}年积分台账")
        ledger_heads = ["point_id", "point_day", "name", "point_rule_code", "point_rule_name", "point_points"]
        ledger_heads += ["point_note", "point_recorded_by", "point_correction", "point_source"]
        ledger.append([label(h) for h in ledger_heads])
        with self.db.session() as s:
            rows = s.execute(
                select(
                    PointEntry.id,
                    PointEntry.day,
                    Member.name,
                    PointEntry.rule_code,
                    PointEntry.rule_name,
                    PointEntry.points,
                    PointEntry.note,
                    PointEntry.recorded_by,
                    PointEntry.reverses_id,
                    PointEntry.source,
                )
                .join(Member, Member.id == PointEntry.member_id)
                .where(PointEntry.day >= date(year, 1, 1), PointEntry.day <= date(year, 12, 31))
                .order_by(PointEntry.day, PointEntry.id)
            ).all()
        for r in rows:
            ledger.append([*r[:8], f"更正第 {r[8]} 条" if r[8] else "", r[9]])
        for cell in ledger["B"][1:]:
            cell.number_format = "yyyy-mm-dd"
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
        return len(ranking.lines)
