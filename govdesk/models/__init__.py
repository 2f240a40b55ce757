"""All mapped classes. Importing this package registers every table on ``Base.metadata``."""

from govdesk.models.base import Base
from govdesk.models.org import Cadre, Grid, OrgUnit, Village, VillagerGroup
from govdesk.models.people import Household, Member, Resident
from govdesk.models.people_details import (
    HouseholdCategory,
    HouseholdRelay,
    MemberHouseholdLink,
    ResidentMove,
    ResidentSearchKey,
    StarRating,
)

__all__ = [
    "Base",
    "Cadre",
    "Grid",
    "Household",
    "HouseholdCategory",
    "HouseholdRelay",
    "Member",
    "MemberHouseholdLink",
    "OrgUnit",
    "Resident",
    "ResidentMove",
    "ResidentSearchKey",
    "StarRating",
    "Village",
    "VillagerGroup",
]
