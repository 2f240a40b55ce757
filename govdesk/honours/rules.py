"""The rules of 评先评优, as plain functions (each with a table-driven test).

- 授予对象: an honour of the catalogue goes to a household (最美家庭 …) or to a person (好媳妇 …);
  an entry names one household or one person as its catalogue says — never both, never neither.
- 年度: an honour is for a year that has begun (1949 … this year).
- 提名 → 授予 / 未评上: a nomination is decided once; 未评上 may be nominated again, an award
  stays an award (a mistake is corrected by editing its details, never by un-awarding it).
- 授予日期: needed for an award; in the honour's year or the next (2025's 最美家庭 are often
  named in January 2026), not before the nomination, not in the future.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from govdesk.validation import Checker, clean_text, parse_date

RECIPIENT_HOUSEHOLD = "户"
RECIPIENT_PERSON = "个人"
RECIPIENTS = (RECIPIENT_HOUSEHOLD, RECIPIENT_PERSON)
LEVELS = ("村级", "镇级", "县级", "市级", "省级", "国家级")
STATUS_NOMINATED = "提名"
STATUS_AWARDED = "授予"
STATUS_NOT_CHOSEN = "未评上"
STATUSES = (STATUS_NOMINATED, STATUS_AWARDED, STATUS_NOT_CHOSEN)
DEFAULT_HONOURS: tuple[tuple[str, str], ...] = (
    ("最美家庭", RECIPIENT_HOUSEHOLD),
    ("文明家庭", RECIPIENT_HOUSEHOLD),
    ("平安家庭", RECIPIENT_HOUSEHOLD),
    ("好媳妇", RECIPIENT_PERSON),
    ("好婆婆", RECIPIENT_PERSON),
    ("致富能手", RECIPIENT_PERSON),
    ("优秀共产党员", RECIPIENT_PERSON),
    ("党员示范户", RECIPIENT_HOUSEHOLD),
)
FIRST_YEAR = 1949
MAX_NOTE = 1000
MAX_NAME = 40

# Which status may follow which (the same status is always allowed: editing the details).
_NEXT: dict[str, tuple[str, ...]] = {
    STATUS_NOMINATED: (STATUS_AWARDED, STATUS_NOT_CHOSEN),
    STATUS_NOT_CHOSEN: (STATUS_NOMINATED,),
    STATUS_AWARDED: (),
}


def transition_problem(old: str, new: str) -> str:
    """Why ``old`` may not become ``new`` ('' when it may)."""
    if old == new or new in _NEXT.get(old, ()):
        return ""
    if old == STATUS_AWARDED:
        return f"已授予的荣誉不能改为“{new}”（如有差错请修改授予信息）"
    return f"“{old}”不能直接改为“{new}”"


def year_problem(year: Any, today: date) -> tuple[int | None, str]:
    """The year as a number, or why it is not one the desk accepts."""
    try:
        value = int(str(year).strip())
    except (TypeError, ValueError):
        return None, "应写成四位年份，如 2026"
    if not FIRST_YEAR <= value <= today.year:
        return None, f"应在 {FIRST_YEAR} 年至 {today.year} 年之间"
    return value, ""


def recipient_problem(kind: str, household_id: int | None, person_id: int | None) -> str:
    """A household honour names one household; a person's names one person; never both."""
    if household_id is not None and person_id is not None:
        return "只能授予一户或一人，不能同时选农户和个人"
    if kind == RECIPIENT_HOUSEHOLD and household_id is None:
        return "这项荣誉授予农户，请选择一户"
    if kind == RECIPIENT_PERSON and person_id is None:
        return "这项荣誉授予个人，请选择一位居民或党员"
    return ""


def day_in_year_problem(day: date, year: int) -> str:
    """A nomination or award date lies in the honour's year or the next."""
    if day.year not in (year, year + 1):
        return f"应在 {year} 年或 {year + 1} 年内"
    return ""


@dataclass
class HonourInput:
    """What the form hands the service: raw values, checked by ``check_award``."""

    year: Any = None
    honour: Any = ""
    household_id: int | None = None
    resident_id: int | None = None
    member_id: int | None = None
    level: Any = LEVELS[0]
    status: Any = STATUS_NOMINATED
    nominated_on: Any = None
    nominated_by: Any = ""
    awarded_on: Any = None
    matter_id: int | None = None
    note: Any = ""


@dataclass(frozen=True)
class HonourData:
    year: int
    honour: str
    recipient: str
    household_id: int | None
    resident_id: int | None
    member_id: int | None
    level: str
    status: str
    nominated_on: date | None
    nominated_by: str
    awarded_on: date | None
    matter_id: int | None
    note: str


