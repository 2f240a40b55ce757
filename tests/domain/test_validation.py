"""Field checks shared by forms and importers (DOMAIN.md "Registers come as Excel sheets")."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from govdesk import idcard
from govdesk.validation import (
    Checker,
    check_person,
    clean_ethnicity,
    clean_household_number,
    clean_name,
    clean_phone,
    parse_date,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        (date(1990, 1, 5), date(1990, 1, 5)),
        (datetime(1990, 1, 5, 0, 0), date(1990, 1, 5)),
        ("1990.1.5", date(1990, 1, 5)),
        ("1990年1月5日", date(1990, 1, 5)),
        ("1990年01月05", date(1990, 1, 5)),
        ("19900105", date(1990, 1, 5)),
        ("1990/01/05", date(1990, 1, 5)),
        ("1990-1-5", date(1990, 1, 5)),
        (" １９９０．１．５ ", date(1990, 1, 5)),
    ],
)
def test_dates_as_registers_write_them(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "message"), [("1990.2.30", "不存在"), ("去年", "无法识别"), ("1990-13-01", "不存在")]
)
def test_bad_dates_are_refused_in_chinese(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", ""), ("13812345678", "13812345678"), (" 138 1234 5678 ", "13812345678"), ("0579-87654321", "0579-87654321")],
)
def test_phones(value: str, expected: str) -> None:
    assert clean_phone(value) == expected


@pytest.mark.parametrize("value", ["12345", "23812345678", "138123456789"])
def test_bad_phones(value: str) -> None:
    with pytest.raises(ValueError, match="不是有效的"):
        clean_phone(value)


def test_names_keep_rare_characters_and_lose_padding() -> None:
    assert clean_name(" 王　䶮 ") == "王䶮"
    assert clean_name("𠮷 竂") == "𠮷竂"


NUMBER = idcard.make_number("330784", date(1980, 6, 1), 11)  # male


@pytest.mark.parametrize(
    ("sex", "birth", "errors"),
    [
        ("", None, set()),  # filled from the number
        ("男", "1980-06-01", set()),
        ("女", None, {"sex"}),  # sex must agree with the number
        ("男", "1980-06-02", {"birth_date"}),  # birth date must agree with the number
        ("未知", None, {"sex"}),
    ],
)
def test_person_row_must_agree_with_its_id_number(sex: str, birth: str | None, errors: set[str]) -> None:
    c = Checker()
    name, info, out_sex, out_birth = check_person(c, name="张三", id_number=NUMBER, sex=sex, birth_date=birth)
    assert {e.field for e in c.errors} == errors
    if not errors:
        assert (out_sex, out_birth) == ("男", date(1980, 6, 1))
    assert all(e.label for e in c.errors)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0100001", "0100001"),
        ("０１００００１", "0100001"),  # an input method's full-width digits: the same household
        (" 01 00 001 ", "0100001"),
        ("\u3000０１\u3000", "01"),
        ("Ａ-12", "A-12"),
        (None, ""),
    ],
)
def test_household_numbers_are_stored_in_ascii(value: object, expected: str) -> None:
    assert clean_household_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "汉族"),  # blank is the register's default
        (None, "汉族"),
        ("汉", "汉族"),
        ("回", "回族"),
        ("蒙古", "蒙古族"),
        (" 维吾尔 ", "维吾尔族"),
        ("土家族", "土家族"),
        ("土", "土族"),  # 土 is a group of its own (土族), not 土家族
        ("穿青人", "穿青人"),  # outside the 56: kept as written, never refused
    ],
)
def test_ethnicity_gains_its_zu(value: object, expected: str) -> None:
    assert clean_ethnicity(value) == expected


@pytest.mark.parametrize(
    ("value", "chosen", "error"),
    [
        (None, None, None),  # nothing picked: allowed, the record has no link
        ("", None, None),
        (7, 7, None),
        ("7", None, "请从列表中选择"),  # typed, not picked
        (True, None, "请从列表中选择"),  # a bool is an int to Python, never an id
        (7.0, None, "请从列表中选择"),
    ],
)
def test_a_record_picked_from_a_list(value: object, chosen: int | None, error: str | None) -> None:
    from govdesk.validation import Checker

    c = Checker()
    assert c.chosen_id("voice_grid", value) == chosen
    assert [e.message for e in c.errors] == ([error] if error else [])
