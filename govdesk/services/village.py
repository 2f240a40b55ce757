"""The village, its Party organisation tree, villager groups, grids and cadres (reading side).

Creating and changing the organisation lives in ``govdesk.services.organisation``; the village's
own details (name, township, phones) are kept here because every screen reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import NotFoundError
from govdesk.models import Cadre, Grid, OrgUnit, Village, VillagerGroup
from govdesk.models.org import ORG_BRANCH, ORG_GROUP
from govdesk.validation import Checker, clean_phone, clean_text


@dataclass(frozen=True)
class Choice:
    """An (id, name) pair for combo boxes and filters."""

    id: int
    name: str
    parent_id: int | None = None


@dataclass(frozen=True)
class VillageInput:
    """What the 村的信息 form and ``govdesk village`` edit."""

    name: str
    township: str = ""
    county: str = ""
    address: str = ""
    phone: str = ""
    supervision_phone: str = ""


def validate_village(data: VillageInput) -> dict[str, Any]:
    """村名 is required (every title and printout carries it); phones must be dialable."""
    c = Checker()
    name = clean_text(data.name)
    if not name:
        c.fail("village", "不能为空")
    phone = c.run("village_phone", clean_phone, data.phone)
    supervision = c.run("supervision_phone", clean_phone, data.supervision_phone)
    c.raise_if_any()
    return {
        "name": name,
        "township": clean_text(data.township),
        "county": clean_text(data.county),
        "address": clean_text(data.address),
        "phone": phone,
        "supervision_phone": supervision,
    }


class VillageService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def village(self) -> Village:
        """The village this database keeps (the first one; a township file has several)."""
        with self.db.session() as s:
            v = s.scalars(select(Village).order_by(Village.id).limit(1)).first()
            if v is None:
                raise NotFoundError("数据库中还没有村的信息")
            return v

    def has_village(self) -> bool:
        with self.db.session() as s:
            return s.scalar(select(Village.id).limit(1)) is not None

    def title(self) -> str:
        with self.db.session() as s:
            names = s.scalars(select(Village.name).order_by(Village.id).limit(3)).all()
        if not names:
            return "未设置村名"
        return names[0] if len(names) == 1 else f"{names[0]} 等"

    def as_input(self) -> VillageInput | None:
        """The first village's details for a form, or None on an empty database."""
        if not self.has_village():
            return None
        v = self.village()
        return VillageInput(v.name, v.township, v.county, v.address, v.phone, v.supervision_phone)

    @writes(Changes.VILLAGE)
    def create_village(self, name: str, township: str = "", county: str = "", phone: str = "") -> int:
        """A new village; the supervision phone defaults to the village phone (demo and first run)."""
        values = validate_village(VillageInput(name, township, county, "", phone, phone))
        with self.db.transaction() as s:
            v = Village(**values)
            s.add(v)
            s.flush()
            return v.id

    @writes(Changes.VILLAGE)
    def update_village(self, data: VillageInput) -> int:
        """Change the first village's details, or create it on an empty database (first run)."""
        values = validate_village(data)
        with self.db.transaction() as s:
            v = s.scalars(select(Village).order_by(Village.id).limit(1)).first()
            if v is None:
                v = Village(**values)
                s.add(v)
            else:
                for key, value in values.items():
                    setattr(v, key, value)
            s.flush()
            return v.id

    def _units(self, kind: str) -> list[Choice]:
        with self.db.session() as s:
            rows = s.execute(
                select(OrgUnit.id, OrgUnit.name, OrgUnit.parent_id)
                .where(OrgUnit.kind == kind)
                .order_by(OrgUnit.sort_order, OrgUnit.id)
            ).all()
        return [Choice(*r) for r in rows]

    def branches(self) -> list[Choice]:
        return self._units(ORG_BRANCH)

    def party_groups(self) -> list[Choice]:
        return self._units(ORG_GROUP)

    def org_tree(self) -> list[OrgUnit]:
        with self.db.session() as s:
            return list(s.scalars(select(OrgUnit).order_by(OrgUnit.sort_order, OrgUnit.id)))

    def villager_groups(self) -> list[Choice]:
        with self.db.session() as s:
            rows = s.execute(
                select(VillagerGroup.id, VillagerGroup.name).order_by(VillagerGroup.sort_order, VillagerGroup.id)
            ).all()
        return [Choice(*r) for r in rows]

    def grids(self) -> list[Choice]:
        with self.db.session() as s:
            rows = s.execute(select(Grid.id, Grid.name).order_by(Grid.sort_order, Grid.id)).all()
        return [Choice(*r) for r in rows]

    def cadres(self, on: date | None = None) -> list[Cadre]:
        """Cadres in office on a date (today by default), in their posted order."""
        day = on or date.today()
        with self.db.session() as s:
            return list(
                s.scalars(
                    select(Cadre)
                    .where(or_(Cadre.started_on.is_(None), Cadre.started_on <= day))
                    .where(or_(Cadre.ended_on.is_(None), Cadre.ended_on >= day))
                    .order_by(Cadre.sort_order, Cadre.id)
                )
            )
