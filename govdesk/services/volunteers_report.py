"""志愿服务 on paper and in Excel: the year's volunteer-hours list, a team's roster, the workbook.

Both prints are public (names only, never an ID number or a phone) and archived. Imports
reportlab (through govdesk.printing) and openpyxl, so only the print and export paths import this.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from govdesk.db import Database
from govdesk.errors import NotFoundError
from govdesk.labels import label
from govdesk.models.volunteers import VolunteerActivity, VolunteerHours, VolunteerTeam
from govdesk.printing import BuildInfo, Column, FieldKind, TableDocument
from govdesk.services.printing import register_print_kind
from govdesk.services.village import VillageService
from govdesk.services.volunteers_query import VolunteerQueries

ARCHIVE_YEAR = "volunteers.year"
ARCHIVE_ROSTER = "volunteers.roster"
register_print_kind(ARCHIVE_YEAR, "志愿服务时长名单")
register_print_kind(ARCHIVE_ROSTER, "志愿服务队名单")


class VolunteerReports:
    def __init__(self, db: Database, today: date | None = None) -> None:
        self.db = db
        self.day = today or date.today()
        self.queries = VolunteerQueries(db, clock=lambda: datetime.combine(self.day, datetime.min.time()))

    def team_named(self, name: str) -> int:
        teams = self.queries.teams()
        for t in teams:
            if t.name == name.strip():
                return t.id
        raise NotFoundError(f"没有名为“{name}”的服务队；现有：{'、'.join(t.name for t in teams) or '（还没有服务队）'}")

    def year_pdf(self, year: int) -> BuildInfo:
        """名单 and hours: everyone who served in the year, most hours first; no ID numbers."""
        people = self.queries.person_hours(year)
        teams = self.queries.teams(year)
        village = VillageService(self.db).title()
        columns = [
            Column("name", label("volunteer_name"), 1.4, FieldKind.NAME),
            Column("teams", label("volunteer_team"), 3.2),
            Column("member", label("volunteer_is_member"), 0.8),
            Column("activities", label("volunteer_activity_count"), 1.1),
            Column("hours", label("volunteer_hours_total"), 1.4),
        ]
        rows = [(p.name, p.teams, "是" if p.is_member else "", p.activities, f"{p.hours:g}") for p in people]
        acts = sum(t.activities for t in teams)
        hours = sum(t.hours for t in teams)
        subtitle = f"{len(teams)} 支队，活动 {acts} 次，累计 {hours:g} 小时"
        title = f"{village}{year}年志愿服务时长名单"
        return TableDocument(title, columns, rows, landscape=False, subtitle=subtitle).build()

    def roster_pdf(self, team_id: int) -> BuildInfo:
        """A team's volunteers today: name, sex, joined, Party member, note (no ID, no phone)."""
        team = next((t for t in self.queries.teams() if t.id == team_id), None)
        if team is None:
            raise NotFoundError("找不到这支服务队")
        rows = [(n, sex, j, "是" if m else "", note) for n, sex, j, m, note in self.queries.roster(team_id, self.day)]
        columns = [
            Column("name", label("volunteer_name"), 1.4, FieldKind.NAME),
            Column("sex", label("sex"), 0.7),
            Column("joined_on", label("volunteer_joined_on"), 1.4, FieldKind.DATE),
            Column("member", label("volunteer_is_member"), 0.8),
            Column("note", label("volunteer_note"), 3, align="LEFT"),
        ]
        village = VillageService(self.db).title()
        title = f"{village}{team.name}队员名单"
        subtitle = f"队长：{team.leader_name}" if team.leader_name else ""
        return TableDocument(title, columns, rows, landscape=False, subtitle=subtitle).build()

    def export_year(self, year: int, path: Path) -> int:
        """The year's hours per person, the teams with their totals, and every activity with who took part."""
        from openpyxl import Workbook  # lazily: start-up never imports openpyxl

        people = self.queries.person_hours(year)
        teams = self.queries.teams(year)
        with self.db.session() as s:
            acts = s.execute(
                select(
                    VolunteerActivity.id,
                    VolunteerActivity.day,
                    VolunteerTeam.name,
                    VolunteerActivity.place,
                    VolunteerActivity.content,
                )
                .join(VolunteerTeam, VolunteerTeam.id == VolunteerActivity.team_id)
                .where(VolunteerActivity.day >= date(year, 1, 1), VolunteerActivity.day <= date(year, 12, 31))
                .order_by(VolunteerActivity.day, VolunteerActivity.id)
            ).all()
            parts: dict[int, list[str]] = {}
            for aid, name, hours in s.execute(
                select(VolunteerHours.activity_id, VolunteerHours.name, VolunteerHours.hours)
                .where(VolunteerHours.activity_id.in_([a[0] for a in acts]))
                .order_by(VolunteerHours.name)
            ):
                parts.setdefault(aid, []).append(f"{name}（{hours:g}）")
        book = Workbook()
        sheet = book.active
        sheet.title = f"{year}年服务时长"
        sheet.append(
            [
                label("volunteer_name"),
                label("volunteer_team"),
                label("volunteer_is_member"),
                label("volunteer_activity_count"),
                label("volunteer_hours_total"),
            ]
        )
        for p in people:
            sheet.append([p.name, p.teams, "是" if p.is_member else "", p.activities, p.hours])
        team_sheet = book.create_sheet("服务队")
        team_sheet.append(
            [
                label("volunteer_team_name"),
                label("volunteer_team_leader"),
                label("volunteer_team_purpose"),
                "现有队员",
                label("volunteer_activity_count"),
                label("volunteer_hours_total"),
            ]
        )
        for t in teams:
            team_sheet.append([t.name, t.leader_name, t.purpose, t.volunteers, t.activities, t.hours])
        act_sheet = book.create_sheet("活动记录")
        act_sheet.append(
            [
                label("volunteer_activity_day"),
                label("volunteer_team"),
                label("volunteer_activity_place"),
                label("volunteer_activity_content"),
                "参加人员（小时）",
            ]
        )
        for aid, day, team, place, content in acts:
            act_sheet.append([day, team, place, content, "、".join(parts.get(aid, []))])
        for cell in act_sheet["A"][1:]:
            cell.number_format = "yyyy-mm-dd"
        for ws, widths in (
            (sheet, (10, 30, 6, 10, 14)),
            (team_sheet, (16, 10, 40, 10, 10, 14)),
            (act_sheet, (12, 16, 14, 40, 60)),
        ):
            for column, w in zip("ABCDEF", widths, strict=False):
                ws.column_dimensions[column].width = w
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
        return len(people)
