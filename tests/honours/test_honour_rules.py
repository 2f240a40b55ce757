"""The rules of 评先评优, table-driven: one household or one person, years, 提名 → 授予, dates."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.errors import ValidationError
from govdesk.honours.rules import (
    DEFAULT_HONOURS,
    HonourInput,
    check_award,
    check_catalogue,
    day_in_year_problem,
    parse_catalogue,
    recipient_problem,
    transition_problem,
    year_problem,
)

TODAY = date(2026, 11, 23)
CATALOGUE = dict(DEFAULT_HONOURS)


@pytest.mark.parametrize(
    ("kind", "household", "person", "expected"),
    [
        ("户", 1, None, ""),
        ("个人", None, 7, ""),
        ("户", 1, 7, "只能授予一户或一人，不能同时选农户和个人"),
        ("个人", 1, 7, "只能授予一户或一人，不能同时选农户和个人"),
        ("户", None, None, "这项荣誉授予农户，请选择一户"),
        ("户", None, 7, "这项荣誉授予农户，请选择一户"),
        ("个人", None, None, "这项荣誉授予个人，请选择一位居民或党员"),
        ("个人", 1, None, "这项荣誉授予个人，请选择一位居民或党员"),
    ],
)
def test_a_household_or_a_person_never_both(
    kind: str, household: int | None, person: int | None, expected: str
) -> None:
    assert recipient_problem(kind, household, person) == expected


@pytest.mark.parametrize(
    ("year", "value", "problem"),
    [
        (2026, 2026, ""),
        ("2025", 2025, ""),
        (1949, 1949, ""),
        (1948, None, "应在 1949 年至 2026 年之间"),
        (2027, None, "应在 1949 年至 2026 年之间"),
        ("二〇二六", None, "应写成四位年份，如 2026"),
        (None, None, "应写成四位年份，如 2026"),
    ],
)
def test_year_range(year: object, value: int | None, problem: str) -> None:
    assert year_problem(year, TODAY) == (value, problem)


@pytest.mark.parametrize(
    ("day", "year", "problem"),
    [
        (date(2025, 12, 30), 2025, ""),
        (date(2026, 1, 15), 2025, ""),  # 2025's honours named in January
        (date(2027, 1, 1), 2025, "应在 2025 年或 2026 年内"),
        (date(2024, 12, 31), 2025, "应在 2025 年或 2026 年内"),
    ],
)
def test_dates_lie_in_the_year_or_the_next(day: date, year: int, problem: str) -> None:
    assert day_in_year_problem(day, year) == problem


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        ("提名", "提名", True),
        ("提名", "授予", True),
        ("提名", "未评上", True),
        ("未评上", "提名", True),
        ("未评上", "授予", False),
        ("授予", "授予", True),
        ("授予", "提名", False),
        ("授予", "未评上", False),
    ],
)
def test_nomination_to_award(old: str, new: str, allowed: bool) -> None:
    assert (transition_problem(old, new) == "") is allowed


def _entry(**kw: object) -> HonourInput:
    values: dict[str, object] = {"year": 2026, "honour": "最美家庭", "household_id": 3, "level": "村级"}
    values.update(kw)
    return HonourInput(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"honour": ""}, "honour", "请选择荣誉称号"),
        ({"honour": "三好学生"}, "honour", "“三好学生”不在荣誉目录中"),
        ({"resident_id": 5}, "honour_recipient", "只能授予一户或一人，不能同时选农户和个人"),
        ({"honour": "好媳妇"}, "honour_recipient", "这项荣誉授予个人，请选择一位居民或党员"),
        ({"level": "乡级"}, "honour_level", "应为：村级、镇级、县级、市级、省级、国家级"),
        ({"status": "授予"}, "honour_awarded_on", "授予时须写明授予日期"),
        ({"awarded_on": "2026-11-01"}, "honour_awarded_on", "尚未授予，不应填写授予日期"),
        ({"status": "授予", "awarded_on": "2026-12-01"}, "honour_awarded_on", "不能晚于今天"),
        ({"status": "授予", "awarded_on": "2024-12-01"}, "honour_awarded_on", "应在 2026 年或 2027 年内"),
        (
            {"status": "授予", "nominated_on": "2026-11-10", "awarded_on": "2026-11-01"},
            "honour_awarded_on",
            "不能早于提名日期",
        ),
        ({"nominated_on": "2026.13.1"}, "honour_nominated_on", "日期 2026.13.1 不存在"),
        ({"household_id": "3"}, "honour_recipient", "请从列表中选择"),
        ({"year": 2030}, "honour_year", "应在 1949 年至 2026 年之间"),
    ],
)
def test_an_entry_is_refused_with_its_field(changes: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_award(_entry(**changes), TODAY, CATALOGUE)
    assert [e.message for e in err.value.for_field(field)] == [message]


def test_a_valid_award_is_clean_and_keeps_one_recipient_kind() -> None:
    data = check_award(
        _entry(status="授予", nominated_on="2026.11.1", awarded_on="2026年11月20日", note=" 孝老爱亲 "),
        TODAY,
        CATALOGUE,
    )
    assert (data.recipient, data.household_id, data.resident_id) == ("户", 3, None)
    assert data.awarded_on == date(2026, 11, 20) and data.note == "孝老爱亲"


def test_an_award_cannot_go_back_to_a_nomination() -> None:
    with pytest.raises(ValidationError) as err:
        check_award(_entry(), TODAY, CATALOGUE, old_status="授予")
    assert err.value.for_field("honour_status")[0].message.startswith("已授予的荣誉不能改为“提名”")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("最美家庭，户\n好媳妇 个人\n\n文明家庭", [("最美家庭", "户"), ("好媳妇", "个人"), ("文明家庭", "户")]),
        ("  致富能手,个人  ", [("致富能手", "个人")]),
    ],
)
def test_catalogue_lines(text: str, expected: list[tuple[str, str]]) -> None:
    assert parse_catalogue(text) == expected


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "至少要有一项荣誉"),
        ([("最美家庭", "户"), ("最美家庭", "户")], "荣誉称号重复"),
        ([("最美家庭", "集体")], "“最美家庭”的授予对象应为“户”或“个人”"),
    ],
)
def test_bad_catalogue_refused(lines: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_catalogue(lines)  # type: ignore[arg-type]
    assert err.value.errors[0].message == message
