"""All mapped classes. Importing this package registers every table on ``Base.metadata``."""

from govdesk.models.base import Base
from govdesk.models.councils import (
    CharterVersion,
    Council,
    CouncilMeeting,
    CouncilMeetingAttendee,
    CouncilMember,
)
from govdesk.models.decisions import (
    Attachment,
    AttendanceTick,
    BodySeat,
    LogEntry,
    Matter,
    Procedure,
    ProcedureStep,
)
from govdesk.models.dues import DuesPayment, DuesRate
from govdesk.models.honours import HonourAward, HonourKind
from govdesk.models.meetings import Meeting, MeetingAttendance
from govdesk.models.name_search import NameSearchKey
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
from govdesk.models.points import PointAssessment, PointEntry, PointRule, PointYear
from govdesk.models.posts import MemberStatusPeriod, Post, PostAssignment
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
from govdesk.models.stars import StarIndicator, StarScore, StarThreshold
from govdesk.models.users import AuditEntry, User
from govdesk.models.voices import VoiceCategory, VoiceItem, VoiceMatterLink
from govdesk.models.volunteers import Volunteer, VolunteerActivity, VolunteerHours, VolunteerTeam

__all__ = [
    "Attachment",
    "AttendanceTick",
    "AuditEntry",
    "Base",
    "BodySeat",
    "Cadre",
    "CadreLeave",
    "DuesPayment",
    "DuesRate",
    "CharterVersion",
    "Council",
    "CouncilMeeting",
    "CouncilMeetingAttendee",
    "CouncilMember",
    "DutyAssignment",
    "DutyCarryOver",
    "DutyLogEntry",
    "DutyMeeting",
    "DutySwap",
    "Grid",
    "HolidayEntry",
    "HonourAward",
    "HonourKind",
    "Household",
    "HouseholdCategory",
    "HouseholdRelay",
    "LogEntry",
    "Matter",
    "Meeting",
    "MeetingAttendance",
    "Member",
    "MemberHouseholdLink",
    "MemberStatusPeriod",
    "NameSearchKey",
    "OrgUnit",
    "Post",
    "PostAssignment",
    "PointAssessment",
    "PointEntry",
    "PointRule",
    "PointYear",
    "PrintArchive",
    "Procedure",
    "ProcedureStep",
    "Resident",
    "ResidentMove",
    "ResidentSearchKey",
    "Roster",
    "Setting",
    "StarIndicator",
    "StarRating",
    "StarScore",
    "StarThreshold",
    "User",
    "Village",
    "VillagerGroup",
    "VoiceCategory",
    "VoiceItem",
    "VoiceMatterLink",
    "Volunteer",
    "VolunteerActivity",
    "VolunteerHours",
    "VolunteerTeam",
]
