"""Writing a checked household register: prefetch once, then bulk statements in one transaction.

Rules needing the database are checked here before anything is written: a household on file
keeps one head (a file head with another ID number next to an existing head is refused), and
a person on file in another household is moved there (ResidentMove keeps the history).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from govdesk.db import Database
from govdesk.importing.headers import header_label
from govdesk.importing.household_fields import resolve_name
from govdesk.importing.household_import import HouseholdPlan, PlannedHome, plan_households
from govdesk.importing.report import ImportReport, RowProblem
from govdesk.models import (
    Grid,
    Household,
    HouseholdCategory,
    Resident,
    ResidentMove,
    StarRating,
    Village,
    VillagerGroup,
)
from govdesk.models.people import RELATION_HEAD
from govdesk.people_search import delete_keys, insert_key_rows, key_tuples
from govdesk.search import search_keys

Progress = Callable[[int, int, str], None]
CHUNK = 20_000


def import_households(
    db: Database,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    check_cancel: Callable[[], None] | None = None,
) -> ImportReport:
    """All-or-nothing by default: any bad row and nothing is written (report.written False)."""
    today = today or date.today()
    plan = plan_households(path, today=today, progress=progress)
    report = plan.report
    report.dry_run, report.skip_invalid = dry_run, skip_invalid
    with db.engine.begin() as conn:
        _bulk_pragmas(conn)
        existing = _Existing.load(conn)
        _check_against_database(plan, existing)
        if dry_run or (report.problems and not skip_invalid):
            bad = {p.row for p in report.problems}
            report.bad_rows = [(n, c) for n, c in plan.rows if n in bad]
            return report
        _write(conn, plan, existing, today, progress, check_cancel)
        report.written = True
    return report


def _bulk_pragmas(conn: Connection) -> None:
    """A bigger page cache for this connection: index inserts in random order otherwise thrash
    the default 2 MB cache. (Durability pragmas are untouched: the file stays safe.)"""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size=-131072")


def _all_rows(plan: HouseholdPlan) -> list[tuple[int, list[object]]]:
    from govdesk.importing.headers import HOUSEHOLD_FIELDS
    from govdesk.importing.sheet import read_register

    return read_register(plan.report.file, HOUSEHOLD_FIELDS, "households").rows


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

            raise NotFoundError("请先建立村的信息（数据库中还没有村），再导入花名册")
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
    next_rid = (conn.scalar(select(func.max(Resident.id))) or 0) + 1
    auto_number = _AutoNumber(e.households)
    new_households: list[dict[str, Any]] = []
    changed_households: list[dict[str, Any]] = []
    new_residents: list[dict[str, Any]] = []
    changed_residents: list[dict[str, Any]] = []
    moves: list[dict[str, Any]] = []
    home_ids: list[tuple[PlannedHome, int]] = []
    for home in homes:
        values = {
            "address": home.address,
            "villager_group_id": _group_id(conn, e.groups, VillagerGroup, home.villager_group, e.village_id, report),
            "grid_id": _group_id(conn, e.grids, Grid, home.grid, e.village_id, report),
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
            del row["_row"]
            row["household_id"] = hid
            row["search_keys"] = search_keys(row["name"])
            found = e.residents.get(row["id_number"])
            if found is None:
                row["id"] = next_rid
                next_rid += 1
                new_residents.append(row)
                report.created += 1
            else:
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
    total = len(new_residents) + len(changed_residents)
    moved = {m["resident_id"] for m in moves}
    _bulk(conn, Household, new_households, insert_=True)
    _bulk(conn, Household, [h for h in changed_households if len(h) > 1], insert_=False)
    # The search keys are computed on a helper thread while SQLite writes the residents:
    # sqlite3 releases the GIL while it steps, so the two overlap (the connection stays on this thread).
    rekeyed = [r for r in changed_residents if (r["name"], r["phone"]) != e.keyed[r["id"]] or r["id"] in moved]
    written = new_residents + rekeyed
    keys: list[tuple[str, int, int]] = []
    maker = threading.Thread(
        target=lambda: keys.extend(
            k for r in written for k in key_tuples(r["id"], r["household_id"], r["name"], r["id_number"], r["phone"])
        ),
        name="govdesk-import-keys",
    )
    maker.start()
    try:
        done = 0
        rebuild_name_index = _drop_name_index_for_bulk(conn, len(new_residents))
        for start in range(0, len(new_residents), CHUNK):
            if check_cancel is not None:
                check_cancel()
            _insert_residents(conn, new_residents[start : start + CHUNK])
            done += len(new_residents[start : start + CHUNK])
            if progress is not None:
                progress(done, total, f"写入居民 {done}/{total}…")
        if rebuild_name_index:
            conn.exec_driver_sql(rebuild_name_index)
        if changed_residents:
            # id_number is how the person was found (unchanged); leaving it out spares its index.
            _bulk(
                conn,
                Resident,
                [{k: v for k, v in r.items() if k != "id_number"} for r in changed_residents],
                insert_=False,
            )
            delete_keys(conn, [(r["id"], e.keyed[r["id"]][0], r["id_number"], e.keyed[r["id"]][1]) for r in rekeyed])
        if moves:
            conn.execute(insert(ResidentMove), moves)
    finally:
        maker.join()
    if progress is not None:
        progress(total, total, "建立搜索索引…")
    insert_key_rows(conn, keys)
    _write_categories_and_stars(conn, home_ids, first_new_household)


def _drop_name_index_for_bulk(conn: Connection, adding: int) -> str | None:
    """Bulk load: when an import more than doubles the residents, drop the name index and build
    it again afterwards (one sorted build instead of random inserts). Same transaction, so a
    failure restores it. Returns the CREATE statement to run after the inserts."""
    if conn.dialect.name != "sqlite" or adding < 20_000:
        return None
    have = conn.scalar(select(func.count(Resident.id))) or 0
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type='index' AND name='ix_residents_name'").scalar()
    if adding < have or not sql:
        return None
    conn.exec_driver_sql("DROP INDEX ix_residents_name")
    return str(sql)


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

_RESIDENT_COLUMNS = (
    "id",
    "household_id",
    "name",
    "id_number",
    "sex",
    "birth_date",
    "ethnicity",
    "relation",
    "phone",
    "notes",
    "search_keys",
    "ended_on",
    "end_reason",
)


def _insert_residents(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """SQLite: tuples straight to the driver (no per-row parameter processing); else Core."""
    if conn.dialect.name != "sqlite":
        conn.execute(insert(Resident), rows)
        return
    cols = ", ".join(_RESIDENT_COLUMNS)
    marks = ", ".join("?" * len(_RESIDENT_COLUMNS))
    iso = date.isoformat
    conn.exec_driver_sql(
        f"INSERT INTO residents ({cols}) VALUES ({marks})",
        [tuple((iso(v) if v.__class__ is date else v) for v in (r[c] for c in _RESIDENT_COLUMNS)) for r in rows],
    )


def _bulk(conn: Connection, model: Any, rows: list[dict[str, Any]], *, insert_: bool) -> None:
    """Core executemany; rows grouped by their keys (an UPDATE sets only the cells the file filled)."""
    if not rows:
        return
    if insert_:
        for start in range(0, len(rows), CHUNK):
            conn.execute(insert(model), rows[start : start + CHUNK])
        return
    table = model.__table__
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(sorted(row)), []).append(row)
    for keys, batch in groups.items():
        cols = [k for k in keys if k != "id"]
        stmt = (
            table.update()
            .where(table.c.id == bindparam("_id"))
            .values({k: bindparam(f"_{k}") for k in cols} | {"updated_at": func.current_timestamp()})
        )
        conn.execute(stmt, [{f"_{k}": v for k, v in row.items()} for row in batch])


def _group_id(
    conn: Connection, known: dict[str, int], model: Any, name: str, village_id: int, report: ImportReport
) -> int | None:
    """Find the villager group / grid by name (组别 1 → 第一村民小组); create it if the village has none."""
    found = resolve_name(name, known)
    if found is not None or not name:
        return found
    new_id = conn.execute(
        insert(model).values(
            village_id=village_id, name=name, leader_name="", leader_phone="", sort_order=len(known) + 1
        )
    ).inserted_primary_key[0]
    known[name] = int(new_id)
    what = "村民小组" if model is VillagerGroup else "网格"
    prefix = f"新建{what}："
    for i, note in enumerate(report.notes):
        if note.startswith(prefix):
            report.notes[i] = f"{note}、{name}"
            break
    else:
        report.notes.append(f"{prefix}{name}")
    return int(new_id)


def _write_categories_and_stars(
    conn: Connection, home_ids: list[tuple[PlannedHome, int]], first_new_household: int
) -> None:
    """Category periods are matched on (household, category, start); a year's rating is replaced.
    Only households that existed before need looking up: new ones have nothing yet."""
    with_cats = [(h, hid) for h, hid in home_ids if h.categories]
    with_stars = [(h, hid) for h, hid in home_ids if h.stars]
    if with_cats:
        ids = [hid for _, hid in with_cats if hid < first_new_household]
        have: dict[tuple[int, str, date], int] = {}
        for start in range(0, len(ids), 500):
            for cid, hid, cat, started in conn.execute(
                select(
                    HouseholdCategory.id,
                    HouseholdCategory.household_id,
                    HouseholdCategory.category,
                    HouseholdCategory.started_on,
                ).where(HouseholdCategory.household_id.in_(ids[start : start + 500]))
            ):
                have[(hid, cat, started)] = cid
        new_rows, ends = [], []
        for home, hid in with_cats:
            for cat, started, ended in home.categories:
                cid = have.get((hid, cat, started))
                if cid is None:
                    new_rows.append(
                        {"household_id": hid, "category": cat, "started_on": started, "ended_on": ended, "notes": ""}
                    )
                else:
                    ends.append((cid, ended))
        if new_rows:
            conn.execute(insert(HouseholdCategory), new_rows)
        if ends:
            stmt = (
                update(HouseholdCategory.__table__)
                .where(HouseholdCategory.__table__.c.id == bindparam("_id"))
                .values(ended_on=bindparam("_end"))
            )
            conn.execute(stmt, [{"_id": cid, "_end": ended} for cid, ended in ends])
    if with_stars:
        old = [{"_h": hid, "_y": y} for h, hid in with_stars if hid < first_new_household for y, _ in h.stars]
        if old:  # one executemany, not a statement per household
            table = StarRating.__table__
            conn.execute(
                table.delete().where(table.c.household_id == bindparam("_h"), table.c.year == bindparam("_y")), old
            )
        conn.execute(
            insert(StarRating),
            [{"household_id": hid, "year": y, "stars": n, "notes": ""} for h, hid in with_stars for y, n in h.stars],
        )


class _AutoNumber:
    """户号 for a register without a 户号 column: after the highest numeric 户号, same width."""

    def __init__(self, numbers: dict[str, int]) -> None:
        numeric = [n for n in numbers if n.isdigit()]
        top = max(numeric, key=lambda n: (int(n), len(n)), default="0")
        self.width = max(len(top), 5)
        self.value = int(top)
        self.taken = numbers

    def next(self) -> str:
        while True:
            self.value += 1
            text = f"{self.value:0{self.width}d}"
            if text not in self.taken:
                return text
