"""The rules of councils and charters, table-driven: terms, one 会长, attendees, versions."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.councils.rules import (
    Term,
    Version,
    VersionInput,
    attendance_problem,
    check_version,
    clash_problem,
    current_version,
    next_version_problem,
    parent_problem,
    term_problem,
    terms_overlap,
    version_in_force,
)
from govdesk.errors import ValidationError

D = date
TODAY = D(2026, 11, 23)


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ((D(2024, 1, 1), None), (D(2025, 1, 1), None), True),
        ((D(2024, 1, 1), D(2024, 12, 31)), (D(2025, 1, 1), None), False),
        ((D(2024, 1, 1), D(2025, 1, 1)), (D(2025, 1, 1), None), True),  # the same day counts
        ((D(2025, 1, 1), None), (D(2024, 1, 1), D(2024, 6, 30)), False),
        ((D(2024, 1, 1), D(2024, 6, 30)), (D(2024, 3, 1), D(2024, 4, 1)), True),
    ],
)
def test_terms_overlap(a: tuple[date, date | None], b: tuple[date, date | None], overlap: bool) -> None:
    assert terms_overlap(*a, *b) is overlap
    assert terms_overlap(*b, *a) is overlap


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        (D(2024, 1, 1), None, ""),
        (D(2024, 1, 1), D(2024, 1, 1), ""),
        (D(2024, 1, 2), D(2024, 1, 1), "离任日期不能早于任职日期"),
    ],
)
def test_a_term_ends_after_it_began(start: date, end: date | None, problem: str) -> None:
    assert term_problem(start, end) == problem


CHAIR = Term(1, "10", "会长", D(2024, 3, 1), None)
OLD = Term(2, "11", "理事", D(2020, 1, 1), D(2023, 12, 31))


@pytest.mark.parametrize(
    ("new", "field"),
    [
        (Term(0, "12", "会长", D(2025, 1, 1), None), "council_role"),  # a second chair at the same time
        (Term(0, "12", "会长", D(2022, 1, 1), D(2024, 2, 29)), ""),  # a chair before the current one
        (Term(0, "10", "理事", D(2025, 1, 1), None), "council_member"),  # the same person twice
        (Term(0, "11", "理事", D(2024, 1, 1), None), ""),  # came back after the old term ended
        (Term(1, "10", "会长", D(2024, 3, 1), D(2026, 1, 1)), ""),  # editing its own term
    ],
)
def test_clashes(new: Term, field: str) -> None:
    assert clash_problem(new, [CHAIR, OLD])[0] == field


@pytest.mark.parametrize(
    ("ids", "day", "problem"),
    [
        ([1], D(2025, 1, 1), ""),
        ([], D(2025, 1, 1), "请至少选择一位参会成员"),
        ([1, 2], D(2025, 1, 1), "参会成员须是会议当天在任的理事会成员"),  # 2 left at the end of 2023
        ([2], D(2021, 5, 1), ""),
        ([1], D(2024, 2, 29), "参会成员须是会议当天在任的理事会成员"),  # before the chair's term
    ],
)
def test_attendees_serve_on_the_day(ids: list[int], day: date, problem: str) -> None:
    assert attendance_problem(ids, [CHAIR, OLD], day) == problem


@pytest.mark.parametrize(
    ("kind", "own", "parent", "parent_kind", "problem"),
    [
        ("红白理事会", None, 1, "村湾理事会", ""),
        ("红白理事会", None, None, None, ""),
        ("红白理事会", 1, 1, "红白理事会", "不能隶属于自己"),
        ("红白理事会", None, 2, "道德评议会", "只能隶属于村湾理事会"),
        ("村湾理事会", None, 2, "村湾理事会", "村湾理事会不隶属于其他理事会"),
    ],
)
def test_parents(kind: str, own: int | None, parent: int | None, parent_kind: str | None, problem: str) -> None:
    assert parent_problem(kind, own, parent, parent_kind) == problem


V1 = Version(1, 1, D(2019, 6, 1), D(2024, 3, 15))
V2 = Version(2, 2, D(2024, 3, 15), None)


@pytest.mark.parametrize(
    ("versions", "current"),
    [
        ([], None),
        ([V1], None),
        ([V1, V2], V2),
        ([V2, V1], V2),
        ([Version(3, 1, D(2020, 1, 1), None)], Version(3, 1, D(2020, 1, 1), None)),
    ],
)
def test_one_current_version(versions: list[Version], current: Version | None) -> None:
    assert current_version(versions) == current


@pytest.mark.parametrize(
    ("day", "expected"),
    [(D(2019, 5, 31), None), (D(2019, 6, 1), V1), (D(2024, 3, 14), V1), (D(2024, 3, 15), V2), (TODAY, V2)],
)
def test_the_version_in_force_on_a_day(day: date, expected: Version | None) -> None:
    assert version_in_force([V1, V2], day) == expected


@pytest.mark.parametrize(
    ("current", "adopted", "problem"),
    [
        (None, D(2024, 1, 1), ""),
        (D(2024, 3, 15), D(2026, 1, 1), ""),
        (D(2024, 3, 15), D(2024, 3, 15), "应晚于现行版本的通过日期（2024-03-15）"),
        (D(2024, 3, 15), D(2023, 1, 1), "应晚于现行版本的通过日期（2024-03-15）"),
    ],
)
def test_a_new_version_follows_the_current_one(current: date | None, adopted: date, problem: str) -> None:
    assert next_version_problem(current, adopted) == problem


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "charter_title", "不能为空"),
        ({"text": "  \n "}, "charter_text", "不能为空"),
        ({"adopted_on": None}, "charter_adopted_on", "不能为空"),
        ({"adopted_on": "2026-12-01"}, "charter_adopted_on", "不能晚于今天"),
        ({"adopted_on": "2024-03-15"}, "charter_adopted_on", "应晚于现行版本的通过日期（2024-03-15）"),
        ({"adopted_by": ""}, "charter_adopted_by", "请写明通过的会议（如村民代表会议）"),
    ],
)
def test_a_version_is_refused_with_its_field(changes: dict[str, object], field: str, message: str) -> None:
    values: dict[str, object] = {"title": "青山村村规民约", "text": "第一条 ……", "adopted_on": "2026-05-01"}
    values.update(changes)
    with pytest.raises(ValidationError) as err:
        check_version(VersionInput(**values), TODAY, D(2024, 3, 15))  # type: ignore[arg-type]
    assert [e.message for e in err.value.for_field(field)] == [message]
