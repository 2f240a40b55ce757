"""The fair duty-roster generator: one cadre a day, leave respected, fairness explained.

Pure domain (no database, no Qt) so it can be property-tested and benchmarked alone.

Hard rules — broken means an error naming the day, never a silent gap:
  * exactly one cadre every day;
  * no one on a day they are on leave (or not in office).
Soft rules, in this order of importance:
  1. no one two days running (when avoidable);
  2. 工作日, 周末 and 节假日 each balanced across cadres, counting what each served before
     (counts carry over across months and years);
  3. duties spread evenly through the period (the longest-rested cadre goes first).

The result is deterministic: no randomness, ties are broken by the cadres' posted order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from govdesk.errors import GovdeskError
from govdesk.roster.calendar import DAY_KINDS

MAX_REPAIR_ROUNDS = 2000


class RosterError(GovdeskError):
    """The roster cannot be made (a day nobody can serve, a fixed day on leave…)."""


def day_label(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class RosterRequest:
    """Everything the generator needs; ``days`` are consecutive ``(date, kind)`` pairs."""

    days: Sequence[tuple[date, str]]
    cadres: Sequence[int]
    unavailable: Mapping[int, frozenset[date] | set[date]] = field(default_factory=dict)
    fixed: Mapping[date, int] = field(default_factory=dict)
    prior: Mapping[int, Mapping[str, int]] = field(default_factory=dict)
    before: int | None = None  # who served the day before the first day
    after: int | None = None  # who serves the day after the last day (already planned)
    names: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CadreTally:
    """One cadre's counts per kind: before this period, in it, and after — the explanation."""

    cadre_id: int
    before: dict[str, int]
    period: dict[str, int]
    after: dict[str, int]


@dataclass(frozen=True)
class RosterPlan:
    assignments: dict[date, int]
    tallies: list[CadreTally]
    notes: list[str]
    back_to_back: list[date]  # days served by the same cadre as the day before


class _Work:
    """Mutable state of one generation run, indexed by day number."""

    def __init__(self, req: RosterRequest) -> None:
        self.req = req
        self.dates = [d for d, _ in req.days]
        self.kinds = [k for _, k in req.days]
        self.n = len(self.dates)
        self.cadres = list(dict.fromkeys(req.cadres))
        self.order = {c: i for i, c in enumerate(self.cadres)}
        self.name = {c: req.names.get(c, f"#{c}") for c in self.cadres}
        self.assign: list[int | None] = [None] * self.n
        self.locked = [False] * self.n  # fixed by hand or the only one available
        self.avail: list[list[int]] = []
        self.count: dict[int, dict[str, int]] = {
            c: {k: int(req.prior.get(c, {}).get(k, 0)) for k in DAY_KINDS} for c in self.cadres
        }
        self.served: dict[int, list[int]] = {c: [] for c in self.cadres}  # sorted day numbers
        self.notes: list[str] = []
        self.journal: list[tuple[int, int | None]] = []  # (day, previous cadre) for undo

    def rollback(self, mark: int) -> None:
        while len(self.journal) > mark:
            i, old = self.journal.pop()
            if old is None:
                continue
            self.put(i, old)
            self.journal.pop()

    def neighbour(self, i: int) -> tuple[int | None, int | None]:
        left = self.assign[i - 1] if i > 0 else self.req.before
        right = self.assign[i + 1] if i + 1 < self.n else self.req.after
        return left, right

    def adjacent(self, c: int, i: int) -> bool:
        left, right = self.neighbour(i)
        return c == left or c == right

    def put(self, i: int, c: int) -> None:
        old = self.assign[i]
        self.journal.append((i, old))
        if old is not None:
            self.count[old][self.kinds[i]] -= 1
            self.served[old].pop(bisect_left(self.served[old], i))
        self.assign[i] = c
        self.count[c][self.kinds[i]] += 1
        lst = self.served[c]
        lst.insert(bisect_left(lst, i), i)

    def gap(self, c: int, i: int) -> int:
        """Days to the nearest other duty of ``c`` (the rest before/after this day)."""
        lst = self.served[c]
        pos = bisect_left(lst, i)
        best = self.n + 7
        if pos > 0:
            best = i - lst[pos - 1]
        elif self.req.before == c:
            best = i + 1
        if pos < len(lst) and lst[pos] != i:
            best = min(best, lst[pos] - i)
        elif pos + 1 < len(lst):
            best = min(best, lst[pos + 1] - i)
        return best

    def potential(self) -> int:
        """Sum of squared counts: falls whenever a day moves from a busier to a less busy cadre."""
        return sum(v * v for counts in self.count.values() for v in counts.values())

    def spread(self, kind: str) -> int:
        values = [self.count[c][kind] for c in self.cadres]
        return max(values) - min(values) if values else 0


