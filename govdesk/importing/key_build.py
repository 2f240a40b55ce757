"""The search keys of a big import, sorted on the second core while the residents are written.

A township register brings 1.35 million search keys. Sorting them into the WITHOUT ROWID
``resident_search_keys`` B-tree is SQLite work (about 1.5 s) that needs no Python — but on
the import's own connection it can only start after the residents are written. So a helper
thread builds the finished, sorted table in a scratch SQLite file with its own connection:
the keys go over as two JSON texts (one per distinct name, one per resident), and a single
statement expands, sorts and stores them with the GIL released. Meanwhile the import thread
writes households and residents. At the end the scratch file is attached to the import's
connection and copied in one ``INSERT … SELECT *``: into an empty index SQLite copies the
sorted pages as they are (its transfer optimisation), otherwise it merges them in key order.

The scratch file is throwaway work space (no journal, no fsync), deleted afterwards; the
user's database is written only by the import's transaction, with its usual pragmas.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import SQLAlchemyError

from govdesk.importing import cells
from govdesk.importing.people_rows import is_mobile, phone_of
from govdesk.importing.sheet import Sheet
from govdesk.models import Household, Resident
from govdesk.people_search import insert_people_keys, name_keys
from govdesk.search import digits_key

log = logging.getLogger(__name__)

# Below this many residents the plain path (insert_people_keys) is as fast and simpler.
MIN_PEOPLE = 20_000
_ALIAS = "govdesk_import_keys"


def early_build(conn: Connection, sheet: Sheet) -> ParallelKeyBuild | None:
    """Start the key build right after reading, before the rows are checked — for a register
    with a 户号 column going into a database without households or residents yet (the first,
    biggest import). Ids are then given out exactly as the writer will: households in order of
    first appearance, residents household by household in row order. The writer compares the
    residents it actually writes with this guess and throws the build away if they differ
    (a row that was invalid, a household without people…), so a wrong guess costs time only.

    Everything here runs before the checks, on the import's critical path, so it works column
    by column (C-level comprehensions and ``sorted``) instead of row by row.
    """
    cols = sheet.columns
    if conn.dialect.name != "sqlite" or "number" not in cols or len(sheet.rows) < MIN_PEOPLE:
        return None
    if conn.scalar(select(Resident.id).limit(1)) is not None or conn.scalar(select(Household.id).limit(1)):
        return None
    next_hid = (conn.scalar(select(func.max(Household.id))) or 0) + 1
    next_rid = (conn.scalar(select(func.max(Resident.id))) or 0) + 1
    # Clean cells (the common case) are taken as they are; anything else is normalised by the
    # very functions the checks use.
    homes = cells.household_numbers(sheet.column("number"))
    names = cells.compact_column(sheet.column("name"))
    numbers = [
        n if n.__class__ is str and n.isalnum() and n.isascii() and n[-1] != "x" else cells.id_number(n)[0]
        for n in sheet.column("id_number")
    ]
    phones = [_phone(p) for p in sheet.column("phone")]
    home_index = {h: i for i, h in enumerate(dict.fromkeys(homes))}
    hids = [home_index[h] for h in homes]
    order = sorted(range(len(hids)), key=hids.__getitem__)  # stable: row order within a household
    return ParallelKeyBuild(
        conn,
        range(next_rid, next_rid + len(order)),
        [next_hid + hids[i] for i in order],
        [names[i] for i in order],
        [numbers[i] for i in order],
        [phones[i] for i in order],
    )


def _phone(value: object) -> str:
    """The phone as the checks store it; "" for none and for one the checks will refuse anyway."""
    if value is None or value == "":
        return ""
    if value.__class__ is str and is_mobile(value):
        return value  # type: ignore[return-value]
    try:
        return phone_of(value)
    except ValueError:
        return ""


def build_for(
    conn: Connection, keyed: list[tuple[int, int, str, str, str]], builds: list[ParallelKeyBuild]
) -> ParallelKeyBuild | None:
    """The helper-thread build of these residents' keys (resident id, household id, name, ID
    number, phone): the early one when it guessed them exactly, else a new one (appended to
    ``builds``, which the import closes). None when there are too few residents, or no SQLite:
    ``finish_keys`` then writes the keys itself."""
    if conn.dialect.name != "sqlite" or len(keyed) < MIN_PEOPLE:
        return None
    if not (builds and builds[-1].people == keyed):  # no early build, or it guessed wrong
        builds.append(ParallelKeyBuild.of_people(conn, keyed))
    return builds[-1]


def finish_keys(conn: Connection, build: ParallelKeyBuild | None, keyed: list[tuple[int, int, str, str, str]]) -> None:
    """Copy the helper's keys into the import, or write them here (no build, or it failed)."""
    if build is None or not build.finish(conn):
        insert_people_keys(conn, keyed)


