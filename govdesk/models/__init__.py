"""All mapped classes. Importing this package registers every table on ``Base.metadata``."""

from govdesk.models.base import Base
from govdesk.models.decisions import (
    Attachment,
    AttendanceTick,
    BodySeat,
    LogEntry,
    Matter,
    Procedure,
    ProcedureStep,
)
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
from govdesk.models.printing import PrintArchive
from govdesk.models.roster import (
    CadreLeave,
    DutyAssignment,
    DutyCarryOver,
    DutyLogEntry,
    DutyMeeting,
    DutySwap,
    HolidayEntry,
    Roster,
)
from govdesk.models.settings import Setting
from govdesk.models.users import AuditEntry, User
from govdesk.models.voices import VoiceCategory, VoiceItem, VoiceMatterLink

__all__ = [
    "Attachment",
    "AttendanceTick",
    "AuditEntry",
    "Base",
    "BodySeat",
    "Cadre",
    "CadreLeave",
    "DutyAssignment",
    "DutyCarryOver",
    "DutyLogEntry",
    "DutyMeeting",
    "DutySwap",
    "Grid",
    "HolidayEntry",
    "Household",
    "HouseholdCategory",
    "HouseholdRelay",
    "LogEntry",
    "Matter",
    "Member",
    "MemberHouseholdLink",
    "OrgUnit",
    "PrintArchive",
    "Procedure",
    "ProcedureStep",
    "Resident",
    "ResidentMove",
    "ResidentSearchKey",
    "Roster",
    "Setting",
    "StarRating",
    "User",
    "Village",
    "VillagerGroup",
    "VoiceCategory",
    "VoiceItem",
    "VoiceMatterLink",
]
