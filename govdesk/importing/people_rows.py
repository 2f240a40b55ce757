"""Checking one register row about a person — the hot path of an import, kept lean.

Same rules as the forms (govdesk.validation / idcard): name present, ID number valid
(18 characters, checksum, real birth date; old 15-digit numbers recognised and refused),
sex and birth date agreeing with the number, dates that exist, phones that look like phones.
Problems are collected, never raised, so the report lists every bad cell at once.
"""

from __future__ import annotations

from datetime import date

from govdesk import idcard
from govdesk.importing import cells
from govdesk.importing.headers import header_label
from govdesk.importing.report import RowProblem
from govdesk.input_limits import LINE_MAX, NOTE_MAX, age_warning, name_problem, shown, text_problem, visible
from govdesk.models.people import SEX_FEMALE, SEX_MALE
from govdesk.validation import clean_phone


class RowReader:
    """Reads fields of one row by key; remembers problems with the Excel row number."""

    __slots__ = ("cols", "cells", "row", "problems", "ix", "names", "confirm_ages")

    def __init__(
        self,
        cols: dict[str, int],
        extra: tuple[str, ...] = (),
        header: list[object] | None = None,
        *,
        confirm_ages: bool = False,
    ) -> None:
        self.cols = cols
        self.confirm_ages = confirm_ages  # ages over 120 confirmed by the clerk: imported, not reported
        self.cells: list[object] = []
        self.row = 0
        self.problems: list[RowProblem] = []
        # Column index per person field, -1 when absent (a padded sentinel cell reads None).
        self.ix = {k: cols.get(k, -1) for k in PERSON_FIELDS + extra}
        # Problems name a column as the clerk's own header does (出生年月, 身份证号码…).
        self.names = {k: "".join(str(header[i]).split()) for k, i in cols.items() if header and i < len(header)}

    def start(self, row: int, row_cells: list[object]) -> None:
        """``row_cells`` as ``read_register`` gives them: padded, with a None sentinel at the end
        that absent columns (index -1) read."""
        self.row = row
        self.cells = row_cells

    def raw(self, key: str) -> object:
        i = self.cols.get(key, -1)
        return self.cells[i] if i < len(self.cells) else None

    def fail(self, key: str, message: str) -> None:
        column = (self.names.get(key) or header_label(key)) if key else ""
        self.problems.append(RowProblem(self.row, visible(column), visible(message)))

    def text(self, key: str, max_chars: int, *, multiline: bool = False) -> str:
        """A free-text cell within its limits (``input_limits.text_problem``); "" and a problem if not."""
        i = self.ix.get(key)
        raw = self.cells[i] if i is not None else self.raw(key)
        if raw is None:  # the common case of an optional column: nothing to check
            return ""
        value = cells.text(raw)
        problem = text_problem(value, max_chars, multiline=multiline) if value else None
        if problem:
            self.fail(key, problem)
            return ""
        return value

    def short(self, key: str, max_chars: int = LINE_MAX) -> str:
        """A one-word cell as stored (spaces removed: 民族, 学历, 关系), within its limits."""
        i = self.ix.get(key)
        raw = self.cells[i] if i is not None else self.raw(key)
        if raw.__class__ is str and raw.isalnum() and len(raw) <= max_chars:
            return raw  # the common case (户主, 汉族, 第一村民小组): no space to remove, nothing to check
        if raw is None:
            return ""
        value = cells.compact(raw)
        if value.__class__ is str and value.isprintable() and len(value) <= max_chars:
            return value
        problem = text_problem(value, max_chars) if value else None
        if problem:
            self.fail(key, problem)
            return ""
        return value

    def date(self, key: str) -> date | None:
        try:
            return cells.day(self.raw(key))
        except ValueError as exc:
            self.fail(key, str(exc))
            return None


ETHNICITY_MAX = 20  # the column's width: 民族 names are short (塔吉克族, 穿青人)
PERSON_FIELDS = ("name", "id_number", "sex", "birth_date", "phone", "ethnicity", "notes", "ended_on", "end_reason")


def phone_of(value: object) -> str:
    """The phone as stored: a mobile number as typed (the common case, checked inline), other
    numbers through ``clean_phone``; ``ValueError`` (Chinese) when it is no phone number."""
    phone = cells.digits(value)
    if phone and not is_mobile(phone):
        return clean_phone(phone)
    return phone


