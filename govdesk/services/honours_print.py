"""评先评优 on paper and in Excel: the year's 光荣榜 for the board, the year's ledger export.

The 光荣榜 is public (names may appear on the board; nothing else personal is printed) and is
archived when printed (打印存档). Its layout is the board's: a large red title, one block per
honour and level (higher levels first), the names in large type four to a line, the issuing
bodies and the date at the bottom right with room for the seal. Imports reportlab and openpyxl,
so only the print and export paths import this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle
from sqlalchemy import select

from govdesk.db import Database
from govdesk.errors import FieldError, ValidationError
from govdesk.honours.rules import FIRST_YEAR, LEVELS
from govdesk.labels import label
from govdesk.models import HonourAward, Matter, Village
from govdesk.printing import (
    HEI,
    KAI,
    NOTICE_PAGE,
    BuildInfo,
    PageDecor,
    PageSpec,
    TextBlock,
    TextStyle,
    build_pdf,
    chinese_date,
)
from govdesk.services.decisions_print import _issuers
from govdesk.services.honours_query import HonourQueries, RollEntry, matter_text
from govdesk.services.printing import register_print_kind

ARCHIVE_ROLL = "honours.roll"
register_print_kind(ARCHIVE_ROLL, "光荣榜")
RED = colors.HexColor("#B71C1C")
# The board's sheet: A4 with the notice's side margins but less paper above and below, so a
# village's year (twenty to forty names) stays on one sheet.
ROLL_PAGE = PageSpec(NOTICE_PAGE.size, NOTICE_PAGE.left, NOTICE_PAGE.right, 18 * mm, 20 * mm)
TITLE = TextStyle(font=HEI, size=38, leading=46, align="center", space_after=2, color=RED)
SUBTITLE = TextStyle(font=KAI, size=18, leading=28, align="center", space_after=10)
INTRO = TextStyle(font=KAI, size=15, leading=26, align="justify", first_indent=2, space_after=6)
PALE_RED = colors.HexColor("#E8A8A8")
HEADING = TextStyle(font=HEI, size=14, leading=19, align="center", color=RED)
NAMES = TextStyle(font=KAI, size=16, leading=26)
SIGNATURE = TextStyle(font=KAI, size=15, leading=24, align="right", right_indent=2)


def parse_year(value: Any, today: date) -> int:
    """A year to print or export: four digits, not before 1949 nor after this year."""
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        year = 0
    if not FIRST_YEAR <= year <= today.year:
        raise ValidationError(
            [FieldError("honour_year", label("honour_year"), f"应为 {FIRST_YEAR}–{today.year} 之间的四位年份")]
        )
    return year


@dataclass(frozen=True)
class RollGroup:
    honour: str
    level: str
    recipient: str
    names: tuple[str, ...]

    @property
    def heading(self) -> str:
        unit = "户" if self.recipient == "户" else "人"
        level = "" if self.level == LEVELS[0] else f"（{self.level}）"
        return f"{self.honour}{level}\n{len(self.names)} {unit}"


def roll_groups(entries: list[RollEntry]) -> list[RollGroup]:
    """The roll's entries (already in order) gathered by honour and level."""
    groups: list[RollGroup] = []
    for e in entries:
        last = groups[-1] if groups else None
        if last is not None and (last.honour, last.level) == (e.honour, e.level):
            groups[-1] = RollGroup(last.honour, last.level, last.recipient, (*last.names, e.name))
        else:
            groups.append(RollGroup(e.honour, e.level, e.recipient, (e.name,)))
    return groups


def _roll_table(groups: list[RollGroup], width: float) -> Table:
    """One row per honour and level: the honour in red on the left, the names beside it."""
    rows = [[TextBlock(g.heading, HEADING), TextBlock("　　".join(g.names), NAMES)] for g in groups]
    table = Table(rows, colWidths=[width * 0.32, width * 0.68])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), KAI),  # the embedded face, even where no text is drawn
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, RED),
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, PALE_RED),
                ("LINEBELOW", (0, -1), (-1, -1), 1.2, RED),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


