"""The resident register (农户花名册): every resident, household by household, in one order.

The printed register, the Excel export and a household's detail pane all list residents the same
way — by 户号, the head of the household first, then by birth date — and read them from residents
joined to their household, villager group and grid. That query lives here once; each caller picks
its columns. (The household list is one row per *household*, paged and sorted by the clerk, so it
keeps its own query in ``services.households``; its detail pane uses ``RESIDENT_ORDER``.)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from govdesk.models import Grid, Household, Resident, VillagerGroup
from govdesk.models.people import RELATION_HEAD

# Within one household: the head first, then by age, then in the order they were registered.
RESIDENT_ORDER = (Resident.relation != RELATION_HEAD, Resident.birth_date, Resident.id)


def resident_register(*columns: Any, current: bool = True) -> Select[Any]:
    """``columns`` of residents joined to ``Household`` and (outer) ``VillagerGroup`` / ``Grid``, in
    register order, streamed by the caller (57,000+ rows in a township: never ORM objects).

    ``current``: only residents still registered, in households that still exist (the printed
    register); ``False`` includes everyone ever registered (the Excel export keeps the history).
    """
    stmt = (
        select(*columns)
        .join(Household, Household.id == Resident.household_id)
        .outerjoin(VillagerGroup, VillagerGroup.id == Household.villager_group_id)
        .outerjoin(Grid, Grid.id == Household.grid_id)
        .order_by(Household.number, *RESIDENT_ORDER)
    )
    if current:
        stmt = stmt.where(Resident.ended_on.is_(None), Household.ended_on.is_(None))
    return stmt
