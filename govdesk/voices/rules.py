"""The rules of a 民情 item, as plain functions (each with a table-driven test).

- 答复期限: an item is answered within ``DEFAULT_DEADLINE_DAYS`` (7) days of being taken unless the
  clerk sets another deadline, never before the day it was taken.
- 逾期: an item not yet answered (待办 / 办理中) is overdue from the day after its deadline.
- 事事有回应: an item is closed (已答复 / 已办结) only with a reply, who gave it and when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from govdesk.validation import Checker, clean_text, parse_date

CHANNELS = ("湾子夜话", "入户走访", "来电", "来访", "网格员上报", "其他")
STATUS_NEW = "待办"
STATUS_WORKING = "办理中"
STATUS_ANSWERED = "已答复"
STATUS_DONE = "已办结"
STATUSES = (STATUS_NEW, STATUS_WORKING, STATUS_ANSWERED, STATUS_DONE)
OPEN_STATUSES = (STATUS_NEW, STATUS_WORKING)
CLOSED_STATUSES = (STATUS_ANSWERED, STATUS_DONE)
NOT_VISITED = "未回访"
SATISFACTION = ("满意", "基本满意", "不满意", NOT_VISITED)
DEFAULT_CATEGORIES = ("道路交通", "水利", "环境卫生", "邻里纠纷", "社会保障", "产业发展", "其他")
DEFAULT_DEADLINE_DAYS = 7
MAX_CONTENT = 2000
MAX_NAME = 100
NEEDS_REPLY = "办结或答复前须填写答复内容（事事有回应）"


def default_deadline(received_on: date) -> date:
    """答复期限: seven days after the item was taken."""
    return received_on + timedelta(days=DEFAULT_DEADLINE_DAYS)


def is_closed(status: str) -> bool:
    return status in CLOSED_STATUSES


def days_overdue(deadline: date, status: str, today: date) -> int:
    """Days past the deadline of an item still waiting for an answer (0: not overdue)."""
    if is_closed(status):
        return 0
    return max((today - deadline).days, 0)


def is_overdue(deadline: date, status: str, today: date) -> bool:
    return days_overdue(deadline, status, today) > 0


def answered_late(deadline: date, replied_on: date | None) -> bool:
    """Answered, but after the deadline (counted in the monthly report as 超期答复)."""
    return replied_on is not None and replied_on > deadline


def days_to_answer(received_on: date, replied_on: date | None) -> int | None:
    return None if replied_on is None else (replied_on - received_on).days


@dataclass
class VoiceInput:
    """What the form hands the service: raw values, checked by ``check_item``."""

    received_on: Any = None
    channel: Any = ""
    raised_by_name: Any = ""  # free text for an outsider; filled from the resident/household otherwise
    raised_by_resident_id: int | None = None
    raised_by_household_id: int | None = None
    villager_group_id: int | None = None
    grid_id: Any = None
    category: Any = ""
    content: Any = ""
    taken_by: Any = ""
    deadline: Any = None  # empty: seven days after received_on
    status: Any = STATUS_NEW
    reply: Any = ""
    replied_by: Any = ""
    replied_on: Any = None
    satisfaction: Any = NOT_VISITED


@dataclass(frozen=True)
class VoiceData:
    """A checked item, ready to store."""

    received_on: date
    channel: str
    raised_by_name: str
    raised_by_resident_id: int | None
    raised_by_household_id: int | None
    villager_group_id: int | None
    grid_id: int | None
    category: str
    content: str
    taken_by: str
    deadline: date
    status: str
    reply: str
    replied_by: str
    replied_on: date | None
    satisfaction: str


def _choice(c: Checker, field: str, value: Any, choices: tuple[str, ...] | list[str], default: str = "") -> str:
    text = c.run(field, clean_text, value) or default
    if text not in choices:
        c.fail(field, "应为：" + "、".join(choices))
    return text


def check_reply(
    c: Checker, status: str, reply: str, replied_by: str, replied_on: date | None, received: date | None
) -> None:
    """事事有回应: closing needs the reply, who answered and when (not before the item was taken)."""
    if not is_closed(status):
        return
    if not reply:
        c.fail("voice_reply", NEEDS_REPLY)
    if not replied_by:
        c.fail("voice_replied_by", "答复后须写明答复人")
    if replied_on is None:
        if not any(e.field == "voice_replied_on" for e in c.errors):
            c.fail("voice_replied_on", "答复后须写明答复日期")
    elif received is not None and replied_on < received:
        c.fail("voice_replied_on", "不能早于反映日期")


def check_item(data: VoiceInput, today: date, categories: tuple[str, ...] | list[str]) -> VoiceData:
    """Every problem of an item at once (``ValidationError``, Chinese, by field) or the clean item."""
    c = Checker()
    received = c.required_date("voice_received_on", data.received_on)
    if received is not None and received > today:
        c.fail("voice_received_on", "不能晚于今天")
    channel = _choice(c, "voice_channel", data.channel, CHANNELS)
    resident_id = c.chosen_id("voice_raised_by", data.raised_by_resident_id)
    household_id = c.chosen_id("voice_raised_by", data.raised_by_household_id)
    name = c.run("voice_raised_by", clean_text, data.raised_by_name) or ""
    if not name and resident_id is None and household_id is None:
        c.fail("voice_raised_by", "请选择居民、农户，或填写反映人姓名")
    if len(name) > MAX_NAME:
        c.fail("voice_raised_by", f"不能超过 {MAX_NAME} 个字")
    group_id = c.chosen_id("voice_villager_group", data.villager_group_id)
    grid_id = c.chosen_id("voice_grid", data.grid_id)
    category = _choice(c, "voice_category", data.category, tuple(categories))
    content = c.run("voice_content", clean_text, data.content) or ""
    if not content:
        c.fail("voice_content", "不能为空")
    elif len(content) > MAX_CONTENT:
        c.fail("voice_content", f"不能超过 {MAX_CONTENT} 个字")
    taken_by = c.run("voice_taken_by", clean_text, data.taken_by) or ""
    if len(taken_by) > 50:
        c.fail("voice_taken_by", "不能超过 50 个字")
    deadline = c.run("voice_deadline", parse_date, data.deadline)
    if deadline is None and received is not None:
        deadline = default_deadline(received)
    if deadline is not None and received is not None and deadline < received:
        c.fail("voice_deadline", "不能早于反映日期")
    status = _choice(c, "voice_status", data.status, STATUSES, STATUS_NEW)
    reply = c.run("voice_reply", clean_text, data.reply) or ""
    replied_by = c.run("voice_replied_by", clean_text, data.replied_by) or ""
    if len(replied_by) > 50:
        c.fail("voice_replied_by", "不能超过 50 个字")
    replied_on = c.run("voice_replied_on", parse_date, data.replied_on)
    if replied_on is not None and replied_on > today:
        c.fail("voice_replied_on", "不能晚于今天")
    check_reply(c, status, reply, replied_by, replied_on, received)
    satisfaction = _choice(c, "voice_satisfaction", data.satisfaction, SATISFACTION, NOT_VISITED)
    c.raise_if_any()
    assert received is not None and deadline is not None
    return VoiceData(
        received_on=received,
        channel=channel,
        raised_by_name=name,
        raised_by_resident_id=resident_id,
        raised_by_household_id=household_id,
        villager_group_id=group_id,
        grid_id=grid_id,
        category=category,
        content=content,
        taken_by=taken_by,
        deadline=deadline,
        status=status,
        reply=reply,
        replied_by=replied_by,
        replied_on=replied_on,
        satisfaction=satisfaction,
    )
