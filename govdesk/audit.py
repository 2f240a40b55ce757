"""The audit trail, written in the same transaction as the change it records, for any model.

No service writes its own audit code. ``Database`` hands its write sessions and its engine to
``watch``; from then on:

- every ORM flush records, per inserted, updated or deleted mapped object, one row with the
  column values before and after (``after_flush``: the history is still there, the new rows have
  their ids, and the rows go out on the flush's own connection, so they commit or roll back with
  the change). Setting ``ended_on`` (or any ``…ended_on`` column) from empty is recorded as 结束;
- a bulk statement run through a session (``s.execute(update(Model)…)``) is one row with its count;
- a Core write connection (``Database.write_connection``: the imports) counts the rows its SQL
  inserted, updated and deleted per table and records ONE row (导入) when it ends — an import of a
  township is one audit row, not one per resident.

A model opts out with ``__audit__ = False`` (the audit itself, search keys), a column with
``info={"audit": False}`` (a password hash); ``__audit_label__`` names the kind in Chinese and
``__audit_insert_action__`` names what adding a row means (the print archive: 打印). Explicit
events (log-in, restore) are recorded with ``record``.
"""

from __future__ import annotations

import enum
import json
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, event, insert, inspect
from sqlalchemy.orm import InstanceState, Mapper, ORMExecuteState, Session, sessionmaker

from govdesk.actor import Actor
from govdesk.labels import FIELD_LABELS
from govdesk.models.users import AuditEntry

if TYPE_CHECKING:
    from govdesk.db import Database

CREATED, UPDATED, ENDED, DELETED = "新增", "修改", "结束", "删除"
IMPORTED, PRINTED, RESTORED, LOGGED_IN, LOGIN_FAILED = "导入", "打印", "恢复", "登录", "登录失败"

SKIPPED_TABLES = frozenset({"audit_entries", "resident_search_keys", "name_search_keys", "alembic_version"})
STAMPS = frozenset({"created_at", "updated_at"})  # every write changes them: noise
# Chinese names of the kinds on file when the audit was built; a newer model names itself with
# ``__audit_label__`` (or shows its table name until it does).
KIND_LABELS = {
    "villages": "村",
    "org_units": "组织",
    "villager_groups": "村民小组",
    "grids": "网格",
    "cadres": "村干部",
    "households": "农户",
    "residents": "居民",
    "members": "党员",
    "household_categories": "农户类别",
    "household_star_ratings": "星级评定",
    "household_relays": "中心户联户",
    "member_household_links": "党员联户",
    "resident_moves": "居民迁移",
    "print_archive": "文件",  # 打印文件《…》
    "print_internal": "内部版",
    "settings": "设置",
    "users": "用户",
    "decision_matters": "五议两公开事项",
    "decision_entries": "决策记录",
    "decision_body_seats": "议事成员",
    "decision_attendance": "到会签到",
    "decision_attachments": "附件",
    "decision_procedures": "决策程序",
    "decision_procedure_steps": "程序步骤",
    "rosters": "值班表",
    "duty_assignments": "值班安排",
    "duty_log": "值班日志",
    "cadre_leave": "干部请假",
    "duty_swaps": "换班",
    "duty_carry_over": "值班顺延",
    "roster_holidays": "节假日",
    "roster_meeting": "例会",
    "voice_items": "民情",
    "voice_categories": "民情类别",
    "voice_matter_links": "民情关联事项",
}
# FIELD_LABELS' words where they fit any record (its 党员状态 does not), and the users' columns.
GENERIC_LABELS = {"status": "状态", "disabled": "停用", "role": "角色", "display_name": "姓名", "login": "用户名"}
INSERT_ACTIONS = {"print_archive": PRINTED}  # what adding a row to these tables means
NAME_COLUMNS = ("name", "title", "login", "number", "key")
TALLY = "govdesk_audit_tally"  # Connection.info key: the counts of a Core write connection
_DML = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\s+(?:OR\s+\w+\s+)?(?:INTO\s+|FROM\s+)?[\"`\[]?(\w+)", re.IGNORECASE)
_VERBS = {"INSERT": CREATED, "UPDATE": UPDATED, "DELETE": DELETED}

ActorOf = Callable[[], Actor]


def kind_label(table: str, cls: type | None = None) -> str:
    return getattr(cls, "__audit_label__", None) or KIND_LABELS.get(table, table)


