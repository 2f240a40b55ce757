"""The first import of a village: a valid register into a database without households or
residents, checked and written column by column.

This is the big import a desk does once (a whole township: 200,000 rows), and the simple one:
nothing on file to match, update or move, every row a new resident. So instead of a household
object and a dictionary per person, each field is a column, and each step is a comprehension
over columns (about twice as fast in Python, and a fraction of the objects to create and free).

The rules stay where they are. Person cells in their clean form are taken by
``people_columns``; every other row goes through ``read_person``. Grouping, heads and the
household cells follow ``household_import.plan_households`` exactly. Whenever a row has a
problem — or anything this path does not handle — ``write_first_import`` returns False before
writing anything, and the row-by-row import runs instead and reports every problem. The tests
compare what both paths write (tests/people/test_people_first_import.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from itertools import accumulate
from typing import Any

from sqlalchemy import Connection, select

from govdesk.importing import cells, key_build
from govdesk.importing.bulk_sql import (
    AutoNumber,
    group_id,
    insert_household_tuples,
    insert_new_residents,
    resident_params,
    write_categories_and_stars,
)
from govdesk.importing.household_fields import parse_flag, parse_periods, parse_stars
from govdesk.importing.household_import import PlannedHome
from govdesk.importing.people_columns import PeopleColumns, clean_columns
from govdesk.importing.people_rows import RowReader, read_person
from govdesk.importing.report import ImportReport
from govdesk.importing.sheet import Sheet
from govdesk.models import Grid, Household, Resident, Village, VillagerGroup
from govdesk.models.people import RELATION_HEAD

Progress = Callable[[int, int, str], None]


class _NotHere(Exception):
    """This register needs the row-by-row import (a problem to report, an unusual cell…)."""


def write_first_import(
    conn: Connection,
    sheet: Sheet,
    report: ImportReport,
    today: date,
    progress: Progress | None,
    check_cancel: Callable[[], None] | None,
    builds: list[key_build.ParallelKeyBuild],
) -> bool:
    """Write ``sheet`` if the database has no households and residents yet and every row is
    valid; False (nothing written) otherwise. SQLite only (driver tuples with ``?`` marks)."""
    if conn.dialect.name != "sqlite":
        return False
    if conn.scalar(select(Household.id).limit(1)) is not None or conn.scalar(select(Resident.id).limit(1)):
        return False
    village_id = conn.scalar(select(Village.id).order_by(Village.id).limit(1))
    if village_id is None:  # the row-by-row import says what to do
        return False
    try:
        homes, people, household_of = _plan(sheet, today)
    except _NotHere:
        return False
    _write(conn, int(village_id), homes, people, household_of, report, progress, check_cancel, builds)
    return True


class _Homes:
    """The households of the register, in order of first appearance, column by column."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.numbers: list[str] = [""] * count  # "" = no 户号 column: numbered on write
        self.fields: dict[str, list[Any]] = {}
        self.categories: dict[int, list[tuple[str, date, date | None]]] = {}
        self.stars: dict[int, list[tuple[int, int]]] = {}
        self.central: dict[int, bool] = {}


def _plan(sheet: Sheet, today: date) -> tuple[_Homes, PeopleColumns, list[int]]:
    """Check every row; ``_NotHere`` at the first thing the row-by-row import must handle."""
    people = clean_columns(sheet, today)
    r = RowReader(sheet.columns, header=sheet.header)
    seen: dict[str, int] = {}
    for i, clean in enumerate(people.clean):
        if not clean:  # written some other way: read_person's rules, then its values
            row_no, row_cells = sheet.rows[i]
            r.start(row_no, row_cells)
            person = read_person(r, seen, today)
            if person is None:
                raise _NotHere
            people.fill(i, person)
    numbers = people.values["id_number"]
    if len(set(numbers)) != len(numbers):  # the same person twice: reported row by row
        raise _NotHere
    relations = cells.compact_column(sheet.column("relation"))
    if "" in relations:
        raise _NotHere
    heads = [rel == RELATION_HEAD for rel in relations]
    if "number" in sheet.columns:
        written = cells.household_numbers(sheet.column("number"))
        if "" in written:
            raise _NotHere
        index = {h: i for i, h in enumerate(dict.fromkeys(written))}
        household_of = [index[h] for h in written]
        if any(n > 1 for n in Counter(h for h, head in zip(household_of, heads, strict=True) if head).values()):
            raise _NotHere  # two heads in one household
        homes = _Homes(len(index))
        homes.numbers = list(index)
    else:  # a household starts at each 户主 row, and the first row must be one
        if not heads or not heads[0]:
            raise _NotHere
        household_of = [h - 1 for h in accumulate(heads)]
        homes = _Homes(household_of[-1] + 1)
    people.values["relation"] = relations
    _household_cells(sheet, homes, household_of, today)
    return homes, people, household_of


