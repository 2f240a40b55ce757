"""首页: what the clerk needs in the morning, read as aggregates with a handful of SQL queries.

Read-only. Every count is a COUNT / GROUP BY in SQL (the township has 200,000 residents); only
short lists are loaded as rows: the two duty days, the open duty-log items, the decision-log
reminders (``DecisionService.needs_action``: its rules stay in decisions_reminders), this
window's 入党纪念日 (not of 预备党员: their first year ends in 转正, listed on its own) and the
预备党员 due to be made full. Every item and bar carries a ``Target``:
the area that lists what it counts and the filters that list it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from govdesk.db import Database
from govdesk.decisions.state import STATES
from govdesk.dues.rules import key_month
from govdesk.models import Cadre, Household, Matter, Member, Resident
from govdesk.models.org import OrgUnit, VillagerGroup
from govdesk.models.people_details import HouseholdCategory
from govdesk.models.roster import DutyAssignment, DutyLogEntry
from govdesk.services.dated import DatedReads
from govdesk.services.decisions import DecisionService
from govdesk.services.decisions_reminders import overdue_text
from govdesk.services.dues_book import month_last_day
from govdesk.services.dues_query import ARREARS_LISTED, DuesQueries
from govdesk.services.home_rules import (
    AGE_BANDS,
    anniversary_condition,
    anniversary_in_window,
    born_after_for_age,
    joined_on_or_before_for_due,
    probation_due,
)
from govdesk.services.home_view import (
    BREAKDOWN_TITLES,
    TOTAL_LABELS,
    Breakdown,
    Figure,
    HomeItem,
    HomeView,
    Target,
    needs_action_order,
)
from govdesk.services.meetings_query import MeetingQueries
from govdesk.services.people_common import category_is_active
from govdesk.services.roster import RosterService
from govdesk.services.voices import VoiceService
from govdesk.vocabulary import HOUSEHOLD_CATEGORIES, MEMBER_STATUSES, STATUS_PROBATIONARY

NO_GROUP = "未分组"
NO_BRANCH = "未编入支部"
HOUSEHOLDS, RESIDENTS, MEMBERS = TOTAL_LABELS
BY_STATUS, BY_BRANCH, BY_CATEGORY = BREAKDOWN_TITLES
OPEN_LOG_SHOWN = 8  # the page lists this many open duty-log items; the rest are behind 值班
VOICES_LISTED = 10  # overdue 民情 items one by one; more are one line that opens the 民情 list
MEETING_WARNINGS_LISTED = 8  # meetings behind schedule one by one; more are one line to the meetings page
ANNIVERSARIES_LISTED = 10  # one by one; more (a township) are one line that opens the members list
DUES_WARNED_LISTED = 10  # members 连续六个月 behind, one by one


def _dues_overdue_days(month: int, today: date) -> int:
    """Days since the end of an unpaid month (a month key): how long its dues have been owed."""
    year, number = key_month(month)
    return (today - month_last_day(year, number)).days


class HomeService(DatedReads):
    """Reads the home page. ``clock`` is the desk's today (the demo and tests pin it)."""

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(db, clock)
        self.roster = RosterService(db)
        self.decisions = DecisionService(db, clock=self.clock)
        self.voices = VoiceService(db, clock=self.clock)
        self.meetings = MeetingQueries(db, clock=self.clock)
        self.dues = DuesQueries(db, clock=lambda: self.clock())

    def view(self, today: date | None = None, *, with_dues: bool = True) -> HomeView:
        """Everything the page shows. ``with_dues=False`` leaves out the 党费 arrears (the year's dues
        book over the whole ledger: the slowest line on a township), for the page to paint first and
        add them from ``arrears_items`` (``HomeView.with_arrears``)."""
        today = today or self.today()
        with self.db.session() as s:
            # First the counts, nearly all SQLite's own work (the residents joined to their
            # households above all): they leave the GIL to the window, which is still painting;
            # the reads with more Python in them follow once it is idle.
            residents = self._residents_by_group(s)
            categories = self._household_categories(s, today)
            members, by_status, by_branch, by_age = self._member_figures(s, today)
            totals = self._totals(s, residents, members)
            breakdowns = (by_status, by_branch, categories)
            charts = (by_age, by_status, residents, self._matters_by_stage(s))
            on_duty = self._on_duty(s, today)
            log_count, log_items = self._open_log(s, today)
            people = self._people_items(s, today)
        meeting = self.roster.meeting()
        meeting_today = ""
        if meeting.falls_on(today):
            meeting_today = f"{meeting.time} {meeting.title}" + (f"（{meeting.place}）" if meeting.place else "")
        today_items: list[HomeItem] = []
        names = ("今天值班", "明天值班")
        for name, who, day in zip(names, on_duty, (today, today + timedelta(days=1)), strict=True):
            today_items.append(
                HomeItem(name, who or "未排班", f"{day.month}月{day.day}日", Target("roster", {"day": day}))
            )
        if meeting_today:
            today_items.append(HomeItem("例会", meeting_today, "今天", Target("roster", {"day": today})))
        today_items += log_items
        needs = self._decision_items(today) + self._voice_items(today) + people + self._meeting_items(today)
        if with_dues:
            needs += self.arrears_items(today)
        needs.sort(key=needs_action_order)
        return HomeView(
            today=today,
            on_duty=on_duty,
            meeting_today=meeting_today,
            open_log_count=log_count,
            today_items=tuple(today_items),
            needs_action=tuple(needs),
            totals=totals,
            breakdowns=breakdowns,
            charts=charts,
            dues_pending=not with_dues,
        )

    # --- 今日 --------------------------------------------------------------------------------
    @staticmethod
    def _on_duty(s: Session, today: date) -> tuple[str, str]:
        tomorrow = today + timedelta(days=1)
        rows = s.execute(
            select(DutyAssignment.day, Cadre.name, Cadre.post)
            .join(Cadre, Cadre.id == DutyAssignment.cadre_id)
            .where(DutyAssignment.day.in_((today, tomorrow)))
        ).all()
        who = {day: f"{name}（{post}）" if post else name for day, name, post in rows}
        return who.get(today, ""), who.get(tomorrow, "")

    @staticmethod
    def _open_log(s: Session, today: date) -> tuple[int, list[HomeItem]]:
        is_open = DutyLogEntry.closed_on.is_(None)
        count = int(s.scalar(select(func.count(DutyLogEntry.id)).where(is_open)) or 0)
        rows = s.execute(
            select(DutyLogEntry.day, DutyLogEntry.matter, DutyLogEntry.due_on, Cadre.name)
            .outerjoin(Cadre, Cadre.id == DutyLogEntry.owner_cadre_id)
            .where(is_open)
            .order_by(DutyLogEntry.due_on.is_(None), DutyLogEntry.due_on, DutyLogEntry.day, DutyLogEntry.id)
            .limit(OPEN_LOG_SHOWN)
        ).all()
        items = []
        for day, matter, due, owner in rows:
            overdue = (today - due).days if due is not None else None
            when = overdue_text(overdue) if overdue is not None else "未定期限"
            who = f"（{owner}跟进）" if owner else ""
            items.append(
                HomeItem(
                    "值班记录",
                    f"{matter}{who}",
                    when,
                    Target("roster", {"day": day}),
                    bool(overdue and overdue > 0),
                    overdue,
                )
            )
        return count, items

    # --- 待办 --------------------------------------------------------------------------------
    def _decision_items(self, today: date) -> list[HomeItem]:
        return [
            HomeItem(
                "五议两公开",
                f"{a.what}：{a.number} {a.title}",
                a.overdue_text,
                Target("decisions", {"matter_id": a.matter_id}),
                a.days_overdue > 0,
                a.days_overdue,
            )
            for a in self.decisions.needs_action(today)
        ]

    def _voice_items(self, today: date) -> list[HomeItem]:
        """民情 items waiting for an answer past their deadline (the 民情台账's own rule and query)."""
        lines = self.voices.overdue(today, limit=VOICES_LISTED)
        items = [
            HomeItem(
                "民情",
                f"{line.raised_by}：{line.summary}" if line.raised_by else line.summary,
                overdue_text(line.days_overdue),
                Target("voices", {"overdue": True, "id": line.id}),
                True,
                line.days_overdue,
            )
            for line in lines
        ]
        if len(lines) == VOICES_LISTED:
            total = self.voices.counts(today).overdue
            if total > len(lines):
                items.append(
                    HomeItem(
                        "民情",
                        f"另有 {total - len(lines)} 件民情逾期未答复",
                        f"共 {total} 件",
                        Target("voices", {"overdue": True}),
                        True,
                        lines[-1].days_overdue,
                    )
                )
        return items

    def _meeting_items(self, today: date) -> list[HomeItem]:
        """Meetings behind schedule (三会一课, 主题党日 …: govdesk.meetings.schedule), per branch and
        Party group; a click opens the meetings page filtered to that unit and kind."""
        warnings = self.meetings.schedule_warnings(today)
        items = [
            HomeItem(
                "会议",
                w.text,
                "未按期召开",
                Target("party_life", {"page": "meetings", "unit_id": w.unit_id, "kind": w.kind}),
                True,
            )
            for w in warnings[:MEETING_WARNINGS_LISTED]
        ]
        if len(warnings) > MEETING_WARNINGS_LISTED:
            more = len(warnings) - MEETING_WARNINGS_LISTED
            items.append(
                HomeItem(
                    "会议",
                    f"另有 {more} 项会议未按期召开",
                    f"共 {len(warnings)} 项",
                    Target("party_life", {"page": "meetings"}),
                    True,
                )
            )
        return items

    def arrears_items(self, today: date | None = None) -> list[HomeItem]:
        """党费欠缴: one line for the members 3+ months behind (opens the dues book so filtered), and
        each member flagged 连续六个月不交纳党费 by name (the branch follows them up)."""
        today = today or self.today()
        behind = self.dues.arrears_list(today)
        if not behind:
            return []
        page = Target("party_life", {"page": "dues", "arrears": ARREARS_LISTED})
        warned = [r for r in behind if r.arrears.charter_warning]
        extra = f"（其中 {len(warned)} 名连续六个月以上未交）" if warned else ""
        oldest = max(_dues_overdue_days(r.arrears.months[0], today) for r in behind)
        items = [
            HomeItem(
                "党费欠缴", f"{len(behind)} 名党员欠缴 3 个月及以上{extra}", f"共 {len(behind)} 人", page, False, oldest
            )
        ]
        for r in warned[:DUES_WARNED_LISTED]:
            items.append(
                HomeItem(
                    "党费欠缴",
                    f"{r.name}（{r.branch}）{r.arrears.text()}",
                    f"连续 {r.arrears.run_length} 个月",
                    Target("party_life", {"page": "dues", "arrears": ARREARS_LISTED, "text": r.name}),
                    True,
                    _dues_overdue_days(r.arrears.run_start or r.arrears.months[0], today),
                )
            )
        return items

    @staticmethod
    def _people_items(s: Session, today: date) -> list[HomeItem]:
        active = Member.ended_on.is_(None)
        items: list[HomeItem] = []
        due_rows = s.execute(
            select(Member.id, Member.name, Member.joined_on)
            .where(active, Member.status == STATUS_PROBATIONARY, Member.joined_on.is_not(None))
            .where(Member.joined_on <= joined_on_or_before_for_due(today))
            .order_by(Member.joined_on, Member.id)
        ).all()
        for _mid, name, joined in due_rows:
            due = probation_due(joined)
            late = (today - due).days
            when = f"{due.month}月{due.day}日满一年" + (f"，逾期 {late} 天" if late > 0 else "")
            items.append(
                HomeItem(
                    "预备党员转正",
                    f"{name}（{joined:%Y-%m-%d} 入党）",
                    when,
                    Target("members", {"text": name}),
                    late > 0,
                    late,
                )
            )
        rows = s.execute(
            select(Member.name, Member.joined_on)
            .where(active, Member.status != STATUS_PROBATIONARY, anniversary_condition(Member.joined_on, today))
            .order_by(Member.id)
        ).all()
        found = sorted((hit[0], name, hit[1]) for name, joined in rows if (hit := anniversary_in_window(joined, today)))
        # Coming days first (today, tomorrow …), then the days of the month already past.
        found.sort(key=lambda f: (f[0] < today, f[0]))
        for day, name, years in found[:ANNIVERSARIES_LISTED]:
            when = "今天" if day == today else f"{day.month}月{day.day}日"
            items.append(HomeItem("入党纪念日", f"{name} 入党 {years} 周年", when, Target("members", {"text": name})))
        if len(found) > ANNIVERSARIES_LISTED:
            more = len(found) - ANNIVERSARIES_LISTED
            items.append(
                HomeItem(
                    "入党纪念日",
                    f"另有 {more} 位党员本月或近7天入党纪念日",
                    f"共 {len(found)} 人",
                    Target("members", {"anniversary": True}),
                )
            )
        return items

    # --- 村情数据 ------------------------------------------------------------------------------
    @staticmethod
    def _totals(s: Session, residents: Breakdown, members: int) -> tuple[Figure, ...]:
        """农户 counted here; 居民 is the sum of the residents by villager group (a household's
        residents end with it, so every current resident is in a current household)."""
        households = s.scalar(select(func.count(Household.id)).where(Household.ended_on.is_(None)))
        return (
            Figure(HOUSEHOLDS, int(households or 0), Target("households")),
            Figure(RESIDENTS, residents.total, Target("households")),
            Figure(MEMBERS, members, Target("members")),
        )

    @staticmethod
    def _member_figures(s: Session, today: date) -> tuple[int, Breakdown, Breakdown, Breakdown]:
        """The current members counted by status, by branch and by age band in one pass (one
        GROUP BY over the three, a few dozen rows summed here): total and the three breakdowns."""
        whens = [
            (Member.birth_date > born_after_for_age(oldest, today), name)
            for name, oldest in AGE_BANDS
            if oldest is not None
        ]
        band = case(*whens, else_=AGE_BANDS[-1][0])
        rows = s.execute(
            select(Member.status, Member.branch_id, band, func.count())
            .where(Member.ended_on.is_(None))
            .group_by(Member.status, Member.branch_id, band)
        ).all()
        statuses: Counter[str] = Counter()
        branches: Counter[int | None] = Counter()
        bands: Counter[str] = Counter()
        for status, branch_id, band_name, n in rows:
            statuses[status] += n
            branches[branch_id] += n
            bands[band_name] += n
        order = list(MEMBER_STATUSES) + sorted(k for k in statuses if k not in MEMBER_STATUSES)
        by_status = Breakdown(
            BY_STATUS, tuple(Figure(st, statuses[st], Target("members", {"status": st})) for st in order)
        )
        units = s.execute(
            select(OrgUnit.id, OrgUnit.name)
            .where(OrgUnit.id.in_([k for k in branches if k is not None]))
            .order_by(OrgUnit.sort_order, OrgUnit.id)
        ).all()
        figures = [Figure(name, branches[uid], Target("members", {"branch_id": uid})) for uid, name in units]
        if branches[None]:
            figures.append(Figure(NO_BRANCH, branches[None], Target("members")))
        by_branch = Breakdown(BY_BRANCH, tuple(figures))
        by_age = Breakdown(
            "党员年龄结构",
            tuple(Figure(name, bands[name], Target("members", {"age_band": name})) for name, _ in AGE_BANDS),
        )
        return sum(statuses.values()), by_status, by_branch, by_age

    @staticmethod
    def _household_categories(s: Session, today: date) -> Breakdown:
        counts = dict(
            s.execute(
                select(HouseholdCategory.category, func.count(func.distinct(HouseholdCategory.household_id)))
                .join(Household, Household.id == HouseholdCategory.household_id)
                .where(category_is_active(today), Household.ended_on.is_(None))
                .group_by(HouseholdCategory.category)
            ).all()
        )
        order = list(HOUSEHOLD_CATEGORIES) + sorted(k for k in counts if k not in HOUSEHOLD_CATEGORIES)
        return Breakdown(
            BY_CATEGORY,
            tuple(Figure(c, int(counts.get(c, 0)), Target("households", {"category": c})) for c in order),
        )

    @staticmethod
    def _residents_by_group(s: Session) -> Breakdown:
        """Grouped by the id alone (the names are read apart): one pass over the residents, no sort."""
        counts = dict(
            s.execute(
                select(Household.villager_group_id, func.count())  # count(*): no column read per row
                .select_from(Resident)
                .join(Household, Household.id == Resident.household_id)
                .where(Resident.ended_on.is_(None), Household.ended_on.is_(None))
                .group_by(Household.villager_group_id)
            ).all()
        )
        groups = s.execute(
            select(VillagerGroup.id, VillagerGroup.name).order_by(VillagerGroup.sort_order, VillagerGroup.id)
        )
        figures = [
            Figure(name, int(counts[gid]), Target("households", {"villager_group_id": gid}))
            for gid, name in groups
            if counts.get(gid)
        ]
        if counts.get(None):
            figures.append(Figure(NO_GROUP, int(counts[None]), Target("households")))
        return Breakdown("各村民小组居民", tuple(figures))

    @staticmethod
    def _matters_by_stage(s: Session) -> Breakdown:
        counts = dict(s.execute(select(Matter.state, func.count(Matter.id)).group_by(Matter.state)).all())
        order = list(STATES) + sorted(k for k in counts if k not in STATES)
        return Breakdown(
            "五议两公开事项",
            tuple(Figure(st, int(counts.get(st, 0)), Target("decisions", {"state": st})) for st in order if st),
        )