class ParallelKeyBuild:
    """Start with the residents to key; ``finish(conn)`` copies the keys into the import."""

    def __init__(
        self,
        conn: Connection,
        rids: Sequence[int],
        hids: Sequence[int],
        names: Sequence[str],
        numbers: Sequence[str],
        phones: Sequence[str],
    ) -> None:
        """One column per field of the residents to key (resident id, household id, name, ID
        number, phone). The payload is built here, column by column; the helper thread only
        runs SQLite statements."""
        table_sql = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type='table' AND name='resident_search_keys'"
        ).scalar()
        self.people = list(zip(rids, hids, names, numbers, phones, strict=True))  # what the writer compares
        self.dir = Path(tempfile.mkdtemp(prefix="govdesk-keys-"))
        self.path = self.dir / "keys.sqlite3"
        name_index = {n: i for i, n in enumerate(dict.fromkeys(names))}
        payload = zip(
            rids,
            hids,
            [name_index[n] for n in names],
            [digits_key(n) if n else None for n in numbers],
            [digits_key(p.replace("-", "")) if p else None for p in phones],
            strict=True,
        )
        names_json = json.dumps([name_keys(n) for n in name_index], ensure_ascii=False)
        people_json = json.dumps(list(payload), ensure_ascii=False)
        self.error: BaseException | None = None
        self.thread = threading.Thread(
            target=self._build, args=(str(table_sql), names_json, people_json), name="govdesk-import-keys"
        )
        self.thread.start()

    @classmethod
    def of_people(cls, conn: Connection, people: list[tuple[int, int, str, str, str]]) -> ParallelKeyBuild:
        """From rows of (resident id, household id, name, ID number, phone)."""
        return cls(conn, *(tuple(p[i] for p in people) for i in range(5)))

    def _build(self, table_sql: str, names_json: str, people_json: str) -> None:
        """Two inserts, each in key order so the B-tree only ever grows at its end: first the
        ``!`` digit keys (``!`` sorts before every letter and Chinese character), then the name
        keys, read through an index on the key so SQLite only orders residents within a key."""
        try:
            db = sqlite3.connect(self.path, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=OFF")  # scratch space: nothing here needs to survive a crash
                db.execute("PRAGMA synchronous=OFF")
                db.execute("PRAGMA cache_size=-131072")
                db.execute("PRAGMA temp_store=MEMORY")
                db.execute("BEGIN")
                db.execute(table_sql)  # the very same table definition: the final copy is a page transfer
                db.execute("CREATE TABLE name_keys (key TEXT, i INTEGER, PRIMARY KEY (key, i)) WITHOUT ROWID")
                db.execute(
                    "INSERT OR IGNORE INTO name_keys SELECT k.value, n.key FROM json_each(?) n, json_each(n.value) k",
                    (names_json,),
                )
                db.execute(
                    "CREATE TABLE people (i INTEGER, rid INTEGER, hid INTEGER, id_key TEXT, phone_key TEXT,"
                    " PRIMARY KEY (i, rid)) WITHOUT ROWID"
                )
                db.execute(
                    "INSERT INTO people SELECT value->>2, value->>0, value->>1, value->>3, value->>4 FROM json_each(?)",
                    (people_json,),
                )
                db.execute(
                    "INSERT OR IGNORE INTO resident_search_keys (key, resident_id, household_id) "
                    "SELECT key, rid, hid FROM ("
                    " SELECT id_key AS key, rid, hid FROM people WHERE id_key IS NOT NULL"
                    " UNION ALL SELECT phone_key, rid, hid FROM people WHERE phone_key IS NOT NULL"
                    ") ORDER BY 1, 2"
                )
                db.execute(
                    "INSERT OR IGNORE INTO resident_search_keys (key, resident_id, household_id) "
                    "SELECT k.key, p.rid, p.hid FROM name_keys k JOIN people p ON p.i = k.i ORDER BY k.key, p.rid"
                )
                db.execute("COMMIT")
            finally:
                db.close()
        except Exception as exc:  # reported by finish(); the import then writes the keys itself
            self.error = exc

    def finish(self, conn: Connection) -> bool:
        """Wait for the helper, then copy its table into the import's transaction. ``False``
        if the scratch build failed (a full temp disk…): the caller writes the keys itself."""
        self.thread.join()
        if self.error is not None:
            log.warning("search keys: scratch build failed (%s); writing them directly", self.error)
            return False
        conn.exec_driver_sql(f"ATTACH DATABASE ? AS {_ALIAS}", (str(self.path),))
        conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO main.resident_search_keys SELECT * FROM {_ALIAS}.resident_search_keys"
        )
        return True

    def close(self, conn: Connection | None) -> None:
        """After the import's transaction ended: detach (a pooled connection must not keep it)
        and delete the scratch file. Safe to call whatever happened before."""
        self.thread.join()
        if conn is not None:
            try:
                attached = conn.exec_driver_sql("PRAGMA database_list").all()
                if any(row[1] == _ALIAS for row in attached):
                    conn.exec_driver_sql(f"DETACH DATABASE {_ALIAS}")
            except SQLAlchemyError as exc:  # never hide the import's own outcome behind this
                log.warning("search keys: could not detach the scratch file: %s", exc)
        shutil.rmtree(self.dir, ignore_errors=True)
