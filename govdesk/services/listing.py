"""The contract between a service and a paged table view.

A view never loads a whole table: it asks for ``count()`` once per filter and then for
the page of rows it is about to show, sorted and filtered in SQL. Services describe their
columns with ``ColumnSpec`` and answer ``ListQuery`` requests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str
    sortable: bool = True


@dataclass(frozen=True)
class ListQuery:
    text: str = ""
    filters: dict[str, Any] = field(default_factory=dict)
    sort_key: str | None = None
    descending: bool = False
    include_ended: bool = False


@dataclass(frozen=True)
class Row:
    id: int
    values: tuple[Any, ...]
    ended: bool = False

    @classmethod
    def with_end_date(cls, result: Sequence[Any]) -> Row:
        """A row selected as (id, *shown values, ended_on): ended records are greyed, not hidden."""
        return cls(result[0], tuple(result[1:-1]), ended=result[-1] is not None)


class Listing(Protocol):
    """What a paged table model needs from a service."""

    @property
    def columns(self) -> Sequence[ColumnSpec]: ...

    def count(self, query: ListQuery) -> int: ...

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]: ...


def count_rows(session: Session, stmt: Select[Any]) -> int:
    """COUNT(*) of a filtered statement without its ORDER BY or column list."""
    sub = stmt.order_by(None).with_only_columns(*stmt.selected_columns[:1]).subquery()
    return int(session.scalar(select(func.count()).select_from(sub)) or 0)


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_matches(text: str, *columns: ColumnElement[Any]) -> ColumnElement[bool]:
    """A list's search box: ``text`` anywhere in any of ``columns`` (LIKE, its wildcards escaped)."""
    pattern = f"%{like_escape(text)}%"
    return or_(*(column.like(pattern, escape="\\") for column in columns))


def order_by(
    stmt: Select[Any],
    sort_exprs: dict[str, ColumnElement[Any]],
    query: ListQuery,
    tiebreak: ColumnElement[Any],
) -> Select[Any]:
    expr = sort_exprs.get(query.sort_key or "")
    if expr is None:
        return stmt.order_by(tiebreak)
    return stmt.order_by(expr.desc() if query.descending else expr.asc(), tiebreak)
