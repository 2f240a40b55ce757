"""五星支部 rules, table-driven (govdesk.stars.rules)."""

from __future__ import annotations

import pytest

from govdesk.errors import ValidationError
from govdesk.stars.rules import (
    STARS,
    Indicator,
    IndicatorInput,
    check_catalogue,
    check_score,
    compare,
    parse_quarter,
    star_results,
    threshold_points,
)


def catalogue(points: tuple[int, ...] = (20, 20, 20, 20, 20)) -> list[IndicatorInput]:
    return [IndicatorInput(star, f"{star}指标", p) for star, p in zip(STARS, points, strict=True)]


# Rule: the year's indicators' points add up to exactly 100, the difference named when not.
@pytest.mark.parametrize(
    ("points", "message"),
    [
        ((20, 20, 20, 20, 20), None),
        ((30, 25, 15, 15, 15), None),
        ((20, 20, 20, 20, 15), "现为 95 分，还差 5 分"),
        ((20, 20, 20, 20, 27), "现为 107 分，多了 7 分"),
        ((20, 20, 20, 20, 0), "分值应为正整数"),
    ],
)
def test_points_sum_to_one_hundred(points: tuple[int, ...], message: str | None) -> None:
    if message is None:
        clean, thresholds = check_catalogue(catalogue(points), {})
        assert sum(i.points for i in clean) == 100
        assert thresholds == dict.fromkeys(STARS, 80)
    else:
        with pytest.raises(ValidationError, match=message):
            check_catalogue(catalogue(points), {})


# Rule: every star has an indicator; names are given and unique under a star; stars are the five.
@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([IndicatorInput("支部过硬", "a", 60), IndicatorInput("产业兴旺", "b", 40)], "“生态宜居”还没有指标"),
        ([*catalogue((20, 20, 20, 20, 10)), IndicatorInput("文明幸福", "文明幸福指标", 10)], "重复"),
        ([*catalogue((20, 20, 20, 20, 10)), IndicatorInput("文明幸福", "  ", 10)], "没有填写指标名称"),
        ([*catalogue((20, 20, 20, 20, 10)), IndicatorInput("六星", "x", 10)], "不在五星"),
    ],
)
def test_catalogue_refusals(items: list[IndicatorInput], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_catalogue(items, {})


# Rule: a threshold is a percentage from 1 to 100.
@pytest.mark.parametrize(("percent", "ok"), [(80, True), (100, True), (1, True), (0, False), (101, False)])
def test_threshold_percent(percent: int, ok: bool) -> None:
    if ok:
        assert check_catalogue(catalogue(), {"产业兴旺": percent})[1]["产业兴旺"] == percent
    else:
        with pytest.raises(ValidationError, match="达标线"):
            check_catalogue(catalogue(), {"产业兴旺": percent})


# Rule: a score lies within 0 and the indicator's points.
@pytest.mark.parametrize(
    ("value", "points", "expected"),
    [("8", 10, 8.0), ("0", 10, 0.0), ("10", 10, 10.0), ("7.25", 10, 7.2), (" ８.5 ".replace("８", "8"), 10, 8.5)],
)
def test_score_within_points(value: str, points: int, expected: float) -> None:
    assert check_score(value, points) == expected


@pytest.mark.parametrize(("value", "message"), [("11", "0 到 10 分之间"), ("-1", "0 到 10 分之间"), ("八", "不是数字")])
def test_score_refused(value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_score(value, 10, "党建阵地")


INDICATORS = [
    Indicator(1, "支部过硬", "a", 12),
    Indicator(2, "支部过硬", "b", 8),
    Indicator(3, "产业兴旺", "c", 20),
    Indicator(4, "生态宜居", "d", 20),
    Indicator(5, "平安法治", "e", 20),
    Indicator(6, "文明幸福", "f", 20),
]


# Rule: a star is earned when its indicators' scores reach its threshold (a share of its points).
@pytest.mark.parametrize(
    ("scores", "thresholds", "earned"),
    [
        ({1: 10, 2: 6, 3: 16, 4: 16, 5: 16, 6: 16}, {}, set(STARS)),  # 16 of 20 = exactly 80 %
        ({1: 10, 2: 5.9, 3: 16, 4: 15.9, 5: 20, 6: 0}, {}, {"产业兴旺", "平安法治"}),
        ({1: 12, 2: 8}, {}, {"支部过硬"}),  # an indicator not scored counts 0
        ({1: 9, 2: 6, 3: 17}, {"支部过硬": 75, "产业兴旺": 90}, {"支部过硬"}),
    ],
)
def test_star_earned_at_threshold(scores: dict[int, float], thresholds: dict[str, int], earned: set[str]) -> None:
    results = star_results(INDICATORS, scores, thresholds)
    assert {r.star for r in results if r.earned} == earned
    assert [r.star for r in results] == list(STARS)
    assert results[0].points == 20


@pytest.mark.parametrize(("points", "percent", "needed"), [(20, 80, 16.0), (15, 80, 12.0), (7, 75, 5.2)])
def test_threshold_points(points: int, percent: int, needed: float) -> None:
    assert threshold_points(points, percent) == needed


# Rule: a quarter compares with the one before: change per star and in all, stars gained and lost.
def test_change_from_last_quarter() -> None:
    before = star_results(INDICATORS, {1: 12, 2: 8, 3: 16, 4: 10, 5: 16, 6: 16}, {})
    now = star_results(INDICATORS, {1: 10, 2: 5, 3: 16, 4: 17, 5: 16, 6: 16}, {})
    change = compare(now, before)
    assert change is not None
    assert change.per_star["支部过硬"] == -5.0 and change.per_star["生态宜居"] == 7.0
    assert change.total == 2.0
    assert change.lost == ("支部过硬",) and change.gained == ("生态宜居",)
    assert change.text() == "总分+2，新摘生态宜居，失去支部过硬"
    assert compare(now, None) is None


@pytest.mark.parametrize(
    ("text", "expected"), [("2026-Q3", (2026, 3)), ("2026Q1", (2026, 1)), ("2026-4", (2026, 4)), ("2026-q2", (2026, 2))]
)
def test_parse_quarter(text: str, expected: tuple[int, int]) -> None:
    assert parse_quarter(text) == expected


@pytest.mark.parametrize("text", ["2026-Q5", "2026", "Q3", "1999-Q1", ""])
def test_parse_quarter_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="季度"):
        parse_quarter(text)
