"""五星支部 on paper and in Excel: the quarterly 通报 per branch, and the year's workbook.

The 通报 names no person (a branch's scores and the evidence), so it is a public print and is
archived. Imports reportlab (through govdesk.printing) and openpyxl, so only the print and
export paths import this.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.platypus import PageBreak

from govdesk.db import Database
from govdesk.errors import NotFoundError
from govdesk.labels import label
from govdesk.printing import (
    HEI,
    KAI,
    PUBLIC,
    TABLE_PAGE_PORTRAIT,
    BuildInfo,
    Column,
    PageDecor,
    TextBlock,
    TextStyle,
    build_pdf,
    build_table,
    chinese_date,
)
from govdesk.services.printing import register_print_kind
from govdesk.services.stars import Scorecard, StarService
from govdesk.services.village import VillageService
from govdesk.stars.rules import QUARTERS, quarter_name

ARCHIVE_QUARTER = "stars.quarter"
register_print_kind(ARCHIVE_QUARTER, "五星支部季度通报")
TITLE = TextStyle(font=HEI, size=18, leading=26, align="center", space_after=2)
SUB = TextStyle(font=KAI, size=11, leading=16, align="center", space_after=6)
HEAD = TextStyle(font=HEI, size=12, leading=18, space_before=8, space_after=3)
BODY = TextStyle(font=KAI, size=11, leading=18, space_after=4)
RIGHT = TextStyle(font=KAI, size=11, leading=18, align="right", space_before=12)


class StarReports:
    def __init__(self, db: Database, today: date | None = None) -> None:
        self.db = db
        self.stars = StarService(db)
        self.day = today or date.today()

    def _cards(self, year: int, quarter: int, branch: str | None) -> list[Scorecard]:
        branches = self.stars.branches()
        if branch:
            branches = [(self.stars.branch_named(branch), branch.strip())]
        if not branches:
            raise NotFoundError("还没有党支部：请先在“设置 → 村和组织”中建立党支部")
        if not self.stars.catalogue(year).indicators:
            raise NotFoundError(f"{year}年还没有五星支部指标目录")
        return [self.stars.scorecard(b, year, quarter) for b, _n in branches]

    def quarter_pdf(self, year: int, quarter: int, branch: str | None = None) -> BuildInfo:
        """The quarter's 通报: per branch the stars earned, the change, and every indicator's score."""
        cards = self._cards(year, quarter, branch)
        village = VillageService(self.db).title()
        who = cards[0].branch if len(cards) == 1 else village
        title = f"{who}{quarter_name(year, quarter)}“五星支部”创建情况通报"
        width = TABLE_PAGE_PORTRAIT.frame_width
        story: list[Any] = [TextBlock(title, TITLE)]
        if len(cards) > 1:
            story.append(TextBlock("各支部摘星情况", HEAD))
            rows = [
                (
                    c.branch,
                    f"{c.total:g}",
                    len(c.earned),
                    "、".join(c.earned) or "—",
                    c.change.text() if c.change else "—",
                )
                for c in cards
            ]
            story.append(self._table(("党支部", "总分", "摘星数", "所摘星", "较上季度"), rows, width, (2, 1, 1, 4, 3)))
        for n, card in enumerate(cards):
            if n:
                story.append(PageBreak())
            if len(cards) > 1:
                story.append(TextBlock(card.branch, SUB.with_(space_before=10)))
            story.append(TextBlock(card.summary(), BODY))
            story.append(TextBlock("一、摘星情况", HEAD))
            rows = card.star_table()
            heads = (
                label("star"),
                label("star_points"),
                "达标分",
                label("star_score"),
                label("star_change"),
                label("star_earned"),
            )
            story.append(self._table(heads, rows, width, (2, 1, 1, 1, 1.2, 1.4)))
            story.append(TextBlock("二、指标得分", HEAD))
            rows = [
                (
                    ln.indicator.star,
                    ln.indicator.name,
                    ln.indicator.target,
                    ln.indicator.points,
                    "未评" if ln.score is None else f"{ln.score:g}",
                    ln.evidence,
                )
                for ln in card.lines
            ]
            heads = (
                label("star"),
                label("star_indicator"),
                label("star_target"),
                label("star_points"),
                label("star_score"),
                label("star_evidence"),
            )
            story.append(self._table(heads, rows, width, (1.4, 1.6, 4.2, 0.8, 0.8, 2.4), left=(2, 5)))
        story.append(TextBlock(f"{village}　{chinese_date(self.day)}", RIGHT))
        decor = PageDecor(page=TABLE_PAGE_PORTRAIT, running_title=title, footer_left=village, footer_right="公开版")
        return build_pdf(story, decor, title=title)

    @staticmethod
    def _table(
        heads: tuple[str, ...],
        rows: list[tuple[Any, ...]],
        width: float,
        weights: tuple[float, ...],
        left: tuple[int, ...] = (),
    ) -> Any:
        columns = [Column(f"c{n}", h, weights[n], align="LEFT" if n in left else "CENTER") for n, h in enumerate(heads)]
        table, _ = build_table(columns, rows, PUBLIC, width, numbered=False)
        return table

    def export_year(self, year: int, path: Path) -> int:
        """The year's catalogue, every score with its evidence, and the stars earned per quarter."""
        from openpyxl import Workbook  # lazily: start-up never imports openpyxl

        cat = self.stars.catalogue(year)
        if not cat.indicators:
            raise NotFoundError(f"{year}年还没有五星支部指标目录")
        book = Workbook()
        sheet = book.active
        sheet.title = f"{year}年指标目录"
        sheet.append(
            [
                label("star"),
                label("star_indicator"),
                label("star_target"),
                label("star_points"),
                label("star_threshold"),
            ]
        )
        for i in cat.indicators:
            sheet.append([i.star, i.name, i.target, i.points, cat.thresholds[i.star]])
        scores = book.create_sheet("季度得分")
        scores.append(
            [
                "党支部",
                "季度",
                label("star"),
                label("star_indicator"),
                label("star_points"),
                label("star_score"),
                label("star_evidence"),
            ]
        )
        earned = book.create_sheet("摘星情况")
        earned.append(
            ["党支部", "季度", label("star"), label("star_points"), "达标分", label("star_score"), label("star_earned")]
        )
        n = 0
        for branch_id, _name in self.stars.branches():
            for q in QUARTERS:
                card = self.stars.scorecard(branch_id, year, q)
                if all(ln.score is None for ln in card.lines):
                    continue
                for ln in card.lines:
                    scores.append(
                        [
                            card.branch,
                            f"第{q}季度",
                            ln.indicator.star,
                            ln.indicator.name,
                            ln.indicator.points,
                            ln.score,
                            ln.evidence,
                        ]
                    )
                    n += 1
                for r in card.stars:
                    earned.append(
                        [card.branch, f"第{q}季度", r.star, r.points, r.needed, r.score, "是" if r.earned else "否"]
                    )
        for ws, widths in (
            (sheet, (10, 16, 50, 8, 12)),
            (scores, (12, 10, 10, 16, 8, 8, 30)),
            (earned, (12, 10, 10, 8, 8, 8, 10)),
        ):
            for column, w in zip("ABCDEFG", widths, strict=False):
                ws.column_dimensions[column].width = w
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
        return n
