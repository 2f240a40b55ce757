"""五星支部: the year's catalogue (百分目标) and each branch's quarterly scores, read and written.

The rules (100 points, scores within an indicator's points, thresholds, change from the last
quarter) are ``govdesk.stars.rules``; this service reads and writes them, each method in its
own session. Prints and the Excel export are ``stars_report``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.models import OrgUnit
from govdesk.models.org import ORG_BRANCH
from govdesk.models.stars import StarIndicator, StarScore, StarThreshold
from govdesk.stars.rules import (
    DEFAULT_THRESHOLD,
    QUARTERS,
    STARS,
    Indicator,
    IndicatorInput,
    QuarterChange,
    StarResult,
    check_catalogue,
    check_score,
    compare,
    quarter_name,
    star_results,
)


@dataclass(frozen=True)
class Catalogue:
    year: int
    indicators: list[Indicator]
    thresholds: dict[str, int]

    @property
    def total(self) -> int:
        return sum(i.points for i in self.indicators)


@dataclass(frozen=True)
class ScoreLine:
    indicator: Indicator
    score: float | None
    evidence: str


@dataclass(frozen=True)
class Scorecard:
    """One branch in one quarter: every indicator's score, each star's result, the change."""

    branch_id: int
    branch: str
    year: int
    quarter: int
    lines: list[ScoreLine]
    stars: list[StarResult]
    change: QuarterChange | None

    @property
    def total(self) -> float:
        return round(sum(r.score for r in self.stars), 1)

    @property
    def earned(self) -> list[str]:
        return [r.star for r in self.stars if r.earned]

    @property
    def title(self) -> str:
        return f"{self.branch}{quarter_name(self.year, self.quarter)}"

    def summary(self) -> str:
        """得分、摘星、较上季度 in one sentence: the 通报's opening line and the window's summary."""
        earned = self.earned
        stars = f"摘星 {len(earned)} 颗（{'、'.join(earned)}）" if earned else "本季度未摘星"
        text = f"{self.title}得分 {self.total:g} 分，{stars}"
        if self.change is not None:
            text += f"；较上季度{self.change.text()}"
        missing = [r.star for r in self.stars if r.scored < r.indicators]
        if missing:
            text += f"。尚有未评分的指标（{'、'.join(missing)}），按 0 分计"
        return text + "。"

    def star_table(self) -> list[tuple[object, ...]]:
        """摘星情况 as the window and the 通报 show it: per star (星, 分值, 达标分, 得分, 较上季度,
        结果), then 合计."""
        change = self.change.per_star if self.change else {}
        rows: list[tuple[object, ...]] = [
            (
                r.star,
                r.points,
                f"{r.needed:g}",
                f"{r.score:g}",
                signed(change.get(r.star)),
                "★ 摘星" if r.earned else "未达标",
            )
            for r in self.stars
        ]
        total_change = signed(self.change.total if self.change else None)
        rows.append(
            ("合计", sum(r.points for r in self.stars), "", f"{self.total:g}", total_change, f"{len(self.earned)} 颗")
        )
        return rows


def signed(value: float | None) -> str:
    """A change of score: +2.5, -1, 0; — when there is nothing to compare with."""
    if value is None:
        return "—"
    return f"+{value:g}" if value > 0 else f"{value:g}"


@dataclass(frozen=True)
class YearView:
    """A branch's four quarters side by side (quarters without any score are None)."""

    branch: str
    year: int
    quarters: dict[int, list[StarResult] | None]


def _check_quarter(quarter: int) -> None:
    if quarter not in QUARTERS:
        raise ValidationError([FieldError("quarter", "季度", "季度应为 1 到 4")])


