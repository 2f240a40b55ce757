"""The SQL side of a register import: bulk statements, the name-index rebuild of a bulk load,
villager groups / grids found or created by name, category periods and star ratings, 户号
numbering. Core statements and driver executemany only — no ORM objects per row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from govdesk.importing.household_fields import resolve_name
from govdesk.importing.household_plan import PlannedHome
from govdesk.importing.report import ImportReport
from govdesk.models import Household, HouseholdCategory, Resident, StarRating, VillagerGroup

CHUNK = 20_000


def bulk_pragmas(conn: Connection) -> None:
    """A bigger page cache for this connection: index inserts in random order otherwise thrash
    the default 2 MB cache. (Temporary tables and sorts live in memory on every connection,
    ``govdesk.db``: that pragma cannot change inside the import's transaction. Durability pragmas
    are untouched: the file stays safe.)"""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA cache_size=-131072")


BULK_INDEX_REBUILD = 20_000  # rows added at once from which a table's indexes are rebuilt, not updated
_BULK_DROPPED_INDEXES = {  # the plain (non-unique) indexes; unique ones guard the load itself
    Resident: ("ix_residents_name_household", "ix_residents_household_id"),
    Household: (
        "ix_households_village_id",
        "ix_households_number",
        "ix_households_villager_group_id",
        "ix_households_grid_id",
    ),
}


def drop_indexes_for_bulk(conn: Connection, model: Any, adding: int) -> list[str]:
    """Bulk load: when an import more than doubles a table (residents, households), drop its
    plain indexes and build them again afterwards (one sorted build each instead of random
    inserts). Same transaction, so a failure restores them. Returns the CREATE statements to
    run after."""
    if conn.dialect.name != "sqlite" or adding < BULK_INDEX_REBUILD:
        return []
    have = conn.scalar(select(func.count()).select_from(model)) or 0
    if adding < have:
        return []
    rebuild = []
    for name in _BULK_DROPPED_INDEXES[model]:
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type='index' AND name=?", (name,)).scalar()
        if sql:
            conn.exec_driver_sql(f"DROP INDEX {name}")
            rebuild.append(str(sql))
    return rebuild


_RESIDENT_COLUMNS = (
    "id",
    "household_id",
    "name",
    "id_number",
    "sex",
    "ethnicity",
    "relation",
    "phone",
    "notes",
    "search_keys",
    "end_reason",
    "birth_date",
    "ended_on",
)


def resident_tuples(
    first_id: int, household_ids: list[int], people: list[dict[str, Any]], key_texts: Mapping[str, str]
) -> list[tuple[Any, ...]]:
    """Driver parameters of new residents in ``_RESIDENT_COLUMNS`` order, ids from ``first_id``
    on: one pass, the plain fields taken by one ``itemgetter`` (in C). Names repeat (200,000
    residents of a township share some 74,000), so ``key_texts`` holds each name's
    ``search_keys`` text once. Dates are ISO text, as SQLAlchemy stores them in SQLite."""
    fields = itemgetter("name", "id_number", "sex", "ethnicity", "relation", "phone", "notes")
    return [
        (
            rid,
            hid,
            *fields(p),
            key_texts[p["name"]],
            p["end_reason"],
            p["birth_date"].isoformat(),
            p["ended_on"] and p["ended_on"].isoformat(),
        )
        for rid, hid, p in zip(range(first_id, first_id + len(people)), household_ids, people, strict=True)
    ]


def insert_new_residents(
    conn: Connection,
    params: list[tuple[Any, ...]],
    total: int,
    progress: Callable[[int, int, str], None] | None,
    check_cancel: Callable[[], None] | None,
) -> None:
    """New residents (``resident_tuples``) in chunks: the import can be
    cancelled between them and shows ``progress`` of ``total`` after each. A bulk load drops the
    name and household indexes first and builds them again afterwards."""
    rebuild_indexes = drop_indexes_for_bulk(conn, Resident, len(params))
    done = 0
    for start in range(0, len(params), CHUNK):
        if check_cancel is not None:
            check_cancel()
        chunk = params[start : start + CHUNK]
        insert_residents(conn, chunk)
        done += len(chunk)
        if progress is not None:
            progress(done, total, f"写入居民 {done}/{total}…")
    for sql in rebuild_indexes:
        conn.exec_driver_sql(sql)


def insert_residents(conn: Connection, params: list[tuple[Any, ...]]) -> None:
    """SQLite: ``params`` (from ``resident_tuples``) straight to the driver; else through Core."""
    if not params:
        return
    if conn.dialect.name != "sqlite":
        rows = [dict(zip(_RESIDENT_COLUMNS, p, strict=True)) for p in params]
        for row in rows:
            row["birth_date"] = date.fromisoformat(row["birth_date"])
            row["ended_on"] = row["ended_on"] and date.fromisoformat(row["ended_on"])
        conn.execute(insert(Resident), rows)
        return
    cols = ", ".join(_RESIDENT_COLUMNS)
    marks = ", ".join("?" * len(_RESIDENT_COLUMNS))
    conn.exec_driver_sql(f"INSERT INTO residents ({cols}) VALUES ({marks})", params)


_HOUSEHOLD_COLUMNS = (
    "id",
    "village_id",
    "number",
    "phone",
    "notes",
    "address",
    "villager_group_id",
    "grid_id",
    "is_central",
    "end_reason",
)


def insert_households(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """New households; on SQLite as driver tuples (50,000 of them in a township import)."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        bulk_rows(conn, Household, rows, insert_=True)
        return
    get = itemgetter(*_HOUSEHOLD_COLUMNS[:-1])
    params = [(*get(r), "") for r in rows]
    cols = ", ".join(_HOUSEHOLD_COLUMNS)
    marks = ", ".join("?" * len(_HOUSEHOLD_COLUMNS))
    rebuild_indexes = drop_indexes_for_bulk(conn, Household, len(params))
    conn.exec_driver_sql(f"INSERT INTO households ({cols}) VALUES ({marks})", params)
    for sql in rebuild_indexes:
        conn.exec_driver_sql(sql)


def bulk_rows(conn: Connection, model: Any, rows: list[dict[str, Any]], *, insert_: bool) -> None:
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


def group_id(
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


def write_categories_and_stars(
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
        ratings = [(hid, y, n, "") for h, hid in with_stars for y, n in h.stars]
        if conn.dialect.name == "sqlite":  # tens of thousands in a township: driver tuples
            conn.exec_driver_sql(
                "INSERT INTO household_star_ratings (household_id, year, stars, notes) VALUES (?, ?, ?, ?)", ratings
            )
        else:
            keys = ("household_id", "year", "stars", "notes")
            conn.execute(insert(StarRating), [dict(zip(keys, r, strict=True)) for r in ratings])


class AutoNumber:
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
