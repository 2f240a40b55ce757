"""五星支部 rules, plain functions (table-driven tests in tests/stars/test_star_rules.py).

- The year's 百分目标: the indicators' points add up to exactly 100, every star has at least one
  indicator, each indicator has a name (unique under its star) and whole positive points
  (``check_catalogue``; refused with the difference named).
- A score lies within 0 and its indicator's points (``check_score``).
- A star is earned when its indicators' scores reach its threshold, a percentage of its points
  (``star_results``); an indicator not yet scored counts 0.
- A quarter compares with the one before it (``compare``): change per star, stars gained and lost.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from govdesk.errors import FieldError, ValidationError
from govdesk.validation import clean_text

STARS: tuple[str, ...] = ("支部过硬", "产业兴旺", "生态宜居", "平安法治", "文明幸福")
TOTAL_POINTS = 100
DEFAULT_THRESHOLD = 80  # percent of a star's points
QUARTERS = (1, 2, 3, 4)
NAME_MAX = 60
_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq季]?\s*([1-4])\s*$")


@dataclass(frozen=True)
class IndicatorInput:
    """One line of a year's catalogue as the editor sends it (``id`` None for a new line)."""

    star: str
    name: str
    points: int
    target: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Indicator:
    id: int
    star: str
    name: str
    points: int
    target: str = ""


def _error(field: str, caption: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, caption, message)])


def check_catalogue(
    indicators: Sequence[IndicatorInput], thresholds: Mapping[str, int]
) -> tuple[list[IndicatorInput], dict[str, int]]:
    """The year's indicators and thresholds, tidied; a ``ValidationError`` naming every problem."""
    errors: list[FieldError] = []
    clean: list[IndicatorInput] = []
    seen: set[tuple[str, str]] = set()
    for n, item in enumerate(indicators, start=1):
        name, star = clean_text(item.name), clean_text(item.star)
        where = f"第 {n} 项"
        if star not in STARS:
            errors.append(FieldError("star", "星", f"{where}的星“{star}”不在五星（{'、'.join(STARS)}）之中"))
        if not name:
            errors.append(FieldError("star_indicator", "指标", f"{where}没有填写指标名称"))
        elif len(name) > NAME_MAX:
            errors.append(FieldError("star_indicator", "指标", f"{where}的指标名称超过 {NAME_MAX} 个字"))
        elif (star, name) in seen:
            errors.append(FieldError("star_indicator", "指标", f"{star}下的指标“{name}”重复"))
        seen.add((star, name))
        points = item.points
        if isinstance(points, bool) or not isinstance(points, int) or points <= 0:
            errors.append(FieldError("star_points", "分值", f"{where}（{name}）的分值应为正整数"))
            points = 0
        clean.append(IndicatorInput(star, name, points, clean_text(item.target), item.id))
    for star in STARS:
        if not any(i.star == star for i in clean):
            errors.append(FieldError("star", "星", f"“{star}”还没有指标，每颗星至少要有一项指标"))
    total = sum(i.points for i in clean)
    if total != TOTAL_POINTS and not any(e.field == "star_points" for e in errors):
        gap = TOTAL_POINTS - total
        more = f"还差 {gap} 分" if gap > 0 else f"多了 {-gap} 分"
        errors.append(
            FieldError("star_points", "分值", f"各项指标分值合计应为 {TOTAL_POINTS} 分，现为 {total} 分，{more}")
        )
    percents: dict[str, int] = {}
    for star in STARS:
        value = thresholds.get(star, DEFAULT_THRESHOLD)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 100:
            errors.append(FieldError("star_threshold", "达标线", f"“{star}”的达标线应在 1% 到 100% 之间"))
        else:
            percents[star] = value
    if errors:
        raise ValidationError(errors)
    return clean, percents


def check_score(value: object, points: int, indicator: str = "") -> float:
    """A score typed or stored: a number from 0 to the indicator's points, kept to one decimal."""
    text = clean_text(str(value)) if value is not None else ""
    try:
        score = float(text)
    except ValueError:
        raise _error("star_score", "得分", f"{indicator}的得分“{text}”不是数字") from None
    if not 0 <= score <= points:
        raise _error("star_score", "得分", f"{indicator}的得分应在 0 到 {points} 分之间，不能是 {text}")
    return round(score, 1)


def threshold_points(points: int, percent: int) -> float:
    """The score a star needs: its points times its threshold (80 % of 20 points = 16)."""
    return round(points * percent / 100, 1)


@dataclass(frozen=True)
class StarResult:
    star: str
    points: int  # the star's full points this year
    score: float
    needed: float
    earned: bool
    scored: int  # indicators with a score
    indicators: int


def star_results(
    indicators: Sequence[Indicator], scores: Mapping[int, float], thresholds: Mapping[str, int]
) -> list[StarResult]:
    """Each star's score, what it needs and whether it is earned, in the order of ``STARS``."""
    results = []
    for star in STARS:
        mine = [i for i in indicators if i.star == star]
        points = sum(i.points for i in mine)
        score = round(sum(scores.get(i.id, 0.0) for i in mine), 1)
        needed = threshold_points(points, thresholds.get(star, DEFAULT_THRESHOLD))
        scored = sum(1 for i in mine if i.id in scores)
        results.append(StarResult(star, points, score, needed, bool(mine) and score >= needed, scored, len(mine)))
    return results


@dataclass(frozen=True)
class QuarterChange:
    """A quarter against the one before: score change per star and in all, stars gained and lost."""

    per_star: dict[str, float]
    total: float
    gained: tuple[str, ...]
    lost: tuple[str, ...]

    def text(self) -> str:
        parts = [f"总分{'+' if self.total >= 0 else ''}{self.total:g}"]
        if self.gained:
            parts.append("新摘" + "、".join(self.gained))
        if self.lost:
            parts.append("失去" + "、".join(self.lost))
        return "，".join(parts)


def compare(current: Sequence[StarResult], previous: Sequence[StarResult] | None) -> QuarterChange | None:
    """The change from the previous quarter; None for the first quarter of a year."""
    if previous is None:
        return None
    before = {r.star: r for r in previous}
    per_star = {r.star: round(r.score - before[r.star].score, 1) for r in current if r.star in before}
    total = round(sum(r.score for r in current) - sum(r.score for r in previous), 1)
    gained = tuple(r.star for r in current if r.earned and not before[r.star].earned)
    lost = tuple(r.star for r in current if not r.earned and before[r.star].earned)
    return QuarterChange(per_star, total, gained, lost)


def parse_quarter(text: object) -> tuple[int, int]:
    """``2026-Q3`` (also 2026Q3, 2026-3) → (2026, 3)."""
    m = _QUARTER.match(str(text or ""))
    if not m or not 2000 <= int(m.group(1)) <= 2100:
        raise _error("quarter", "季度", f"“{text}”不是季度，应写成 年-Q季度，如 2026-Q3")
    return int(m.group(1)), int(m.group(2))


def quarter_name(year: int, quarter: int) -> str:
    return f"{year}年第{'一二三四'[quarter - 1]}季度"
