"""Printed duty boards through the one PDF engine (govdesk.printing): the month and today's plaque.

Phones: the engine's public policy masks mobiles (138****5678) because a register posted on a
wall must not leak villagers' numbers. A duty roster is different: its whole purpose is that a
villager can reach the cadre on duty, and the cadres' duty phones are public work numbers
(村干部挂牌上岗、公开承诺 publish them on the board). So the cadres' phones are printed in full by
default; ``mask_phones=True`` applies the engine's public policy instead (for a village whose
cadres do not want their mobiles posted — then the village office phone is the duty phone).
Every other text still goes through the policy's ``text`` (no stray ID numbers on paper).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from govdesk.errors import GovdeskError
from govdesk.printing import (
    HEI,
    KAI,
    PUBLIC,
    TABLE_PAGE,
    TABLE_PAGE_PORTRAIT,
    BuildInfo,
    FieldKind,
    PageDecor,
    TextBlock,
    TextStyle,
    build_pdf,
    chinese_date,
)
from govdesk.roster.calendar import DAY_HOLIDAY, DAY_WEEKEND, WEEKDAY_NAMES
from govdesk.roster.views import CadreRef, RosterDay, RosterView
from govdesk.services.printing import PrintService, write_file_whole
from govdesk.services.roster_print_kinds import ARCHIVE_PLAQUE, ARCHIVE_ROSTER

RED = colors.HexColor("#B00000")
WEEKEND_BG = colors.HexColor("#EEF4FB")
HOLIDAY_BG = colors.HexColor("#FBEAEA")
GRID = colors.HexColor("#444444")

TITLE = TextStyle(font=HEI, size=20, leading=28, align="center", space_after=4)
SUB = TextStyle(font=KAI, size=11, leading=16, align="center")
NOTE = TextStyle(font=KAI, size=9.5, leading=13)
SIGN = TextStyle(font=KAI, size=12, leading=20, align="right", space_before=8)
DRAFT = TextStyle(font=HEI, size=13, leading=18, align="center", color=RED, space_after=4)
CELL_DAY = TextStyle(font=KAI, size=9, leading=11)
CELL_DAY_RED = CELL_DAY.with_(color=RED)
CELL_NAME = TextStyle(font=HEI, size=13, leading=17, align="center")
CELL_PHONE = TextStyle(font=KAI, size=8.5, leading=10.5, align="center")
CELL_MARK = TextStyle(font=KAI, size=7.5, leading=9.5, align="center", color=colors.HexColor("#1F3F8F"))
CELL_SWAP = CELL_MARK.with_(color=colors.HexColor("#6A1B9A"))


def _phone(c: CadreRef | None, mask_phones: bool) -> str:
    if c is None or not c.phone:
        return ""
    return PUBLIC.show(FieldKind.PHONE, c.phone) if mask_phones else c.phone


def _cell(rd: RosterDay | None, mask_phones: bool) -> list[Any] | str:
    if rd is None:
        return ""
    head = f"{rd.day.day}" + (f" {rd.holiday_name}" if rd.holiday_name else "")
    parts: list[Any] = [TextBlock(head, CELL_DAY_RED if rd.kind == DAY_HOLIDAY else CELL_DAY)]
    parts.append(TextBlock(rd.cadre_name or "—", CELL_NAME))
    phone = _phone(rd.cadre, mask_phones)
    if phone:
        parts.append(TextBlock(phone, CELL_PHONE))
    if rd.meeting:
        parts.append(TextBlock("◆" + rd.meeting, CELL_MARK))
    if rd.swap_note:
        parts.append(TextBlock("（换班）", CELL_SWAP))
    return parts


def roster_story(view: RosterView, *, mask_phones: bool = False) -> list[Any]:
    width = TABLE_PAGE_PORTRAIT.frame_width
    story: list[Any] = [TextBlock(f"{view.village_name}{view.year}年{view.month}月村干部值班表", TITLE)]
    if view.status != "已签发":
        story.append(TextBlock("草稿（未签发，请勿张贴）", DRAFT))
    phone = f"　值班电话：{view.village_phone}" if view.village_phone else ""
    story.append(TextBlock(f"每天一名村干部坐班值守、挂牌上岗、首问负责{phone}", SUB))
    story.append(TextBlock(f"◆ {view.meeting.text()}", SUB.with_(space_after=6)))
    offset = view.days[0].day.weekday()
    flat: list[RosterDay | None] = [None] * offset + list(view.days)
    flat += [None] * (-len(flat) % 7)
    weeks = [flat[i : i + 7] for i in range(0, len(flat), 7)]
    header = [TextBlock("周" + n, CELL_NAME.with_(size=11, leading=14)) for n in WEEKDAY_NAMES]
    data: list[list[Any]] = [header] + [[_cell(rd, mask_phones) for rd in week] for week in weeks]
    row_h = min(30 * mm, (TABLE_PAGE_PORTRAIT.frame_height - 75 * mm) / len(weeks))
    table = Table(data, colWidths=[width / 7] * 7, rowHeights=[8 * mm] + [row_h] * len(weeks))
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), KAI),  # empty cells too: never an unembedded base-14 font
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, week in enumerate(weeks, start=1):
        for c, rd in enumerate(week):
            if rd is not None and rd.kind in (DAY_WEEKEND, DAY_HOLIDAY):
                style.append(("BACKGROUND", (c, r), (c, r), HOLIDAY_BG if rd.kind == DAY_HOLIDAY else WEEKEND_BG))
    table.setStyle(TableStyle(style))
    story.append(table)
    notes = ["说明：浅蓝底为休息日，浅红底为法定节假日；◆ 为两委例会。值班人因故不能到岗的，须经批准换班并登记。"]
    notes += ["换班：" + PUBLIC.text(s.text()) for s in view.swaps]
    if view.warning and view.status != "已签发":  # a reminder for the draft, not for the posted board
        notes.append("注：" + view.warning)
    story.append(Spacer(1, 4))
    story.extend(TextBlock(n, NOTE) for n in notes)
    if view.signed_on:
        story.append(TextBlock(f"签发：党组织书记 {view.signed_by}　　{chinese_date(view.signed_on)}", SIGN))
    else:
        story.append(TextBlock("签发：＿＿＿＿＿＿　　　　年　　月　　日", SIGN))
    return story


def build_roster_pdf(view: RosterView, *, mask_phones: bool = False) -> BuildInfo:
    title = f"{view.village_name}{view.year}年{view.month}月村干部值班表"
    decor = PageDecor(page=TABLE_PAGE_PORTRAIT, numbers="multi", footer_left=view.village_name)
    return build_pdf(roster_story(view, mask_phones=mask_phones), decor, title=title)


def build_plaque_pdf(cadre: CadreRef, day: date, village: str, *, mask_phones: bool = False) -> BuildInfo:
    """挂牌上岗: A4 landscape, the name large enough to read across the hall."""
    story: list[Any] = [
        Spacer(1, 18 * mm),
        TextBlock(f"{village}党群服务中心", TextStyle(font=HEI, size=26, leading=36, align="center")),
        TextBlock("今日值班", TextStyle(font=HEI, size=40, leading=56, align="center", color=RED, space_after=10)),
        TextBlock(cadre.name, TextStyle(font=KAI, size=110, leading=130, align="center")),
        TextBlock(cadre.post, TextStyle(font=KAI, size=26, leading=38, align="center", space_before=4)),
    ]
    phone = _phone(cadre, mask_phones)
    if phone:
        story.append(TextBlock(f"联系电话：{phone}", TextStyle(font=KAI, size=30, leading=44, align="center")))
    wd = "星期" + "一二三四五六日"[day.weekday()]
    story.append(
        TextBlock(
            f"{chinese_date(day)}　{wd}　　挂牌上岗　首问负责",
            TextStyle(font=KAI, size=18, leading=28, align="center", space_before=14),
        )
    )
    decor = PageDecor(page=TABLE_PAGE, numbers="never")
    return build_pdf(story, decor, title=f"{village}值班挂牌 {day.isoformat()} {cadre.name}")


def save(info: BuildInfo, out: Path) -> Path:
    write_file_whole(out, info.pdf)
    return out


def _publish(services: Any, info: BuildInfo, out: Path, kind: str) -> None:
    """Public prints are saved with their archive row (打印存档) as one unit by the printing service."""
    service = getattr(services, "printing", None) or PrintService(services.db)
    service.publish(info, out, kind=kind)


def roster_for_print(services: Any, month: str | tuple[int, int]) -> tuple[RosterView, bool]:
    """The month's roster, drafted first if none exists; returns (view, drafted_now)."""
    view = services.roster.roster(month)
    if view.exists:
        return view, False
    return services.roster.draft(month), True


