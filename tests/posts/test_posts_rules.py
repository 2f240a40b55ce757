"""The rules of govdesk.posts.rules, table by table (each row: the case, the refusal or None)."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.posts.rules import (
    CHANGE_AWAY,
    CHANGE_BACK,
    CHANGE_DISCIPLINE,
    CHANGE_RESTORED,
    CHANGE_TO_FULL,
    change_between,
    change_named,
    first_overlap,
    refuse_assignment,
    refuse_assignment_end,
    refuse_assignment_start,
    refuse_change,
    refuse_span,
    split_post_text,
)

TODAY = date(2026, 11, 23)
D = date


# 转正 only from 预备; 流动 from 正式; 留党察看 from 正式 / 流动 with a decision date; dates in order.
@pytest.mark.parametrize(
    ("kind", "current", "on", "since", "decided", "refusal"),
    [
        (CHANGE_TO_FULL, "预备党员", D(2026, 3, 1), D(2025, 3, 1), None, None),
        (CHANGE_TO_FULL, "正式党员", D(2026, 3, 1), D(2025, 3, 1), None, "只有预备党员才能转正（现为正式党员）"),
        (CHANGE_TO_FULL, "流动党员", D(2026, 3, 1), None, None, "只有预备党员才能转正（现为流动党员）"),
        (CHANGE_TO_FULL, "预备党员", D(2026, 12, 1), D(2025, 12, 1), None, "变更日期不能晚于今天"),
        (
            CHANGE_TO_FULL,
            "预备党员",
            D(2025, 3, 1),
            D(2025, 3, 1),
            None,
            "变更日期应晚于现状态的开始日期（2025-03-01起为预备党员）",
        ),
        (CHANGE_AWAY, "正式党员", D(2026, 5, 1), D(2010, 1, 1), None, None),
        (
            CHANGE_AWAY,
            "预备党员",
            D(2026, 5, 1),
            D(2026, 1, 1),
            None,
            "只有正式党员登记为流动党员（预备党员外出仍按预备党员管理）（现为预备党员）",
        ),
        (CHANGE_BACK, "流动党员", D(2026, 10, 1), D(2026, 5, 1), None, None),
        (CHANGE_BACK, "正式党员", D(2026, 10, 1), D(2026, 5, 1), None, "只有流动党员才能结束流动（现为正式党员）"),
        (CHANGE_DISCIPLINE, "正式党员", D(2026, 6, 1), D(2010, 1, 1), D(2026, 5, 28), None),
        (CHANGE_DISCIPLINE, "流动党员", D(2026, 6, 1), D(2010, 1, 1), D(2026, 5, 28), None),
        (CHANGE_DISCIPLINE, "正式党员", D(2026, 6, 1), D(2010, 1, 1), None, "留党察看须填写决定日期"),
        (CHANGE_DISCIPLINE, "正式党员", D(2026, 6, 1), D(2010, 1, 1), D(2026, 12, 1), "决定日期不能晚于今天"),
        (
            CHANGE_DISCIPLINE,
            "预备党员",
            D(2026, 6, 1),
            D(2026, 1, 1),
            D(2026, 5, 28),
            "只有正式党员可给予留党察看（预备党员应取消预备党员资格）（现为预备党员）",
        ),
        (CHANGE_RESTORED, "留党察看", D(2026, 6, 1), D(2025, 6, 1), D(2026, 6, 1), None),
        (CHANGE_RESTORED, "留党察看", D(2026, 6, 1), D(2025, 6, 1), None, "恢复党员权利须填写决定日期"),
        (
            CHANGE_RESTORED,
            "正式党员",
            D(2026, 6, 1),
            None,
            D(2026, 6, 1),
            "只有留党察看的党员才能恢复党员权利（现为正式党员）",
        ),
    ],
)
def test_status_changes(
    kind: str, current: str, on: date, since: date | None, decided: date | None, refusal: str | None
) -> None:
    change = change_named(kind)
    assert change is not None
    assert refuse_change(change, current, on, since, TODAY, decided) == refusal


@pytest.mark.parametrize(
    ("current", "wanted", "kind"),
    [
        ("预备党员", "正式党员", CHANGE_TO_FULL),
        ("正式党员", "流动党员", CHANGE_AWAY),
        ("流动党员", "正式党员", CHANGE_BACK),
        ("正式党员", "留党察看", CHANGE_DISCIPLINE),
        ("留党察看", "正式党员", CHANGE_RESTORED),
        ("正式党员", "预备党员", None),  # never back to probationary
        ("预备党员", "留党察看", None),
    ],
)
def test_the_member_form_status_maps_to_one_change(current: str, wanted: str, kind: str | None) -> None:
    change = change_between(current, wanted)
    assert (change.kind if change else None) == kind


@pytest.mark.parametrize(
    ("start", "end", "refusal"),
    [
        (D(2025, 1, 1), D(2025, 1, 2), None),
        (D(2025, 1, 1), None, None),
        (None, D(2025, 1, 1), None),
        (D(2025, 1, 1), D(2025, 1, 1), "结束日期应晚于开始日期（2025-01-01）"),
        (D(2025, 1, 2), D(2025, 1, 1), "结束日期应晚于开始日期（2025-01-02）"),
    ],
)
def test_a_span_ends_after_it_starts(start: date | None, end: date | None, refusal: str | None) -> None:
    assert refuse_span(start, end) == refusal


@pytest.mark.parametrize(
    ("spans", "overlap"),
    [
        ([(D(2020, 1, 1), D(2021, 1, 1)), (D(2021, 1, 1), None)], None),  # half-open: back to back is fine
        ([(D(2020, 1, 1), D(2021, 1, 2)), (D(2021, 1, 1), None)], (0, 1)),
        ([(D(2021, 1, 1), None), (None, D(2020, 1, 1))], None),
        ([(D(2021, 1, 1), None), (None, D(2021, 6, 1))], (0, 1)),
        ([(D(2022, 1, 1), None), (D(2020, 1, 1), D(2021, 1, 1)), (D(2021, 1, 1), D(2022, 1, 1))], None),
        ([(D(2020, 1, 1), None), (D(2023, 1, 1), D(2024, 1, 1))], (0, 1)),
    ],
)
def test_periods_do_not_overlap(spans: list[tuple[date | None, date | None]], overlap: tuple[int, int] | None) -> None:
    assert first_overlap(spans) == overlap


@pytest.mark.parametrize(
    ("holds", "ended", "refusal"),
    [
        (False, False, None),
        (True, False, "该党员已在此岗位上"),
        (False, True, "该党员已注销，不能再分配岗位"),
        (True, True, "该党员已注销，不能再分配岗位"),
    ],
)
def test_taking_a_post(holds: bool, ended: bool, refusal: str | None) -> None:
    assert refuse_assignment(holds, ended) == refusal


@pytest.mark.parametrize(
    ("start", "joined", "refusal"),
    [
        (D(2026, 1, 1), D(2010, 1, 1), None),
        (D(2026, 1, 1), None, None),
        (D(2026, 12, 1), D(2010, 1, 1), "任岗日期不能晚于今天"),
        (D(2009, 1, 1), D(2010, 1, 1), "任岗日期不能早于入党时间（2010-01-01）"),
    ],
)
def test_the_first_day_on_a_post(start: date, joined: date | None, refusal: str | None) -> None:
    assert refuse_assignment_start(start, TODAY, joined) == refusal


@pytest.mark.parametrize(
    ("start", "end", "refusal"),
    [
        (D(2025, 1, 1), D(2026, 1, 1), None),
        (D(2025, 1, 1), D(2026, 12, 1), "离岗日期不能晚于今天"),
        (D(2025, 1, 1), D(2024, 12, 1), "结束日期应晚于开始日期（2025-01-01）"),
    ],
)
def test_leaving_a_post(start: date, end: date, refusal: str | None) -> None:
    assert refuse_assignment_end(start, end, TODAY) == refusal


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("政策宣传岗", ["政策宣传岗"]),
        ("政策宣传岗、环境监督岗", ["政策宣传岗", "环境监督岗"]),
        (" 政策宣传岗，环境监督岗;政策宣传岗 ", ["政策宣传岗", "环境监督岗"]),
        ("", []),
    ],
)
def test_a_register_cell_names_posts(text: str, names: list[str]) -> None:
    assert split_post_text(text) == names