class HonourPrints:
    def __init__(self, db: Database, today: date | None = None) -> None:
        self.db = db
        self.queries = HonourQueries(db)
        self.day = today or self.queries.today()

    def roll_pdf(self, year: int, day: date | None = None) -> BuildInfo:
        """光荣榜: the year's awards, board-ready; a year without awards is refused (nothing printed)."""
        entries = self.queries.roll(year)
        if not entries:
            raise ValidationError(
                [FieldError("honour_year", label("honour_year"), f"{year} 年度还没有授予的荣誉，无法打印光荣榜")]
            )
        with self.db.session() as s:
            village = s.scalars(select(Village).order_by(Village.id)).first()
            issuers = _issuers(s, village) if village else ()
            name = village.name if village else ""
            matters = s.execute(
                select(Matter.number, Matter.title)
                .join(HonourAward, HonourAward.matter_id == Matter.id)
                .where(HonourAward.year == year, HonourAward.status == "授予")
                .distinct()
            ).all()
        width = ROLL_PAGE.frame_width
        decided = "、".join(matter_text(n, t).split(" ", 1)[0] for n, t in matters)
        how = f"经村“两委”提议、村民代表会议决议（决策台账 {decided}）" if decided else "经评选"
        intro = (
            f"为弘扬社会主义核心价值观，树立文明新风，{how}，对以下{year}年度评选出的先进家庭和个人予以表彰。"
            "希望受表彰的家庭和个人再接再厉，全体村民向他们学习。"
        )
        story: list[Any] = [
            TextBlock("光 荣 榜", TITLE),
            TextBlock(f"{name}{year}年度评先评优表彰名单", SUBTITLE),
            TextBlock(intro, INTRO),
        ]
        story.append(_roll_table(roll_groups(entries), width))
        # The issuers and the date at the bottom right, with a line's room above for the seal.
        sign = "\n".join([*(issuers or [name]), chinese_date(day or self.day)])
        story += [Spacer(1, 24), TextBlock(sign, SIGNATURE)]
        title = f"{name}{year}年度光荣榜"
        return build_pdf(story, PageDecor(page=ROLL_PAGE, numbers="multi"), title=title)

    # --- Excel -----------------------------------------------------------------------------
    def export_year(self, year: int, path: Path) -> int:
        """Every entry of the year (nominations, awards, not chosen), one row each."""
        from openpyxl import Workbook  # lazily: start-up never imports openpyxl

        heads = [
            "honour_year",
            "honour",
            "honour_recipient",
            "honour_recipient_kind",
            "honour_level",
            "honour_status",
            "honour_nominated_on",
            "honour_nominated_by",
            "honour_awarded_on",
            "honour_matter",
            "honour_note",
        ]
        with self.db.session() as s:
            rows = s.execute(
                select(
                    HonourAward.year,
                    HonourAward.honour,
                    HonourAward.recipient_name,
                    HonourAward.recipient,
                    HonourAward.level,
                    HonourAward.status,
                    HonourAward.nominated_on,
                    HonourAward.nominated_by,
                    HonourAward.awarded_on,
                    Matter.number,
                    Matter.title,
                    HonourAward.note,
                )
                .outerjoin(Matter, Matter.id == HonourAward.matter_id)
                .where(HonourAward.year == year)
                .order_by(HonourAward.honour, HonourAward.level, HonourAward.id)
            ).all()
        book = Workbook()
        sheet = book.active
        sheet.title = f"{year}年度评先评优"
        sheet.append([label(h) for h in heads])
        for r in rows:
            sheet.append([*r[:9], matter_text(r[9], r[10]), r[11]])
        for column, w in zip("ABCDEFGHIJK", (8, 14, 14, 8, 8, 8, 12, 14, 12, 36, 40), strict=True):
            sheet.column_dimensions[column].width = w
        for cell in sheet["G"][1:] + sheet["I"][1:]:
            cell.number_format = "yyyy-mm-dd"
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
        return len(rows)
