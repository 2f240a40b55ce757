"""民情台账: take an item, answer it, turn items into a 五议两公开 matter, list what is overdue.

The rules (deadline, overdue, no closing without a reply) are ``govdesk.voices.rules``; this
service reads and writes, each method in its own session. The monthly report and the Excel
export read through ``voices_report``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.decisions.inputs import MatterInput, SuggestionInput
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.labels import label
from govdesk.models import Cadre, Household, Resident
from govdesk.models.people import RELATION_HEAD
from govdesk.models.roster import DutyLogEntry
from govdesk.models.voices import VoiceCategory, VoiceItem, VoiceMatterLink
from govdesk.services.voices_query import (  # noqa: F401 - the home page imports these from here
    LinkedMatter,
    VoiceCounts,
    VoiceLine,
    VoiceQueries,
    _linked,
    categories_in,
    summary,
)
from govdesk.validation import clean_text
from govdesk.voices import rules
from govdesk.voices.rules import (
    STATUS_NEW,
    STATUS_WORKING,
    VoiceData,
    VoiceInput,
    check_item,
)


@dataclass(frozen=True)
class VoiceView:
    id: int
    data: VoiceInput  # the stored values, as a form edits them
    raised_by: str
    days_overdue: int
    duty_log_id: int | None
    matters: tuple[LinkedMatter, ...]


class VoiceService(VoiceQueries):
    """The writes of the 民情台账 (reads in ``VoiceQueries``)."""

    # --- the category catalogue -------------------------------------------------------------
    @writes(Changes.VOICES)
    def set_categories(self, names: Sequence[str]) -> None:
        """Replace the catalogue (order kept). Items keep the category they were filed under."""
        clean = [clean_text(n) for n in names if clean_text(n)]
        problems = [n for n in clean if len(n) > 40]
        if not clean or problems or len(set(clean)) != len(clean):
            why = "至少要有一个类别" if not clean else ("类别名称不能超过 40 个字" if problems else "类别名称重复")
            raise ValidationError([FieldError("voice_category_name", label("voice_category_name"), why)])
        with self.db.transaction() as s:
            s.execute(delete(VoiceCategory))
            s.add_all(VoiceCategory(name=n, sort_order=i) for i, n in enumerate(clean))

    # --- items ------------------------------------------------------------------------------
    def _checked(self, s: Session, data: VoiceInput, own: VoiceItem | None = None) -> VoiceData:
        categories = categories_in(s)
        if own is not None and own.category and own.category not in categories:
            categories.append(own.category)  # a category since removed from the catalogue stays valid
        return check_item(data, self.today(), categories)

    @staticmethod
    def _fill(s: Session, item: VoiceItem, d: VoiceData) -> None:
        """Store a checked item; a chosen resident or household names the item and its group/grid."""
        name, group_id, grid_id = d.raised_by_name, d.villager_group_id, d.grid_id
        household: Household | None = None
        if d.raised_by_resident_id is not None:
            resident = s.get(Resident, d.raised_by_resident_id)
            if resident is None:
                raise ValidationError([FieldError("voice_raised_by", label("voice_raised_by"), "找不到这位居民")])
            name, household = name or resident.name, resident.household
        elif d.raised_by_household_id is not None:
            household = s.get(Household, d.raised_by_household_id)
            if household is None:
                raise ValidationError([FieldError("voice_raised_by", label("voice_raised_by"), "找不到这户")])
            head = s.scalar(
                select(Resident.name).where(Resident.household_id == household.id, Resident.relation == RELATION_HEAD)
            )
            name = name or (f"{head}户" if head else f"户号 {household.number}")
        if household is not None and group_id is None and grid_id is None:
            group_id, grid_id = household.villager_group_id, household.grid_id
        item.received_on, item.channel, item.raised_by_name = d.received_on, d.channel, name
        item.raised_by_resident_id, item.raised_by_household_id = d.raised_by_resident_id, d.raised_by_household_id
        item.villager_group_id, item.grid_id, item.category = group_id, grid_id, d.category
        item.content, item.taken_by, item.deadline, item.status = d.content, d.taken_by, d.deadline, d.status
        item.reply, item.replied_by, item.replied_on = d.reply, d.replied_by, d.replied_on
        item.satisfaction = d.satisfaction

    @writes(Changes.VOICES)
    def create(self, data: VoiceInput) -> int:
        with self.db.transaction() as s:
            item = VoiceItem()
            self._fill(s, item, self._checked(s, data))
            s.add(item)
            s.flush()
            return item.id

    def _item(self, s: Session, voice_id: int) -> VoiceItem:
        item = s.get(VoiceItem, voice_id)
        if item is None:
            raise NotFoundError(f"找不到编号为 {voice_id} 的民情事项")
        return item

    @writes(Changes.VOICES)
    def update(self, voice_id: int, data: VoiceInput) -> None:
        with self.db.transaction() as s:
            item = self._item(s, voice_id)
            self._fill(s, item, self._checked(s, data, item))

    @writes(Changes.VOICES)
    def answer(
        self,
        voice_id: int,
        status: str,
        reply: str,
        replied_by: str,
        replied_on: Any,
        satisfaction: str = rules.NOT_VISITED,
    ) -> None:
        """答复 / 办结 (or 办理中 with a note of progress): the item's other fields stay as they are."""
        data = self.get(voice_id).data
        data.status, data.reply, data.replied_by = status, reply, replied_by
        data.replied_on, data.satisfaction = replied_on, satisfaction
        self.update(voice_id, data)

    def get(self, voice_id: int) -> VoiceView:
        with self.db.session() as s:
            item = self._item(s, voice_id)
            data = VoiceInput(
                received_on=item.received_on,
                channel=item.channel,
                raised_by_name=item.raised_by_name,
                raised_by_resident_id=item.raised_by_resident_id,
                raised_by_household_id=item.raised_by_household_id,
                villager_group_id=item.villager_group_id,
                grid_id=item.grid_id,
                category=item.category,
                content=item.content,
                taken_by=item.taken_by,
                deadline=item.deadline,
                status=item.status,
                reply=item.reply,
                replied_by=item.replied_by,
                replied_on=item.replied_on,
                satisfaction=item.satisfaction,
            )
            return VoiceView(
                id=item.id,
                data=data,
                raised_by=item.raised_by_name,
                days_overdue=rules.days_overdue(item.deadline, item.status, self.today()),
                duty_log_id=item.duty_log_id,
                matters=tuple(_linked(s, [item.id]).get(item.id, [])),
            )

    # --- links with the decision log and the duty log -----------------------------------------
    @writes(Changes.VOICES | Changes.DECISIONS)
    def to_matter(
        self,
        decisions: Any,
        voice_ids: Sequence[int],
        title: str,
        category: str = "",
        amount: str = "",
        procedure_code: str | None = None,
    ) -> int:
        """转为五议两公开事项: a new matter at its 建议 step, its source the items (linked both ways);
        the items still waiting move to 办理中. ``decisions`` is the DecisionService."""
        ids = sorted(set(voice_ids))
        if not ids:
            raise RefusedError("请先选择要转为事项的民情")
        with self.db.session() as s:
            items = s.scalars(select(VoiceItem).where(VoiceItem.id.in_(ids)).order_by(VoiceItem.id)).all()
            if len(items) != len(ids):
                raise NotFoundError("所选民情中有的已不存在，请刷新后再选")
            done = _linked(s, ids)
            if done:
                first = min(done)
                raise RefusedError(f"民情第 {first} 号已转为事项 {done[first][0].number}，不能重复转为事项")
            detail = "；".join(f"民情第 {i.id} 号 {i.raised_by_name}：{summary(i.content, 60)}" for i in items)
            by = "、".join(dict.fromkeys(i.raised_by_name for i in items))
            raised = min(i.received_on for i in items)
        matter = MatterInput(
            title=title, category=category, amount=amount, source="村民建议", source_detail=detail, raised_on=raised
        )
        if procedure_code:
            matter.procedure_code = procedure_code
        suggestion = SuggestionInput(raised_on=raised, by=by, text=detail)
        today = self.today()

        def link(s: Session, matter_id: int) -> None:
            for item in s.scalars(select(VoiceItem).where(VoiceItem.id.in_(ids))):
                s.add(VoiceMatterLink(voice_id=item.id, matter_id=matter_id, linked_on=today))
                if item.status == STATUS_NEW:
                    item.status = STATUS_WORKING

        return int(decisions.create_matter(matter, suggestion, then=link))

    @writes(Changes.VOICES)
    def from_duty_log(self, entry_id: int, category: str = "其他", channel: str = "来访") -> int:
        """A 值班记录 visit that raised a suggestion becomes a 民情 item (once)."""
        with self.db.transaction() as s:
            entry = s.get(DutyLogEntry, entry_id)
            if entry is None:
                raise NotFoundError("找不到这条值班记录")
            done = s.scalar(select(VoiceItem.id).where(VoiceItem.duty_log_id == entry_id))
            if done is not None:
                raise RefusedError(f"这条值班记录已转为民情第 {done} 号")
            cadre = s.get(Cadre, entry.duty_cadre_id) if entry.duty_cadre_id else None
            data = VoiceInput(
                received_on=entry.day,
                channel=channel,
                raised_by_name=entry.visitor or "来访群众",
                category=category,
                content=entry.matter,
                taken_by=cadre.name if cadre else "",
                deadline=entry.due_on if entry.due_on and entry.due_on >= entry.day else None,
            )
            item = VoiceItem(duty_log_id=entry_id)
            self._fill(s, item, self._checked(s, data))
            s.add(item)
            s.flush()
            return item.id
