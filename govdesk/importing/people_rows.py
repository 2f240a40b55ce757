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
from govdesk.models.people import SEX_FEMALE, SEX_MALE
from govdesk.validation import clean_phone


class RowReader:
    """Reads fields of one row by key; remembers problems with the Excel row number."""

    __slots__ = ("cols", "cells", "row", "problems")

    def __init__(self, cols: dict[str, int]) -> None:
        self.cols = cols
        self.cells: list[object] = []
        self.row = 0
        self.problems: list[RowProblem] = []

    def start(self, row: int, row_cells: list[object]) -> None:
        self.row, self.cells = row, row_cells

    def raw(self, key: str) -> object:
        i = self.cols.get(key)
        if i is None or i >= len(self.cells):
            return None
        return self.cells[i]

    def fail(self, key: str, message: str) -> None:
        self.problems.append(RowProblem(self.row, header_label(key) if key else "", message))

    def date(self, key: str) -> date | None:
        try:
            return cells.day(self.raw(key))
        except ValueError as exc:
            self.fail(key, str(exc))
            return None


def read_person(r: RowReader, seen_ids: dict[str, int], today: date) -> dict[str, object] | None:
    """The person fields of the current row, or ``None`` (problems recorded) when invalid."""
    before = len(r.problems)
    name = cells.compact(r.raw("name"))
    if not name:
        r.fail("name", "姓名不能为空")
    number, problem = cells.id_number(r.raw("id_number"))
    birth_from_id = sex_from_id = None
    if problem:
        r.fail("id_number", problem)
    else:
        try:
            birth_from_id, sex_from_id = idcard.parse(number, today)
        except idcard.IdNumberError as exc:
            r.fail("id_number", str(exc))
    if number and birth_from_id is not None:
        first = seen_ids.get(number)
        if first is not None:
            r.fail("id_number", f"与第 {first} 行的公民身份号码重复（同一人不能出现两次）")
        else:
            seen_ids[number] = r.row
    sex = cells.sex(r.raw("sex"))
    if sex and sex not in (SEX_MALE, SEX_FEMALE):
        r.fail("sex", f"应为“{SEX_MALE}”或“{SEX_FEMALE}”，填的是“{sex}”")
    elif sex and sex_from_id and sex != sex_from_id:
        r.fail("sex", f"与公民身份号码不符：号码显示为{sex_from_id}")
    birth = r.date("birth_date")
    if birth is not None and birth_from_id is not None and birth != birth_from_id:
        r.fail("birth_date", f"与公民身份号码不符：号码显示为 {birth_from_id.isoformat()}")
    phone = cells.digits(r.raw("phone"))
    if phone:
        try:
            phone = clean_phone(phone)
        except ValueError as exc:
            r.fail("phone", str(exc))
    ended_on = r.date("ended_on")
    if ended_on is not None and ended_on > today:
        r.fail("ended_on", "不能晚于今天")
    if len(r.problems) > before:
        return None
    return {
        "name": name,
        "id_number": number,
        "sex": sex or sex_from_id,
        "birth_date": birth_from_id,
        "ethnicity": cells.compact(r.raw("ethnicity")) or "汉族",
        "phone": phone,
        "notes": cells.text(r.raw("notes")),
        "ended_on": ended_on,
        "end_reason": (cells.text(r.raw("end_reason")) or "导入时已注销") if ended_on else "",
    }
