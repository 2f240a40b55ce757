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
    stale, to_give = _compare(by_tag, live_entries(s, source), wanted, day)
    if stale:
        s.execute(insert(PointEntry), [reversal_row(e, "自动更正：出席情况已改", recorded_by) for e in stale])
    rows: list[dict[str, Any]] = []
    capped: dict[int, str] = {}
    for rule, members in to_give.values():
        stopped = _capped(s, rule, day, members)
        capped.update(stopped)
        rows += [entry_row(m, day, rule, "", recorded_by, source) for m in members if m not in stopped]
    if rows:
        s.execute(insert(PointEntry), rows)
    return _notes(s, capped)


def withheld_notes(s: Session, source: str, day: date, wanted: Mapping[int, str]) -> list[str]:
    """After a save: the notes of members ``wanted`` asks points for but ``source`` has not given
    (a cap stood in the way), as ``sync_automatic_entries`` returned them — for the clerk's dialog.
    A read (the catalogue the save used is there already), by the same comparison and cap check."""
    _stale, to_give = _compare(_rules_by_tag(rules_of(s, day.year)), live_entries(s, source), wanted, day)
    capped: dict[int, str] = {}
    for rule, members in to_give.values():
        capped.update(_capped(s, rule, day, members))
    return _notes(s, capped)


def _compare(
    by_tag: Mapping[str, PointRule], live: Mapping[int, list[Any]], wanted: Mapping[int, str], day: date
) -> tuple[list[Any], dict[int, tuple[PointRule, list[int]]]]:
    """The source's standing entries against ``wanted``: those to reverse, and the members to give
    each rule (``{rule id: (rule, members)}``). A tag without a rule, or a rule worth 0, gives nothing."""
    stale: list[Any] = []
    to_give: dict[int, tuple[PointRule, list[int]]] = {}
    for member_id in live.keys() | wanted.keys():
        rule = by_tag.get(wanted.get(member_id, ""))
        target = rule if rule is not None and terms_of(rule).signed != 0 else None
        standing = live.get(member_id, [])
        keep = next((e for e in standing if target is not None and e.rule_id == target.id and e.day == day), None)
        stale += [e for e in standing if e is not keep]
        if target is not None and keep is None:
            to_give.setdefault(target.id, (target, []))[1].append(member_id)
    return stale, to_give


def _capped(s: Session, rule: PointRule, day: date, members: list[int]) -> dict[int, str]:
    """``{member: why}`` for the ``members`` a monthly or yearly cap of ``rule`` stops on ``day``
    (what each was already given of the rule: one query for them all)."""
    if not (rule.monthly_cap or rule.yearly_cap):
        return {}
    terms = terms_of(rule)
    given = given_of_rule(s, rule.id, day, members)
    found = {m: cap_problem(terms, *given.get(m, (0.0, 0.0))) for m in members}
    return {m: why for m, why in found.items() if why is not None}


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
