"""The points service on a real file: catalogue per year, entries with caps, 更正, assessments, ranking."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from govdesk.changes import Changes, feed_of
from govdesk.errors import RefusedError, ValidationError
from govdesk.models import Member
from govdesk.models.points import PointEntry
from govdesk.points.rules import BUILT_IN_RULES, KIND_ADD, RuleTerms
from govdesk.services.listing import ListQuery
from govdesk.services.points import EntryInput, PointService
from tests.points.conftest import Village2

TODAY = datetime(2026, 11, 23, 9, 0)


@pytest.fixture
def points(village: Village2) -> PointService:
    return PointService(village.db, clock=lambda: TODAY)


def _rule(points: PointService, year: int, code: str) -> int:
    return next(r.id for r in points.open_year(year) if r.code == code)


def _entries(points: PointService) -> int:
    with points.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(PointEntry)) or 0)


def test_a_new_year_copies_the_previous_years_catalogue(points: PointService) -> None:
    first = points.open_year(2025)
    assert [r.code for r in first] == [t.code for t in BUILT_IN_RULES]  # the first year: built in
    edited = [r.terms() for r in first][:3] + [RuleTerms("C01", "村级特色加分", KIND_ADD, 4, None, 8)]
    points.save_rules(2025, edited)
    assert [r.code for r in points.open_year(2026)] == ["A01", "A02", "A03", "C01"]
    assert points.rules(2025) != [] and points.open_year(2026) == points.rules(2026)  # made once


def test_the_cap_refuses_with_its_sentence_and_writes_nothing(points: PointService, village: Village2) -> None:
    volunteer = _rule(points, 2026, "A02")  # 参加志愿服务: 2 points, at most 10 a month
    member = village.members[0]
    for day in range(1, 6):
        points.add_entry(EntryInput(member, date(2026, 5, day), volunteer, "清扫河道", "李会计"))
    with pytest.raises(RefusedError) as refused:
        points.add_entry(EntryInput(member, date(2026, 5, 20), volunteer, "", "李会计"))
    assert str(refused.value) == "本月「参加志愿服务」已加 10 分，已达每月上限 10 分"
    assert _entries(points) == 5
    points.add_entry(EntryInput(member, date(2026, 6, 1), volunteer, "", "李会计"))  # a new month
    points.add_entry(EntryInput(village.members[1], date(2026, 5, 20), volunteer, "", "李会计"))  # another member


def test_a_correction_reverses_once_and_frees_the_cap(points: PointService, village: Village2) -> None:
    volunteer = _rule(points, 2026, "A02")
    member = village.members[0]
    ids = [points.add_entry(EntryInput(member, date(2026, 5, d), volunteer, "", "李会计")) for d in range(1, 6)]
    reversal = points.reverse(ids[0], "重复登记", "张书记")
    with points.db.session() as s:
        row = s.get(PointEntry, reversal)
        assert row is not None and (row.points, row.reverses_id, row.day) == (-2, ids[0], date(2026, 5, 1))
    with pytest.raises(RefusedError, match=f"已由第 {reversal} 条更正过"):
        points.reverse(ids[0], "再更正", "张书记")
    with pytest.raises(RefusedError, match="本身是更正记录"):
        points.reverse(reversal, "撤销更正", "张书记")
    with pytest.raises(ValidationError, match="更正原因"):
        points.reverse(ids[1], "", "张书记")
    points.add_entry(EntryInput(member, date(2026, 5, 20), volunteer, "", "李会计"))  # room again under the cap
    page = points.page(ListQuery(filters={"member_id": member}), 0, 20)
    corrections = {row.id: row.values[-1] for row in page}
    assert corrections[ids[0]] == f"已由第 {reversal} 条更正" and corrections[reversal] == f"更正第 {ids[0]} 条"


def test_an_entry_is_checked_before_anything_is_written(points: PointService, village: Village2) -> None:
    rule = _rule(points, 2026, "A03")
    member, newcomer = village.members[0], village.members[9]
    with points.db.transaction() as s:
        s.get(Member, newcomer).joined_on = date(2026, 6, 1)
    cases = [
        (EntryInput(None, date(2026, 5, 1), rule, "", "李"), "请选择党员"),
        (EntryInput(member, date(2026, 12, 1), rule, "", "李"), "不能晚于今天"),
        (EntryInput(member, date(2025, 5, 1), rule, "", "李"), "不是 2025 年的积分细则"),
        (EntryInput(member, date(2026, 5, 1), rule, "", " "), "请填写记录人"),
        (EntryInput(newcomer, date(2026, 5, 1), rule, "", "李"), "不在党员名册上"),
    ]
    for data, message in cases:
        with pytest.raises(ValidationError, match=message):
            points.add_entry(data)
    assert _entries(points) == 0


def test_writes_are_announced_as_points(points: PointService, village: Village2) -> None:
    seen: list[Changes] = []
    feed_of(points.db).listen(seen.append)
    rule = _rule(points, 2026, "A03")
    assert seen == [Changes.POINTS]  # the year's catalogue was made
    points.open_year(2026)
    assert seen == [Changes.POINTS]  # opening it again writes nothing, announces nothing
    points.add_entry(EntryInput(village.members[0], date(2026, 5, 1), rule, "", "李"))
    assert seen == [Changes.POINTS, Changes.POINTS]


def test_ranking_with_weights_ties_branches_and_candidates(points: PointService, village: Village2) -> None:
    m = village.members
    mediate, gambling = _rule(points, 2026, "A03"), _rule(points, 2026, "B05")  # +3; −10 一票否决
    for member, times in ((m[0], 2), (m[1], 2), (m[2], 1), (m[6], 3)):
        for d in range(times):
            points.add_entry(EntryInput(member, date(2026, 3, 1 + d), mediate, "", "李"))
    points.add_entry(EntryInput(m[3], date(2026, 4, 1), gambling, "", "李"))
    wrong = points.add_entry(EntryInput(m[4], date(2026, 4, 1), gambling, "", "李"))
    points.reverse(wrong, "记错人了", "张书记")  # a reversed 一票否决 no longer bars
    points.set_year_terms(2026, 100, 0.8)
    points.save_assessments(2026, {m[0]: 90, m[1]: 90, m[2]: 95, m[6]: 80})
    with points.db.transaction() as s:  # m[1] made full only in December: 预备党员 at year end
        s.get(Member, m[1]).full_on = date(2026, 12, 20)
        s.get(Member, m[2]).status = "留党察看"

    ranking = points.ranking(2026)
    line = {x.member_id: x for x in ranking.lines}
    assert ranking.through == date(2026, 11, 23)  # the year still runs: counted to today
    assert (line[m[0]].daily, line[m[0]].total) == (Decimal("106.0"), Decimal("102.8"))  # 0.8×106 + 0.2×90
    assert line[m[6]].total == Decimal("103.2")  # 0.8×109 + 0.2×80
    assert line[m[3]].total == Decimal("72.0") and line[m[3]].vetoed and not line[m[4]].vetoed
    assert (line[m[6]].rank, line[m[0]].rank, line[m[1]].rank, line[m[2]].rank) == (1, 2, 2, 4)  # 1, 2, 2, 4
    assert (line[m[0]].branch_rank, line[m[6]].branch_rank) == (1, 1)  # per branch
    assert len(points.ranking(2026, branch_id=village.branches[1]).lines) == 4

    chosen = points.candidates(2026, top_n=2)
    decided = {c.line.member_id: (c.chosen, c.reason) for c in chosen}
    assert decided[m[6]][0] and decided[m[0]][0]
    assert not decided[m[1]][0] and "预备党员" in decided[m[1]][1]
    assert [c.line.member_id for c in chosen if c.chosen] == [m[6], m[0]]
    assert m[2] not in decided  # rank 4, below the cut: not considered
    three = {c.line.member_id: c for c in points.candidates(2026, top_n=3)}
    assert not three[m[2]].chosen and "留党察看" in three[m[2]].reason
    tied_fifth = {m[4], m[5], m[7], m[8], m[9]}  # all at 80.0: the shared rank is not split
    assert {k for k, c in three.items() if c.chosen} == {m[6], m[0]} | tied_fifth
    vetoed = points.candidates(2026, top_n=len(m))
    assert "一票否决" in {c.line.member_id: c.reason for c in vetoed}[m[3]]


def test_quarter_ranking_counts_points_up_to_the_quarters_end(points: PointService, village: Village2) -> None:
    mediate = _rule(points, 2026, "A03")
    points.add_entry(EntryInput(village.members[0], date(2026, 3, 31), mediate, "", "李"))
    points.add_entry(EntryInput(village.members[0], date(2026, 4, 1), mediate, "", "李"))
    q1 = {x.member_id: x for x in points.ranking(2026, quarter=1).lines}
    assert q1[village.members[0]].additions == 3 and points.ranking(2026, quarter=1).through == date(2026, 3, 31)


def test_assessment_scores_are_checked_all_or_nothing(points: PointService, village: Village2) -> None:
    with pytest.raises(ValidationError, match="0 到 100"):
        points.save_assessments(2026, {village.members[0]: 90, village.members[1]: 101})
    assert all(score is None for *_, score in points.assessments(2026))
    points.save_assessments(2026, {village.members[0]: 90, village.members[1]: 88.5})
    points.save_assessments(2026, {village.members[0]: None})  # cleared
    grid = {m: score for m, _, _, score in points.assessments(2026)}
    assert grid[village.members[0]] is None and grid[village.members[1]] == 88.5
    assert len(points.assessments(2026, branch_id=village.branches[0])) == 6


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["青山村2026年度党员年终测评得分表"])
    sheet.append(["序号", "姓名", "公民身份号码", "测评得分（满分100）"])
    for row in rows:
        sheet.append(row)
    sheet.append(["合计", None, None, None])
    book.save(path)
    return path


def test_assessments_import_from_excel_with_the_registers_messages(
    points: PointService, village: Village2, tmp_path: Path
) -> None:
    bad = _sheet(
        tmp_path / "bad.xlsx",
        [
            [1, "党员00", None, 92],
            [2, "无名氏", None, 80],
            [3, "党员01", None, "一百"],
            [4, "党员02", None, 120],
            [5, None, "330784196503029999", 70],
            [6, "党员00", None, 91],
        ],
    )
    result = points.import_assessments(2026, bad)
    assert result.written == 0 and result.problems == [
        "第 4 行「姓名」：名册上没有这位党员",
        "第 5 行「测评得分」：请填写 0 到 100 之间的数字",
        "第 6 行「测评得分」：测评分应在 0 到 100 之间",
        "第 7 行「公民身份号码」：名册上没有这个公民身份号码的党员",
        "第 8 行「姓名」：与第 3 行是同一位党员",
    ]
    assert all(score is None for *_, score in points.assessments(2026))
    good = _sheet(tmp_path / "good.xlsx", [[1, "党员00", None, "９２"], [2, "党员01", "330784196503020001", 85.5]])
    assert points.import_assessments(2026, good).written == 2
    grid = {m: score for m, _, _, score in points.assessments(2026)}
    assert (grid[village.members[0]], grid[village.members[1]]) == (92, 85.5)


def test_the_ledger_pages_filters_and_searches_in_sql(points: PointService, village: Village2) -> None:
    mediate, visit = _rule(points, 2026, "A03"), _rule(points, 2026, "A04")
    for n, member in enumerate(village.members):
        points.add_entry(EntryInput(member, date(2026, 2, 1 + n), mediate, f"调解第{n}起", "李"))
        points.add_entry(EntryInput(member, date(2026, 2, 1 + n), visit, "走访", "李"))
    assert points.count(ListQuery(filters={"year": 2026})) == 20
    assert points.count(ListQuery(filters={"year": 2025})) == 0
    assert points.count(ListQuery(filters={"branch_id": village.branches[1]})) == 8
    assert points.count(ListQuery(filters={"rule_code": "A03"})) == 10
    assert points.count(ListQuery(text="调解第3")) == 1
    assert points.count(ListQuery(text="党员05")) == 2
    first = points.page(ListQuery(sort_key="points", descending=True), 0, 5)
    assert [r.values[5] for r in first] == ["+3"] * 5
    assert points.member_year(village.members[0], 2026) == (4.0, 0.0, 2)
