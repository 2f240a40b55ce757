"""The print archive (打印存档): every public notice that left the desk, with its file and hash.

Why: months later someone asks "what exactly was posted on the board on 23 November?" — the
archive answers with the very PDF (its SHA-256 proves it was not changed since) and can print it
again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base


class PrintArchive(Base):
    __tablename__ = "print_archive"

    id: Mapped[int] = mapped_column(primary_key=True)
    printed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    printed_by: Mapped[str] = mapped_column(String(100))  # operator (login name or the name typed in)
    kind: Mapped[str] = mapped_column(String(60), index=True)  # e.g. register.households, notice.decision
    title: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(300))  # relative to paths.archive_dir()
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