def _household_cells(sheet: Sheet, homes: _Homes, household_of: list[int], today: date) -> None:
    """The first filled cell of each household wins, as in ``plan_households``."""
    for key, clean in (("villager_group", cells.compact), ("grid", cells.compact), ("address", cells.text)):
        first = _first_filled(sheet.column(key), household_of)
        values = [""] * homes.count
        for h, cell in first.items():
            values[h] = clean(cell)
            if not values[h]:  # spaces only: the row-by-row import looks at the next row
                raise _NotHere
        homes.fields[key] = values
    for key, parse, into in (
        ("categories", lambda t: parse_periods(t, today), homes.categories),
        ("stars", parse_stars, homes.stars),
        ("is_central", parse_flag, homes.central),
    ):
        for h, cell in _first_filled(sheet.column(key), household_of).items():
            try:
                value = parse(cells.text(cell))
            except ValueError:
                raise _NotHere from None
            if value in (None, []):  # nothing read from a filled cell: the next row's turn
                raise _NotHere
            into[h] = value


def _first_filled(column: list[object], household_of: list[int]) -> dict[int, object]:
    """Household → its first filled cell (reversed, so the first row's value is the one kept)."""
    return {h: c for h, c in zip(reversed(household_of), reversed(column), strict=True) if c not in (None, "")}


def _write(
    conn: Connection,
    village_id: int,
    homes: _Homes,
    people: PeopleColumns,
    household_of: list[int],
    report: ImportReport,
    progress: Progress | None,
    check_cancel: Callable[[], None] | None,
    builds: list[key_build.ParallelKeyBuild],
) -> None:
    first_hid = (conn.scalar(select(Household.id).order_by(Household.id.desc()).limit(1)) or 0) + 1
    first_rid = (conn.scalar(select(Resident.id).order_by(Resident.id.desc()).limit(1)) or 0) + 1
    column = people.values
    if household_of != sorted(household_of):  # residents are numbered household by household
        order = sorted(range(len(household_of)), key=household_of.__getitem__)  # rows in order within
        column = {f: [values[i] for i in order] for f, values in column.items()}
        household_of = [household_of[i] for i in order]
    hids = [first_hid + h for h in household_of]
    rids = range(first_rid, first_rid + len(hids))
    keyed = list(zip(rids, hids, column["name"], column["id_number"], column["phone"], strict=True))
    build = key_build.build_for(conn, keyed, builds)
    params = resident_params(rids, hids, column)

    known_groups = dict(conn.execute(select(VillagerGroup.name, VillagerGroup.id)).all())
    known_grids = dict(conn.execute(select(Grid.name, Grid.id)).all())
    places: dict[tuple[Any, str], int | None] = {}
    for model, known, key in ((VillagerGroup, known_groups, "villager_group"), (Grid, known_grids, "grid")):
        for name in dict.fromkeys(homes.fields[key]):
            places[model, name] = group_id(conn, known, model, name, village_id, report)
    auto_number = AutoNumber({})
    numbers = [n or auto_number.next() for n in homes.numbers]
    insert_household_tuples(
        conn,
        [
            (first_hid + h, village_id, numbers[h], "", "", address, places[VillagerGroup, group], places[Grid, grid])
            + (homes.central.get(h, False), "")
            for h, (address, group, grid) in enumerate(
                zip(homes.fields["address"], homes.fields["villager_group"], homes.fields["grid"], strict=True)
            )
        ],
    )
    report.households_created = homes.count
    report.created = len(params)
    insert_new_residents(conn, params, len(params), progress, check_cancel)
    if progress is not None:
        progress(len(params), len(params), "建立搜索索引…")
    key_build.finish_keys(conn, build, keyed)
    extras = [
        (PlannedHome(numbers[h], 0, categories=homes.categories.get(h, []), stars=homes.stars.get(h, [])), hid)
        for h in sorted(homes.categories.keys() | homes.stars.keys())
        if (hid := first_hid + h)
    ]
    write_categories_and_stars(conn, extras, first_hid)
