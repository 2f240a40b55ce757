"""The resident search index: keys per resident, kept in ``resident_search_keys``.

Search as you type must answer in milliseconds at 200,000 residents, so every way a clerk
looks a resident up becomes a key, and a lookup is a prefix range on the primary key
(``key >= q AND key < q + U+10FFFF``) instead of ``LIKE '%q%'`` over every row:

- pinyin full readings and initials of every reading combination (search.pinyin_keys),
- the name and the given name (三丰 finds 张三丰),
- ``!`` + reversed ID number and ``!`` + reversed phone (a suffix becomes a prefix).

Plain SQL only (no Qt, no ORM objects): the importer writes these rows in bulk.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.orm import Session

from govdesk.models import Resident, ResidentSearchKey
from govdesk.search import digits_key, is_number_query, normalize_query, pinyin_keys, prefix_upper_bound

_digit_table = str.maketrans("", "", "-")


def resident_keys(name: str, id_number: str, phone: str) -> set[str]:
    keys = set(pinyin_keys(name))
    if name:
        keys.add(name)
        if len(name) > 2:
            keys.add(name[1:])
        elif len(name) == 2:
            keys.add(name[1])
    if id_number:
        keys.add(digits_key(id_number))
    if phone:
        keys.add(digits_key(phone.translate(_digit_table)))
    return keys


def key_rows(resident_id: int, household_id: int, name: str, id_number: str, phone: str) -> list[dict[str, Any]]:
    return [
        {"key": k, "resident_id": resident_id, "household_id": household_id}
        for k in resident_keys(name, id_number, phone)
    ]


def key_range(text: str) -> tuple[str, str] | None:
    """The key range a typed text searches, or ``None`` for an empty query."""
    q = normalize_query(text)
    if not q:
        return None
    prefix = digits_key(q) if is_number_query(q) else q
    return prefix, prefix_upper_bound(prefix)


def matching_households(text: str) -> Any:
    """SELECT of household ids with a resident matching ``text`` (use inside ``IN``)."""
    rng = key_range(text)
    assert rng is not None
    return select(ResidentSearchKey.household_id).where(ResidentSearchKey.key >= rng[0], ResidentSearchKey.key < rng[1])


def matching_residents(text: str) -> Any:
    rng = key_range(text)
    assert rng is not None
    return select(ResidentSearchKey.resident_id).where(ResidentSearchKey.key >= rng[0], ResidentSearchKey.key < rng[1])


def refresh_resident(session: Session, resident_id: int) -> None:
    """Rewrite one resident's keys after a change (name, ID number, phone, household)."""
    session.flush()
    session.execute(delete(ResidentSearchKey).where(ResidentSearchKey.resident_id == resident_id))
    r = session.get(Resident, resident_id)
    if r is None:
        return
    rows = key_rows(r.id, r.household_id, r.name, r.id_number, r.phone)
    if rows:
        session.execute(insert(ResidentSearchKey), rows)


def insert_key_rows(conn: Connection | Session, rows: Iterable[dict[str, Any]], chunk: int = 50_000) -> None:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= chunk:
            conn.execute(insert(ResidentSearchKey), batch)
            batch = []
    if batch:
        conn.execute(insert(ResidentSearchKey), batch)


def backfill_search_keys(conn: Connection | Session) -> int:
    """(Re)build the whole index from the residents table; returns the number of residents."""
    conn.execute(delete(ResidentSearchKey))
    residents = conn.execute(
        select(Resident.id, Resident.household_id, Resident.name, Resident.id_number, Resident.phone)
    ).all()
    insert_key_rows(conn, (row for r in residents for row in key_rows(*r)))
    return len(residents)
