"""The quorum rule table, boundary by boundary, each row citing its source.

Sources: 《中国共产党支部工作条例（试行）》第十一条 (党员大会); 《村民委员会组织法》第二十二条
(村民会议) and 第二十六条 (村民代表会议); DOMAIN.md's 五议两公开 table for the committees.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdesk.decisions import quorum
from govdesk.decisions.quorum import RULES, Basis, Threshold, evaluate
from govdesk.errors import ValidationError

# rule, should, present, yes, passed, failed check ("" / attendance / votes), source
CASES = [
    # 村民代表会议: ≥ 2/3 present (组织法 art. 26) — "at least", so exactly 2/3 is enough
    ("representatives", 30, 20, 11, True, "", "组织法第二十六条：30 人的三分之二恰为 20，到会 20 人可以开会"),
    ("representatives", 30, 19, 19, False, "attendance", "组织法第二十六条：19 < 20"),
    ("representatives", 31, 21, 11, True, "", "组织法第二十六条：3×21=63 ≥ 62"),
    ("representatives", 31, 20, 20, False, "attendance", "组织法第二十六条：3×20=60 < 62，差 1 人"),
    # …and passes with MORE THAN HALF OF THOSE PRESENT (art. 26) — strictly more
    ("representatives", 30, 20, 10, False, "votes", "组织法第二十六条：10 票恰为到会 20 人的一半，不算过半"),
    ("representatives", 30, 21, 11, True, "", "组织法第二十六条：11 > 21/2"),
    ("representatives", 30, 21, 10, False, "votes", "组织法第二十六条：10 < 10.5"),
    # 党员大会: more than half of voting members present; yes > half of those who SHOULD attend (支部工作条例 art. 11)
    ("party_members", 35, 18, 18, True, "", "支部工作条例第十一条：18 > 17.5 到会；18 > 17.5 赞成"),
    ("party_members", 35, 17, 17, False, "attendance", "支部工作条例第十一条：17 < 17.5，未过半不能开会"),
    (
        "party_members",
        35,
        30,
        17,
        False,
        "votes",
        "支部工作条例第十一条：17 票已过到会 30 人半数，但未过应到 35 人半数",
    ),
    ("party_members", 34, 17, 17, False, "attendance", "支部工作条例第十一条：17 恰为 34 的一半，不算过半"),
    ("party_members", 34, 34, 17, False, "votes", "支部工作条例第十一条：17 恰为应到 34 的一半，不通过"),
    ("party_members", 34, 18, 18, True, "", "支部工作条例第十一条：18 > 17"),
    # 支委会 (DOMAIN.md step 1): more than half of the committee present; passes with > half of the committee
    ("branch_committee", 5, 3, 3, True, "", "DOMAIN.md 第 1 步：3 > 2.5"),
    ("branch_committee", 5, 2, 2, False, "attendance", "DOMAIN.md 第 1 步：2 < 2.5"),
    ("branch_committee", 4, 2, 2, False, "attendance", "DOMAIN.md 第 1 步：2 恰为 4 的一半"),
    ("branch_committee", 4, 4, 2, False, "votes", "DOMAIN.md 第 1 步：2 票恰为全体 4 人一半"),
    ("branch_committee", 4, 3, 3, True, "", "DOMAIN.md 第 1 步：3 > 2"),
    # 两委联席会议 (DOMAIN.md step 2): passes with more than half of ALL two-committee members
    ("two_committees", 7, 7, 4, True, "", "DOMAIN.md 第 2 步：4 > 3.5"),
    ("two_committees", 7, 7, 3, False, "votes", "DOMAIN.md 第 2 步：3 < 3.5，即使全员到会"),
    ("two_committees", 7, 4, 4, True, "", "DOMAIN.md 第 2 步：到会 4 人全票即过全体半数"),
    # 村民会议: more than half of adults present (组织法 art. 22), passes with > half of those present
    ("villagers_adults", 800, 401, 201, True, "", "组织法第二十二条：401 > 400；201 > 200.5"),
    ("villagers_adults", 800, 400, 400, False, "attendance", "组织法第二十二条：400 恰为一半"),
    ("villagers_adults", 800, 401, 200, False, "votes", "组织法第二十二条：200 < 200.5"),
    # …or at least 2/3 of households represented (art. 22)
    ("villagers_households", 300, 200, 101, True, "", "组织法第二十二条：200 恰为 300 户的三分之二"),
    ("villagers_households", 300, 199, 150, False, "attendance", "组织法第二十二条：199 < 200"),
    ("villagers_households", 301, 201, 101, True, "", "组织法第二十二条：3×201=603 ≥ 602"),
    ("villagers_households", 301, 200, 150, False, "attendance", "组织法第二十二条：3×200=600 < 602"),
    # 监委会核议 (local rule, default like a committee)
    ("supervision", 3, 2, 2, True, "", "本地规则：2 > 1.5"),
    ("supervision", 3, 1, 1, False, "attendance", "本地规则：1 < 1.5"),
]


@pytest.mark.parametrize(("rule_id", "should", "present", "yes", "passed", "failed", "source"), CASES)
def test_rule_table(rule_id: str, should: int, present: int, yes: int, passed: bool, failed: str, source: str) -> None:
    v = evaluate(rule_id, should, present, yes, 0, 0)
    assert v.passed is passed, source
    assert (not v.attendance_ok) == (failed == "attendance"), source
    if failed == "votes":
        assert v.attendance_ok and not v.votes_ok, source
    assert bool(v.failure) == (not passed), source
    assert v.rule.source  # every rule cites where it comes from


def test_failure_message_says_which_rule_and_by_how_much() -> None:
    v = evaluate("representatives", 31, 20, 15)
    assert v.failure == "实到 20 人，不足应到 31 人的三分之二（需 ≥ 21 人），差 1 人"
    assert v.figures == "应到 31 人 · 实到 20 人 · 需 ≥ 21 人"
    v = evaluate("party_members", 35, 30, 17)
    assert v.failure == "赞成 17 票，未超过应到会有表决权党员 35 人的半数（需 ≥ 18 票），差 1 票"
    v = evaluate("party_members", 35, 15, 15)
    assert v.failure == "实到 15 人，未超过应到 35 人的半数（需 ≥ 18 人），差 3 人"
    v = evaluate("villagers_households", 300, 150, 100)
    assert v.failure.startswith("实到 150 户，不足应到 300 户的三分之二（需 ≥ 200 户）")


def test_pass_base_follows_the_rule_basis() -> None:
    assert evaluate("party_members", 35, 20, 0).pass_base == 35  # of those who should attend
    assert evaluate("representatives", 30, 24, 0).pass_base == 24  # of those present
    assert evaluate("two_committees", 7, 5, 0).pass_base == 7  # of all members
    assert RULES["two_committees"].passing.basis is Basis.ALL


def test_nobody_should_attend_fails_with_a_reason() -> None:
    v = evaluate("supervision", 0, 0, 0)
    assert not v.passed and "名册中没有监委会成员" in v.failure


@pytest.mark.parametrize(
    ("present", "yes", "no", "abstain", "field"),
    [(32, 0, 0, 0, "present"), (20, 15, 4, 2, "yes_votes"), (-1, 0, 0, 0, "present")],
)
def test_impossible_figures_are_input_errors(present: int, yes: int, no: int, abstain: int, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        evaluate("representatives", 31, present, yes, no, abstain)
    assert err.value.for_field(field)


@settings(max_examples=100, deadline=None)
@given(
    base=st.integers(min_value=0, max_value=10_000),
    frac=st.sampled_from([(1, 2), (2, 3), (1, 3), (3, 4)]),
    strict=st.booleans(),
)
def test_minimum_is_the_smallest_count_that_meets_the_threshold(base: int, frac: tuple[int, int], strict: bool) -> None:
    t = Threshold(frac[0], frac[1], strict, Basis.SHOULD)
    k = t.minimum(base)
    assert t.met(k, base)
    assert k == 0 or not t.met(k - 1, base)


def test_every_rule_has_a_body_and_a_seat() -> None:
    seats = {
        quorum.SEAT_BRANCH_COMMITTEE,
        quorum.SEAT_TWO_COMMITTEES,
        quorum.SEAT_VOTING_MEMBERS,
        quorum.SEAT_REPRESENTATIVES,
        quorum.SEAT_SUPERVISION,
        quorum.SEAT_ADULTS,
        quorum.SEAT_HOUSEHOLDS,
    }
    for r in RULES.values():
        assert r.body and r.seat in seats
