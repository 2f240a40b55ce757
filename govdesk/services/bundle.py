"""All services of one database, built once at start-up and handed to the widgets that need them.

``Services.open_target`` is the window's one way to a database: it opens (migrating after a
backup, as every start does) the file or URL the command line named, so the window never
imports the database layer itself — it calls this after its first paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from govdesk.db import Database
from govdesk.errors import GovdeskError
from govdesk.services.audit_log import AuditService
from govdesk.services.backup import BackupService
from govdesk.services.councils import CouncilService
from govdesk.services.decisions import DecisionService
from govdesk.services.dues import DuesService
from govdesk.services.duty_log import DutyLogService
from govdesk.services.excel_registers import ExcelRegisterService
from govdesk.services.home import HomeService
from govdesk.services.honours import HonourService
from govdesk.services.household_details import HouseholdDetailsService
from govdesk.services.households import HouseholdService
from govdesk.services.meetings import MeetingService
from govdesk.services.member_details import MemberDetailsService
from govdesk.services.members import MemberService
from govdesk.services.organisation import OrganisationService
from govdesk.services.points import PointService
from govdesk.services.posts import PostService
from govdesk.services.printing import PrintService
from govdesk.services.roster import RosterService
from govdesk.services.stars import StarService
from govdesk.services.users import UserService
from govdesk.services.village import VillageService
from govdesk.services.voices import VoiceService
from govdesk.services.volunteers import VolunteerService


@dataclass(frozen=True)
class Services:
    db: Database
    village: VillageService
    organisation: OrganisationService
    members: MemberService
    households: HouseholdService
    roster: RosterService
    duty_log: DutyLogService
    decisions: DecisionService
    printing: PrintService
    backup: BackupService
    household_details: HouseholdDetailsService
    member_details: MemberDetailsService
    excel_registers: ExcelRegisterService
    home: HomeService
    voices: VoiceService
    posts: PostService
    points: PointService
    meetings: MeetingService
    dues: DuesService
    honours: HonourService
    councils: CouncilService
    stars: StarService
    volunteers: VolunteerService
    users: UserService
    audit: AuditService
    warnings: tuple[str, ...] = ()  # said once the window opens (a network share or USB drive)

    @classmethod
    def open_target(cls, target: str | Path | None) -> Services:
        """Open the database at ``target`` (a path or URL; ``None``: the default file) and its services.

        A file that is not a database, is damaged or cannot be migrated is a ``GovdeskError``
        with a Chinese message; the file is left as it was (a migration runs in one transaction
        after a backup copy).
        """
        try:
            db = Database(target)
        except SQLAlchemyError as exc:
            raise GovdeskError(
                f"无法打开数据库 {target or '（默认数据库）'}：文件不是 govdesk 数据库、已损坏或被占用"
                f"（未做任何修改）。详细信息：{exc.__class__.__name__}"
            ) from exc
        from dataclasses import replace

        services = cls.open(db)
        storage = services.backup.storage_warning()  # the day's backup runs later, off the GUI thread
        return replace(services, warnings=(storage,)) if storage else services

    def close(self) -> None:
        """Release the database's connections (the window calls this when it closes)."""
        self.db.dispose()

    @classmethod
    def open(cls, db: Database) -> Services:
        return cls(
            db=db,
            village=VillageService(db),
            organisation=OrganisationService(db),
            members=MemberService(db),
            households=HouseholdService(db),
            roster=RosterService(db),
            duty_log=DutyLogService(db),
            decisions=DecisionService(db),
            printing=PrintService(db),
            backup=BackupService(db),
            household_details=HouseholdDetailsService(db),
            member_details=MemberDetailsService(db),
            excel_registers=ExcelRegisterService(db),
            home=HomeService(db),
            voices=VoiceService(db),
            posts=PostService(db),
            points=PointService(db),
            meetings=MeetingService(db),
            dues=DuesService(db),
            honours=HonourService(db),
            councils=CouncilService(db),
            stars=StarService(db),
            volunteers=VolunteerService(db),
            users=UserService(db),
            audit=AuditService(db),
        )
