"""Reading the 民情台账: the paged list, the items overdue, the counts (for the home page too)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from govdesk.labels import label
from govdesk.models import Matter
from govdesk.models.voices import VoiceCategory, VoiceItem, VoiceMatterLink
from govdesk.services.dated import DatedReads
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, order_by, text_matches
from govdesk.voices import rules
from govdesk.voices.rules import CLOSED_STATUSES, OPEN_STATUSES

SUMMARY_CHARS = 40
VOICE_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("id", label("voice_id")),
    ColumnSpec("received_on", label("voice_received_on")),
    ColumnSpec("channel", label("voice_channel")),
    ColumnSpec("raised_by", label("voice_raised_by")),
    ColumnSpec("category", label("voice_category")),
    ColumnSpec("content", label("voice_content"), sortable=False),
    ColumnSpec("deadline", label("voice_deadline")),
    ColumnSpec("status", label("voice_status")),
    ColumnSpec("days_overdue", label("voice_days_overdue"), sortable=False),
    ColumnSpec("matter", label("voice_matter"), sortable=False),
)
_SORT: dict[str, ColumnElement[Any]] = {
    "id": VoiceItem.id,
    "received_on": VoiceItem.received_on,
    "channel": VoiceItem.channel,
    "raised_by": VoiceItem.raised_by_name,
    "category": VoiceItem.category,
    "deadline": VoiceItem.deadline,
    "status": VoiceItem.status,
}


def summary(text: str, chars: int = SUMMARY_CHARS) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= chars else one_line[: chars - 1] + "…"


@dataclass(frozen=True)
class LinkedMatter:
    id: int
    number: str
    title: str
    state: str
    stage: str
    result_posted_on: date | None

    def text(self) -> str:
        result = f"，结果已于 {self.result_posted_on.isoformat()} 公开" if self.result_posted_on else ""
        return f"{self.number} {self.title}（{self.state or self.stage}{result}）"


@dataclass(frozen=True)
class VoiceLine:
    """One item in a short list: waiting past its deadline (the home page's 需办理), or a matter's source."""

    id: int
    received_on: date
    raised_by: str
    summary: str
    deadline: date
    days_overdue: int


@dataclass(frozen=True)
class VoiceCounts:
    open: int  # 待办 + 办理中
    overdue: int
    received_this_month: int
    closed_this_month: int


def categories_in(s: Session) -> list[str]:
    """The catalogue in its order (the first village's list before anyone edited it)."""
    names = s.scalars(select(VoiceCategory.name).order_by(VoiceCategory.sort_order, VoiceCategory.id)).all()
    return list(names) or list(rules.DEFAULT_CATEGORIES)


def _linked(s: Session, voice_ids: Sequence[int]) -> dict[int, list[LinkedMatter]]:
    rows = s.execute(
        select(
            VoiceMatterLink.voice_id,
            Matter.id,
            Matter.number,
            Matter.title,
            Matter.state,
            Matter.stage,
            Matter.result_posted_on,
        )
        .join(Matter, Matter.id == VoiceMatterLink.matter_id)
        .where(VoiceMatterLink.voice_id.in_(list(voice_ids)))
        .order_by(Matter.number)
    ).all()
    found: dict[int, list[LinkedMatter]] = {}
    for voice_id, *matter in rows:
        found.setdefault(voice_id, []).append(LinkedMatter(*matter))
    return found


class VoiceQueries(DatedReads):
    """The reads of the 民情台账. ``clock`` is injectable (the demo, the tests)."""

    columns = VOICE_COLUMNS

    def categories(self) -> list[str]:
        with self.db.session() as s:
            return categories_in(s)

    def items_of_matter(self, matter_id: int) -> list[VoiceLine]:
        """The 民情 a matter came from (the other way of the link)."""
        with self.db.session() as s:
            rows = s.execute(
                select(*_LINE_COLUMNS)
                .join(VoiceMatterLink, VoiceMatterLink.voice_id == VoiceItem.id)
                .where(VoiceMatterLink.matter_id == matter_id)
                .order_by(VoiceItem.id)
            ).all()
        today = self.today()
        return [_line(r, today) for r in rows]

    # --- what needs action -------------------------------------------------------------------------
    def overdue(self, today: date | None = None, limit: int | None = None) -> list[VoiceLine]:
        """Items waiting for an answer past their deadline, longest overdue first (``limit``: the first few)."""
        day = today or self.today()
        with self.db.session() as s:
            rows = s.execute(
                select(*_LINE_COLUMNS)
                .where(VoiceItem.status.in_(OPEN_STATUSES), VoiceItem.deadline < day)
                .order_by(VoiceItem.deadline, VoiceItem.id)
                .limit(limit)
            ).all()
        return [_line(r, day) for r in rows]

    def counts(self, today: date | None = None) -> VoiceCounts:
        """Open, overdue, taken this month, closed this month: four counts, each on an index."""
        day = today or self.today()
        first = day.replace(day=1)
        is_open = VoiceItem.status.in_(OPEN_STATUSES)
        wheres = (
            (is_open,),
            (is_open, VoiceItem.deadline < day),
            (VoiceItem.received_on >= first, VoiceItem.received_on <= day),
            (VoiceItem.replied_on >= first, VoiceItem.replied_on <= day, VoiceItem.status.in_(CLOSED_STATUSES)),
        )
        with self.db.session() as s:
            found = [s.scalar(select(func.count()).select_from(VoiceItem).where(*w)) or 0 for w in wheres]
        return VoiceCounts(*found)

    # --- the paged list ---------------------------------------------------------------------------
    def _select(self, query: ListQuery) -> Select[Any]:
        first_matter = (
            select(Matter.number.concat(" ").concat(Matter.state))
            .join(VoiceMatterLink, VoiceMatterLink.matter_id == Matter.id)
            .where(VoiceMatterLink.voice_id == VoiceItem.id)
            .order_by(Matter.number)
            .limit(1)
            .scalar_subquery()
        )
        stmt = select(
            VoiceItem.id,
            VoiceItem.received_on,
            VoiceItem.channel,
            VoiceItem.raised_by_name,
            VoiceItem.category,
            VoiceItem.content,
            VoiceItem.deadline,
            VoiceItem.status,
            first_matter,
        )
        f = query.filters
        for key, column in (
            ("status", VoiceItem.status),
            ("channel", VoiceItem.channel),
            ("category", VoiceItem.category),
            ("villager_group_id", VoiceItem.villager_group_id),
        ):
            if f.get(key):
                stmt = stmt.where(column == f[key])
        if f.get("open"):
            stmt = stmt.where(VoiceItem.status.in_(OPEN_STATUSES))
        if f.get("overdue"):
            stmt = stmt.where(VoiceItem.status.in_(OPEN_STATUSES), VoiceItem.deadline < self.today())
        text = query.text.strip()
        if text:
            stmt = stmt.where(text_matches(text, VoiceItem.content, VoiceItem.raised_by_name, VoiceItem.reply))
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        if query.sort_key is None:  # newest first, as the clerk reads a ledger
            stmt = self._select(query).order_by(VoiceItem.received_on.desc(), VoiceItem.id.desc())
        else:
            stmt = order_by(self._select(query), _SORT, query, VoiceItem.id)
        today = self.today()
        with self.db.session() as s:
            result = s.execute(stmt.offset(offset).limit(limit)).all()
        return [
            Row(
                r[0],
                (
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    summary(r[5]),
                    r[6],
                    r[7],
                    rules.days_overdue(r[6], r[7], today) or None,
                    r[8] or "",
                ),
            )
            for r in result
        ]


_LINE_COLUMNS = (
    VoiceItem.id,
    VoiceItem.received_on,
    VoiceItem.raised_by_name,
    VoiceItem.content,
    VoiceItem.deadline,
    VoiceItem.status,
)


def _line(row: Any, today: date) -> VoiceLine:
    voice_id, received, name, content, deadline, status = row
    return VoiceLine(voice_id, received, name, summary(content), deadline, rules.days_overdue(deadline, status, today))
