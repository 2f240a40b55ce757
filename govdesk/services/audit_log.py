"""Reading the audit trail: the paged list of the window's 操作记录 and ``govdesk audit``.

Filters (all in SQL): the user, the kind of record (and a record id), a date range, a text in
the summary. Newest first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from govdesk.audit import kind_label
from govdesk.db import Database
from govdesk.models.users import AuditEntry
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, text_matches

AUDIT_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("at", "时间"),
    ColumnSpec("user_name", "用户"),
    ColumnSpec("action", "操作"),
    ColumnSpec("kind", "记录类别"),
    ColumnSpec("record_id", "记录编号"),
    ColumnSpec("summary", "内容", sortable=False),
)
_SORT: dict[str, ColumnElement[Any]] = {
    "at": AuditEntry.at,
    "user_name": AuditEntry.user_name,
    "action": AuditEntry.action,
    "kind": AuditEntry.kind,
    "record_id": AuditEntry.record_id,
}


@dataclass(frozen=True)
class AuditFilter:
    """What to show; empty fields do not filter. ``until`` is inclusive (the whole day)."""

    user: str = ""
    kind: str = ""
    record_id: str = ""
    since: date | None = None
    until: date | None = None
    text: str = ""

    @classmethod
    def from_query(cls, query: ListQuery | None) -> AuditFilter:
        if query is None:
            return cls()
        f = query.filters
        return cls(
            user=str(f.get("user") or ""),
            kind=str(f.get("kind") or ""),
            record_id=str(f.get("record_id") or ""),
            since=f.get("since"),
            until=f.get("until"),
            text=query.text,
        )


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    user_name: str
    role: str
    action: str
    kind: str
    record_id: str | None
    summary: str
    before: str | None
    after: str | None


def _line(e: AuditEntry) -> AuditLine:
    return AuditLine(e.id, e.at, e.user_name, e.role, e.action, e.kind, e.record_id, e.summary, e.before, e.after)


def _filtered(stmt: Select[Any], f: AuditFilter) -> Select[Any]:
    if f.user:
        stmt = stmt.where(AuditEntry.user_name == f.user)
    if f.kind:
        stmt = stmt.where(AuditEntry.kind == f.kind)
    if f.record_id:
        stmt = stmt.where(AuditEntry.record_id == f.record_id)
    if f.since:
        stmt = stmt.where(AuditEntry.at >= datetime.combine(f.since, datetime.min.time()))
    if f.until:
        stmt = stmt.where(AuditEntry.at < datetime.combine(f.until + timedelta(days=1), datetime.min.time()))
    text = f.text.strip()
    if text:
        stmt = stmt.where(text_matches(text, AuditEntry.summary))
    return stmt


class AuditService:
    """The audit trail, read-only (it is written by ``govdesk.audit`` with each change)."""

    columns: Sequence[ColumnSpec] = AUDIT_COLUMNS

    def __init__(self, db: Database) -> None:
        self.db = db

    def count(self, query: ListQuery | None = None) -> int:
        with self.db.session() as s:
            return count_rows(s, _filtered(select(AuditEntry.id), AuditFilter.from_query(query)))

    def page(self, query: ListQuery | None, offset: int, limit: int) -> list[Row]:
        stmt = _filtered(
            select(
                AuditEntry.id,
                AuditEntry.at,
                AuditEntry.user_name,
                AuditEntry.action,
                AuditEntry.kind,
                AuditEntry.record_id,
                AuditEntry.summary,
            ),
            AuditFilter.from_query(query),
        )
        expr = _SORT.get((query.sort_key if query else None) or "")
        if expr is None:
            stmt = stmt.order_by(AuditEntry.id.desc())
        else:
            stmt = stmt.order_by(expr.desc() if query and query.descending else expr.asc(), AuditEntry.id.desc())
        with self.db.session() as s:
            rows = s.execute(stmt.offset(offset).limit(limit)).all()
        return [Row(r[0], (r[1], r[2], r[3], kind_label(r[4]), r[5] or "", r[6])) for r in rows]

    def entries(self, f: AuditFilter, limit: int = 1000) -> list[AuditLine]:
        """Oldest first, up to ``limit`` of the newest that match (``govdesk audit``)."""
        stmt = _filtered(select(AuditEntry), f).order_by(AuditEntry.id.desc()).limit(limit)
        with self.db.session() as s:
            lines = [_line(e) for e in s.scalars(stmt).all()]
        return lines[::-1]

    def get(self, entry_id: int) -> AuditLine | None:
        with self.db.session() as s:
            e = s.get(AuditEntry, entry_id)
            return None if e is None else _line(e)

    def user_names(self) -> list[str]:
        with self.db.session() as s:
            return list(s.scalars(select(AuditEntry.user_name).distinct().order_by(AuditEntry.user_name)))

    def kinds(self) -> list[tuple[str, str]]:
        """(table, Chinese label) of every kind the audit has seen."""
        with self.db.session() as s:
            found = s.scalars(select(AuditEntry.kind).distinct().order_by(AuditEntry.kind)).all()
        return [(k, kind_label(k)) for k in found]

    def total(self) -> int:
        with self.db.session() as s:
            return int(s.scalar(select(func.count(AuditEntry.id))) or 0)
