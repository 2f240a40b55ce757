"""Input limits (govdesk.input_limits): names, free texts, ages, search keys — table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.errors import NeedsConfirmation, ValidationError
from govdesk.input_limits import (
    NAME_MAX,
    InputError,
    age_warning,
    checked_name,
    clean_name_text,
    name_problem,
    shown,
    text_problem,
)
from govdesk.people_search import name_keys, number_keys
from govdesk.search import pinyin_keys, search_keys
from govdesk.services.households import ResidentInput, validate_resident
from govdesk.services.members import MemberInput, validate_member
from govdesk.validation import clean_name, clean_text, parse_date

GOOD_NAMES = [
    "张三",
    "王𠮷明",  # Ext B
    "李㐀",  # Ext A
    "赵\U0002a700",  # Ext C
    "钱\U0002b740",  # Ext D
    "孙\U0002b820",  # Ext E
    "周\U0002ceb0",  # Ext F
    "吴\U00030000",  # Ext G
    "郑〇",
    "阿卜杜拉·艾力",
    "Ayxem Tursun",
    "张" * NAME_MAX,
]


@pytest.mark.parametrize("name", GOOD_NAMES)
def test_limits_good_names_pass(name: str) -> None:
    assert name_problem(name) is None
    assert checked_name(name) == name


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("张" * (NAME_MAX + 1), f"太长：{NAME_MAX + 1} 个字"),
        ("张" * 1000, "太长：1000 个字"),
        ("李\u200b四", "含有不可见字符 U+200B"),
        ("李四\u202e", "含有不可见字符 U+202E"),
        ("李\x07四", "含有不可见字符 U+0007"),
        ("李\x1b四", "含有不可见字符 U+001B"),
        ("李\ufeff四", "含有不可见字符 U+FEFF"),
        ("张三2", "“2”（U+0032）"),
        ("张三@", "“@”（U+0040）"),
        ("·", "只有间隔号"),
    ],
)
def test_limits_bad_names_say_why(name: str, words: str) -> None:
    problem = name_problem(clean_name_text(name))
    assert problem is not None and words in problem
    with pytest.raises(InputError):
        checked_name(name)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("张  三", "张三"),
        (" 张三\u3000", "张三"),
        ("阿卜杜拉・艾力", "阿卜杜拉·艾力"),  # katakana middle dot from an input method
        ("阿卜杜拉•艾力", "阿卜杜拉·艾力"),
        ("Ayxem   Tursun", "Ayxem Tursun"),
        ("艾力 Tursun", "艾力Tursun"),
    ],
)
def test_limits_names_are_cleaned_as_registers_write_them(typed: str, stored: str) -> None:
    assert clean_name(typed) == stored


@pytest.mark.parametrize(
    ("text", "multiline", "words"),
    [
        ("青山村1组8号", False, None),
        ("第一行\n第二行", True, None),
        ("第一行\n第二行", False, "U+000A"),
        ("地址\x00", True, "U+0000"),
        ("备注\u2028", True, "U+2028"),
        ("x" * 201, False, "太长：201 个字，最多 200 个字"),
    ],
)
def test_limits_free_text(text: str, multiline: bool, words: str | None) -> None:
    problem = text_problem(text, 200, multiline=multiline)
    assert (problem is None) if words is None else (problem is not None and words in problem)


def test_limits_clean_text_refuses_invisible_characters_as_an_input_error() -> None:
    with pytest.raises(InputError, match=r"U\+001B"):
        clean_text("正常\x1b[31m红字")
    assert clean_text("  多行\n备注\t  ") == "多行\n备注"


def test_limits_messages_never_carry_the_character_or_the_whole_cell() -> None:
    assert shown("a\u200bb") == "a⟨U+200B⟩b"
    assert len(shown("9" * 10_000)) <= 41
    with pytest.raises(ValueError) as err:
        parse_date("19\x0790-01-01")
    assert "\x07" not in str(err.value) and "U+0007" in str(err.value)


@pytest.mark.parametrize(
    ("birth", "warned"),
    [(date(1906, 11, 22), False), (date(1905, 11, 24), False), (date(1905, 11, 23), True), (date(1890, 1, 1), True)],
)
def test_limits_age_over_120_is_a_warning(birth: date, warned: bool) -> None:
    assert (age_warning(birth, date(2026, 11, 23)) is not None) is warned


def test_limits_dates_before_1900_are_said_to_be_so() -> None:
    from datetime import time

    from govdesk.importing import cells

    with pytest.raises(ValueError, match="早于 1900 年"):
        cells.day(time(0, 0))  # what an Excel date cell before 1900 reads as
    assert parse_date("1899-05-01") == date(1899, 5, 1)  # written as text it is a date like any other


def test_limits_form_validators_check_names_texts_and_ask_for_old_ages() -> None:
    from govdesk import idcard

    with pytest.raises(ValidationError) as err:
        validate_resident(ResidentInput(name="李\u200b四", id_number="", relation="户主\x07"))
    fields = {e.field: e.message for e in err.value.errors}
    assert "U+200B" in fields["name"] and "U+0007" in fields["relation"]
    old = idcard.make_number("330784", date(1890, 3, 1), 11)
    with pytest.raises(NeedsConfirmation, match="超过 120 岁"):
        validate_resident(ResidentInput(name="李四", id_number=old, relation="户主"))
    assert validate_resident(ResidentInput(name="李四", id_number=old, relation="户主", confirmed=True))["name"]
    with pytest.raises(ValidationError, match="备注：太长"):
        validate_member(
            MemberInput(name="李四", id_number=old, joined_on="1950-01-01", notes="长" * 5000, confirmed=True)
        )


@pytest.mark.parametrize("length", [30, 1000, 32_767])
def test_limits_search_keys_are_bounded_for_any_name(length: int) -> None:
    name = ("张曾单仇" * length)[:length]
    keys = [*name_keys(name), *number_keys("11010119900307001X", "13800000000")]
    assert len(keys) <= 32 * 2 + 30 + 2
    assert sum(map(len, keys)) < 20_000
    assert len(search_keys(name)) < 10_000
    assert len(pinyin_keys(name)) <= 64
    assert all(len(k) <= 30 for k in name_keys(name) if not k.isascii())


def test_limits_search_still_finds_every_piece_of_a_long_name() -> None:
    name = "欧阳" + "张" * 26 + "明华"  # 30 characters, the longest allowed
    assert "明华" in name_keys(name)
    assert "张明华" in name_keys(name)
