"""民情台账 on paper and in Excel: the monthly report, the board list, the year's export.

The monthly report (月报) names who raised the overdue items, so it is the internal copy
(内部资料, not archived). The board list (民情办理公开) is public: names masked as 张*明,
mobiles and ID numbers masked by the engine's policy, archived when printed. Imports
reportlab (through govdesk.printing) and openpyxl, so only the print/export paths import this.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select

from govdesk.db import Database
from govdesk.errors import FieldError, ValidationError
from govdesk.labels import label
from govdesk.models.voices import VoiceItem
from govdesk.printing import (
    HEI,
    INTERNAL,
    KAI,
    PUBLIC_SENSITIVE,
    TABLE_PAGE_PORTRAIT,
    BuildInfo,
    Column,
    FieldKind,
    PageDecor,
    TableDocument,
    TextBlock,
    TextStyle,
    build_pdf,
    build_table,
)
from govdesk.printing.masking import mask_name
from govdesk.services.printing import register_print_kind
from govdesk.services.village import VillageService
from govdesk.services.voices_query import LinkedMatter, VoiceQueries, _linked, summary
from govdesk.voices.report import ItemFacts, MonthFigures, month_figures
from govdesk.voices.rules import CLOSED_STATUSES

ARCHIVE_BOARD = "voices.board"
register_print_kind(ARCHIVE_BOARD, "民情办理公开")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
TITLE = TextStyle(font=HEI, size=18, leading=26, align="center", space_after=2)
SUB = TextStyle(font=KAI, size=11, leading=16, align="center", space_after=6)
HEAD = TextStyle(font=HEI, size=12, leading=18, space_before=8, space_after=3)


def parse_month(text: Any) -> tuple[int, int]:
    m = _MONTH.match(str(text or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or not 2000 <= int(m.group(1)) <= 2100:
        raise ValidationError([FieldError("month", "月份", "应写成 年-月，如 2026-11")])
    return int(m.group(1)), int(m.group(2))


@dataclass(frozen=True)
class MonthReport:
    village: str
    year: int
    month: int
    figures: MonthFigures
    overdue: list[tuple[Any, ...]]  # (编号, 反映日期, 反映人, 内容, 答复期限, 逾期天数)
    board: list[tuple[Any, ...]]  # (反映日期, 反映人, 类别, 反映内容, 办理情况, 办理状态)


def board_name(item: VoiceItem) -> str:
    """Who raised it, for the board: 张*明, 张*明户, 网格员 周* (a title before the name is kept)."""
    name = item.raised_by_name.strip()
    title, _, person = name.rpartition(" ")
    suffix = "户" if item.raised_by_household_id is not None and person.endswith("户") else ""
    masked = mask_name(person[: len(person) - len(suffix)]) + suffix
    return f"{title} {masked}" if title else masked


def _done_text(item: VoiceItem, matters: list[LinkedMatter]) -> str:
    if item.status in CLOSED_STATUSES:
        return item.reply
    if matters:
        m = matters[0]
        return f"已按五议两公开程序立项办理（{m.number}，{m.state or m.stage}）"
    return "正在办理，将及时答复"


class VoiceReports:
    def __init__(self, db: Database, today: date | None = None) -> None:
        self.db = db
        self.queries = VoiceQueries(db)
        self.day = today or self.queries.today()

    def month(self, year: int, month: int) -> MonthReport:
        first = date(year, month, 1)
        last = date(year, month, calendar.monthrange(year, month)[1])
        end = min(last, self.day) if first <= self.day else last
        with self.db.session() as s:
            items = s.scalars(
                select(VoiceItem)
                .where(VoiceItem.received_on <= end)
                .where(
                    or_(VoiceItem.replied_on.is_(None), VoiceItem.replied_on >= first, VoiceItem.received_on >= first)
                )
                .order_by(VoiceItem.received_on, VoiceItem.id)
            ).all()
            facts = [
                ItemFacts(
                    i.id,
                    i.received_on,
                    i.channel,
                    i.category,
                    i.deadline,
                    i.replied_on if i.status in CLOSED_STATUSES else None,
                )
                for i in items
            ]
            figures = month_figures(facts, first, end, self.queries.categories())
            by_id = {i.id: i for i in items}
            overdue = [
                (i.id, i.received_on, i.raised_by_name, summary(i.content, 30), i.deadline, (end - i.deadline).days)
                for i in (by_id[n] for n in figures.overdue_ids)
            ]
            shown = [
                i for i in items if first <= i.received_on <= end or (i.replied_on and first <= i.replied_on <= end)
            ]
            matters = _linked(s, [i.id for i in shown])
            board = [
                (i.received_on, board_name(i), i.category, i.content, _done_text(i, matters.get(i.id, [])), i.status)
                for i in shown
            ]
        return MonthReport(VillageService(self.db).title(), year, month, figures, overdue, board)

    # --- paper -----------------------------------------------------------------------------
    def month_pdf(self, year: int, month: int) -> BuildInfo:
        r = self.month(year, month)
        f = r.figures
        title = f"{r.village}{r.year}年{r.month}月民情台账月报"
        width = TABLE_PAGE_PORTRAIT.frame_width
        period = f"统计期间：{f.first.isoformat()} 至 {f.end.isoformat()}"
        story: list[Any] = [TextBlock(title, TITLE), TextBlock(period, SUB)]
        key = [
            ("本月受理", f"{f.received} 件"),
            ("已答复（含办结）", f"{f.answered} 件"),
            ("答复率", f.response_rate_text),
            ("答复用时中位数", f.median_days_text),
            ("逾期未答复", f"{len(f.overdue_ids)} 件"),
            ("本月超期答复", f"{f.answered_late} 件"),
        ]
        story += self._table("一、主要指标", ("指标", "数值"), key, width)
        story += self._table("二、按收集渠道", ("收集渠道", "件数"), f.by_channel, width)
        story += self._table("三、按类别", ("类别", "件数"), f.by_category, width)
        heads = ("编号", "反映日期", "反映人", "反映内容", "答复期限", "逾期天数")
        story += self._table("四、逾期未答复事项", heads, r.overdue, width, weights=(1, 2, 2, 6, 2, 1.5))
        if not r.overdue:
            story.append(TextBlock("无。", SUB.with_(align="left")))
        decor = PageDecor(page=TABLE_PAGE_PORTRAIT, running_title=title, internal=True, footer_left=r.village)
        return build_pdf(story, decor, title=title)

    @staticmethod
    def _table(
        heading: str, heads: tuple[str, ...], rows: Any, width: float, weights: tuple[float, ...] = ()
    ) -> list[Any]:
        columns = [
            Column(f"c{n}", h, weights[n] if weights else 1.0, align="LEFT" if h == "反映内容" else "CENTER")
            for n, h in enumerate(heads)
        ]
        table, _ = build_table(columns, list(rows), INTERNAL, width, numbered=False)
        return [TextBlock(heading, HEAD), table]

    def board_pdf(self, year: int, month: int) -> BuildInfo:
        """民情办理公开: what was raised and what was done, names masked (张*明)."""
        r = self.month(year, month)
        columns = [
            Column("received_on", label("voice_received_on"), 1.2, FieldKind.DATE),
            Column("raised_by", label("voice_raised_by"), 1.4),  # masked by board_name
            Column("category", label("voice_category"), 1.1),
            Column("content", label("voice_content"), 4, align="LEFT"),
            Column("reply", "办理情况", 4, align="LEFT"),
            Column("status", label("voice_status"), 1.1),
        ]
        f = r.figures
        subtitle = f"本月受理 {f.received} 件，已答复 {f.answered} 件，答复率 {f.response_rate_text}"
        doc = TableDocument(
            f"{r.village}{r.year}年{r.month}月民情办理情况公开",
            columns,
            r.board,
            policy=PUBLIC_SENSITIVE,
            subtitle=subtitle,
        )
        return doc.build()

    # --- Excel -----------------------------------------------------------------------------
    def export_year(self, year: int, path: Path) -> int:
        """Every item taken in the year, one row each, with its reply and linked matters."""
        from openpyxl import Workbook  # lazily: start-up never imports openpyxl

        heads = [
            "voice_id",
            "voice_received_on",
            "voice_channel",
            "voice_raised_by",
            "voice_category",
            "voice_content",
            "voice_taken_by",
            "voice_deadline",
            "voice_status",
            "voice_reply",
            "voice_replied_by",
            "voice_replied_on",
            "voice_satisfaction",
            "voice_matter",
        ]
        with self.db.session() as s:
            items = s.scalars(
                select(VoiceItem)
                .where(VoiceItem.received_on >= date(year, 1, 1), VoiceItem.received_on <= date(year, 12, 31))
                .order_by(VoiceItem.received_on, VoiceItem.id)
            ).all()
            matters = _linked(s, [i.id for i in items])
            rows = [
                [
                    i.id,
                    i.received_on,
                    i.channel,
                    i.raised_by_name,
                    i.category,
                    i.content,
                    i.taken_by,
                    i.deadline,
                    i.status,
                    i.reply,
                    i.replied_by,
                    i.replied_on,
                    i.satisfaction,
                    "；".join(m.text() for m in matters.get(i.id, [])),
                ]
                for i in items
            ]
        book = Workbook()
        sheet = book.active
        sheet.title = f"{year}年民情台账"
        sheet.append([label(h) for h in heads])
        for row in rows:
            sheet.append(row)
        for column, width in zip("ABCDEFGHIJKLMN", (6, 12, 10, 12, 10, 40, 10, 12, 8, 40, 10, 12, 8, 30), strict=True):
            sheet.column_dimensions[column].width = width
        for cell in sheet["B"][1:] + sheet["H"][1:] + sheet["L"][1:]:
            cell.number_format = "yyyy-mm-dd"
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
        return len(rows)