def roster_document(
    services: Any, month: str | tuple[int, int], *, mask_phones: bool = False
) -> tuple[RosterView, BuildInfo]:
    """The month's roster PDF (drafting the month first if it has none)."""
    view, _ = roster_for_print(services, month)
    return view, build_roster_pdf(view, mask_phones=mask_phones)


def plaque_document(services: Any, day: date, *, mask_phones: bool = False) -> BuildInfo:
    """Today's duty plaque (挂牌上岗) PDF; the month is drafted first if it has no roster."""
    roster_for_print(services, (day.year, day.month))
    cadre = services.roster.on_duty(day)
    if cadre is None:
        raise GovdeskError(f"{chinese_date(day)} 没有排值班人，无法打印挂牌")
    return build_plaque_pdf(cadre, day, services.village.title(), mask_phones=mask_phones)


def print_roster(
    services: Any, month: str | tuple[int, int], out: Path, *, mask_phones: bool = False, archive: bool = True
) -> Path:
    view, info = roster_document(services, month, mask_phones=mask_phones)
    if archive and view.status == "已签发":  # a draft is not posted, so not archived
        _publish(services, info, out, ARCHIVE_ROSTER)
    else:
        save(info, out)
    return out


def print_plaque(services: Any, day: date, out: Path, *, mask_phones: bool = False, archive: bool = True) -> Path:
    info = plaque_document(services, day, mask_phones=mask_phones)
    if archive:
        _publish(services, info, out, ARCHIVE_PLAQUE)
    else:
        save(info, out)
    return out
