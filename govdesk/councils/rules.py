"""The rules of councils and charters, as plain functions (each with a table-driven test).

- 理事会: a 村湾理事会 belongs to one villager group (村湾); its groups (红白理事会 …) may name the
  村湾理事会 they belong to, which must be a 村湾理事会 and not themselves.
- 任期: a term ends on or after the day it began; one person holds one term at a time on a
  council; a council has one 会长 at a time.
- 会议: held on a day that has come, with a topic and at least one member present, and only
  members serving on that day count as attendees.
- 村规民约 / 章程: versions follow each other; a new version is adopted after the current one
  (which is then superseded on that day), so exactly one version is current.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from govdesk.validation import Checker, clean_name, clean_text, parse_date

KIND_HAMLET = "村湾理事会"
COUNCIL_KINDS = (KIND_HAMLET, "红白理事会", "道德评议会", "村民议事会", "禁毒禁赌会", "其他")
ROLE_CHAIR = "会长"
ROLES = (ROLE_CHAIR, "副会长", "秘书长", "理事", "成员")
ADOPTING_BODIES = ("村民代表会议", "村民会议", "理事会全体会议", "两委联席会议")
VILLAGE_RULES = "村规民约"
MAX_TEXT = 20_000


@dataclass(frozen=True)
class Term:
    """One member term as the rules see it."""

    id: int
    person: str  # the resident id as text, or the name when none: the same person twice
    role: str
    started_on: date
    ended_on: date | None

    def serves_on(self, day: date) -> bool:
        return self.started_on <= day and (self.ended_on is None or day <= self.ended_on)


def terms_overlap(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    """Two closed periods (an open end runs on) share at least one day."""
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)


def term_problem(started_on: date, ended_on: date | None) -> str:
    if ended_on is not None and ended_on < started_on:
        return "离任日期不能早于任职日期"
    return ""


def clash_problem(new: Term, others: Iterable[Term]) -> tuple[str, str]:
    """(field, why) when the new or changed term clashes with the council's other terms."""
    for other in others:
        if other.id == new.id or not terms_overlap(new.started_on, new.ended_on, other.started_on, other.ended_on):
            continue
        if other.person == new.person:
            return "council_member", f"此人在这个理事会已有任期（{other.started_on} 起，{other.role}），请先结束原任期"
        if new.role == ROLE_CHAIR and other.role == ROLE_CHAIR:
            return "council_role", f"同一时期只能有一位会长（现任会长 {other.started_on} 起任职）"
    return "", ""


def serving(terms: Iterable[Term], day: date) -> list[Term]:
    return [t for t in terms if t.serves_on(day)]


def attendance_problem(attendee_ids: Sequence[int], terms: Iterable[Term], day: date) -> str:
    """Attendees are members serving on the meeting day; at least one."""
    if not attendee_ids:
        return "请至少选择一位参会成员"
    on_duty = {t.id for t in serving(terms, day)}
    if any(i not in on_duty for i in attendee_ids):
        return "参会成员须是会议当天在任的理事会成员"
    return ""


def parent_problem(kind: str, own_id: int | None, parent_id: int | None, parent_kind: str | None) -> str:
    if parent_id is None:
        return ""
    if own_id is not None and parent_id == own_id:
        return "不能隶属于自己"
    if kind == KIND_HAMLET:
        return "村湾理事会不隶属于其他理事会"
    if parent_kind != KIND_HAMLET:
        return "只能隶属于村湾理事会"
    return ""


def next_version_problem(current_adopted_on: date | None, adopted_on: date) -> str:
    """A new version is adopted after the current one (the same day would leave two current)."""
    if current_adopted_on is not None and adopted_on <= current_adopted_on:
        return f"应晚于现行版本的通过日期（{current_adopted_on}）"
    return ""


@dataclass(frozen=True)
class Version:
    id: int
    version_no: int
    adopted_on: date
    superseded_on: date | None


def current_version(versions: Iterable[Version]) -> Version | None:
    """The one version not superseded (the newest adopted, should the data ever disagree)."""
    live = [v for v in versions if v.superseded_on is None]
    return max(live, key=lambda v: (v.adopted_on, v.version_no)) if live else None


def version_in_force(versions: Iterable[Version], day: date) -> Version | None:
    """Which version was in force on ``day`` (None before the first was adopted)."""
    found = [v for v in versions if v.adopted_on <= day and (v.superseded_on is None or day < v.superseded_on)]
    return max(found, key=lambda v: v.adopted_on) if found else None


# --- checked inputs -----------------------------------------------------------------------------
@dataclass
class CouncilInput:
    name: Any = ""
    kind: Any = KIND_HAMLET
    villager_group_id: int | None = None
    parent_id: int | None = None
    founded_on: Any = None
    purpose: Any = ""