def check_award(
    data: HonourInput, today: date, catalogue: dict[str, str], old_status: str | None = None
) -> HonourData:
    """Every problem of an entry at once (``ValidationError``, Chinese, by field) or the clean entry.

    ``catalogue``: honour name → 户 / 个人; ``old_status``: the stored status when editing."""
    c = Checker()
    year, why = year_problem(data.year, today)
    if why:
        c.fail("honour_year", why)
    honour = clean_text(data.honour)
    kind = catalogue.get(honour, "")
    if not honour:
        c.fail("honour", "请选择荣誉称号")
    elif not kind:
        c.fail("honour", f"“{honour}”不在荣誉目录中")
    household_id = c.chosen_id("honour_recipient", data.household_id)
    resident_id = c.chosen_id("honour_recipient", data.resident_id)
    member_id = c.chosen_id("honour_recipient", data.member_id)
    person = resident_id if resident_id is not None else member_id
    if kind and not any(e.field == "honour_recipient" for e in c.errors):
        why = recipient_problem(kind, household_id, person)
        if why:
            c.fail("honour_recipient", why)
    level = clean_text(data.level) or LEVELS[0]
    if level not in LEVELS:
        c.fail("honour_level", "应为：" + "、".join(LEVELS))
    status = clean_text(data.status) or STATUS_NOMINATED
    if status not in STATUSES:
        c.fail("honour_status", "应为：" + "、".join(STATUSES))
    elif old_status is not None and (why := transition_problem(old_status, status)):
        c.fail("honour_status", why)
    nominated = c.run("honour_nominated_on", parse_date, data.nominated_on)
    awarded = c.run("honour_awarded_on", parse_date, data.awarded_on)
    for field, day in (("honour_nominated_on", nominated), ("honour_awarded_on", awarded)):
        if day is None:
            continue
        if day > today:
            c.fail(field, "不能晚于今天")
        elif year is not None and (why := day_in_year_problem(day, year)):
            c.fail(field, why)
    if status == STATUS_AWARDED and awarded is None and not any(e.field == "honour_awarded_on" for e in c.errors):
        c.fail("honour_awarded_on", "授予时须写明授予日期")
    if status != STATUS_AWARDED and awarded is not None:
        c.fail("honour_awarded_on", "尚未授予，不应填写授予日期")
    if nominated is not None and awarded is not None and awarded < nominated:
        c.fail("honour_awarded_on", "不能早于提名日期")
    nominated_by = clean_text(data.nominated_by)
    if len(nominated_by) > 50:
        c.fail("honour_nominated_by", "不能超过 50 个字")
    note = clean_text(data.note)
    if len(note) > MAX_NOTE:
        c.fail("honour_note", f"不能超过 {MAX_NOTE} 个字")
    matter_id = c.chosen_id("honour_matter", data.matter_id)
    c.raise_if_any()
    assert year is not None
    return HonourData(
        year=year,
        honour=honour,
        recipient=kind,
        household_id=household_id if kind == RECIPIENT_HOUSEHOLD else None,
        resident_id=resident_id if kind == RECIPIENT_PERSON else None,
        member_id=member_id if kind == RECIPIENT_PERSON else None,
        level=level,
        status=status,
        nominated_on=nominated,
        nominated_by=nominated_by,
        awarded_on=awarded,
        matter_id=matter_id,
        note=note,
    )


def check_catalogue(lines: list[tuple[Any, Any]]) -> list[tuple[str, str]]:
    """The edited catalogue: names unique and short, each for 户 or 个人; at least one."""
    c = Checker()
    clean = [(clean_text(n), clean_text(r)) for n, r in lines if clean_text(n)]
    names = [n for n, _ in clean]
    if not clean:
        c.fail("honour_kind_name", "至少要有一项荣誉")
    if len(set(names)) != len(names):
        c.fail("honour_kind_name", "荣誉称号重复")
    for name, recipient in clean:
        if len(name) > MAX_NAME:
            c.fail("honour_kind_name", f"“{name[:10]}…”超过 {MAX_NAME} 个字")
        if recipient not in RECIPIENTS:
            c.fail("honour_kind_name", f"“{name}”的授予对象应为“户”或“个人”")
    c.raise_if_any()
    return clean


def parse_catalogue(text: str) -> list[tuple[str, str]]:
    """The catalogue dialog's lines, ``名称，户`` / ``名称 个人`` (a line without an object is 户)."""
    found = []
    for raw in text.splitlines():
        line = raw.replace("，", ",").replace("\u3000", " ").strip()
        if not line:
            continue
        name, _, rest = line.replace(",", " ").partition(" ")
        found.append((name.strip(), rest.strip() or RECIPIENT_HOUSEHOLD))
    return found
