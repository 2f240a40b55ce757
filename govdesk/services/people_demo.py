"""Demo data for the people details: search index, categories, stars, relays, 联户, plaques.

Deterministic (ctx.rng, ctx.today only), and bulk inserts so a township-scale demo stays quick.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select, update

from govdesk.db import Database
from govdesk.demo import DemoContext
from govdesk.models import Household, HouseholdCategory, HouseholdRelay, Member, MemberHouseholdLink, StarRating
from govdesk.models.people_details import HOUSEHOLD_CATEGORIES, PLAQUE_KINDS
from govdesk.people_search import backfill_search_keys


def seed_demo(db: Database, ctx: DemoContext) -> None:
    rng = ctx.rng
    hids = ctx.household_ids
    with db.transaction() as s:
        backfill_search_keys(s)
        categories: list[dict[str, Any]] = []
        stars: list[dict[str, Any]] = []
        for hid in hids:
            if rng.random() < 0.12:
                start = ctx.today - timedelta(days=rng.randrange(60, 3000))
                ended = start + timedelta(days=rng.randrange(30, 1500)) if rng.random() < 0.3 else None
                if ended is not None and ended >= ctx.today:
                    ended = None
                categories.append(
                    {
                        "household_id": hid,
                        "category": rng.choice(HOUSEHOLD_CATEGORIES[:6]),
                        "started_on": start,
                        "ended_on": ended,
                        "notes": "",
                    }
                )
            if rng.random() < 0.3:
                for year in range(ctx.today.year - 2, ctx.today.year):
                    stars.append({"household_id": hid, "year": year, "stars": rng.randrange(3, 11), "notes": ""})
        if categories:
            s.execute(insert(HouseholdCategory), categories)
        if stars:
            s.execute(insert(StarRating), stars)
        # One 中心户 per ~11 households, relaying to the next ten.
        central_ids: list[int] = []
        relays: list[dict[str, Any]] = []
        for start in range(0, len(hids) - 10, 11):
            central = hids[start]
            central_ids.append(central)
            relays.extend({"central_household_id": central, "household_id": h} for h in hids[start + 1 : start + 11])
        for i in range(0, len(central_ids), 10_000):
            s.execute(update(Household).where(Household.id.in_(central_ids[i : i + 10_000])).values(is_central=True))
        if relays:
            s.execute(insert(HouseholdRelay), relays)
        links: list[dict[str, Any]] = []
        members = s.execute(select(Member.id, Member.household_id).order_by(Member.id)).all()
        for k, (mid, home) in enumerate(members):
            if k % 2 == 0:
                s.execute(
                    update(Member)
                    .where(Member.id == mid)
                    .values(plaque_kind=PLAQUE_KINDS[k % 4 // 2], plaque_on=ctx.today - timedelta(days=200 + k))
                )
            near = [h for h in rng.sample(hids, min(5, len(hids))) if h != home]
            links.extend(
                {"member_id": mid, "household_id": h, "started_on": ctx.today - timedelta(days=365)} for h in near
            )
        if links:
            s.execute(insert(MemberHouseholdLink), links)