def is_mobile(text: str) -> bool:
    """A mobile number exactly as stored: 11 ASCII digits, 13… to 19…"""
    return len(text) == 11 and text.isascii() and text.isdigit() and text[0] == "1" and text[1] in "3456789"


def _check_written_birth(r: RowReader, value: object, birth_from_id: date | None) -> None:
    """A birth cell (a full date, or 出生年月's year and month) must agree with the ID number."""
    try:
        written = cells.birth(value)
    except ValueError as exc:
        r.fail("birth_date", str(exc))
        return
    b = birth_from_id
    if written is None or b is None:
        return
    year, months, day = written
    if year != b.year or b.month not in months or day not in (None, b.day):
        _birth_disagrees(r, b)


def _birth_disagrees(r: RowReader, birth_from_id: date) -> None:
    r.fail("birth_date", f"与公民身份号码不符：号码显示为 {birth_from_id.isoformat()}")


def read_person(r: RowReader, seen_ids: dict[str, int], today: date) -> dict[str, object] | None:
    """The person fields of the current row, or ``None`` (problems recorded) when invalid."""
    before = len(r.problems)
    c, ix = r.cells, r.ix
    name = cells.name(c[ix["name"]])
    if not name:
        r.fail("name", "姓名不能为空")
    else:
        problem = name_problem(name)
        if problem:
            r.fail("name", problem)
    number, problem = cells.id_number(c[ix["id_number"]])
    birth_from_id = sex_from_id = None
    if problem:
        r.fail("id_number", problem)
    else:
        try:
            birth_from_id, sex_from_id = idcard.parse(number, today)
        except idcard.IdNumberError as exc:
            r.fail("id_number", str(exc))
    if birth_from_id is not None and not r.confirm_ages:
        old = age_warning(birth_from_id, today)
        if old:
            r.fail("id_number", old + "；确认无误请选择“确认超过 120 岁的年龄”（命令行 --confirm-ages）后再导入")
    if number and birth_from_id is not None:
        first = seen_ids.get(number)
        if first is not None:
            r.fail("id_number", f"与第 {first} 行的公民身份号码重复（同一人不能出现两次）")
        else:
            seen_ids[number] = r.row
    sex = cells.sex(c[ix["sex"]])
    if sex and sex not in (SEX_MALE, SEX_FEMALE):
        r.fail("sex", f"应为“{SEX_MALE}”或“{SEX_FEMALE}”，填的是“{shown(sex)}”")
    elif sex and sex_from_id and sex != sex_from_id:
        r.fail("sex", f"与公民身份号码不符：号码显示为{sex_from_id}")
    raw_birth = c[ix["birth_date"]]
    if raw_birth.__class__ is date:  # the common case: a date cell, compared inline
        if birth_from_id is not None and raw_birth != birth_from_id:
            _birth_disagrees(r, birth_from_id)
    elif raw_birth not in (None, ""):
        _check_written_birth(r, raw_birth, birth_from_id)
    phone = ""
    raw_phone = c[ix["phone"]]
    if raw_phone not in (None, ""):  # empty cells (most of a register's optional ones) need no call
        try:
            phone = phone_of(raw_phone)
        except ValueError as exc:
            r.fail("phone", str(exc))
    ethnicity = r.short("ethnicity", ETHNICITY_MAX)
    notes = r.text("notes", NOTE_MAX, multiline=True) if c[ix["notes"]] not in (None, "") else ""
    end_reason = r.text("end_reason", LINE_MAX) if c[ix["end_reason"]] not in (None, "") else ""
    ended_on = r.date("ended_on") if c[ix["ended_on"]] not in (None, "") else None
    if ended_on is not None and ended_on > today:
        r.fail("ended_on", "不能晚于今天")
    if len(r.problems) > before:
        return None
    return {
        "name": name,
        "id_number": number,
        "sex": sex or sex_from_id,
        "birth_date": birth_from_id,
        "ethnicity": cells.ethnicity(ethnicity),
        "phone": phone,
        "notes": notes,
        "ended_on": ended_on,
        "end_reason": (end_reason or "导入时已注销") if ended_on else "",
    }
