"""The name half of the residents' search index: keys per distinct NAME, not per resident.

A township's 200,000 residents share some 74,000 names, and a name's keys (pinyin readings,
initials, the later parts of the name) depend on the name alone. So they are stored once per
name and reach the residents through ``residents.name`` (its own index): an import writes
about 425,000 name keys instead of over a million per-resident ones. The digit keys (reversed
ID number and phone) belong to one resident each and stay in ``resident_search_keys``.

A name nobody bears any more keeps its keys: they join to no resident, so they find nothing,
and a later resident of that name needs none written (``govdesk reindex`` drops them).
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base


class NameSearchKey(Base):
    """Derived: one row per (key, name); rebuilt from the residents' names at any time."""

    __tablename__ = "name_search_keys"
    __table_args__ = ({"sqlite_with_rowid": False},)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(50), primary_key=True)
