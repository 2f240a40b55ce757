"""Cleaning one cell the way registers write it: full-width digits, stray spaces, lowercase x,
numbers Excel stored as floats, dates as dates or text. Lean on purpose: called millions of times.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from govdesk.fullwidth import to_ascii
from govdesk.input_limits import clean_name_text, shown
from govdesk.validation import before_1900, clean_ethnicity, parse_date


def text(value: object) -> str:
    """Trimmed text; a whole number stored as a float reads as the number (100001.0 → 100001)."""
    if value.__class__ is str:
        return value.strip()  # str.strip() also removes 　 (U+3000) and no-break spaces
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    return str(value).replace("\u3000", " ").strip()


def compact(value: object) -> str:
    """Text with every space removed (names, ID numbers, phones, 户号)."""
    if value.__class__ is str:
        if value.isalnum():  # names, ID numbers, digits: nothing to remove (one scan, the common case)
            return value
        return "".join(value.split()) if " " in value or not value.isprintable() or "\u3000" in value else value
    return "".join(text(value).split())


def id_number(value: object) -> tuple[str, str | None]:
    """(normalised number, problem): full-width digits, spaces and lowercase x are fixed silently."""
    if isinstance(value, float) and not math.isfinite(value):
        return "", "不是身份证号码（单元格是无效的数值）"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = str(int(value))
        if len(number) >= 15:
            return number, "单元格是数字格式，长号码已被 Excel 改动；请把该列设为“文本”后重新填写号码"
        return number, None
    number = compact(value)
    if not number.isascii():
        number = to_ascii(number)
    return (number.upper() if number[-1:] == "x" else number), None


def ethnicity(value: object) -> str:
    """民族 by ``validation.clean_ethnicity``; text cells cached (a register repeats a few values)."""
    return _ethnicity_text(value) if value.__class__ is str else clean_ethnicity(value)


@lru_cache(maxsize=1024)
def _ethnicity_text(value: str) -> str:
    return clean_ethnicity(value)


def household_number(value: object) -> str:
    """户号 (see ``validation.clean_household_number``): a number cell reads as its digits."""
    return digits(value)


def digits(value: object) -> str:
    t = compact(value)
    return t if t.isascii() else to_ascii(t)


def day(value: object) -> date | None:
    """A date cell or text in any register format; ``ValueError`` (Chinese) if impossible."""
    if value is None or value == "":
        return None
    if value.__class__ is date:
        return value  # type: ignore[return-value]
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float | int) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"无法识别的日期“{value}”，请写成 1990-01-05")
        n = int(value)
        if 10000101 <= n <= 29991231:  # 19900105 typed as a number
            return parse_date(str(n))
        raise ValueError(f"无法识别的日期“{shown(str(value))}”，请写成 1990-01-05")
    if isinstance(value, time | timedelta):  # a date cell before 1900: Excel kept only a time of day
        raise ValueError(before_1900())
    return parse_date(value)


# 出生年月 columns write only the year and month: 1990.01, 1990-1, 1990年1月, 199001.
_YEAR_MONTH = (re.compile(r"^(\d{4})[-./年](\d{1,2})月?$"), re.compile(r"^(\d{4})(\d{2})$"))


def birth(value: object) -> tuple[int, tuple[int, ...], int | None] | None:
    """A written birth date as (year, possible months, day or None), or None for an empty
    cell: a full date in any register format, or a year and month as 出生年月 columns write it.
    Excel stores a typed 1990.01 as the number 1990.01 and 1990.10 as 1990.1, so a number's
    month 1 may also be 10. The ID number carries the real date; this only has to be compared
    with it. ``ValueError`` (Chinese, the one ``day`` gives) if the cell is no date at all."""
    if isinstance(value, float) and not value.is_integer():
        year, _, fraction = repr(value).partition(".")
        written = int(fraction) if fraction.isdigit() and len(fraction) <= 2 else 0
        months = tuple(m for m in (written, written * 10 if len(fraction) == 1 else 0) if 1 <= m <= 12)
        if len(year) == 4 and months:
            return int(year), months, None
    try:
        full = day(value)
    except ValueError:
        text = digits(value)
        for pattern in _YEAR_MONTH:
            m = pattern.match(text)
            if m and 1 <= int(m.group(2)) <= 12:
                return int(m.group(1)), (int(m.group(2)),), None
        raise
    return None if full is None else (full.year, (full.month,), full.day)


def name(value: object) -> str:
    """A name as stored (``input_limits.clean_name_text``); a plain one (张三) as it is."""
    if value.__class__ is str and value.isalnum():
        return value  # type: ignore[return-value]
    return clean_name_text(text(value))


def sex(value: object) -> str:
    t = compact(value)
    return t[:-1] if t in ("男性", "女性") else t
