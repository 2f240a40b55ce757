"""Setting up and keeping the village's organisation: Party units, villager groups, grids, cadres.

A new installation starts on an empty database; everything the other screens offer as a choice
(支部 in the member form, 村民小组 / 网格 in the household form, cadres in the duty roster and the
decision log) is created here, with the same Chinese refusals the forms show next to the field.
Cadres are never deleted: a cadre who leaves is ended with a date and a reason, because past
rosters and meeting records still name them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, NotFoundError, ValidationError
from govdesk.input_limits import LINE_MAX, checked_name
from govdesk.labels import label
from govdesk.models import Cadre, Grid, Member, OrgUnit, VillagerGroup
from govdesk.models.org import ORG_BRANCH, ORG_GENERAL_BRANCH, ORG_GROUP, ORG_KINDS
from govdesk.services.people_common import first_village_id
from govdesk.services.village import Choice
from govdesk.validation import Checker, clean_name, clean_phone, clean_text, parse_date

# Which kind of unit may sit under which (None = top of the tree). 三级联动: 总支 → 支部 → 小组.
ALLOWED_PARENTS: dict[str, tuple[str | None, ...]] = {
    ORG_GENERAL_BRANCH: (None,),
    ORG_BRANCH: (None, ORG_GENERAL_BRANCH),
    ORG_GROUP: (ORG_BRANCH,),
}


def _refuse(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, label(field), message)])


@dataclass(frozen=True)
class UnitRow:
    """One node of the Party organisation tree as the dialog shows it."""

    id: int
    kind: str
    name: str
    parent_id: int | None
    leader_member_id: int | None
    leader_name: str


@dataclass(frozen=True)
class TeamRow:
    """A villager group or a grid: a name and its leader (组长 / 网格长)."""

    id: int
    name: str
    leader_name: str
    leader_phone: str


@dataclass(frozen=True)
class CadreInput:
    """What the cadre form edits; dates may be text as typed (parse_date reads them)."""

    name: str
    post: str
    phone: str = ""
    on_branch_committee: bool = False
    on_village_committee: bool = False
    started_on: Any = None
    member_id: int | None = None


@dataclass(frozen=True)
class CadreRow:
    id: int
    name: str
    post: str
    phone: str
    on_branch_committee: bool
    on_village_committee: bool
    started_on: date | None
    ended_on: date | None
    end_reason: str
    member_id: int | None


def validate_cadre(data: CadreInput) -> dict[str, Any]:
    """Name and post required; a cadre sits on at least one of the 两委; phone must be dialable."""
    c = Checker()
    name = clean_name(data.name)
    if not name:
        c.fail("name", "不能为空")
    else:
        name = c.run("name", checked_name, name) or name
    post = c.text("cadre_post", data.post, LINE_MAX)
    if not post and not c.for_field("cadre_post"):
        c.fail("cadre_post", "不能为空")
    phone = c.run("phone", clean_phone, data.phone)
    if not (data.on_branch_committee or data.on_village_committee):
        c.fail("committees", "至少选择支委会或村委会之一")
    started = c.run("cadre_started_on", parse_date, data.started_on)
    c.raise_if_any()
    return {
        "name": name,
        "post": post,
        "phone": phone,
        "on_branch_committee": bool(data.on_branch_committee),
        "on_village_committee": bool(data.on_village_committee),
        "started_on": started,
        "member_id": data.member_id,
    }


class OrganisationService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ---- Party organisation tree -------------------------------------------------------------
    def units(self) -> list[UnitRow]:
        with self.db.session() as s:
            rows = s.execute(
                select(OrgUnit.id, OrgUnit.kind, OrgUnit.name, OrgUnit.parent_id, OrgUnit.leader_member_id, Member.name)
                .outerjoin(Member, Member.id == OrgUnit.leader_member_id)
                .order_by(OrgUnit.sort_order, OrgUnit.id)
            ).all()
        return [UnitRow(r[0], r[1], r[2], r[3], r[4], r[5] or "") for r in rows]

    @writes(Changes.ORGANISATION)
    def add_unit(self, kind: str, name: Any, parent_id: int | None = None) -> int:
        """A 党小组 goes under a 党支部; a 党支部 under a 党总支 or at the top; names unique among siblings."""
        if kind not in ORG_KINDS:
            raise _refuse("unit_kind", f"应为{'、'.join(ORG_KINDS)}之一")
        with self.db.transaction() as s:
            parent_kind = self._parent_kind(s, parent_id)
            if parent_kind not in ALLOWED_PARENTS[kind]:
                if kind == ORG_GROUP:
                    raise _refuse("unit_parent", "党小组必须建在党支部之下")
                if kind == ORG_BRANCH:
                    raise _refuse("unit_parent", "党支部只能建在党总支之下或单独设立")
                raise _refuse("unit_parent", "党总支不能有上级组织")
            clean = self._unique_name(s, name, parent_id)
            order = s.scalar(select(func.coalesce(func.max(OrgUnit.sort_order), 0))) or 0
            unit = OrgUnit(
                village_id=first_village_id(s), kind=kind, name=clean, parent_id=parent_id, sort_order=order + 1
            )
            s.add(unit)
            s.flush()
            return unit.id

    @writes(Changes.ORGANISATION)
    def rename_unit(self, unit_id: int, name: Any) -> None:
        with self.db.transaction() as s:
            unit = self._unit(s, unit_id)
            unit.name = self._unique_name(s, name, unit.parent_id, exclude=unit_id)

    @writes(Changes.ORGANISATION)
    def set_unit_leader(self, unit_id: int, member_id: int | None) -> None:
        """书记 of a branch or 组长 of a Party group: a Party member (or nobody)."""
        with self.db.transaction() as s:
            unit = self._unit(s, unit_id)
            if member_id is not None and s.get(Member, member_id) is None:
                raise _refuse("unit_leader", "找不到这名党员")
            unit.leader_member_id = member_id

    def leader_choices(self, unit_id: int) -> list[Choice]:
        """Members who may lead a unit: those in the branch / Party group (anyone for a 总支), not ended."""
        with self.db.session() as s:
            unit = self._unit(s, unit_id)
            q = select(Member.id, Member.name).where(Member.ended_on.is_(None))
            if unit.kind == ORG_BRANCH:
                q = q.where(Member.branch_id == unit_id)
            elif unit.kind == ORG_GROUP:
                q = q.where(Member.party_group_id == unit_id)
            rows = s.execute(q.order_by(Member.name, Member.id)).all()
        return [Choice(r[0], r[1]) for r in rows]

    def member_choices(self) -> list[Choice]:
        """Members not ended, for linking a cadre to their Party record."""
        with self.db.session() as s:
            rows = s.execute(
                select(Member.id, Member.name).where(Member.ended_on.is_(None)).order_by(Member.name, Member.id)
            ).all()
        return [Choice(r[0], r[1]) for r in rows]

    @staticmethod
    def _unit(s: Session, unit_id: int) -> OrgUnit:
        unit = s.get(OrgUnit, unit_id)
        if unit is None:
            raise NotFoundError("找不到这个党组织")
        return unit

    def _parent_kind(self, s: Session, parent_id: int | None) -> str | None:
        return None if parent_id is None else self._unit(s, parent_id).kind

    @staticmethod
    def _unique_name(s: Session, name: Any, parent_id: int | None, exclude: int | None = None) -> str:
        clean = clean_text(name)
        if not clean:
            raise _refuse("unit_name", "不能为空")
        same = select(OrgUnit.id).where(OrgUnit.name == clean)
        same = same.where(OrgUnit.parent_id.is_(None) if parent_id is None else OrgUnit.parent_id == parent_id)
        if exclude is not None:
            same = same.where(OrgUnit.id != exclude)
        if s.scalar(same.limit(1)) is not None:
            raise _refuse("unit_name", f"同一上级下已有“{clean}”")
        return clean

    # ---- villager groups and grids -----------------------------------------------------------
    def villager_groups(self) -> list[TeamRow]:
        return self._teams(VillagerGroup)

    def grids(self) -> list[TeamRow]:
        return self._teams(Grid)

    @writes(Changes.ORGANISATION)
    def add_villager_group(self, name: Any, leader_name: Any = "", leader_phone: Any = "") -> int:
        return self._save_team(VillagerGroup, "group_name", None, name, leader_name, leader_phone)

    @writes(Changes.ORGANISATION)
    def update_villager_group(self, group_id: int, name: Any, leader_name: Any = "", leader_phone: Any = "") -> int:
        return self._save_team(VillagerGroup, "group_name", group_id, name, leader_name, leader_phone)

    @writes(Changes.ORGANISATION)
    def add_grid(self, name: Any, leader_name: Any = "", leader_phone: Any = "") -> int:
        return self._save_team(Grid, "grid_name", None, name, leader_name, leader_phone)

    @writes(Changes.ORGANISATION)
    def update_grid(self, grid_id: int, name: Any, leader_name: Any = "", leader_phone: Any = "") -> int:
        return self._save_team(Grid, "grid_name", grid_id, name, leader_name, leader_phone)

    def _teams(self, model: type[VillagerGroup] | type[Grid]) -> list[TeamRow]:
        with self.db.session() as s:
            rows = s.execute(
                select(model.id, model.name, model.leader_name, model.leader_phone).order_by(model.sort_order, model.id)
            ).all()
        return [TeamRow(*r) for r in rows]

    def _save_team(
        self,
        model: type[VillagerGroup] | type[Grid],
        name_field: str,
        team_id: int | None,
        name: Any,
        leader_name: Any,
        leader_phone: Any,
    ) -> int:
        """Names unique within the village (the household form picks them by name)."""
        c = Checker()
        clean = clean_text(name)
        if not clean:
            c.fail(name_field, "不能为空")
        phone = c.run("leader_phone", clean_phone, leader_phone)
        c.raise_if_any()
        with self.db.transaction() as s:
            village_id = first_village_id(s)
            same = select(model.id).where(model.village_id == village_id, model.name == clean)
            if team_id is not None:
                same = same.where(model.id != team_id)
            if s.scalar(same.limit(1)) is not None:
                raise _refuse(name_field, f"已有“{clean}”")
            if team_id is None:
                order = s.scalar(select(func.coalesce(func.max(model.sort_order), 0))) or 0
                team = model(village_id=village_id, name=clean, sort_order=order + 1)
                s.add(team)
            else:
                found = s.get(model, team_id)
                if found is None:
                    raise NotFoundError("找不到要修改的记录")
                team = found
                team.name = clean
            team.leader_name = clean_name(leader_name)
            team.leader_phone = phone
            s.flush()
            return team.id

    # ---- cadres (村干部) ----------------------------------------------------------------------
    def cadre_rows(self, include_ended: bool = True) -> list[CadreRow]:
        """Every cadre, those in office first, then those who left (kept for the record)."""
        with self.db.session() as s:
            q = select(Cadre).order_by(Cadre.ended_on.is_not(None), Cadre.sort_order, Cadre.id)
            if not include_ended:
                q = q.where(Cadre.ended_on.is_(None))
            return [
                CadreRow(
                    c.id,
                    c.name,
                    c.post,
                    c.phone,
                    c.on_branch_committee,
                    c.on_village_committee,
                    c.started_on,
                    c.ended_on,
                    c.end_reason,
                    c.member_id,
                )
                for c in s.scalars(q)
            ]

    @writes(Changes.ORGANISATION)
    def add_cadre(self, data: CadreInput) -> int:
        values = validate_cadre(data)
        with self.db.transaction() as s:
            self._check_member(s, values["member_id"])
            order = s.scalar(select(func.coalesce(func.max(Cadre.sort_order), 0))) or 0
            cadre = Cadre(village_id=first_village_id(s), sort_order=order + 1, **values)
            s.add(cadre)
            s.flush()
            return cadre.id

    @writes(Changes.ORGANISATION)
    def update_cadre(self, cadre_id: int, data: CadreInput) -> None:
        values = validate_cadre(data)
        with self.db.transaction() as s:
            cadre = self._cadre(s, cadre_id)
            self._check_member(s, values["member_id"])
            for key, value in values.items():
                setattr(cadre, key, value)

    @writes(Changes.ORGANISATION)
    def end_cadre(self, cadre_id: int, ended_on: Any, reason: Any) -> None:
        """离任: a date and a reason; the record stays for old rosters and meeting minutes."""
        c = Checker()
        day = c.required_date("ended_on", ended_on)
        text = clean_text(reason)
        if not text:
            c.fail("end_reason", "请写明原因（换届、辞职、调离…）")
        c.raise_if_any()
        with self.db.transaction() as s:
            cadre = self._cadre(s, cadre_id)
            if cadre.ended_on is not None:
                raise _refuse("ended_on", f"已于 {cadre.ended_on.isoformat()} 离任")
            if cadre.started_on is not None and day is not None and day < cadre.started_on:
                raise _refuse("ended_on", f"不能早于任职日期 {cadre.started_on.isoformat()}")
            cadre.ended_on = day
            cadre.end_reason = text

    @staticmethod
    def _cadre(s: Session, cadre_id: int) -> Cadre:
        cadre = s.get(Cadre, cadre_id)
        if cadre is None:
            raise NotFoundError("找不到这名村干部")
        return cadre

    @staticmethod
    def _check_member(s: Session, member_id: int | None) -> None:
        if member_id is not None and s.get(Member, member_id) is None:
            raise _refuse("cadre_member", "找不到这名党员")