class StarService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- the branches scored ------------------------------------------------------------
    def branches(self) -> list[tuple[int, str]]:
        """The 党支部 in their order (a single-branch village has one)."""
        with self.db.session() as s:
            rows = s.execute(
                select(OrgUnit.id, OrgUnit.name)
                .where(OrgUnit.kind == ORG_BRANCH)
                .order_by(OrgUnit.sort_order, OrgUnit.id)
            ).all()
        return [(r[0], r[1]) for r in rows]

    def branch_named(self, name: str) -> int:
        for branch_id, branch in self.branches():
            if branch == name.strip():
                return branch_id
        names = "、".join(n for _i, n in self.branches()) or "（还没有党支部）"
        raise NotFoundError(f"没有名为“{name}”的党支部；现有：{names}")

    # --- the catalogue --------------------------------------------------------------------
    def years(self) -> list[int]:
        with self.db.session() as s:
            return list(s.scalars(select(StarIndicator.year).distinct().order_by(StarIndicator.year)))

    def catalogue(self, year: int) -> Catalogue:
        with self.db.session() as s:
            return _catalogue(s, year)

    @writes(Changes.VILLAGE_LIFE)
    def save_catalogue(self, year: int, indicators: Sequence[IndicatorInput], thresholds: Mapping[str, int]) -> None:
        """Replace the year's 百分目标 (checked: 100 points in all). An indicator already scored may
        be renamed or re-pointed, but not below a score it has, and not removed."""
        clean, percents = check_catalogue(indicators, thresholds)
        with self.db.transaction() as s:
            existing = {i.id: i for i in s.scalars(select(StarIndicator).where(StarIndicator.year == year))}
            best = dict(
                s.execute(
                    select(StarScore.indicator_id, func.max(StarScore.score))
                    .where(StarScore.indicator_id.in_(list(existing)))
                    .group_by(StarScore.indicator_id)
                ).all()
            )
            kept = {i.id for i in clean if i.id is not None}
            unknown = kept - set(existing)
            if unknown:
                raise NotFoundError("有的指标已不存在，请重新打开指标目录")
            for gone in set(existing) - kept:
                if gone in best:
                    raise RefusedError(f"指标“{existing[gone].name}”已有得分，不能删除（可修改名称和分值）")
                s.delete(existing[gone])
            s.flush()
            for order, item in enumerate(clean):
                if item.id is not None and best.get(item.id, 0) > item.points:
                    raise RefusedError(
                        f"指标“{item.name}”已有 {best[item.id]:g} 分的得分，分值不能低于它（现填 {item.points} 分）"
                    )
                row = existing[item.id] if item.id is not None else StarIndicator(year=year)
                row.star, row.name, row.target, row.points, row.sort_order = (
                    item.star,
                    item.name,
                    item.target,
                    item.points,
                    order,
                )
                s.add(row)
            s.execute(delete(StarThreshold).where(StarThreshold.year == year))
            s.add_all(StarThreshold(year=year, star=star, percent=p) for star, p in percents.items())

    @writes(Changes.VILLAGE_LIFE)
    def copy_catalogue(self, from_year: int, to_year: int) -> int:
        """Start a year from another year's catalogue (a year that has none yet)."""
        source = self.catalogue(from_year)
        if not source.indicators:
            raise NotFoundError(f"{from_year}年还没有五星指标")
        if self.catalogue(to_year).indicators:
            raise RefusedError(f"{to_year}年已有五星指标，请直接修改")
        items = [IndicatorInput(i.star, i.name, i.points, i.target) for i in source.indicators]
        self.save_catalogue(to_year, items, source.thresholds)
        return len(items)

    # --- scores -----------------------------------------------------------------------------
    @writes(Changes.VILLAGE_LIFE)
    def set_scores(self, branch_id: int, year: int, quarter: int, scores: Mapping[int, tuple[object, str]]) -> None:
        """Record a quarter's scores ``{indicator id: (score, evidence)}``; an empty score clears it.
        All are checked before any is written."""
        _check_quarter(quarter)
        with self.db.transaction() as s:
            branch = s.get(OrgUnit, branch_id)
            if branch is None or branch.kind != ORG_BRANCH:
                raise NotFoundError("找不到这个党支部")
            indicators = {i.id: i for i in s.scalars(select(StarIndicator).where(StarIndicator.year == year))}
            checked: dict[int, tuple[float | None, str]] = {}
            for indicator_id, (value, evidence) in scores.items():
                indicator = indicators.get(indicator_id)
                if indicator is None:
                    raise NotFoundError(f"{year}年的指标目录里没有这项指标，请刷新后再填")
                blank = value is None or str(value).strip() == ""
                score = None if blank else check_score(value, indicator.points, indicator.name)
                checked[indicator_id] = (score, str(evidence or "").strip())
            stored = {
                r.indicator_id: r
                for r in s.scalars(
                    select(StarScore).where(
                        StarScore.branch_id == branch_id,
                        StarScore.quarter == quarter,
                        StarScore.indicator_id.in_(list(checked)),
                    )
                )
            }
            for indicator_id, (score, evidence) in checked.items():
                row = stored.get(indicator_id)
                if score is None:
                    if row is not None:
                        s.delete(row)
                    continue
                if row is None:
                    row = StarScore(branch_id=branch_id, indicator_id=indicator_id, quarter=quarter)
                    s.add(row)
                row.score, row.evidence = score, evidence

    def scorecard(self, branch_id: int, year: int, quarter: int) -> Scorecard:
        _check_quarter(quarter)
        with self.db.session() as s:
            branch = s.get(OrgUnit, branch_id)
            if branch is None:
                raise NotFoundError("找不到这个党支部")
            cat = _catalogue(s, year)
            rows = _scores(s, branch_id, year, [quarter, quarter - 1])
        mine = {k: v for (q, k), v in rows.items() if q == quarter}
        lines = [
            ScoreLine(i, mine[i.id][0] if i.id in mine else None, mine.get(i.id, (0, ""))[1]) for i in cat.indicators
        ]
        stars = star_results(cat.indicators, {k: v[0] for k, v in mine.items()}, cat.thresholds)
        before = {k: v[0] for (q, k), v in rows.items() if q == quarter - 1}
        previous = star_results(cat.indicators, before, cat.thresholds) if before else None
        return Scorecard(branch_id, branch.name, year, quarter, lines, stars, compare(stars, previous))

    def year_view(self, branch_id: int, year: int) -> YearView:
        with self.db.session() as s:
            branch = s.get(OrgUnit, branch_id)
            if branch is None:
                raise NotFoundError("找不到这个党支部")
            cat = _catalogue(s, year)
            rows = _scores(s, branch_id, year, list(QUARTERS))
        quarters: dict[int, list[StarResult] | None] = {}
        for q in QUARTERS:
            mine = {k: v[0] for (qq, k), v in rows.items() if qq == q}
            quarters[q] = star_results(cat.indicators, mine, cat.thresholds) if mine else None
        return YearView(branch.name, year, quarters)


def _catalogue(s: Session, year: int) -> Catalogue:
    rows = s.scalars(
        select(StarIndicator).where(StarIndicator.year == year).order_by(StarIndicator.sort_order, StarIndicator.id)
    ).all()
    order = {star: n for n, star in enumerate(STARS)}
    indicators = sorted(
        (Indicator(r.id, r.star, r.name, r.points, r.target) for r in rows), key=lambda i: order.get(i.star, 9)
    )
    thresholds = {star: DEFAULT_THRESHOLD for star in STARS}
    thresholds.update(
        dict(s.execute(select(StarThreshold.star, StarThreshold.percent).where(StarThreshold.year == year)).all())
    )
    return Catalogue(year, indicators, thresholds)


def _scores(s: Session, branch_id: int, year: int, quarters: list[int]) -> dict[tuple[int, int], tuple[float, str]]:
    rows = s.execute(
        select(StarScore.quarter, StarScore.indicator_id, StarScore.score, StarScore.evidence)
        .join(StarIndicator, StarIndicator.id == StarScore.indicator_id)
        .where(StarScore.branch_id == branch_id, StarIndicator.year == year, StarScore.quarter.in_(quarters))
    ).all()
    return {(q, i): (score, evidence) for q, i, score, evidence in rows}
