"""Planning a household register (花名册): every row checked, rows grouped into households.

Grouping: by 户号 when the sheet has that column, otherwise a new household starts at each
户主 row. One household has at most one head; household cells (组别, 网格, 住址, 类别, 星级,
中心户) are taken from the first row that fills them. Person cells are checked by
``people_rows.read_person``. Nothing here touches the database: ``household_import`` checks
the plan against what is on file and writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from govdesk.importing import cells
from govdesk.importing.household_fields import parse_flag, parse_periods, parse_stars
from govdesk.importing.people_rows import RowReader, read_person
from govdesk.importing.report import ImportReport
from govdesk.importing.sheet import Sheet
from govdesk.input_limits import ADDRESS_MAX, HOUSEHOLD_NUMBER_MAX, text_problem
from govdesk.models.people import RELATION_HEAD

Progress = Callable[[int, int, str], None]
RELATION_MAX = 20  # the columns' widths
GROUP_NAME_MAX = 50


@dataclass
class PlannedHome:
    """One household as the register describes it (rows already checked)."""

    number: str  # "" = no 户号 column: found by the head's ID number or numbered on write
    first_row: int
    villager_group: str = ""
    grid: str = ""
    address: str = ""
    categories: list[tuple[str, date, date | None]] = field(default_factory=list)
    central: bool | None = None
    stars: list[tuple[int, int]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    head_rows: list[int] = field(default_factory=list)


@dataclass
class HouseholdPlan:
    homes: list[PlannedHome]
    report: ImportReport  # problems of the sheet's own checks; the writer adds the database's
    rows: list[tuple[int, list[object]]]


def new_report(path: str | Path, sheet: Sheet) -> ImportReport:
    return ImportReport(kind="households", file=str(path), rows_read=len(sheet.rows), header=sheet.header)


def plan_households(
    sheet: Sheet,
    report: ImportReport,
    *,
    today: date,
    progress: Progress | None = None,
    confirm_ages: bool = False,
) -> HouseholdPlan:
    """Check every row of ``sheet`` (as ``read_register`` read it); nothing touches the database."""
    r = RowReader(
        sheet.columns,
        extra=_HOUSEHOLD_FIELDS + ("relation", "number"),
        header=sheet.header,
        confirm_ages=confirm_ages,
    )
    by_number = "number" in sheet.columns
    homes: list[PlannedHome] = []
    index: dict[str, PlannedHome] = {}
    seen_ids: dict[str, int] = {}
    current: PlannedHome | None = None
    total = len(sheet.rows)
    number_ix = r.ix["number"]
    last_number: object = None  # the 户号 cell of the row before, as written, and its household
    for n, (row_no, row_cells) in enumerate(sheet.rows):
        if progress is not None and n % 5000 == 0:
            progress(n, total, f"检查第 {n + 1}/{total} 行…")
        r.start(row_no, row_cells)
        relation = r.short("relation", RELATION_MAX)
        if by_number:
            raw_number = row_cells[number_ix]
            if raw_number.__class__ is str and raw_number == last_number and current is not None:
                home = current  # a household's rows follow each other: same text, same household
            else:
                number = cells.household_number(raw_number)
                problem = text_problem(number, HOUSEHOLD_NUMBER_MAX) if number else "户号不能为空"
                if problem:
                    r.fail("number", problem)
                    last_number = current = None
                    continue
                home = index.get(number)
                if home is None:
                    home = index[number] = PlannedHome(number=number, first_row=row_no)
                    homes.append(home)
                last_number, current = raw_number, home
        else:
            if relation == RELATION_HEAD or current is None:
                current = PlannedHome(number="", first_row=row_no)
                homes.append(current)
            home = current
        person = read_person(r, seen_ids, today)
        if not relation:
            r.fail("relation", "与户主关系不能为空（户主本人填“户主”）")
            person = None
        elif not by_number and home.first_row == row_no and relation != RELATION_HEAD:
            r.fail("relation", "表中没有户号列，第一行应是户主（每户从户主行开始）")
            person = None
        if relation == RELATION_HEAD:
            if home.head_rows:
                r.fail("relation", f"本户已有户主（第 {home.head_rows[0]} 行），一户只能有一位户主")
                person = None
            else:
                home.head_rows.append(row_no)
        _household_cells(r, home, today)
        if person is not None:
            person["relation"] = relation
            person["_row"] = row_no
            home.people.append(person)
    bad = {p.row for p in r.problems}
    if bad:  # a clean register (the common, big case) skips this pass
        for home in homes:
            if any(p["_row"] in bad for p in home.people):
                home.people = [p for p in home.people if p["_row"] not in bad]
    report.problems = r.problems
    return HouseholdPlan(homes=homes, report=report, rows=sheet.rows)


_HOUSEHOLD_FIELDS = ("villager_group", "grid", "address", "categories", "stars", "is_central")


def _household_cells(r: RowReader, home: PlannedHome, today: date) -> None:
    """Household fields: the first row that fills a cell wins (later rows usually repeat it)."""
    c, ix = r.cells, r.ix
    if not home.villager_group and c[ix["villager_group"]] not in (None, ""):
        home.villager_group = r.short("villager_group", GROUP_NAME_MAX)
    if not home.grid and c[ix["grid"]] not in (None, ""):
        home.grid = r.short("grid", GROUP_NAME_MAX)
    if not home.address and c[ix["address"]] not in (None, ""):
        home.address = r.text("address", ADDRESS_MAX)
    if c[ix["categories"]] not in (None, "") and not home.categories:
        try:
            home.categories = parse_periods(cells.text(c[ix["categories"]]), today)
        except ValueError as exc:
            r.fail("categories", str(exc))
    if c[ix["stars"]] not in (None, "") and not home.stars:
        try:
            home.stars = parse_stars(cells.text(c[ix["stars"]]))
        except ValueError as exc:
            r.fail("stars", str(exc))
    if c[ix["is_central"]] not in (None, "") and home.central is None:
        try:
            home.central = parse_flag(cells.text(c[ix["is_central"]]))
        except ValueError as exc:
            r.fail("is_central", str(exc))
