"""公民身份号码 rules (GB 11643; DOMAIN.md "The resident ID number")."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdesk import idcard

VALID_F = idcard.make_number("110105", date(1949, 12, 31), 2)  # 11010519491231002X


@pytest.mark.parametrize(
    ("text", "birth", "sex", "rule"),
    [
        ("11010519491231002X", date(1949, 12, 31), "女", "GB 11643 check character X"),
        ("11010519491231002x", date(1949, 12, 31), "女", "lowercase x is accepted (registers)"),
        (" 110105 19491231 002X ", date(1949, 12, 31), "女", "stray spaces are removed"),
        ("１１０１０５１９４９１２３１００２Ｘ", date(1949, 12, 31), "女", "full-width digits are accepted"),
        (idcard.make_number("330784", date(1965, 3, 2), 123), date(1965, 3, 2), "男", "odd sequence = male"),
    ],
)
def test_valid_numbers(text: str, birth: date, sex: str, rule: str) -> None:
    info = idcard.check(text)
    assert info.birth_date == birth, rule
    assert info.sex == sex, rule
    assert len(info.number) == 18


def test_anachronistic_area_code_is_only_a_warning() -> None:
    """DOMAIN.md: 330784 was created in 1992, a villager born 1965 holds it — never a refusal."""
    info = idcard.check(idcard.make_number("330784", date(1965, 3, 2), 123))
    assert info.warnings and "仅提示" in info.warnings[0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "不能为空"),
        ("110105491231002", "15 位"),
        ("11010519491231002", "应为 18 位"),
        ("1101051949123100XX", "前 17 位应为数字"),
        ("110105194902300021", "不存在"),
        ("11010519491231002" + "1", "校验位错误"),
        ("110105" + "2999" + "0101" + "001" + "0", "晚于今天"),
    ],
)
def test_invalid_numbers_say_why_in_chinese(text: str, message: str) -> None:
    with pytest.raises(idcard.IdNumberError, match=message):
        idcard.check(text)


@settings(max_examples=80, deadline=None)
@given(
    birth=st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)),
    seq=st.integers(min_value=0, max_value=999),
    noise=st.sampled_from(["plain", "lower", "spaces", "fullwidth"]),
)
def test_generated_numbers_round_trip_through_register_noise(birth: date, seq: int, noise: str) -> None:
    number = idcard.make_number("330784", birth, seq)
    text = {
        "plain": number,
        "lower": number.lower(),
        "spaces": f" {number[:6]} {number[6:14]} {number[14:]} ",
        "fullwidth": number.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"}),
    }[noise]
    info = idcard.check(text)
    assert info.number == number
    assert info.birth_date == birth
    assert info.sex == ("男" if seq % 2 else "女")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=16), st.sampled_from("0123456789X"))
def test_any_single_change_breaks_the_checksum_or_date(pos: int, ch: str) -> None:
    original = VALID_F
    changed = original[:pos] + ch + original[pos + 1 :]
    if changed == original:
        return
    with pytest.raises(idcard.IdNumberError):
        idcard.check(changed)
