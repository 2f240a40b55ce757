"""The ledger inside one session: a year's catalogue (made on first use), its settings, what a member
was already given of a rule, and the rows new entries and reversals insert.

Shared by the points service (entries a person makes) and ``automatic`` (entries meetings and
volunteer activities make inside their own transaction), so both follow the same caps and copies.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from govdesk.models.points import PointEntry, PointRule, PointYear
from govdesk.points.rules import BUILT_IN_RULES, DEFAULT_BASE, DEFAULT_WEIGHT, RuleTerms


def terms_of(rule: PointRule) -> RuleTerms:
    return RuleTerms(
        rule.code, rule.name, rule.kind, rule.points, rule.monthly_cap, rule.yearly_cap, rule.veto, rule.automatic
    )


def rules_of(s: Session, year: int) -> list[PointRule]:
    return list(s.scalars(select(PointRule).where(PointRule.year == year).order_by(PointRule.sort_order, PointRule.id)))


def ensure_catalogue(s: Session, year: int) -> list[PointRule]:
    """The year's 积分细则; a year without one gets a copy of the latest earlier year's (or the
    built-in one), so a new year starts with what the village used last year."""
    rules = rules_of(s, year)
    if rules:
        return rules
    earlier = s.scalar(select(func.max(PointRule.year)).where(PointRule.year < year))
    if earlier is not None:
        source = [terms_of(r) for r in rules_of(s, earlier)]
    else:
        source = list(BUILT_IN_RULES)
    made = [
        PointRule(
            year=year,
            code=t.code,
            name=t.name,
            kind=t.kind,
            points=t.points,
            monthly_cap=t.monthly_cap,
            yearly_cap=t.yearly_cap,
            veto=t.veto,
            automatic=t.automatic,
            sort_order=i,
        )
        for i, t in enumerate(source)
    ]
    s.add_all(made)
    s.flush()
    return made


def year_terms(s: Session, year: int) -> tuple[float, float]:
    """(base, weight) of a year: its own settings, else the defaults (100, 0.8)."""
    row = s.get(PointYear, year)
    return (row.base, row.weight) if row is not None else (DEFAULT_BASE, DEFAULT_WEIGHT)


def given_of_rule(s: Session, rule_id: int, day: date, member_ids: Iterable[int]) -> dict[int, tuple[float, float]]:
    """{member: (points of the rule given in day's month, in day's year)}, reversals included: one query."""
    first_of_year, last_of_year = date(day.year, 1, 1), date(day.year, 12, 31)
    first_of_month = day.replace(day=1)
    next_month = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    in_month = (PointEntry.day >= first_of_month) & (PointEntry.day < next_month)
    rows = s.execute(
        select(
            PointEntry.member_id,
            func.coalesce(func.sum(case((in_month, PointEntry.points), else_=0.0)), 0.0),
            func.coalesce(func.sum(PointEntry.points), 0.0),
        )
        .where(PointEntry.member_id.in_(list(member_ids)), PointEntry.rule_id == rule_id)
        .where(PointEntry.day >= first_of_year, PointEntry.day <= last_of_year)
        .group_by(PointEntry.member_id)
    ).all()
    return {member_id: (float(month), float(year)) for member_id, month, year in rows}


def entry_row(
    member_id: int, day: date, rule: PointRule, note: str, recorded_by: str, source: str = ""
) -> dict[str, Any]:
    """The values of a new entry: the rule's code, name, signed points and 一票否决 copied now."""
    return {
        "member_id": member_id,
        "day": day,
        "rule_id": rule.id,
        "rule_code": rule.code,
        "rule_name": rule.name,
        "points": terms_of(rule).signed,
        "veto": rule.veto,
        "note": note,
        "recorded_by": recorded_by,
        "reverses_id": None,
        "source": source,
    }


def reversal_row(entry: Any, note: str, recorded_by: str) -> dict[str, Any]:
    """更正: the opposite points of ``entry`` (a PointEntry or a row with its columns), naming it.

    Dated on the entry's own day, so the month, the year and the caps it counted in are put right;
    when it was made is its ``created_at``."""
    return {
        "member_id": entry.member_id,
        "day": entry.day,
        "rule_id": entry.rule_id,
        "rule_code": entry.rule_code,
        "rule_name": entry.rule_name,
        "points": -entry.points,
        "veto": False,
        "note": note,
        "recorded_by": recorded_by,
        "reverses_id": entry.id,
        "source": entry.source,
    }