def plain(value: Any) -> Any:
    """A column value as JSON can hold it (dates as ISO text, blobs by their size)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(bytes(value))} 字节>"
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _json(values: dict[str, Any] | None) -> str | None:
    if values is None:
        return None
    return json.dumps({k: plain(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def row(
    actor: Actor,
    action: str,
    kind: str,
    *,
    record_id: object = None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One audit row as values for ``insert(AuditEntry)``."""
    return {
        "at": datetime.now().replace(microsecond=0),
        "user_name": actor.name[:100],
        "role": actor.role,
        "action": action[:10],
        "kind": kind[:60],
        "record_id": None if record_id is None else str(record_id)[:60],
        "summary": summary[:300],
        "before": _json(before),
        "after": _json(after),
    }


def record(bind: Session | Connection, actor: Actor, action: str, kind: str, **details: Any) -> None:
    """Write one explicit audit row (a log-in, a restore) in the caller's transaction."""
    target = bind.connection() if isinstance(bind, Session) else bind
    target.execute(insert(AuditEntry), [row(actor, action, kind, **details)])


def record_event(db: Database, action: str, kind: str, **details: Any) -> None:
    """An event that is no other write's part (a restore, recorded in the restored file): its own
    transaction, for the database's current actor."""
    with db.transaction() as s:
        record(s, db.actor, action, kind, **details)


# --- ORM writes ----------------------------------------------------------------------


def _audited(mapper: Mapper[Any]) -> bool:
    return bool(getattr(mapper.class_, "__audit__", True)) and mapper.persist_selectable.name not in SKIPPED_TABLES


def _columns(mapper: Mapper[Any]) -> list[str]:
    keys = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if prop.key in STAMPS or not getattr(column, "info", {}).get("audit", True):
            continue
        keys.append(prop.key)
    return keys


def _identity(mapper: Mapper[Any], obj: object) -> str:
    return "/".join(str(v) for v in mapper.primary_key_from_instance(obj))


def _named(state: InstanceState[Any], mapper: Mapper[Any], record_id: str) -> str:
    for key in NAME_COLUMNS:
        if key in mapper.column_attrs:
            value = state.dict.get(key)
            if value:
                return f"{str(value)[:40]}（#{record_id}）"
    return f"#{record_id}"


def field_label(key: str) -> str:
    """A column's Chinese name where one is defined (govdesk.labels), else the column's own name."""
    return GENERIC_LABELS.get(key) or FIELD_LABELS.get(key, key)


def _field_names(keys: list[str]) -> str:
    return "、".join(field_label(k) for k in keys[:8]) + ("…" if len(keys) > 8 else "")


def _ends(before: dict[str, Any], after: dict[str, Any]) -> bool:
    return any(k.endswith("ended_on") and before.get(k) is None and after.get(k) is not None for k in after)


def _flush_rows(session: Session, actor: Actor) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        state = inspect(obj)
        mapper = state.mapper
        if not _audited(mapper):
            continue
        after = {k: state.dict.get(k) for k in _columns(mapper) if state.dict.get(k) is not None}
        rid = _identity(mapper, obj)
        action = getattr(mapper.class_, "__audit_insert_action__", None) or INSERT_ACTIONS.get(
            mapper.persist_selectable.name, CREATED
        )
        label = kind_label(mapper.persist_selectable.name, mapper.class_)
        summary = f"{action}{label} {_named(state, mapper, rid)}"
        rows.append(row(actor, action, mapper.persist_selectable.name, record_id=rid, summary=summary, after=after))
    for obj in session.dirty:
        state = inspect(obj)
        mapper = state.mapper
        if not _audited(mapper):
            continue
        before: dict[str, Any] = {}
        after = {}
        for key in _columns(mapper):
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if plain(old) == plain(new):
                continue
            before[key], after[key] = old, new
        if not after:
            continue
        rid = _identity(mapper, obj)
        action = ENDED if _ends(before, after) else UPDATED
        label = kind_label(mapper.persist_selectable.name, mapper.class_)
        summary = f"{action}{label} {_named(state, mapper, rid)}：{_field_names(list(after))}"
        table = mapper.persist_selectable.name
        rows.append(row(actor, action, table, record_id=rid, summary=summary, before=before, after=after))
    for obj in session.deleted:
        state = inspect(obj)
        mapper = state.mapper
        if not _audited(mapper):
            continue
        before = {k: state.dict.get(k) for k in _columns(mapper) if state.dict.get(k) is not None}
        rid = _identity(mapper, obj)
        label = kind_label(mapper.persist_selectable.name, mapper.class_)
        summary = f"{DELETED}{label} {_named(state, mapper, rid)}"
        table = mapper.persist_selectable.name
        rows.append(row(actor, DELETED, table, record_id=rid, summary=summary, before=before))
    return rows


