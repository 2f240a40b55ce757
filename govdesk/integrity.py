"""Database soundness: SQLite's own integrity and foreign-key checks, in words a clerk can pass on."""

from __future__ import annotations

from sqlalchemy import text

from govdesk.db import Database


def database_problems(db: Database) -> list[str]:
    if db.engine.url.get_backend_name() != "sqlite":
        return []
    problems: list[str] = []
    with db.engine.connect() as conn:
        for (line,) in conn.execute(text("PRAGMA integrity_check")):
            if line != "ok":
                problems.append(f"文件损坏：{line}")
        for table, rowid, parent, _fk in conn.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
    return problems
