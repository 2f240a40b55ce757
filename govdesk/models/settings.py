"""Settings kept in the database (they travel with the file, and the CLI reads them too)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class Setting(Base, Timestamped):
    """One named setting: how many backups to keep, whether log-in is required, idle lock minutes …"""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
