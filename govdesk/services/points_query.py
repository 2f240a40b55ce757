"""Reading 积分制: the ledger (SQL-paged), a year's catalogue and settings, the ranking and candidates.

The ranking sums a year's points per member in SQL (one GROUP BY on a covering index), reads who is
on the roster at the period's end through ``member_status.statuses_on`` and leaves the arithmetic
(daily score, weighted total, ties) to ``govdesk.points.rules``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from govdesk.labels import label
from govdesk.member_status import statuses_on
from govdesk.models import Member, OrgUnit
from govdesk.models.points import PointAssessment, PointEntry, PointRule
from govdesk.points import rules
from govdesk.points.ledger import rules_of, year_terms
from govdesk.services.dated import DatedReads
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, order_by, text_matches

LEDGER_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("id", label("point_id")),
    ColumnSpec("day", label("point_day")),
    ColumnSpec("member", label("point_member")),
    ColumnSpec("branch", label("branch")),
    ColumnSpec("rule", label("point_rule")),
    ColumnSpec("points", label("point_points")),
    ColumnSpec("note", label("point_note"), sortable=False),
    ColumnSpec("recorded_by", label("point_recorded_by")),
    ColumnSpec("correction", label("point_correction"), sortable=False),
)
_Reversal = aliased(PointEntry)
_SORT: dict[str, Any] = {
    "id": PointEntry.id,
    "day": PointEntry.day,
    "member": Member.name,
    "branch": OrgUnit.name,
    "rule": PointEntry.rule_code,
    "points": PointEntry.points,
    "recorded_by": PointEntry.recorded_by,
}


@dataclass(frozen=True)
class RuleView:
    id: int
    code: str
    name: str
    kind: str
    points: float
    monthly_cap: float | None
    yearly_cap: float | None
    veto: bool
    automatic: str

    def terms(self) -> rules.RuleTerms:
        return rules.RuleTerms(
            self.code, self.name, self.kind, self.points, self.monthly_cap, self.yearly_cap, self.veto, self.automatic
        )


@dataclass(frozen=True)
class RankLine:
    member_id: int
    name: str
    branch_id: int | None
    branch: str
    status: str
    additions: float
    deductions: float
    daily: Decimal
    assessment: float | None
    total: Decimal
    rank: int  # in the village
    branch_rank: int
    vetoed: bool


@dataclass(frozen=True)
class Ranking:
    year: int
    through: date  # points counted up to this day; standing read on it
    base: float
    weight: float
    lines: list[RankLine]  # best first


@dataclass(frozen=True)
class Candidate:
    line: RankLine
    chosen: bool
    reason: str


def rule_view(r: PointRule) -> RuleView:
    return RuleView(r.id, r.code, r.name, r.kind, r.points, r.monthly_cap, r.yearly_cap, r.veto, r.automatic)


def period_end(year: int, quarter: int | None = None) -> date:
    """The last day of the year, or of its quarter 1–4."""
    month = 12 if quarter is None else quarter * 3
    return date(year, month, calendar.monthrange(year, month)[1])


def vetoed_members(s: Session, first: date, last: date) -> set[int]:
    """Members with a 一票否决 deduction in the period that was not reversed."""
    stmt = (
        select(PointEntry.member_id)
        .outerjoin(_Reversal, _Reversal.reverses_id == PointEntry.id)
        .where(PointEntry.veto == true(), PointEntry.day >= first, PointEntry.day <= last, _Reversal.id.is_(None))
    )
    return set(s.scalars(stmt))


def compute_ranking(s: Session, year: int, through: date, branch_id: int | None = None) -> Ranking:
    """The ranking of the members on the roster on ``through`` (of one branch, or the whole village)."""
    base, weight = year_terms(s, year)
    first = date(year, 1, 1)
    standing = statuses_on(s, through, unit_id=branch_id)
    sums = {
        member_id: (float(add), float(deduct))
        for member_id, add, deduct in s.execute(
            select(
                PointEntry.member_id,
                func.sum(case((PointEntry.points > 0, PointEntry.points), else_=0.0)),
                func.sum(case((PointEntry.points < 0, -PointEntry.points), else_=0.0)),
            )
            .where(PointEntry.day >= first, PointEntry.day <= through)
            .group_by(PointEntry.member_id)
        )
    }
    scores = dict(
        s.execute(select(PointAssessment.member_id, PointAssessment.score).where(PointAssessment.year == year)).all()
    )
    vetoed = vetoed_members(s, first, through)
    branch_names = dict(s.execute(select(OrgUnit.id, OrgUnit.name)).all())
    people = select(Member.id, Member.name, Member.branch_id)  # the roster decides who, below: no 5,000 binds
    if branch_id is not None:
        people = people.where(or_(Member.branch_id == branch_id, Member.party_group_id == branch_id))
    exact_weight, exact_base = Decimal(str(weight)), Decimal(str(base))  # converted once, not per member
    staged = []
    for member_id, name, unit in s.execute(people):
        if member_id not in standing:
            continue
        add, deduct = sums.get(member_id, (0.0, 0.0))
        daily = rules.daily_score(exact_base, add, deduct)
        assessment = scores.get(member_id)
        staged.append(
            (member_id, name, unit, add, deduct, daily, assessment, rules.total_score(daily, assessment, exact_weight))
        )
    total_of = {row[0]: row[7] for row in staged}
    unit_of = {row[0]: row[2] for row in staged}
    village_rank = rules.rank_by(list(total_of), total_of.__getitem__, lambda _m: None)
    branch_rank = rules.rank_by(list(total_of), total_of.__getitem__, unit_of.__getitem__)
    lines = [
        RankLine(
            member_id,
            name,
            unit,
            branch_names.get(unit, "") if unit else "",
            standing[member_id],
            add,
            deduct,
            daily,
            assessment,
            total,
            village_rank[member_id],
            branch_rank[member_id],
            member_id in vetoed,
        )
        for member_id, name, unit, add, deduct, daily, assessment, total in staged
    ]
    lines.sort(key=lambda line: (line.rank, line.branch, line.name, line.member_id))
    return Ranking(year, through, base, weight, lines)


class PointQueries(DatedReads):
    """The reads of 积分制. ``clock`` is injectable (the demo, the tests)."""

    columns = LEDGER_COLUMNS

    # --- catalogue and settings -----------------------------------------------------------------
    def rules(self, year: int) -> list[RuleView]:
        """The year's 积分细则 as stored (empty until the year is opened: ``PointService.open_year``)."""
        with self.db.session() as s:
            return [rule_view(r) for r in rules_of(s, year)]

    def year_terms(self, year: int) -> tuple[float, float]:
        with self.db.session() as s:
            return year_terms(s, year)

    def years(self) -> list[int]:
        """Years with a catalogue, newest first (this year always among them)."""
        with self.db.session() as s:
            found = set(s.scalars(select(PointRule.year).distinct()))
        return sorted(found | {self.today().year}, reverse=True)

    def members_on(self, day: date, branch_id: int | None = None) -> list[tuple[int, str, str]]:
        """(member id, name, branch) of the members on the roster on ``day``, in roster order."""
        with self.db.session() as s:
            standing = statuses_on(s, day, unit_id=branch_id)
            stmt = select(Member.id, Member.name, OrgUnit.name).outerjoin(OrgUnit, OrgUnit.id == Member.branch_id)
            if branch_id is not None:
                stmt = stmt.where(or_(Member.branch_id == branch_id, Member.party_group_id == branch_id))
            rows = s.execute(stmt.order_by(OrgUnit.sort_order, OrgUnit.id, Member.id)).all()
        return [(m, name, branch or "") for m, name, branch in rows if m in standing]

    # --- ranking ----------------------------------------------------------------------------------
    def through(self, year: int, quarter: int | None = None) -> date:
        """Points count up to the period's end, or today while the period runs."""
        end = period_end(year, quarter)
        today = self.today()
        return min(end, today) if today.year == year else end

    def ranking(self, year: int, quarter: int | None = None, branch_id: int | None = None) -> Ranking:
        with self.db.session() as s:
            return compute_ranking(s, year, self.through(year, quarter), branch_id)

    def candidates(
        self, year: int, top_n: int | None = None, top_percent: float | None = None, branch_id: int | None = None
    ) -> list[Candidate]:
        """评优 candidates of the year: top N or top percent, skipping 一票否决 and members not in full
        standing at year end (read on the ranking's day), each with the reason."""
        ranking = self.ranking(year, branch_id=branch_id)
        use_branch = branch_id is not None
        standings = [
            rules.Standing(x.member_id, x.branch_rank if use_branch else x.rank, x.vetoed, x.status)
            for x in ranking.lines
        ]
        size = rules.commendation_size(len(standings), top_n, top_percent)
        by_id = {x.member_id: x for x in ranking.lines}
        return [Candidate(by_id[d.member_id], d.chosen, d.reason) for d in rules.candidates(standings, size)]

    def member_year(self, member_id: int, year: int) -> tuple[float, float, int]:
        """(additions, deductions, entries) of one member in a year, for the member's details."""
        with self.db.session() as s:
            row = s.execute(
                select(
                    func.coalesce(func.sum(case((PointEntry.points > 0, PointEntry.points), else_=0.0)), 0.0),
                    func.coalesce(func.sum(case((PointEntry.points < 0, -PointEntry.points), else_=0.0)), 0.0),
                    func.count(PointEntry.id),
                ).where(
                    PointEntry.member_id == member_id,
                    PointEntry.day >= date(year, 1, 1),
                    PointEntry.day <= date(year, 12, 31),
                )
            ).one()
        return float(row[0]), float(row[1]), int(row[2])

    def member_summary(self, member_id: int, year: int) -> str:
        """One line for a member's details: this year's points, daily score, assessment, total and rank."""
        ranking = self.ranking(year)
        line = next((x for x in ranking.lines if x.member_id == member_id), None)
        if line is None:
            additions, deductions, count = self.member_year(member_id, year)
            return (
                f"{year}年：加 {rules.points_text(additions)} 分，扣 {rules.points_text(deductions)} 分（{count} 条）"
            )
        assessment = "未测评" if line.assessment is None else f"年终测评 {rules.points_text(line.assessment)}"
        veto = "；有一票否决扣分，不能评优" if line.vetoed else ""
        return (
            f"{year}年：加 {rules.points_text(line.additions)} 分，扣 {rules.points_text(line.deductions)} 分，"
            f"日常积分 {line.daily}，{assessment}，综合得分 {line.total}，全村第 {line.rank} 名"
            f"（共 {len(ranking.lines)} 人），支部第 {line.branch_rank} 名{veto}"
        )

    # --- the ledger (paged) -----------------------------------------------------------------------
    def _select(self, query: ListQuery) -> Select[Any]:
        reversed_by = select(_Reversal.id).where(_Reversal.reverses_id == PointEntry.id).limit(1).scalar_subquery()
        stmt = (
            select(
                PointEntry.id,
                PointEntry.day,
                Member.name,
                OrgUnit.name,
                PointEntry.rule_code,
                PointEntry.rule_name,
                PointEntry.points,
                PointEntry.note,
                PointEntry.recorded_by,
                PointEntry.reverses_id,
                reversed_by,
                PointEntry.source,
            )
            .join(Member, Member.id == PointEntry.member_id)
            .outerjoin(OrgUnit, OrgUnit.id == Member.branch_id)
        )
        f = query.filters
        if f.get("year"):
            year = int(f["year"])
            stmt = stmt.where(PointEntry.day >= date(year, 1, 1), PointEntry.day <= date(year, 12, 31))
        if f.get("branch_id"):
            stmt = stmt.where(Member.branch_id == f["branch_id"])
        if f.get("member_id"):
            stmt = stmt.where(PointEntry.member_id == f["member_id"])
        if f.get("rule_code"):
            stmt = stmt.where(PointEntry.rule_code == f["rule_code"])
        text = query.text.strip()
        if text:
            stmt = stmt.where(
                or_(
                    text_matches(text, Member.name, PointEntry.note, PointEntry.rule_name),
                    and_(Member.search_keys != "", text_matches(text, Member.search_keys)),
                )
            )
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        if query.sort_key is None:  # newest first, as a ledger is read
            stmt = self._select(query).order_by(PointEntry.day.desc(), PointEntry.id.desc())
        else:
            stmt = order_by(self._select(query), _SORT, query, PointEntry.id)
        with self.db.session() as s:
            result = s.execute(stmt.offset(offset).limit(limit)).all()
        return [
            Row(
                r[0],
                (
                    r[0],
                    r[1],
                    r[2],
                    r[3] or "",
                    f"{r[4]} {r[5]}",
                    _signed(r[6]),
                    _note(r[7], r[11]),
                    r[8],
                    _correction(r[9], r[10]),
                ),
            )
            for r in result
        ]


def _signed(points: float) -> str:
    return f"+{rules.points_text(points)}" if points > 0 else rules.points_text(points)


def _note(note: str, source: str) -> str:
    kind, _, number = source.partition(":")
    where = {"meeting": "会议", "volunteer": "志愿服务活动"}.get(kind)
    auto = f"自动（{where} #{number}）" if where else ""
    return "；".join(x for x in (auto, note) if x)


def _correction(reverses: int | None, reversed_by: int | None) -> str:
    if reverses is not None:
        return f"更正第 {reverses} 条"
    if reversed_by is not None:
        return f"已由第 {reversed_by} 条更正"
    return ""
