"""Automatic points: what meeting attendance (and later volunteer activities) gives, kept in step.

Another feature calls ``sync_automatic_entries`` inside its own write transaction, every time it
saves, with everything it wants given for one source (``meeting:12``): saving the same again adds
nothing, a change reverses the old entry and adds the new one (entries are never edited), a member
no longer wanted ends with nothing from the source. Caps apply as for entries made by hand: a
capped member gets no entry and a Chinese note says so, while the caller's save still succeeds.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from govdesk.models import Member
from govdesk.models.points import PointEntry, PointRule
from govdesk.points.ledger import ensure_catalogue, entry_row, given_of_rule, reversal_row, rules_of, terms_of
from govdesk.points.rules import cap_problem

_COLUMNS = (
    PointEntry.id,
    PointEntry.member_id,
    PointEntry.day,
    PointEntry.rule_id,
    PointEntry.rule_code,
    PointEntry.rule_name,
    PointEntry.points,
    PointEntry.reverses_id,
    PointEntry.source,
)


def live_entries(s: Session, source: str) -> dict[int, list[Any]]:
    """{member: entries of ``source`` that stand (neither a reversal nor reversed)}."""
    rows = s.execute(select(*_COLUMNS).where(PointEntry.source == source).order_by(PointEntry.id)).all()
    reversed_ids = {r.reverses_id for r in rows if r.reverses_id is not None}
    live: dict[int, list[Any]] = {}
    for r in rows:
        if r.reverses_id is None and r.id not in reversed_ids:
            live.setdefault(r.member_id, []).append(r)
    return live


def sync_automatic_entries(
    s: Session, source: str, day: date, wanted: Mapping[int, str], recorded_by: str
) -> list[str]:
    """Make the entries of ``source`` be exactly ``wanted`` ({member id: automatic tag}) on ``day``.

    Returns notes in Chinese for members a cap left without their points (empty when all went in).
    A tag without a rule in the year's catalogue gives nothing; a rule worth 0 points writes no entry.
    """
    if not source:
        raise ValueError("an automatic entry needs its source")
    by_tag = _rules_by_tag(ensure_catalogue(s, day.year))
    live = live_entries(s, source)
    reversals: list[dict[str, Any]] = []
    to_give: dict[int, list[int]] = {}  # rule id → members
    for member_id in live.keys() | wanted.keys():
        rule = by_tag.get(wanted.get(member_id, ""))
        target = rule if rule is not None and terms_of(rule).signed != 0 else None
        standing = live.get(member_id, [])
        keep = next((e for e in standing if target is not None and e.rule_id == target.id and e.day == day), None)
        reversals += [reversal_row(e, "自动更正：出席情况已改", recorded_by) for e in standing if e is not keep]
        if target is not None and keep is None:
            to_give.setdefault(target.id, []).append(member_id)
    if reversals:
        s.execute(insert(PointEntry), reversals)
    rules_by_id = {r.id: r for r in by_tag.values()}
    rows: list[dict[str, Any]] = []
    capped: dict[int, str] = {}
    for rule_id, members in to_give.items():
        rule = rules_by_id[rule_id]
        terms = terms_of(rule)
        given = given_of_rule(s, rule_id, day, members) if rule.monthly_cap or rule.yearly_cap else {}
        for member_id in members:
            month, year = given.get(member_id, (0.0, 0.0))
            problem = cap_problem(terms, month, year)
            if problem is not None:
                capped[member_id] = problem
                continue
            rows.append(entry_row(member_id, day, rule, "", recorded_by, source))
    if rows:
        s.execute(insert(PointEntry), rows)
    return _notes(s, capped)


def withheld_notes(s: Session, source: str, day: date, wanted: Mapping[int, str]) -> list[str]:
    """After a save: the notes of members ``wanted`` asks points for but ``source`` has not given
    (a cap stood in the way), as ``sync_automatic_entries`` returned them — for the clerk's dialog.
    A read: the catalogue the save used is there already."""
    by_tag = _rules_by_tag(rules_of(s, day.year))
    live = live_entries(s, source)
    capped: dict[int, str] = {}
    for member_id, tag in wanted.items():
        rule = by_tag.get(tag)
        if rule is None or terms_of(rule).signed == 0:
            continue
        if any(e.rule_id == rule.id and e.day == day for e in live.get(member_id, [])):
            continue
        month, year = given_of_rule(s, rule.id, day, [member_id]).get(member_id, (0.0, 0.0))
        problem = cap_problem(terms_of(rule), month, year)
        if problem is not None:
            capped[member_id] = problem
    return _notes(s, capped)


def _rules_by_tag(rules: list[PointRule]) -> dict[str, PointRule]:
    """The year's rule of each automatic tag (the first in the catalogue's order)."""
    by_tag: dict[str, PointRule] = {}
    for rule in rules:
        if rule.automatic and rule.automatic not in by_tag:
            by_tag[rule.automatic] = rule
    return by_tag


def _notes(s: Session, capped: Mapping[int, str]) -> list[str]:
    if not capped:
        return []
    names: dict[int, str] = {
        i: n for i, n in s.execute(select(Member.id, Member.name).where(Member.id.in_(list(capped))))
    }
    return [f"{names.get(m, m)}：{why}，本次未记积分" for m, why in sorted(capped.items())]
