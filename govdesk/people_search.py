"""The resident search index: keys per NAME in ``name_search_keys``, digit keys per resident
in ``resident_search_keys``.

Search as you type must answer in milliseconds at 200,000 residents, so every way a clerk
looks a resident up becomes a prefix range on an index instead of ``LIKE '%q%'`` over every
row (``key >= q AND key < q + U+10FFFF``):

- pinyin full readings and initials of every reading combination (search.pinyin_keys) and
  the later parts of the name (明, 𠮷明 of 王𠮷明): keys of the NAME, stored once per distinct
  name and joined to the residents through ``residents.name`` (its own index). A township's
  200,000 residents share some 74,000 names: a third of the rows a per-resident index needs;
- ``!`` + reversed ID number and ``!`` + reversed phone (a suffix becomes a prefix): keys of
  one resident, with the household, in ``resident_search_keys``;
- the whole name is searched as a prefix of ``residents.name`` itself, so any piece of a
  name is found.

Plain SQL only (no Qt, no ORM objects): the importer writes these rows in bulk, as driver
tuples on its own connection.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, union, update
from sqlalchemy.orm import Session

from govdesk.models import NameSearchKey, Resident, ResidentSearchKey
from govdesk.search import KEY_CHARS, digits_key, is_number_query, normalize_query, pinyin_keys, prefix_upper_bound

Bind = Connection | Session


def name_keys(name: str, pinyin: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """Pinyin keys (``pinyin``: the name's ``pinyin_keys`` when the caller has them already)
    plus every later part of the name (𠮷明, 明 of 王𠮷明): any piece of a name is then the
    prefix of a key or of the name itself (residents.name has its own index)."""
    head = name[:KEY_CHARS]  # bounded for any input: at most KEY_CHARS keys of KEY_CHARS characters
    keys = pinyin_keys(name) if pinyin is None else pinyin
    return tuple(dict.fromkeys((*keys, *(head[i:] for i in range(1, len(head))))))


def number_keys(id_number: str, phone: str) -> list[str]:
    """The digit keys of one resident: reversed ID number and reversed phone (without dashes)."""
    keys = [digits_key(id_number)] if id_number else []
    if phone:
        p = digits_key(phone.replace("-", ""))
        if p not in keys:
            keys.append(p)
    return keys


def name_key_rows(names: Iterable[str], pinyin: Mapping[str, tuple[str, ...]] | None = None) -> list[tuple[str, str]]:
    """``name_search_keys`` rows of the distinct ``names``: (key, name), each once.
    ``pinyin``: names' pinyin keys already computed (``search.keys_by_name``)."""
    pinyin = pinyin or {}
    return [(k, n) for n in set(names) for k in name_keys(n, pinyin.get(n))]


def key_range(text: str) -> tuple[str, str] | None:
    """The key range a typed text searches, or ``None`` for an empty query."""
    q = normalize_query(text)
    if not q:
        return None
    prefix = digits_key(q) if is_number_query(q) else q[:KEY_CHARS]  # keys hold at most KEY_CHARS
    return prefix, prefix_upper_bound(prefix)


def matching_households(text: str) -> Any:
    """SELECT of household ids with a resident matching ``text`` (use inside ``IN``)."""
    q = normalize_query(text)
    rng = key_range(q)
    assert rng is not None
    lo, hi = rng
    by_number = select(ResidentSearchKey.household_id).where(ResidentSearchKey.key >= lo, ResidentSearchKey.key < hi)
    if is_number_query(q):  # its range is "!" + reversed digits: only digit keys start so
        return by_number
    names = select(NameSearchKey.name).where(NameSearchKey.key >= lo, NameSearchKey.key < hi)
    by_name_key = select(Resident.household_id).where(Resident.name.in_(names))
    if q.isascii():
        return union(by_name_key, by_number)
    by_name = select(Resident.household_id).where(Resident.name >= q, Resident.name < prefix_upper_bound(q))
    return union(by_name, by_name_key, by_number)


def refresh_resident(session: Session, resident_id: int, old: tuple[str, str, str] | None = None) -> None:
    """Rewrite one resident's keys after a change; ``old`` = (name, id_number, phone) before it.
    The old name's keys stay: others may bear that name, and on their own they find nobody."""
    session.flush()
    r = session.get(Resident, resident_id)
    if old is not None:
        delete_number_keys(session, [(resident_id, old[1], old[2])])
    if r is None:
        return
    delete_number_keys(session, [(r.id, r.id_number, r.phone)])
    insert_people_keys(session, [(r.id, r.household_id, r.name, r.id_number, r.phone)])


def delete_number_keys(conn: Bind, people: list[tuple[int, str, str]]) -> None:
    """Delete the digit keys of (resident_id, id_number, phone) by primary key."""
    pairs = [{"k": k, "r": rid} for rid, number, phone in people for k in number_keys(number, phone)]
    if pairs:
        # executemany of a primary-key delete: (key, resident_id) IN (...) lists make SQLite scan.
        stmt = delete(ResidentSearchKey).where(
            ResidentSearchKey.key == bindparam("k"), ResidentSearchKey.resident_id == bindparam("r")
        )
        _bind(conn).execute(stmt, pairs)


def move_keys(session: Session, resident_id: int, household_id: int) -> None:
    r = session.get(Resident, resident_id)
    if r is None:
        return
    session.execute(
        update(ResidentSearchKey)
        .where(
            ResidentSearchKey.resident_id == resident_id, ResidentSearchKey.key.in_(number_keys(r.id_number, r.phone))
        )
        .values(household_id=household_id)
    )


def insert_people_keys(
    conn: Bind,
    people: Iterable[tuple[int, int, str, str, str]],
    pinyin: Mapping[str, tuple[str, ...]] | None = None,
) -> None:
    """The keys of many residents at once: (resident_id, household_id, name, id_number, phone);
    ``pinyin``: their names' pinyin keys if the caller computed them already (an import).

    The keys of names not yet in the index, then each resident's digit keys, sent to the
    driver as plain tuples (a township import: some 425,000 name keys and 300,000 digit keys).
    Unsorted on purpose: the import's page cache holds both B-trees, and sorting the tuples in
    Python (or through a temporary table) measured slower than SQLite placing each one.
    """
    people = people if isinstance(people, list) else list(people)
    if not people:
        return
    insert_name_keys(conn, [p[2] for p in people], pinyin)
    rows = [(k, rid, hid) for rid, hid, _, number, phone in people for k in number_keys(number, phone)]
    bind = _bind(conn)
    if bind.dialect.name == "sqlite":
        sql = "INSERT OR IGNORE INTO resident_search_keys (key, resident_id, household_id) VALUES (?, ?, ?)"
        bind.exec_driver_sql(sql, rows)
        return
    for start in range(0, len(rows), _CHUNK):
        batch = [{"key": k, "resident_id": r, "household_id": h} for k, r, h in rows[start : start + _CHUNK]]
        bind.execute(insert(ResidentSearchKey), batch)


_CHUNK = 50_000


def insert_name_keys(conn: Bind, names: Iterable[str], pinyin: Mapping[str, tuple[str, ...]] | None = None) -> None:
    """The keys of every name in ``names`` the index does not hold yet."""
    bind = _bind(conn)
    wanted = set(names)
    if bind.dialect.name == "sqlite":  # a name already there is ignored by its primary key
        sql = "INSERT OR IGNORE INTO name_search_keys (key, name) VALUES (?, ?)"
        bind.exec_driver_sql(sql, name_key_rows(wanted, pinyin))
        return
    ordered = sorted(wanted)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        wanted -= set(bind.scalars(select(NameSearchKey.name).where(NameSearchKey.name.in_(chunk)).distinct()))
    rows = [{"key": k, "name": n} for k, n in name_key_rows(wanted, pinyin)]
    for start in range(0, len(rows), _CHUNK):
        bind.execute(insert(NameSearchKey), rows[start : start + _CHUNK])


def _bind(conn: Bind) -> Connection:
    return conn.connection() if isinstance(conn, Session) else conn


def backfill_search_keys(conn: Bind) -> int:
    """(Re)build the whole index from the residents table; returns the number of residents.
    Names nobody bears any more lose their keys here."""
    conn.execute(delete(ResidentSearchKey))
    conn.execute(delete(NameSearchKey))
    residents = conn.execute(
        select(Resident.id, Resident.household_id, Resident.name, Resident.id_number, Resident.phone)
    ).all()
    insert_people_keys(conn, [(rid, hid, name, number, phone) for rid, hid, name, number, phone in residents])
    return len(residents)


def check_search_index(db: Any) -> list[str]:
    """``govdesk check``: every resident's name has its keys, and every resident with an ID
    number or phone has digit keys (else: rebuild with ``govdesk reindex``)."""
    with db.session() as s:
        unnamed = s.scalar(select(func.count(Resident.id)).where(Resident.name.not_in(select(NameSearchKey.name))))
        numbered = s.scalar(select(func.count(Resident.id)).where((Resident.id_number != "") | (Resident.phone != "")))
        keyed = s.scalar(select(func.count(func.distinct(ResidentSearchKey.resident_id))))
    missing = max(unnamed or 0, (numbered or 0) - (keyed or 0))
    if missing > 0:
        return [f"搜索索引缺少 {missing} 位居民（运行 govdesk reindex 可重建）"]
    return []
