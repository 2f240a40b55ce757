"""All services of one database, built once at start-up and handed to the widgets that need them."""

from __future__ import annotations

from dataclasses import dataclass

from govdesk.db import Database
from govdesk.services.backup import BackupService
from govdesk.services.decisions import DecisionService
from govdesk.services.duty_log import DutyLogService
from govdesk.services.home import HomeService
from govdesk.services.household_details import HouseholdDetailsService
from govdesk.services.households import HouseholdService
from govdesk.services.member_details import MemberDetailsService
from govdesk.services.members import MemberService
from govdesk.services.organisation import OrganisationService
from govdesk.services.printing import PrintService
from govdesk.services.registers import RegisterService
from govdesk.services.roster import RosterService
from govdesk.services.village import VillageService
from govdesk.services.voices import VoiceService


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
    registers: RegisterService
    home: HomeService
    voices: VoiceService

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
            registers=RegisterService(db),
            home=HomeService(db),
            voices=VoiceService(db),
        )
