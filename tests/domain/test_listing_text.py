"""The list search boxes' text match (services/listing.text_matches), against a real SQLite file:
what the clerk types is found anywhere in any of the columns, and % _ \\ are plain characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, select

from govdesk.services.listing import text_matches

ROWS = [("路灯坏了", "村东"), ("补贴50%到位", ""), ("a_b", "竂堉䶮"), ("c\\d", "")]


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("路灯", ["路灯坏了"]),  # part of the first column
        ("东", ["路灯坏了"]),  # the second column
        ("50%", ["补贴50%到位"]),  # % is a character, not "anything"
        ("%", ["补贴50%到位"]),
        ("_", ["a_b"]),  # _ is a character, not "any one"
        ("\\", ["c\\d"]),
        ("䶮", ["a_b"]),  # a rare character
        ("无此事", []),
    ],
)
def test_text_matches_any_column_literally(tmp_path: Path, typed: str, found: list[str]) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'list.sqlite3'}")
    columns = (Column("id", Integer, primary_key=True), Column("a", String), Column("b", String))
    table = Table("items", MetaData(), *columns)
    table.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(table), [{"a": a, "b": b} for a, b in ROWS])
        hits = conn.scalars(select(table.c.a).where(text_matches(typed, table.c.a, table.c.b)).order_by(table.c.id))
        assert list(hits) == found
    engine.dispose()
