"""The rules of 积分制, as plain functions (no database, no Qt).

- Caps (每月上限 / 每年上限): an entry that would take a member's points of one rule in the month
  or the year past its cap is refused with one sentence, and nothing is written.
- Daily score (日常积分) = base (基础分, default 100) + additions − deductions.
- Total (综合得分) = weight × daily score + (1 − weight) × assessment (年终测评), one decimal,
  half up (weight 0.8 by default, set per year). A member without an assessment counts 0 for it.
- Ranking: equal totals share a rank and the next rank skips (1, 1, 3).
- Commendation (评优): the top N or top percent, skipping members with a 一票否决 deduction that
  year and members not in full standing at year end (预备党员, 留党察看, off the roster), each with the reason shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from govdesk.vocabulary import VOTING_STATUSES

KIND_ADD = "加分"
KIND_DEDUCT = "扣分"
KINDS = (KIND_ADD, KIND_DEDUCT)

# What awards points by itself: meeting attendance (issue G §3), volunteer activities (issue J).
AUTO_PRESENT = "会议出席"
AUTO_EXCUSED = "会议请假"
AUTO_ABSENT = "会议缺席"
AUTO_VOLUNTEER = "志愿服务"
AUTOMATIC_TAGS = (AUTO_PRESENT, AUTO_EXCUSED, AUTO_ABSENT, AUTO_VOLUNTEER)

DEFAULT_BASE = 100.0
DEFAULT_WEIGHT = 0.8
ASSESSMENT_MIN, ASSESSMENT_MAX = 0.0, 100.0
ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class RuleTerms:
    """One line of a catalogue as the rules need it (the model row, or a built-in default)."""

    code: str
    name: str
    kind: str
    points: float
    monthly_cap: float | None = None
    yearly_cap: float | None = None
    veto: bool = False
    automatic: str = ""

    @property
    def signed(self) -> float:
        """The points an entry of this rule carries: negative for a deduction."""
        return -abs(self.points) if self.kind == KIND_DEDUCT else abs(self.points)


# A sensible first catalogue (common 党员积分制管理 practice) for a village's first year.
BUILT_IN_RULES: tuple[RuleTerms, ...] = (
    RuleTerms("A01", "按时参加组织生活", KIND_ADD, 2, None, None, False, AUTO_PRESENT),
    RuleTerms("A02", "参加志愿服务", KIND_ADD, 2, 10, 60, False, AUTO_VOLUNTEER),
    RuleTerms("A03", "调解矛盾纠纷", KIND_ADD, 3, 9, None),
    RuleTerms("A04", "联系服务群众（党员联户）", KIND_ADD, 1, 4, 40),
    RuleTerms("A05", "提出合理化建议被采纳", KIND_ADD, 3, None, 15),
    RuleTerms("A06", "带头发展产业、带富群众", KIND_ADD, 5, None, 20),
    RuleTerms("A07", "受到上级表彰", KIND_ADD, 10, None, 20),
    RuleTerms("A08", "见义勇为、抢险救灾", KIND_ADD, 5, None, 20),
    RuleTerms("B01", "请假未参加组织生活", KIND_DEDUCT, 0, None, None, False, AUTO_EXCUSED),
    RuleTerms("B02", "无故缺席组织生活", KIND_DEDUCT, 3, None, None, False, AUTO_ABSENT),
    RuleTerms("B03", "未按时交纳党费", KIND_DEDUCT, 2, None, 12),
    RuleTerms("B04", "不履行岗位职责", KIND_DEDUCT, 2, None, None),
    RuleTerms("B05", "参与封建迷信、赌博等活动", KIND_DEDUCT, 10, None, None, True),
    RuleTerms("B06", "受到党纪政务处分", KIND_DEDUCT, 20, None, None, True),
    RuleTerms("B07", "违反计划生育、乱搭乱建等违法行为", KIND_DEDUCT, 10, None, None, True),
)


def points_text(value: float) -> str:
    """10.0 → "10", 2.5 → "2.5": points as a person writes them."""
    return f"{value:g}"


def cap_problem(rule: RuleTerms, month_total: float, year_total: float) -> str | None:
    """Why one more entry of ``rule`` is refused, or None.

    ``month_total`` / ``year_total``: the member's points of this rule already given in the entry's
    month / year (signed, reversals included). Caps count the size of what was given (加 or 扣)."""
    verb = "扣" if rule.kind == KIND_DEDUCT else "加"
    step = abs(rule.signed)
    for period, given, cap in (
        ("本月", abs(month_total), rule.monthly_cap),
        ("本年", abs(year_total), rule.yearly_cap),
    ):
        if cap is None or given + step <= cap + 1e-9:
            continue
        unit = "每月" if period == "本月" else "每年"
        if given + 1e-9 >= cap:
            return f"{period}「{rule.name}」已{verb} {points_text(given)} 分，已达{unit}上限 {points_text(cap)} 分"
        return (
            f"{period}「{rule.name}」已{verb} {points_text(given)} 分，再{verb} {points_text(step)} 分"
            f"将超过{unit}上限 {points_text(cap)} 分"
        )
    return None


def daily_score(base: Decimal | float, additions: float, deductions: float) -> Decimal:
    """基础分 + 加分 − 扣分 (``deductions`` as a positive amount), one decimal."""
    return (_dec(base) + _dec(additions) - _dec(deductions)).quantize(ONE_DECIMAL, ROUND_HALF_UP)


def total_score(daily: Decimal | float, assessment: float | None, weight: Decimal | float) -> Decimal:
    """weight × daily + (1 − weight) × assessment, one decimal, half up (no assessment: 0)."""
    w = _dec(weight)
    score = w * _dec(daily) + (1 - w) * _dec(assessment or 0)
    return score.quantize(ONE_DECIMAL, ROUND_HALF_UP)


def _dec(value: Decimal | float) -> Decimal:
    if value.__class__ is Decimal:
        return value  # type: ignore[return-value]
    return Decimal(int(value)) if value == int(value) else Decimal(str(value))  # whole points: no repr


def assessment_problem(score: float | None) -> str | None:
    if score is None:
        return None
    if not ASSESSMENT_MIN <= score <= ASSESSMENT_MAX:
        return "测评分应在 0 到 100 之间"
    return None


def weight_problem(weight: float) -> str | None:
    return None if 0 <= weight <= 1 else "日常积分所占比例应在 0 到 1 之间（如 0.8）"


K = TypeVar("K", bound=Hashable)


def competition_ranks(scores: Sequence[Decimal]) -> list[int]:
    """Ranks of ``scores`` given in descending order: equal scores share a rank, the next skips (1, 1, 3)."""
    ranks: list[int] = []
    for i, score in enumerate(scores):
        ranks.append(ranks[-1] if i and score == scores[i - 1] else i + 1)
    return ranks


def rank_by(items: Sequence[K], score: Callable[[K], Decimal], group: Callable[[K], Hashable]) -> dict[K, int]:
    """Each item's rank among the items of its group (``group`` returning one value: the whole village)."""
    groups: dict[Hashable, list[K]] = {}
    for item in items:
        groups.setdefault(group(item), []).append(item)
    found: dict[K, int] = {}
    for members in groups.values():
        ordered = sorted(members, key=score, reverse=True)
        found.update(zip(ordered, competition_ranks([score(m) for m in ordered]), strict=True))
    return found


