"""Input limits: what a name or a free text may hold, checked once for forms, importers and services.

Why: a 1,000-character name imported fine and then no register could be printed (a table row
taller than a page); a BEL or U+200B imported fine and then no Excel export could be written
(openpyxl refuses control characters), and nobody could see the character to remove it. So the
limits are checked where data comes in, and a refusal names the character by its code point —
the one thing a clerk (or the person helping them) can search for.

- A name: at most ``NAME_MAX`` characters, each a Chinese character (basic block, Ext A–I and the
  compatibility ideographs, so rare name characters like 𠮷 pass, plus 〇), the middle dot of
  minority names (阿卜杜拉·艾力; the look-alike dots typed by input methods become ·), or a Latin
  letter (transliterated names: single spaces between Latin words are kept).
- A free text (address, notes, reasons…): at most a field's own number of characters; no control
  or invisible characters — newlines and tabs only where the field is multi-line.
- An age over ``AGE_WARN`` is not refused but needs the clerk's confirmation (``age_warning``).

Plain functions without I/O; the import hot path calls ``name_problem`` and ``text_problem``
(a fast C-level test first, the character-by-character reason only for a bad value).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from govdesk.errors import GovdeskError

NAME_MAX = 30
ADDRESS_MAX = 200
LINE_MAX = 200  # one-line texts without a limit of their own (职务, 学历, 原因…)
NOTE_MAX = 2000  # notes and other multi-line texts
TEXT_MAX = 10_000  # any other free text (a decision's wording): bounded, never unlimited
HOUSEHOLD_NUMBER_MAX = 40  # 户号, the column's width
AGE_WARN = 120

_CJK = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ee5f\U0002f800-\U0002fa1f\U00030000-\U000323af"
)
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_NAME_OK = re.compile(f"[{_CJK}{_LATIN}·]{{1,{NAME_MAX}}}")
_NAME_WITH_SPACES_OK = re.compile(f"[{_CJK}{_LATIN}· ]{{1,{NAME_MAX}}}")
_NAME_CHAR = re.compile(f"[{_CJK}{_LATIN}·]")
_LATIN_CHAR = re.compile(f"[{_LATIN}]")
# Dots an input method or a register may use in 阿卜杜拉·艾力, all written as U+00B7.
_DOTS = str.maketrans(dict.fromkeys("\u2027\u30fb\uff65\u2022\u2219\u22c5\u0387\u16eb\u2e31", "\u00b7"))
_SPACES = re.compile(r"\s+")
# Invisible although not "format" characters: fillers, joiners and variation selectors.
_INVISIBLE_EXTRA = frozenset("\u034f\u115f\u1160\u3164\uffa0\u180e") | frozenset(map(chr, range(0xFE00, 0xFE10)))
_INVISIBLE_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


class InputError(GovdeskError, ValueError):
    """A value outside the input limits: a ValueError for ``validation.Checker`` (the form shows it
    next to its field) and a GovdeskError wherever else it is raised (one Chinese message)."""


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def invisible_char(text: str, *, multiline: bool = False) -> str | None:
    """The first control or invisible character of ``text`` (newline, CR and tab are allowed in a
    multi-line text), or ``None``. Ordinary and full-width spaces are visible enough."""
    if text.isprintable():  # the common case, one C-level scan
        return None
    for char in text:
        if char in "\n\r\t" and multiline:
            continue
        if char in _INVISIBLE_EXTRA or unicodedata.category(char) in _INVISIBLE_CATEGORIES:
            return char
        if 0xE0000 <= ord(char) <= 0xE0FFF:  # tags and variation selectors supplement
            return char
    return None


def shown(text: str, limit: int = 40) -> str:
    """``text`` fit to quote in a message: invisible characters as ⟨U+200B⟩, at most ``limit``
    characters (a 10,000-character cell is not repeated back whole)."""
    return visible(text[:limit] + "…" if len(text) > limit else text)


def visible(text: str) -> str:
    """``text`` with each invisible character written as ⟨U+200B⟩ (a message must not carry one)."""
    if text.isprintable():
        return text
    return "".join(f"⟨{code_point(c)}⟩" if invisible_char(c) else c for c in text)


def invisible_message(char: str) -> str:
    return f"含有不可见字符 {code_point(char)}（控制符或零宽字符，常见于从网页、微信复制的文字），请删除后重新填写"


def clean_name_text(value: str) -> str:
    """A name as stored: spaces gone except one between two Latin words, dots made ·."""
    text = value.translate(_DOTS).strip()
    if " " not in text and text.isprintable():
        return text
    parts = _SPACES.split(text)
    out = parts[0]
    for part in parts[1:]:
        if out and part and _LATIN_CHAR.match(out[-1]) and _LATIN_CHAR.match(part[0]):
            out += " "
        out += part
    return out


def name_problem(name: str) -> str | None:
    """Why ``name`` (as ``clean_name_text`` made it) is no name, or ``None``; empty is the caller's."""
    if _NAME_OK.fullmatch(name) or (" " in name and _NAME_WITH_SPACES_OK.fullmatch(name)):
        return None if name.strip("·") else "只有间隔号“·”，没有姓名"
    if not name:
        return None
    bad = invisible_char(name)
    if bad is not None:
        return invisible_message(bad)
    if len(name) > NAME_MAX:
        return f"太长：{len(name)} 个字，姓名最多 {NAME_MAX} 个字"
    for char in name:
        if char != " " and not _NAME_CHAR.match(char):
            return f"含有不能用于姓名的字符“{char}”（{code_point(char)}）：姓名只能是汉字、间隔号“·”或拉丁字母"
    return None


def text_problem(text: str, max_chars: int, *, multiline: bool = False) -> str | None:
    """Why a free text cannot be kept, or ``None``."""
    if len(text) > max_chars:
        return f"太长：{len(text)} 个字，最多 {max_chars} 个字"
    bad = invisible_char(text, multiline=multiline)
    return None if bad is None else invisible_message(bad)


def checked_name(value: str) -> str:
    """``clean_name_text`` then ``name_problem``: the clean name or ``InputError``."""
    name = clean_name_text(value)
    problem = name_problem(name)
    if problem:
        raise InputError(problem)
    return name


def checked_text(text: str, max_chars: int = TEXT_MAX, *, multiline: bool = True) -> str:
    problem = text_problem(text, max_chars, multiline=multiline)
    if problem:
        raise InputError(problem)
    return text


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def age_warning(birth: date | None, today: date) -> str | None:
    """The question the clerk must answer for an age over ``AGE_WARN`` (a typo in the birth year is
    far likelier than a 130-year-old villager), or ``None``."""
    if birth is None:
        return None
    age = age_on(birth, today)
    if age <= AGE_WARN:
        return None
    return f"按出生日期 {birth.isoformat()} 计算已 {age} 岁（超过 {AGE_WARN} 岁），请核对出生日期或公民身份号码"