def _prepare(w: _Work) -> None:
    req = w.req
    known = set(w.cadres)
    if not w.cadres:
        raise RosterError("没有在任的值班干部，无法排班：请先在“村组织”中登记村干部")
    for i, d in enumerate(w.dates):
        avail = [c for c in w.cadres if d not in req.unavailable.get(c, ())]
        w.avail.append(avail)
        fixed = req.fixed.get(d)
        if fixed is not None:
            if fixed not in known:
                raise RosterError(f"{day_label(d)}：指定的值班人不在本期值班干部名单中")
            if d in req.unavailable.get(fixed, ()):
                raise RosterError(f"{day_label(d)}：指定的值班人 {w.name[fixed]} 当天请假或不在任，请改派他人")
            w.put(i, fixed)
            w.locked[i] = True
        elif not avail:
            raise RosterError(f"{day_label(d)}：所有值班干部都请假或不在任，当天无人值班，请调整请假或指定值班人")
        elif len(avail) == 1:
            w.put(i, avail[0])
            w.locked[i] = True
            w.notes.append(f"{day_label(d)}：只有 {w.name[avail[0]]} 可以值班（其余请假或不在任）")


def _greedy(w: _Work) -> None:
    weekday_served = {c: [0] * 7 for c in w.cadres}
    for i in range(w.n):
        if w.assign[i] is not None:
            continue
        kind = w.kinds[i]
        wanted_next = _most_deserving(w, i + 1)
        # Anyone rested this long counts as rested; among them, vary the weekday (with seven
        # cadres a plain rotation would give each the same weekday every week).
        rested = max(2, len(w.avail[i]) - 2)
        best = min(
            w.avail[i],
            key=lambda c: (
                w.adjacent(c, i),
                w.count[c][kind],
                c == wanted_next,
                -min(w.gap(c, i), rested),
                weekday_served[c][w.dates[i].weekday()],
                -w.gap(c, i),
                sum(w.count[c].values()),
                w.order[c],
            ),
        )
        w.put(i, best)
        weekday_served[best][w.dates[i].weekday()] += 1


def _most_deserving(w: _Work, i: int) -> int | None:
    """The one cadre clearly owed day ``i`` (fewest of its kind), so the day before leaves them free."""
    if i >= w.n or w.assign[i] is not None:
        return None
    kind = w.kinds[i]
    ranked = sorted(w.avail[i], key=lambda c: w.count[c][kind])
    if len(ranked) >= 2 and w.count[ranked[0]][kind] < w.count[ranked[1]][kind]:
        return ranked[0]
    return None


def _try_move(w: _Work, kind: str, chain: bool = True) -> bool:
    """Give one day of ``kind`` from the most-served cadre to a least-served one, without a back-to-back."""
    by_count = sorted(w.cadres, key=lambda c: (-w.count[c][kind], w.order[c]))
    for hi in by_count:
        for lo in reversed(by_count):
            if w.count[hi][kind] - w.count[lo][kind] < 2:
                break
            best_i, best_gap = -1, -1
            for i in w.served[hi]:
                if w.locked[i] or w.kinds[i] != kind or lo not in w.avail[i] or w.adjacent(lo, i):
                    continue
                g = w.gap(lo, i)
                if g > best_gap:
                    best_i, best_gap = i, g
            if best_i >= 0:
                w.put(best_i, lo)
                return True
            if not chain:
                continue
            for i in list(w.served[hi]):
                if not w.locked[i] and w.kinds[i] == kind and lo in w.avail[i] and _move_freeing_neighbours(w, lo, i):
                    return True
    return False