def _bulk_statement(state: ORMExecuteState, actor: Actor) -> Any:
    """A bulk ``insert/update/delete(Model)`` run through a session: one row with its count."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    name = getattr(table, "name", None)
    if not name or name in SKIPPED_TABLES:
        return None
    result = state.invoke_statement()
    params = state.parameters
    rowcount = getattr(result, "rowcount", None)  # an ORM bulk insert's result has none
    count = rowcount if isinstance(rowcount, int) and rowcount >= 0 else 0
    if not count and isinstance(params, list):
        count = len(params)
    action = CREATED if state.is_insert else UPDATED if state.is_update else DELETED
    summary = f"批量{action}{kind_label(name)} {count} 条"
    record(state.session, actor, action, name, summary=summary, after={"条数": count})
    return result


def watch_sessions(sessions: sessionmaker[Session], actor_of: ActorOf) -> None:
    """Record every write made through these (write) sessions, for ``actor_of()`` at the time."""

    def after_flush(session: Session, _context: object) -> None:
        rows = _flush_rows(session, actor_of())
        if rows:
            session.connection().execute(insert(AuditEntry), rows)

    def bulk(state: ORMExecuteState) -> Any:
        return _bulk_statement(state, actor_of())

    event.listen(sessions, "after_flush", after_flush)
    event.listen(sessions, "do_orm_execute", bulk)


# --- Core write connections (imports) -----------------------------------------------


def _count_written(conn: Connection, cursor: Any, statement: str, *_args: Any) -> None:
    tally: Counter[tuple[str, str]] | None = conn.info.get(TALLY)
    if tally is None:
        return
    found = _DML.match(statement)
    if found is None:
        return
    verb, table = found.group(1).upper(), found.group(2).lower()
    if table not in SKIPPED_TABLES:
        tally[(_VERBS[verb], table)] += max(cursor.rowcount or 0, 0)


def watch_engine(engine: Engine) -> None:
    """Count what a tallied connection (``tallied``) writes; other connections cost one dict look-up."""
    event.listen(engine, "after_cursor_execute", _count_written)


def tally_summary(tally: Counter[tuple[str, str]]) -> tuple[str, str, dict[str, dict[str, int]]]:
    """(kind, summary, counts) of a bulk write: "新增 农户 300、居民 1200；修改 居民 5"."""
    counts: dict[str, dict[str, int]] = {}
    for (action, table), n in sorted(tally.items()):
        if n:
            counts.setdefault(action, {})[table] = n
    parts = [
        f"{action} " + "、".join(f"{kind_label(t)} {n}" for t, n in by_table.items())
        for action, by_table in counts.items()
    ]
    sizes: Counter[str] = Counter()
    for by_table in counts.values():
        sizes.update(by_table)
    tables = [t for t, _n in sizes.most_common()]
    return ",".join(tables)[:60], "；".join(parts), counts


_context = threading.local()


@contextmanager
def noted(text: str) -> Iterator[None]:
    """Name what the bulk writes made inside the block are (the file an import reads), for their row."""
    previous = getattr(_context, "note", "")
    _context.note = text
    try:
        yield
    finally:
        _context.note = previous


@contextmanager
def tallied(conn: Connection, actor_of: ActorOf, action: str = IMPORTED) -> Iterator[None]:
    """Count a Core write connection's rows and record one audit row when the block ends normally."""
    tally: Counter[tuple[str, str]] = Counter()
    conn.info[TALLY] = tally
    try:
        yield
        conn.info.pop(TALLY, None)
        kind, summary, counts = tally_summary(tally)
        if counts:
            note = getattr(_context, "note", "")
            said = f"{action}：{note}；{summary}" if note else f"{action}：{summary}"
            after: dict[str, Any] = {"说明": note, **counts} if note else dict(counts)
            record(conn, actor_of(), action, kind or "—", summary=said, after=after)
    finally:
        conn.info.pop(TALLY, None)
