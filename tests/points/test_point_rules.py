"""The rules of 积分制 (issue G §2), table-driven, each case citing the rule it checks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdesk.points.rules import (
    KIND_ADD,
    KIND_DEDUCT,
    RuleTerms,
    Standing,
    candidates,
    cap_problem,
    commendation_size,
    competition_ranks,
    daily_score,
    rank_by,
    total_score,
)

VOLUNTEER = RuleTerms("A02", "参加志愿服务", KIND_ADD, 2, monthly_cap=10, yearly_cap=60)
GAMBLING = RuleTerms("B05", "参与赌博", KIND_DEDUCT, 10, yearly_cap=20, veto=True)


@pytest.mark.parametrize(
    ("rule", "month", "year", "expected"),
    [
        # 每月上限: reached exactly → refused with the sentence, word for word
        (VOLUNTEER, 10, 10, "本月「参加志愿服务」已加 10 分，已达每月上限 10 分"),
        # below the cap by one step → allowed
        (VOLUNTEER, 8, 8, None),
        # one more would pass the cap though it is not reached yet → refused, saying by how much
        (
            RuleTerms("X", "调解矛盾纠纷", KIND_ADD, 3, monthly_cap=9),
            7,
            7,
            "本月「调解矛盾纠纷」已加 7 分，再加 3 分将超过每月上限 9 分",
        ),
        # 每年上限 holds even in a fresh month
        (VOLUNTEER, 0, 60, "本年「参加志愿服务」已加 60 分，已达每年上限 60 分"),
        # deductions are capped by their size (a signed total of −20)
        (GAMBLING, -20, -20, "本年「参与赌博」已扣 20 分，已达每年上限 20 分"),
        (GAMBLING, -10, -10, None),
        # no cap → never refused
        (RuleTerms("A07", "受到上级表彰", KIND_ADD, 10), 500, 500, None),
    ],
)
def test_caps_per_month_and_year(rule: RuleTerms, month: float, year: float, expected: str | None) -> None:
    assert cap_problem(rule, month, year) == expected


@pytest.mark.parametrize(
    ("base", "additions", "deductions", "expected"),
    [
        (100, 0, 0, "100.0"),  # base only (default 100)
        (100, 12, 5, "107.0"),  # daily = base + additions − deductions
        (80, 2.5, 0, "82.5"),  # a year's own base
        (100, 0, 130, "-30.0"),  # deductions may take it below zero; nothing is clipped
    ],
)
def test_daily_score_is_base_plus_additions_minus_deductions(
    base: float, additions: float, deductions: float, expected: str
) -> None:
    assert daily_score(base, additions, deductions) == Decimal(expected)


@pytest.mark.parametrize(
    ("daily", "assessment", "weight", "expected"),
    [
        (Decimal("105"), 90, 0.8, "102.0"),  # 0.8 × 105 + 0.2 × 90
        (Decimal("100"), 85, 0.7, "95.5"),  # weight set per year
        (Decimal("101.3"), 77, 0.8, "96.4"),  # 81.04 + 15.4 = 96.44 → one decimal
        (Decimal("100.1"), 100, 0.75, "100.1"),  # 75.075 + 25 = 100.075 → 100.1 (half up)
        (Decimal("100"), None, 0.8, "80.0"),  # no assessment counts 0
        (Decimal("110"), 60, 1.0, "110.0"),  # weight 1: daily only
    ],
)
def test_total_is_weighted_daily_and_assessment_one_decimal(
    daily: Decimal, assessment: float | None, weight: float, expected: str
) -> None:
    assert total_score(daily, assessment, weight) == Decimal(expected)


@pytest.mark.parametrize(
    ("scores", "ranks"),
    [
        (["98.0", "98.0", "97.5"], [1, 1, 3]),  # equal totals share a rank, the next skips
        (["99", "98", "98", "98", "90"], [1, 2, 2, 2, 5]),
        (["80"], [1]),
        ([], []),
    ],
)
def test_ties_share_a_rank_and_the_next_skips(scores: list[str], ranks: list[int]) -> None:
    assert competition_ranks([Decimal(x) for x in scores]) == ranks


def test_ranking_per_branch_and_for_the_village() -> None:
    totals = {1: Decimal("90"), 2: Decimal("95"), 3: Decimal("95"), 4: Decimal("80")}
    branch = {1: "一", 2: "一", 3: "二", 4: "二"}
    assert rank_by(list(totals), totals.__getitem__, branch.__getitem__) == {2: 1, 1: 2, 3: 1, 4: 2}
    assert rank_by(list(totals), totals.__getitem__, lambda _m: None) == {2: 1, 3: 1, 1: 3, 4: 4}


def _standing(member: int, rank: int, vetoed: bool = False, status: str | None = "正式党员") -> Standing:
    return Standing(member, rank, vetoed, status)


@pytest.mark.parametrize(
    ("ranking", "size", "chosen", "skipped"),
    [
        # top N, nobody skipped
        ([_standing(1, 1), _standing(2, 2), _standing(3, 3)], 2, [1, 2], {}),
        # 一票否决 that year bars commendation; the next one moves up
        ([_standing(1, 1, vetoed=True), _standing(2, 2), _standing(3, 3)], 2, [2, 3], {1: "一票否决"}),
        # not in full standing at year end: 预备党员, 留党察看, off the roster
        (
            [
                _standing(1, 1, status="预备党员"),
                _standing(2, 2, status="留党察看"),
                _standing(3, 3, status=None),
                _standing(4, 4),
            ],
            1,
            [4],
            {1: "预备党员", 2: "留党察看", 3: "不在党员名册"},
        ),
        # 流动党员 are full members working away: they can be commended
        ([_standing(1, 1, status="流动党员")], 1, [1], {}),
        # a shared rank at the cut is not split
        ([_standing(1, 1), _standing(2, 2), _standing(3, 2), _standing(4, 4)], 2, [1, 2, 3], {}),
    ],
)
def test_commendation_candidates_skip_with_the_reason(
    ranking: list[Standing], size: int, chosen: list[int], skipped: dict[int, str]
) -> None:
    decisions = candidates(ranking, size)
    assert [d.member_id for d in decisions if d.chosen] == chosen
    reasons = {d.member_id: d.reason for d in decisions if not d.chosen}
    assert set(reasons) == set(skipped)
    for member, word in skipped.items():
        assert word in reasons[member]


@pytest.mark.parametrize(
    ("ranked", "top_n", "top_percent", "size"),
    [(40, 5, None, 5), (40, None, 10, 4), (41, None, 10, 5), (3, None, 10, 1), (0, None, 10, 0)],
)
def test_top_n_or_top_percent(ranked: int, top_n: int | None, top_percent: float | None, size: int) -> None:
    assert commendation_size(ranked, top_n, top_percent) == size


# --- properties --------------------------------------------------------------------------------
points = st.decimals(min_value=-50, max_value=50, places=1)


@given(
    st.lists(points, max_size=30),
    st.decimals(min_value=0, max_value=20, places=1),
    st.one_of(st.none(), st.integers(0, 100)),
    st.sampled_from([0.5, 0.7, 0.8, 0.9, 1.0]),
)
def test_a_total_never_decreases_when_an_addition_is_made(
    entries: list[Decimal], addition: Decimal, assessment: int | None, weight: float
) -> None:
    additions = sum((e for e in entries if e > 0), Decimal(0))
    deductions = -sum((e for e in entries if e < 0), Decimal(0))
    before = total_score(daily_score(100, float(additions), float(deductions)), assessment, weight)
    after = total_score(daily_score(100, float(additions + addition), float(deductions)), assessment, weight)
    assert after >= before


@given(st.lists(st.decimals(min_value=0, max_value=150, places=1), max_size=40))
def test_equal_totals_share_a_rank_and_the_next_skips(totals: list[Decimal]) -> None:
    ordered = sorted(totals, reverse=True)
    ranks = competition_ranks(ordered)
    for i, (score, rank) in enumerate(zip(ordered, ranks, strict=True)):
        assert rank == 1 + sum(1 for other in ordered if other > score)  # 1 + how many are strictly better
        if i and score == ordered[i - 1]:
            assert rank == ranks[i - 1]
        elif i:
            assert rank == i + 1  # the next rank skips past the tie
