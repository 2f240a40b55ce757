"""Importing a household register: read, plan (``household_plan``), check against the
database, then write in ONE transaction (all-or-nothing by default).

Rules needing the database are checked here before anything is written: a household on file
keeps one head (a file head with another ID number next to an existing head is refused), and
a person on file in another household is moved there (ResidentMove keeps the history). People
already on file (same ID number) are updated, never duplicated.

One path for every import, the first of a village (a township: 200,000 residents) as much as
a re-import: existing ID numbers and 户号 prefetched with one query each, then driver
executemany of tuples (``bulk_sql``), no ORM objects per row; a bulk load rebuilds the
residents' and households' indexes afterwards, and the search keys (per new name, and the
digit keys per resident) go in as driver tuples on this same connection
(``people_search.insert_people_keys``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select

from govdesk.db import Database
from govdesk.errors import NO_VILLAGE_MESSAGE
from govdesk.importing.bulk_sql import (
    AutoNumber,
    bulk_pragmas,
    bulk_rows,
    group_id,
    insert_households,
    insert_new_residents,
    resident_tuples,
    write_categories_and_stars,
)
from govdesk.importing.formulas import explain_formula_cells
from govdesk.importing.headers import HOUSEHOLD_FIELDS, header_label
from govdesk.importing.household_plan import HouseholdPlan, PlannedHome, new_report, plan_households
from govdesk.importing.report import ImportReport, RowProblem
from govdesk.importing.sheet import Sheet, gc_paused, read_register
from govdesk.models import (
    Grid,
    Household,
    Resident,
    ResidentMove,
    Village,
    VillagerGroup,
)
from govdesk.models.people import RELATION_HEAD
from govdesk.people_search import delete_number_keys, insert_people_keys
from govdesk.search import keys_by_name, keys_text

Progress = Callable[[int, int, str], None]


def import_households(
    db: Database,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    check_cancel: Callable[[], None] | None = None,
    confirm_ages: bool = False,
    sheet: Sheet | None = None,
) -> ImportReport:
    """All-or-nothing by default: any bad row and nothing is written (report.written False).
    ``confirm_ages``: ages over 120 were confirmed by the clerk (otherwise each is a problem).
    ``sheet``: the file as ``read_register`` read it already (the CLI reads it while the database
    opens); else it is read here."""
    today = today or date.today()
    with gc_paused():
        sheet = sheet or read_register(path, HOUSEHOLD_FIELDS, "households")
        return _import(db, path, sheet, skip_invalid, dry_run, today, progress, check_cancel, confirm_ages)


def _import(
    db: Database,
    path: str | Path,
    sheet: Sheet,
    skip_invalid: bool,
    dry_run: bool,
    today: date,
    progress: Progress | None,
    check_cancel: Callable[[], None] | None,
    confirm_ages: bool = False,
) -> ImportReport:
    # The file is read and planned first, without the database; everything read from the
    # database (existing people, 户号, max ids) is read inside the write transaction, which
    # begins IMMEDIATE: a second import waits for the first and then sees its rows.
    report = new_report(path, sheet)
    report.dry_run, report.skip_invalid = dry_run, skip_invalid
    plan = plan_households(sheet, report, today=today, progress=progress, confirm_ages=confirm_ages)
    explain_formula_cells(report, path, sheet.sheet_name, sheet.header)
    with db.read_connection() if dry_run else db.write_connection() as conn:
        bulk_pragmas(conn)
        existing = _Existing.load(conn)
        _check_against_database(plan, existing)
        if report.problems:  # after every check, the sheet's and the database's
            bad = {p.row for p in report.problems}
            report.bad_rows = [(n, c) for n, c in plan.rows if n in bad]
        if dry_run or (report.problems and not skip_invalid):
            return report
        _write(conn, plan, existing, today, progress, check_cancel)
        report.written = True
    return report


class _Existing:
    """Everything the writer needs from the database, each fetched by ONE query."""

    def __init__(self) -> None:
        self.village_id = 0
        self.residents: dict[str, tuple[int, int, str]] = {}  # id_number -> (id, household_id, relation)
        self.keyed: dict[int, tuple[str, str]] = {}  # resident id -> (name, phone): their search keys
        self.household_fields: dict[int, dict[str, Any]] = {}
        self.stored: dict[int, tuple[Any, ...]] = {}  # resident id -> the _COMPARED values on file
        self.households: dict[str, int] = {}  # number -> id
        self.heads: dict[int, tuple[str, str]] = {}  # household_id -> (id_number, name)
        self.groups: dict[str, int] = {}
        self.grids: dict[str, int] = {}

    @classmethod
    def load(cls, conn: Connection) -> _Existing:
        e = cls()
        vid = conn.scalar(select(Village.id).order_by(Village.id).limit(1))
        if vid is None:
            from govdesk.errors import NotFoundError

            raise NotFoundError(f"{NO_VILLAGE_MESSAGE}；然后再导入花名册")
        e.village_id = int(vid)
        for number, rid, hid, relation, ended, name, phone, *rest in conn.execute(
            select(
                Resident.id_number,
                Resident.id,
                Resident.household_id,
                Resident.relation,
                Resident.ended_on,
                Resident.name,
                Resident.phone,
                *(getattr(Resident, c) for c in _COMPARED[4:-1]),
            )
        ):
            e.residents[number] = (rid, hid, relation)
            e.keyed[rid] = (name, phone)
            e.stored[rid] = (hid, relation, name, phone, *rest, ended)
            if relation == RELATION_HEAD and ended is None:
                e.heads[hid] = (number, name)
        for number, hid, address, group, grid, central in conn.execute(
            select(
                Household.number,
                Household.id,
                Household.address,
                Household.villager_group_id,
                Household.grid_id,
                Household.is_central,
            ).where(Household.village_id == e.village_id)
        ):
            e.households[number] = hid
            e.household_fields[hid] = {
                "address": address,
                "villager_group_id": group,
                "grid_id": grid,
                "is_central": central,
            }
        e.groups = dict(conn.execute(select(VillagerGroup.name, VillagerGroup.id)).all())
        e.grids = dict(conn.execute(select(Grid.name, Grid.id)).all())
        return e

    def household_of(self, home: PlannedHome) -> int | None:
        if home.number:
            return self.households.get(home.number)
        for p in sorted(home.people, key=lambda p: p["relation"] != RELATION_HEAD):
            found = self.residents.get(p["id_number"])
            if found is not None:
                return found[1]
        return None


def _check_against_database(plan: HouseholdPlan, existing: _Existing) -> None:
    for home in plan.homes:
        hid = existing.household_of(home)
        if hid is None:
            continue
        db_head = existing.heads.get(hid)
        file_heads = [p for p in home.people if p["relation"] == RELATION_HEAD and p["ended_on"] is None]
        if db_head is None or not file_heads:
            continue
        ids_in_file = {p["id_number"] for p in home.people}
        if file_heads[0]["id_number"] != db_head[0] and db_head[0] not in ids_in_file:
            plan.report.problems.append(
                RowProblem(
                    file_heads[0]["_row"],
                    header_label("relation"),
                    f"该户在系统中已有户主“{db_head[1]}”；如要更换户主，请在表中同时写上原户主及其新的关系",
                )
            )


def _write(
    conn: Connection,
    plan: HouseholdPlan,
    e: _Existing,
    today: date,
    progress: Progress | None,
    check_cancel: Callable[[], None] | None,
) -> None:
    report = plan.report
    bad = {p.row for p in report.problems}
    homes = [h for h in plan.homes if h.people or h.number in e.households]
    next_hid = first_new_household = (conn.scalar(select(func.max(Household.id))) or 0) + 1
    first_rid = (conn.scalar(select(func.max(Resident.id))) or 0) + 1  # of the new residents
    auto_number = AutoNumber(e.households)
    new_households: list[dict[str, Any]] = []
    changed_households: list[dict[str, Any]] = []
    new_residents: list[dict[str, Any]] = []
    new_household_ids: list[int] = []
    changed_residents: list[dict[str, Any]] = []
    moves: list[dict[str, Any]] = []
    home_ids: list[tuple[PlannedHome, int]] = []
    places: dict[tuple[Any, str], int | None] = {}  # 50,000 households name a dozen groups and grids

    def find(model: Any, known: dict[str, int], name: str) -> int | None:
        if (model, name) not in places:
            places[model, name] = group_id(conn, known, model, name, e.village_id, report)
        return places[model, name]

    pinyin = keys_by_name(p["name"] for home in homes for p in home.people)
    key_texts = {name: keys_text(keys) for name, keys in pinyin.items()}  # residents.search_keys
    for home in homes:
        values = {
            "address": home.address,
            "villager_group_id": find(VillagerGroup, e.groups, home.villager_group),
            "grid_id": find(Grid, e.grids, home.grid),
        }
        if home.central is not None:
            values["is_central"] = home.central
        hid = e.household_of(home)
        if hid is None:
            hid = next_hid
            next_hid += 1
            number = home.number or auto_number.next()
            e.households[number] = hid
            new_households.append(
                {"id": hid, "village_id": e.village_id, "number": number, "phone": "", "notes": "", **values}
                | {"is_central": bool(home.central)}
            )
            report.households_created += 1
        else:
            wanted = {k: v for k, v in values.items() if v not in ("", None)}
            if any(e.household_fields.get(hid, {}).get(k) != v for k, v in wanted.items()):
                changed_households.append({"id": hid, **wanted})
            report.households_updated += 1
        home_ids.append((home, hid))
        for row in home.people:
            if row["_row"] in bad:
                continue
            found = e.residents.get(row["id_number"])
            if found is None:  # ids and the other columns come later, in one comprehension
                new_residents.append(row)
                new_household_ids.append(hid)
            else:
                del row["_row"]
                row["household_id"] = hid
                row["search_keys"] = key_texts[row["name"]]
                rid, old_hid, old_relation = found
                row["id"] = rid
                report.updated += 1
                if tuple(row[c] for c in _COMPARED) == e.stored[rid]:
                    report.unchanged += 1
                    continue
                changed_residents.append(row)
                if old_hid != hid:
                    moves.append(
                        {
                            "resident_id": rid,
                            "from_household_id": old_hid,
                            "to_household_id": hid,
                            "from_relation": old_relation,
                            "to_relation": row["relation"],
                            "moved_on": today,
                            "reason": "导入花名册",
                        }
                    )
    report.created = len(new_residents)
    total = len(new_residents) + len(changed_residents)
    moved = {m["resident_id"] for m in moves}
    rekeyed = [r for r in changed_residents if (r["name"], r["phone"]) != e.keyed[r["id"]] or r["id"] in moved]
    new_ids = range(first_rid, first_rid + len(new_residents))
    keyed = [
        (rid, hid, r["name"], r["id_number"], r["phone"])
        for rid, hid, r in zip(new_ids, new_household_ids, new_residents, strict=True)
    ]
    keyed += [(r["id"], r["household_id"], r["name"], r["id_number"], r["phone"]) for r in rekeyed]
    insert_households(conn, new_households)
    bulk_rows(conn, Household, [h for h in changed_households if len(h) > 1], insert_=False)
    if rekeyed:
        delete_number_keys(conn, [(r["id"], r["id_number"], e.keyed[r["id"]][1]) for r in rekeyed])
    params = resident_tuples(first_rid, new_household_ids, new_residents, key_texts)
    insert_new_residents(conn, params, total, progress, check_cancel)
    if changed_residents:
        # id_number is how the person was found (unchanged); leaving it out spares its index.
        bulk_rows(
            conn,
            Resident,
            [{k: v for k, v in r.items() if k != "id_number"} for r in changed_residents],
            insert_=False,
        )
    if moves:
        conn.execute(insert(ResidentMove), moves)
    if progress is not None:
        progress(total, total, "建立搜索索引…")
    insert_people_keys(conn, keyed, pinyin)
    write_categories_and_stars(conn, home_ids, first_new_household)


# What an update compares: a person whose row says exactly what the file says is left alone.
_COMPARED = (
    "household_id",
    "relation",
    "name",
    "phone",
    "sex",
    "birth_date",
    "ethnicity",
    "notes",
    "end_reason",
    "ended_on",
)