@dataclass
class MemberInput:
    resident_id: int | None = None
    name: Any = ""  # filled from the resident when one is chosen
    role: Any = "成员"
    started_on: Any = None
    ended_on: Any = None


@dataclass
class MeetingInput:
    held_on: Any = None
    place: Any = ""
    topic: Any = ""
    attendee_ids: Sequence[int] = ()
    guests: Any = ""
    minutes: Any = ""


@dataclass
class VersionInput:
    title: Any = ""
    text: Any = ""
    adopted_on: Any = None
    adopted_by: Any = ADOPTING_BODIES[0]
    council_meeting_id: int | None = None
    matter_id: int | None = None


def check_council(data: CouncilInput, today: date) -> CouncilInput:
    c = Checker()
    name = clean_text(data.name)
    if not name:
        c.fail("council_name", "不能为空")
    elif len(name) > 60:
        c.fail("council_name", "不能超过 60 个字")
    kind = clean_text(data.kind)
    if kind not in COUNCIL_KINDS:
        c.fail("council_kind", "应为：" + "、".join(COUNCIL_KINDS))
    if kind == KIND_HAMLET and data.villager_group_id is None:
        c.fail("council_group", "村湾理事会须写明是哪个村湾（村民小组）的")
    founded = c.run("council_founded_on", parse_date, data.founded_on)
    if founded is not None and founded > today:
        c.fail("council_founded_on", "不能晚于今天")
    c.raise_if_any()
    return CouncilInput(name, kind, data.villager_group_id, data.parent_id, founded, clean_text(data.purpose))


def check_member(data: MemberInput, today: date) -> MemberInput:
    c = Checker()
    name = clean_name(data.name)
    if data.resident_id is None and not name:
        c.fail("council_member", "请选择一位居民")
    role = clean_text(data.role)
    if role not in ROLES:
        c.fail("council_role", "应为：" + "、".join(ROLES))
    start = c.required_date("council_started_on", data.started_on)
    end = c.run("council_ended_on", parse_date, data.ended_on)
    if start is not None and start > today:
        c.fail("council_started_on", "不能晚于今天")
    if start is not None and end is not None and (why := term_problem(start, end)):
        c.fail("council_ended_on", why)
    c.raise_if_any()
    return MemberInput(data.resident_id, name, role, start, end)


def check_meeting(data: MeetingInput, today: date) -> MeetingInput:
    c = Checker()
    held = c.required_date("council_meeting_held_on", data.held_on)
    if held is not None and held > today:
        c.fail("council_meeting_held_on", "不能晚于今天")
    topic = clean_text(data.topic)
    if not topic:
        c.fail("council_meeting_topic", "不能为空")
    elif len(topic) > 200:
        c.fail("council_meeting_topic", "不能超过 200 个字")
    place, guests = clean_text(data.place), clean_text(data.guests)
    if len(place) > 100:
        c.fail("council_meeting_place", "不能超过 100 个字")
    if len(guests) > 200:
        c.fail("council_meeting_guests", "不能超过 200 个字")
    if not data.attendee_ids:
        c.fail("council_meeting_attendees", "请至少选择一位参会成员")
    c.raise_if_any()
    return MeetingInput(held, place, topic, tuple(dict.fromkeys(data.attendee_ids)), guests, clean_text(data.minutes))


def check_version(data: VersionInput, today: date, current_adopted_on: date | None) -> VersionInput:
    c = Checker()
    title = clean_text(data.title)
    if not title:
        c.fail("charter_title", "不能为空")
    elif len(title) > 100:
        c.fail("charter_title", "不能超过 100 个字")
    text = str(data.text or "").replace("\r\n", "\n").strip()
    if not text:
        c.fail("charter_text", "不能为空")
    elif len(text) > MAX_TEXT:
        c.fail("charter_text", f"不能超过 {MAX_TEXT} 个字")
    adopted = c.required_date("charter_adopted_on", data.adopted_on)
    if adopted is not None:
        if adopted > today:
            c.fail("charter_adopted_on", "不能晚于今天")
        elif why := next_version_problem(current_adopted_on, adopted):
            c.fail("charter_adopted_on", why)
    body = clean_text(data.adopted_by)
    if not body:
        c.fail("charter_adopted_by", "请写明通过的会议（如村民代表会议）")
    elif len(body) > 50:
        c.fail("charter_adopted_by", "不能超过 50 个字")
    c.raise_if_any()
    return VersionInput(title, text, adopted, body, data.council_meeting_id, data.matter_id)