def _move_freeing_neighbours(w: _Work, lo: int, i: int) -> bool:
    """Give day ``i`` to ``lo`` and hand lo's duty next to it to someone else.

    If that unbalances the neighbouring day's kind, one more direct move may rebalance it; when
    nothing works every change is undone and False returned.
    """
    mark = len(w.journal)
    limits = {k: max(1, w.spread(k)) for k in DAY_KINDS}
    potential = w.potential()
    w.put(i, lo)
    for j in (i - 1, i + 1):
        if not (0 <= j < w.n) or w.assign[j] != lo:
            continue
        kind = w.kinds[j]
        if w.locked[j]:
            w.rollback(mark)
            return False
        for x in sorted(w.avail[j], key=lambda c: (w.count[c][kind], w.order[c])):
            if x == lo or w.adjacent(x, j):
                continue
            inner = len(w.journal)
            w.put(j, x)
            if w.spread(kind) <= limits[kind] or (_try_move(w, kind, chain=False) and w.assign[i] == lo):
                break
            w.rollback(inner)
        else:
            w.rollback(mark)
            return False
    if (
        w.adjacent(lo, i)
        or any(w.spread(k) > limits[k] for k in DAY_KINDS if k != w.kinds[i])
        or w.potential() >= potential
    ):
        w.rollback(mark)
        return False
    return True


def _try_swap(w: _Work, kind: str) -> bool:
    """Two-step balancing: lo takes a day of ``mid`` and mid takes a day of ``hi`` (same kind)."""
    by_count = sorted(w.cadres, key=lambda c: (-w.count[c][kind], w.order[c]))
    for hi in by_count:
        for lo in reversed(by_count):
            if w.count[hi][kind] - w.count[lo][kind] < 2:
                break
            for i in [i for i in w.served[hi] if not w.locked[i] and w.kinds[i] == kind]:
                for mid in w.cadres:
                    if mid in (hi, lo) or mid not in w.avail[i] or w.adjacent(mid, i):
                        continue
                    for j in [j for j in w.served[mid] if not w.locked[j] and w.kinds[j] == kind]:
                        if abs(i - j) <= 1 or lo not in w.avail[j] or w.adjacent(lo, j):
                            continue
                        w.put(i, mid)
                        w.put(j, lo)
                        return True
    return False


def _fix_back_to_back(w: _Work) -> None:
    """Swap a back-to-back day with another day of the same kind (counts stay the same)."""
    for i in range(w.n):
        left, _ = w.neighbour(i)
        c1 = w.assign[i]
        if c1 != left or w.locked[i]:
            continue
        for j in range(w.n):
            c2 = w.assign[j]
            if abs(i - j) <= 1 or w.locked[j] or w.kinds[j] != w.kinds[i] or c2 == c1 or c2 is None:
                continue
            if c2 not in w.avail[i] or c1 not in w.avail[j] or w.adjacent(c2, i) or w.adjacent(c1, j):
                continue
            w.put(i, c2)
            w.put(j, c1)
            break
        else:
            # No swap: hand the day to someone else whose count is lowest, if that avoids the pair.
            kind = w.kinds[i]
            others = [c for c in w.avail[i] if c != c1 and not w.adjacent(c, i)]
            if others:
                w.put(i, min(others, key=lambda c: (w.count[c][kind], w.order[c])))


def generate(req: RosterRequest) -> RosterPlan:
    """Plan the period; raises ``RosterError`` naming the day when a hard rule cannot be kept."""
    w = _Work(req)
    _prepare(w)
    before = {c: dict(w.count[c]) for c in w.cadres}
    for c in w.cadres:  # the explanation's "before" is what was served before this period
        before[c] = {k: int(req.prior.get(c, {}).get(k, 0)) for k in DAY_KINDS}
    _greedy(w)
    _fix_back_to_back(w)
    for _ in range(MAX_REPAIR_ROUNDS):
        if not any(w.spread(k) > 1 and (_try_move(w, k) or _try_swap(w, k)) for k in DAY_KINDS):
            break
    _fix_back_to_back(w)
    return _plan(w, before)


def _plan(w: _Work, before: dict[int, dict[str, int]]) -> RosterPlan:
    assignments = {w.dates[i]: c for i, c in enumerate(w.assign) if c is not None}
    pairs: list[date] = []
    for i in range(w.n):
        left, _ = w.neighbour(i)
        if w.assign[i] == left:
            pairs.append(w.dates[i])
    notes = list(w.notes)
    for d in pairs:
        notes.append(f"{day_label(d)}：{w.name[assignments[d]]} 连续两天值班（可值班的人太少，无法避免）")
    for kind in DAY_KINDS:
        spread = w.spread(kind)
        if spread > 1:
            notes.append(f"{kind}：累计次数最多与最少相差 {spread} 次（受请假、指定或以前的次数所限）")
    tallies = []
    for c in w.cadres:
        period = {k: w.count[c][k] - before[c][k] for k in DAY_KINDS}
        tallies.append(CadreTally(c, before[c], period, dict(w.count[c])))
    return RosterPlan(assignments, tallies, notes, pairs)
