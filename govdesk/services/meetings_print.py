"""会议记录 on paper: one meeting with its attendance, for the branch's 三会一课 file.

An internal copy (内部资料: it names who was absent and why), so it is not archived. The
attendance table is the sheet the window shows (``govdesk.meetings.attendance``), for the
attendees to sign beside their names when the paper copy is kept. Imports reportlab through
govdesk.printing, so only the print paths import this.
"""

from __future__ import annotations

from typing import Any

from govdesk.db import Database
from govdesk.meetings.kinds import ABSENT, EXCUSED, KIND_GENERAL, PRESENT
from govdesk.models import OrgUnit
from govdesk.printing import (
    HEI,
    INTERNAL,
    KAI,
    TABLE_PAGE_PORTRAIT,
    BuildInfo,
    Column,
    PageDecor,
    TextBlock,
    TextStyle,
    build_pdf,
    build_table,
)
from govdesk.services.meetings_query import MeetingQueries
from govdesk.services.printing import register_print_kind
from govdesk.services.village import VillageService
from govdesk.vocabulary import ORG_GENERAL_BRANCH

ARCHIVE_MEETING = "meetings.record"
register_print_kind(ARCHIVE_MEETING, "会议记录")
TITLE = TextStyle(font=HEI, size=18, leading=26, align="center", space_after=6)
LINE = TextStyle(font=KAI, size=12, leading=20)
HEAD = TextStyle(font=HEI, size=12, leading=20, space_before=8, space_after=3)
BODY = TextStyle(font=KAI, size=12, leading=20, first_indent=2)


def meeting_record_pdf(db: Database, meeting_id: int) -> BuildInfo:
    v = MeetingQueries(db).get(meeting_id)
    d = v.data
    village = VillageService(db).title()
    with db.session() as s:
        unit = s.get(OrgUnit, d.unit_id)
    # a 党总支's members' meeting is its 党员大会, not a branch's
    kind = "党员大会" if unit is not None and unit.kind == ORG_GENERAL_BRANCH and d.kind == KIND_GENERAL else d.kind
    title = f"{v.unit_name}{kind}会议记录"
    names = {
        mark: "、".join(a.name + (f"（{a.reason}）" if a.reason else "") for a in v.sheet if a.mark == mark) or "无"
        for mark in (PRESENT, EXCUSED, ABSENT)
    }
    lines = [
        f"会议时间：{d.held_on}　　会议地点：{d.place or '—'}",
        f"主 持 人：{d.host or '—'}　　记 录 人：{d.recorder or '—'}",
        f"会议主题：{d.topic}",
        f"出席情况：{v.summary()}",
        f"出席人员：{names[PRESENT]}",
        f"请假人员：{names[EXCUSED]}",
        f"缺席人员：{names[ABSENT]}",
    ]
    if v.decision:
        lines.append(f"五议两公开：本次会议为事项 {v.decision.text()}，到会名单以决策台账为准")
    story: list[Any] = [TextBlock(title, TITLE)]
    story += [TextBlock(line, LINE) for line in lines]
    story += [TextBlock("会议内容", HEAD), TextBlock(d.minutes or "（未填写）", BODY)]
    columns = [
        Column("name", "姓名", 1.5),
        Column("status", "当日身份", 1.5),
        Column("mark", "出席情况", 1.2),
        Column("reason", "请假事由", 2.5, align="LEFT"),
        Column("sign", "签名", 1.8),
    ]
    rows = [(a.name, a.status_on_day, a.mark or "未登记", a.reason, "") for a in v.sheet]
    table, _ = build_table(columns, rows, INTERNAL, TABLE_PAGE_PORTRAIT.frame_width, font_size=10)
    story += [TextBlock("签到表", HEAD), table]
    decor = PageDecor(page=TABLE_PAGE_PORTRAIT, running_title=title, internal=True, footer_left=village)
    return build_pdf(story, decor, title=title)
