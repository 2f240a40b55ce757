"""StarService on the demo village: the catalogue, scores, the scorecard and the year view."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from govdesk.changes import Changes
from govdesk.db import Database
from govdesk.errors import GovdeskError, NotFoundError, RefusedError, ValidationError
from govdesk.models.stars import StarIndicator, StarScore
from govdesk.services.stars import StarService
from govdesk.stars.rules import STARS, IndicatorInput


@pytest.fixture
def stars(demo_db: Database) -> StarService:
    return StarService(demo_db)


def _counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return s.scalar(select(func.count(StarIndicator.id))) or 0, s.scalar(select(func.count(StarScore.id))) or 0


def test_demo_has_this_years_catalogue_and_three_quarters(stars: StarService) -> None:
    cat = stars.catalogue(2026)
    assert cat.total == 100 and {i.star for i in cat.indicators} == set(STARS)
    assert [i.star for i in cat.indicators] == sorted((i.star for i in cat.indicators), key=STARS.index)
    (first, _), (second, _) = stars.branches()
    view = stars.year_view(second, 2026)
    assert view.quarters[4] is None and all(view.quarters[q] for q in (1, 2, 3))
    card = stars.scorecard(second, 2026, 2)
    assert "生态宜居" not in card.earned and card.change is not None and card.change.lost == ("生态宜居",)
    assert stars.scorecard(second, 2026, 3).change.gained == ("生态宜居",)  # type: ignore[union-attr]
    assert stars.scorecard(first, 2026, 1).change is None


def test_catalogue_not_summing_to_100_is_refused_and_nothing_changes(stars: StarService, demo_db: Database) -> None:
    before = _counts(demo_db)
    items = [IndicatorInput(star, f"{star}指标", 19) for star in STARS]
    with pytest.raises(ValidationError, match="现为 95 分，还差 5 分"):
        stars.save_catalogue(2027, items, {})
    assert _counts(demo_db) == before


def test_new_year_from_last_years_catalogue_then_edit(stars: StarService) -> None:
    assert stars.copy_catalogue(2026, 2027) == 16
    with pytest.raises(RefusedError, match="已有五星指标"):
        stars.copy_catalogue(2026, 2027)
    cat = stars.catalogue(2027)
    items = [IndicatorInput(i.star, i.name, i.points, i.target, i.id) for i in cat.indicators]
    items[0] = IndicatorInput(items[0].star, items[0].name, items[0].points - 2, "", items[0].id)
    items.append(IndicatorInput("支部过硬", "党员教育", 2, "每月主题党日"))
    stars.save_catalogue(2027, items, {"生态宜居": 75})
    again = stars.catalogue(2027)
    assert again.total == 100 and len(again.indicators) == 17 and again.thresholds["生态宜居"] == 75


def test_a_scored_indicator_can_neither_go_nor_drop_below_its_score(stars: StarService) -> None:
    cat = stars.catalogue(2026)
    items = [IndicatorInput(i.star, i.name, i.points, i.target, i.id) for i in cat.indicators]
    with pytest.raises(RefusedError, match="已有得分，不能删除"):
        stars.save_catalogue(
            2026, [*items[:1], IndicatorInput(items[1].star, "新指标", items[1].points)] + items[2:], {}
        )
    low = [
        IndicatorInput(i.star, i.name, 1 if n == 0 else i.points + (7 if n == 1 else 0), "", i.id)
        for n, i in enumerate(items)
    ]
    with pytest.raises(RefusedError, match="分值不能低于它"):
        stars.save_catalogue(2026, low, {})


def test_scores_are_checked_all_before_any_is_written(stars: StarService, demo_db: Database) -> None:
    branch = stars.branches()[0][0]
    ind = stars.catalogue(2026).indicators
    assert stars.set_scores.writes == Changes.VILLAGE_LIFE  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match=f"0 到 {ind[1].points} 分之间"):
        stars.set_scores(branch, 2026, 4, {ind[0].id: (ind[0].points, "记录"), ind[1].id: (ind[1].points + 1, "")})
    assert stars.scorecard(branch, 2026, 4).lines[0].score is None
    stars.set_scores(branch, 2026, 4, {ind[0].id: ("6.5", "会议记录")})
    card = stars.scorecard(branch, 2026, 4)
    assert card.lines[0].score == 6.5 and card.lines[0].evidence == "会议记录"
    stars.set_scores(branch, 2026, 4, {ind[0].id: ("", "")})  # cleared
    assert stars.scorecard(branch, 2026, 4).lines[0].score is None


@pytest.mark.parametrize("quarter", [0, 5])
def test_bad_quarter_or_branch_refused(stars: StarService, quarter: int) -> None:
    with pytest.raises(GovdeskError):
        stars.set_scores(stars.branches()[0][0], 2026, quarter, {})
    with pytest.raises(NotFoundError):
        stars.branch_named("第九党支部")


@pytest.mark.parametrize(("value", "shown"), [(None, "—"), (2.5, "+2.5"), (0, "0"), (-1.0, "-1")])
def test_a_change_of_score_is_signed(value: float | None, shown: str) -> None:
    from govdesk.services.stars import signed

    assert signed(value) == shown


def test_the_star_table_is_one_line_per_star_then_the_total(stars: StarService) -> None:
    """摘星情况 as both the window and the 通报 show it (Scorecard.star_table)."""
    (_, _), (second, _) = stars.branches()
    card = stars.scorecard(second, 2026, 3)
    table = card.star_table()
    assert [row[0] for row in table] == [*(r.star for r in card.stars), "合计"]
    ecology = next(row for row in table if row[0] == "生态宜居")
    assert ecology[5] == "★ 摘星" and ecology[4].startswith(("+", "-", "0"))
    assert table[-1] == (
        "合计",
        sum(r.points for r in card.stars),
        "",
        f"{card.total:g}",
        f"+{card.change.total:g}" if card.change.total > 0 else f"{card.change.total:g}",  # type: ignore[union-attr]
        f"{len(card.earned)} 颗",
    )
    assert stars.scorecard(second, 2026, 1).star_table()[-1][4] == "—"  # no quarter before to compare