@dataclass(frozen=True)
class Standing:
    """One ranked member as commendation reads them."""

    member_id: int
    rank: int
    vetoed: bool  # a 一票否决 deduction that year (not reversed)
    status_at_year_end: str | None  # None: no longer on the roster


@dataclass(frozen=True)
class CandidateDecision:
    member_id: int
    rank: int
    chosen: bool
    reason: str


def commendation_size(ranked: int, top_n: int | None = None, top_percent: float | None = None) -> int:
    """How many to commend: N, or the percent of the ranked members rounded up (at least one)."""
    if top_n is not None:
        return max(0, top_n)
    if top_percent is not None:
        return max(1, math.ceil(ranked * top_percent / 100 - 1e-9)) if ranked and top_percent > 0 else 0
    return 0


def skip_reason(s: Standing) -> str | None:
    if s.vetoed:
        return "本年度有一票否决扣分，不能评优"
    if s.status_at_year_end is None:
        return "年底已不在党员名册上"
    if s.status_at_year_end not in VOTING_STATUSES:  # 正式党员 (working away or not): full rights
        return f"年底为{s.status_at_year_end}，不是正式党员"
    return None


def candidates(ranking: Sequence[Standing], size: int) -> list[CandidateDecision]:
    """Walk the ranking (best first): skip who cannot be commended (reason shown), choose until ``size``
    are chosen; members tied with the last one chosen are chosen too (a shared rank is not split)."""
    decisions: list[CandidateDecision] = []
    chosen = 0
    last_rank: int | None = None
    for s in sorted(ranking, key=lambda x: (x.rank, x.member_id)):
        if chosen >= size and s.rank != last_rank:
            break
        why = skip_reason(s)
        if why is not None:
            decisions.append(CandidateDecision(s.member_id, s.rank, False, why))
            continue
        chosen += 1
        last_rank = s.rank
        decisions.append(CandidateDecision(s.member_id, s.rank, True, f"第 {s.rank} 名"))
    return decisions
