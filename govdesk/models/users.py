"""Users of the desk and the audit trail of what each of them changed.

Why: the register holds every villager's ID number and phone; months later the township asks
"who changed this record, when, and what was it before?". The audit answers for every write,
whoever made it — a logged-in user, or the PC's own account on a desk without log-in.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped

# Columns the audit never copies (a password hash) or that change on every log-in (noise).
NOT_AUDITED = {"audit": False}


class User(Base, Timestamped):
    """A person who may log in: a role (管理员 / 工作人员 / 查看) and an argon2 hash, never the password."""

    __tablename__ = "users"
    __audit_label__ = "用户"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(60), default="")
    role: Mapped[str] = mapped_column(String(10))
    password_hash: Mapped[str] = mapped_column(String(200), info=NOT_AUDITED)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, info=NOT_AUDITED)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, info=NOT_AUDITED)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, info=NOT_AUDITED)


class AuditEntry(Base):
    """One change: when, by whom, what kind of record and which, its values before and after (JSON).

    Append-only: the database refuses to update or delete a row (triggers in 0013_users_audit)."""

    __tablename__ = "audit_entries"
    __audit__ = False  # the audit does not audit itself

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_name: Mapped[str] = mapped_column(String(100), index=True)
    role: Mapped[str] = mapped_column(String(10), default="")  # empty: nobody logged in (the PC's account)
    action: Mapped[str] = mapped_column(String(10))  # 新增 修改 结束 删除 导入 打印 恢复 登录 …
    kind: Mapped[str] = mapped_column(String(60), index=True)  # the table
    record_id: Mapped[str | None] = mapped_column(String(60))
    summary: Mapped[str] = mapped_column(String(300), default="")
    before: Mapped[str | None] = mapped_column(Text)  # JSON object of column values
    after: Mapped[str | None] = mapped_column(Text)
