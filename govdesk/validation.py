"""Field checks shared by forms, services and importers.

Each function returns a clean value or raises ``FieldError`` material through
``Checker``, so a form can show every problem at once, each next to its field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from govdesk import idcard
from govdesk.errors import FieldError, NeedsConfirmation, ValidationError
from govdesk.fullwidth import to_ascii
from govdesk.input_limits import TEXT_MAX, age_warning, checked_name, checked_text, clean_name_text, shown
from govdesk.labels import label
from govdesk.models.people import DEFAULT_ETHNICITY, ETHNIC_GROUPS, MEMBER_STATUSES, SEX_FEMALE, SEX_MALE

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,5})?$")
_WHITESPACE = re.compile(r"\s+")


def clean_text(value: Any, max_chars: int = TEXT_MAX, *, multiline: bool = True) -> str:
    """Trim ordinary and full-width spaces; keep every character as written.

    Refuses (``input_limits.InputError``: a ValueError for ``Checker``, a GovdeskError anywhere
    else) control and invisible characters and a text longer than ``max_chars``: what is stored
    can always be printed and exported."""
    if value is None:
        return ""
    return checked_text(str(value).replace("\u3000", " ").strip(), max_chars, multiline=multiline)


def clean_name(value: Any) -> str:
    """Names lose inner spaces too (registers often pad 2-character names: 张  三), except one
    between two Latin words of a transliterated name; look-alike dots become ·. Not checked here
    (a search box cleans with it too): ``input_limits.checked_name`` is the rule for a stored name."""
    if value is None:
        return ""
    return clean_name_text(str(value).replace("\u3000", " "))


def clean_household_number(value: Any) -> str:
    """户号 as stored: no spaces, full-width digits as ASCII — ０１００１ typed by an input method
    and 01001 are the same household, and a search for 01001 finds it."""
    return to_ascii(clean_name(value))


_ETHNIC_GROUPS = frozenset(ETHNIC_GROUPS)


def clean_ethnicity(value: Any) -> str:
    """民族 as stored: blank is 汉族 (the register's default), 汉 / 回 / 蒙古 gain their 族; a name
    outside the 56 (穿青人…) is kept as written, never refused."""
    text = clean_name(value)
    if not text:
        return DEFAULT_ETHNICITY
    if text not in _ETHNIC_GROUPS and text + "族" in _ETHNIC_GROUPS:
        return text + "族"
    return text


def before_1900() -> str:
    """Said for an Excel date cell before 1900: Excel cannot store one, so the cell reads as a bare
    time (00:00:00) — which used to be reported as 无法识别的日期“00:00:00”. Written as text
    (1899-05-01) such a date is read like any other."""
    return (
        "日期早于 1900 年（Excel 不能保存 1900 年以前的日期）；请核对年份，真是这样请把单元格设为文本后写成 1899-05-01"
    )


LEDGER_YEARS = range(2000, 2101)


def ledger_year(year: int, field: str = "year", field_label: str = "年份") -> int:
    """The year of a ledger, its print or export (党费, 积分, 民情, 志愿服务 …): four digits, 2000–2100;
    else one field error, so every command and page says it the same way."""
    if int(year) not in LEDGER_YEARS:
        raise ValidationError([FieldError(field, field_label, f"{year} 不对，应写成四位年份，如 2026")])
    return int(year)


def parse_date(value: Any) -> date | None:
    """Read a date as registers write it: a date, 1990.1.5, 1990年1月5日, 19900105, 1990/01/05.

    Returns ``None`` for an empty cell; raises ``ValueError`` (Chinese message) otherwise.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = to_ascii(str(value).strip()).replace(" ", "").replace("\u3000", "")
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            y, mo, d = (int(g) for g in m.groups())
            try:
                return date(y, mo, d)
            except ValueError:
                raise ValueError(f"日期 {shown(text)} 不存在") from None
    raise ValueError(f"无法识别的日期“{shown(text)}”，请写成 1990-01-05")


def clean_phone(value: Any) -> str:
    """A mobile (11 digits) or landline (0xxx-xxxxxxx); empty is allowed."""
    text = to_ascii(clean_text(value)).replace(" ", "")
    if not text:
        return ""
    if _MOBILE.match(text) or _LANDLINE.match(text):
        return text
    raise ValueError(f"“{shown(text)}”不是有效的手机号（11 位）或固定电话（区号-号码）")


class Checker:
    """Collects every field error of one record so the form shows them all at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []
        self.warnings: list[FieldError] = []  # to confirm, not refused (an age over 120)

    def warn(self, field: str, message: str) -> None:
        self.warnings.append(FieldError(field, label(field), message))

    def fail(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, label(field), message))

    def run(self, field: str, fn: Callable[[Any], Any], value: Any) -> Any:
        try:
            return fn(value)
        except (ValueError, idcard.IdNumberError) as exc:
            self.fail(field, str(exc))
            return None

    def required_date(self, field: str, value: Any) -> date | None:
        """A date the record cannot do without: unreadable or empty, the field gets one error."""
        day = self.run(field, parse_date, value)
        if day is None and not any(e.field == field for e in self.errors):
            self.fail(field, "不能为空")
        return day

    def chosen_id(self, field: str, value: Any) -> int | None:
        """A record picked from a list (a household, a resident, a matter): its id, or None when
        nothing was picked; anything but a whole number is "请从列表中选择"."""
        if value in (None, ""):
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, "请从列表中选择")
            return None
        return value

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == field]

    def text(self, field: str, value: Any, max_chars: int, *, multiline: bool = False) -> str:
        """A free text within its limits (``clean_text``); the problem goes to ``field``."""
        return self.run(field, lambda v: clean_text(v, max_chars, multiline=multiline), value) or ""

    def raise_if_any(self, *, confirmed: bool = False) -> None:
        """Errors refuse the record; warnings refuse it too until the clerk ``confirmed`` them."""
        if self.errors:
            raise ValidationError(self.errors)
        if self.warnings and not confirmed:
            raise NeedsConfirmation(self.warnings)


def check_person(
    checker: Checker,
    *,
    name: Any,
    id_number: Any,
    sex: Any = None,
    birth_date: Any = None,
    today: date | None = None,
) -> tuple[str, idcard.IdNumberInfo | None, str, date | None]:
    """Shared rule for residents and members: the row must agree with its ID number.

    An empty sex or birth date is filled from the number; a different one is an error. An age
    over 120 is a warning (``Checker.warn``) the clerk confirms.
    """
    clean = clean_name(name)
    if not clean:
        checker.fail("name", "不能为空")
    else:
        clean = checker.run("name", checked_name, clean) or clean
    info = checker.run("id_number", idcard.check, id_number if id_number is not None else "")
    sex_text = checker.run("sex", clean_text, sex) or ""
    if sex_text and sex_text not in (SEX_MALE, SEX_FEMALE):
        checker.fail("sex", f"应为“{SEX_MALE}”或“{SEX_FEMALE}”")
        sex_text = ""
    birth = checker.run("birth_date", parse_date, birth_date)
    if info is not None:
        if sex_text and sex_text != info.sex:
            checker.fail("sex", f"与公民身份号码不符：号码显示为{info.sex}")
        if birth is not None and birth != info.birth_date:
            checker.fail("birth_date", f"与公民身份号码不符：号码显示为 {info.birth_date.isoformat()}")
        sex_text = sex_text or info.sex
        birth = birth or info.birth_date
    old = age_warning(birth, today or date.today())
    if old:
        checker.warn("birth_date", old)
    return clean, info, sex_text, birth


def check_status(checker: Checker, status: Any) -> str:
    text = checker.run("status", clean_text, status) or ""
    if text in ("正式", "预备", "流动"):
        text += "党员"
    if text not in MEMBER_STATUSES:
        checker.fail("status", "应为：" + "、".join(MEMBER_STATUSES))
    return text
