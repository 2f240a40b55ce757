"""Search keys for names: pinyin initials and full readings, surname readings first.

A clerk types ``zsf`` or ``zhangsanfeng`` for 张三丰. Polyphonic characters contribute
every reading (曾 zeng/ceng, 单 shan/dan), so whichever the clerk thinks of finds the person.
The first character of a name is read as a surname first (单 shan, 曾 zeng, 仇 qiu, 解 xie,
区 ou): that key comes first, so sorting by name puts 单 under S as a clerk expects.
Keys are computed once when a record is written; lookups per character are cached because
a township register repeats the same few thousand characters.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice, product

from govdesk.fullwidth import to_ascii

MAX_COMBINATIONS = 32
# Keys are built from at most this many characters of a name (the longest name the rules allow,
# input_limits.NAME_MAX): the keys of ANY text stay bounded — a 32,767-character name once made
# 1.69 GB of keys, since a name's later parts grow with the square of its length.
KEY_CHARS = 30
MAX_READINGS_PER_CHAR = 3

# Surname readings of polyphonic characters (百家姓 usage), read this way in first position.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "仇": "qiu",
    "解": "xie",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "乐": "yue",
    "尉": "yu",
    "覃": "qin",
    "秘": "bi",
    "翟": "zhai",
    "员": "yun",
    "召": "shao",
    "繁": "po",
    "万": "wan",
    "句": "gou",
    "长": "chang",
    "重": "chong",
    "缪": "miao",
    "种": "chong",
    "折": "she",
    "黑": "he",
    "谌": "chen",
    "宓": "mi",
    "隗": "wei",
    "厍": "she",
    "冼": "xian",
    "贲": "ben",
    "相": "xiang",
    "车": "che",
    "都": "du",
    "沈": "shen",
    "柏": "bai",
    "薄": "bo",
    "过": "guo",
    "能": "nai",
    "藏": "zang",
    "宿": "su",
    "阚": "kan",
    "那": "na",
    "燕": "yan",
    "郇": "huan",
    "盛": "sheng",
    "祭": "zhai",
    "眭": "sui",
    "曲": "qu",
    "任": "ren",
    "华": "hua",
    "石": "shi",
}


# Rare name characters pypinyin does not know (Ext B and beyond).
RARE_READINGS: dict[str, tuple[str, ...]] = {"𠮷": ("ji",)}


def _without_phrases() -> None:
    """pypinyin's documented switches, set before its first import (a user's own setting wins):
    no phrase dictionary and no copy of the character one. Names are read one character at a
    time, where a phrase never applies (every character's readings were compared with and without
    it: identical), and loading the phrases is 0.25 s of every import, demo and first key."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")


def load_readings() -> None:
    """Load pypinyin's dictionary now (``govdesk import`` does, while its file is being parsed)."""
    _without_phrases()
    import pypinyin  # noqa: F401


@lru_cache(maxsize=65536)
def readings(char: str) -> tuple[str, ...]:
    """All toneless readings of one character; a non-Chinese character reads as itself."""
    if char in RARE_READINGS:
        return RARE_READINGS[char]
    _without_phrases()
    from pypinyin import Style, pinyin  # its dictionary loads when a key is built, not at start-up

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda c: [c.lower()])
    out: list[str] = []
    for r in found[0] if found else [char]:
        r = r.lower().replace("ü", "v")
        if r and r not in out:
            out.append(r)
    return tuple(out) or (char,)


@lru_cache(maxsize=65536)
def surname_readings(char: str) -> tuple[str, ...]:
    """Readings of a character used as a surname: the surname reading first, then the rest."""
    own = readings(char)
    first = SURNAME_READINGS.get(char)
    if first is None:
        return own
    return (first, *(r for r in own if r != first))


def pinyin_keys(name: str) -> tuple[str, ...]:
    """Full pinyin and initials for each combination of readings, surname reading first.
    Not cached per name: a bulk write computes each distinct name once (``keys_by_name``) and
    frees them with it, instead of a process-wide cache keeping a township's 74,000 names."""
    chars = [c for c in name[: KEY_CHARS * 2] if not c.isspace()][:KEY_CHARS]
    if not chars:
        return ()
    first = surname_readings(chars[0])[:MAX_READINGS_PER_CHAR]
    rest = [readings(c)[:MAX_READINGS_PER_CHAR] for c in chars[1:]]
    # The budget of combinations is shared out per surname reading, so a long name of
    # polyphonic characters still gets keys for every reading of its first character.
    budget = max(1, MAX_COMBINATIONS // len(first))
    keys: dict[str, None] = {}  # full reading, then initials, per combination; each key once
    for head in first:
        for tail in islice(product(*rest), budget):
            keys[head + "".join(tail)] = None
            keys[head[0] + "".join([r[0] for r in tail])] = None
    return tuple(keys)


def search_keys(name: str) -> str:
    """Space-separated keys stored on the record (members scan them; residents use the key index)."""
    return keys_text(pinyin_keys(name))


def keys_text(keys: tuple[str, ...]) -> str:
    """The stored ``search_keys`` text of a name's ``pinyin_keys``."""
    return " ".join(keys)


def keys_by_name(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The pinyin keys of each distinct name, computed once: a township's 200,000 residents
    share some 74,000 names."""
    return {name: pinyin_keys(name) for name in set(names)}


def normalize_query(text: str) -> str:
    """What the clerk typed, without spaces, lower case, full-width digits made ASCII."""
    cleaned = "".join(str(text).split()).lower()
    return to_ascii(cleaned)


MIN_LETTERS = 2  # one pinyin letter (z…) matches a fifth of a township: wait for the second
MIN_DIGITS = 3  # an ID / phone suffix or 户号 prefix of one or two digits says nothing yet


def effective_query(text: str) -> str:
    """The typed text if it is long enough to search by, else "" (the list stays unfiltered).

    Chinese text searches from the first character; pinyin from the second letter; digits
    from the third. A clerk typing ``zsf`` sees the list narrow at ``zs``.
    """
    q = normalize_query(text)
    if not q:
        return ""
    if not q.isascii():
        return q
    if is_number_query(q):
        return q if len(q) >= MIN_DIGITS else ""
    return q if len(q) >= MIN_LETTERS else ""


def is_number_query(q: str) -> bool:
    """Digits (an ID number may end in x): an ID-number / phone suffix or a 户号 prefix."""
    if not q or not q.isascii():
        return False
    return q.isdigit() or (len(q) > 1 and q[:-1].isdigit() and q[-1] == "x")


KEY_DIGITS = 40  # an ID number is 18, a phone with extension some 20: the suffix searched is bounded too


def digits_key(number: str) -> str:
    """Index key for a suffix search on an ID number or phone: ``!`` + the reversed characters."""
    return "!" + number[-KEY_DIGITS:].upper()[::-1]


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix`` (for ``key < hi``)."""
    return prefix + "\U0010ffff"
