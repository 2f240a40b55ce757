"""Household-level cells of a register: categories with dates, 中心户, star ratings, groups.

Written by the exporter in exactly the form read here, so a round trip keeps them:
``低保户 2020-01-05至今；残疾 2019-05-01至2022-01-01`` and ``2024年8星；2025年9星``.
"""

from __future__ import annotations

import re
from datetime import date

from govdesk.input_limits import shown
from govdesk.models.people_details import MAX_STARS
from govdesk.validation import parse_date

_PERIOD = re.compile(
    r"^(?P<cat>[^\d\s]+?)\s*(?:(?P<start>[\d.\-/年月日]+)\s*(?:至|~|－|—)\s*(?P<end>今|[\d.\-/年月日]+)?)?$"
)
_STAR = re.compile(r"^(\d{4})\s*年?\s*[:：]?\s*(\d{1,2})\s*星?$")
_SPLIT = re.compile(r"[；;，,、\n]+")
_NUMERALS = "零一二三四五六七八九十"


def format_periods(periods: list[tuple[str, date, date | None]]) -> str:
    return "；".join(f"{c} {s.isoformat()}至{e.isoformat() if e else '今'}" for c, s, e in periods)


def parse_periods(text: str, today: date) -> list[tuple[str, date, date | None]]:
    """``低保户 2020-01-05至今；残疾`` → periods; a bare category starts today. ``ValueError`` if unreadable."""
    out: list[tuple[str, date, date | None]] = []
    for part in _SPLIT.split(text.strip()):
        part = part.strip()
        if not part:
            continue
        m = _PERIOD.match(part)
        if not m:
            raise ValueError(f"无法识别“{shown(part)}”，应写成“低保户 2020-01-05至今”")
        start = parse_date(m["start"]) if m["start"] else today
        end = None if not m["end"] or m["end"] == "今" else parse_date(m["end"])
        if start is None:
            raise ValueError(f"“{shown(part)}”缺少开始日期")
        if end is not None and end <= start:
            raise ValueError(f"“{shown(part)}”的结束日期应晚于开始日期")
        out.append((m["cat"], start, end))
    return out


def format_stars(ratings: list[tuple[int, int]]) -> str:
    return "；".join(f"{y}年{n}星" for y, n in sorted(ratings))


def parse_stars(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for part in _SPLIT.split(text.strip()):
        part = part.strip()
        if not part:
            continue
        m = _STAR.match(part)
        if not m or not 0 <= int(m[2]) <= MAX_STARS:
            raise ValueError(f"无法识别“{shown(part)}”，应写成“2025年8星”（0–{MAX_STARS} 星）")
        out.append((int(m[1]), int(m[2])))
    return out


def parse_flag(text: str) -> bool | None:
    t = text.strip()
    if not t:
        return None
    if t in ("是", "√", "✓", "1", "Y", "y", "中心户"):
        return True
    if t in ("否", "×", "0", "N", "n"):
        return False
    raise ValueError(f"应填“是”或“否”，填的是“{shown(t)}”")


def group_number(name: str) -> int | None:
    """1 / 一 / 第一 / 1组 / 第一村民小组 → 1, so a register's 组别 finds the village's group."""
    m = re.search(r"(\d+)", name)
    if m:
        return int(m[1])
    m = re.search(r"([一二三四五六七八九十]+)", name)
    if not m:
        return None
    s = m[1]
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _NUMERALS.index(s[1])
    if len(s) == 1:
        return _NUMERALS.index(s)
    if len(s) == 2 and s[1] == "十":
        return _NUMERALS.index(s[0]) * 10
    if len(s) == 3 and s[1] == "十":
        return _NUMERALS.index(s[0]) * 10 + _NUMERALS.index(s[2])
    return None


def resolve_name(name: str, known: dict[str, int]) -> int | None:
    """Exact name, else the one known name with the same number (组别 1 → 第一村民小组)."""
    if not name:
        return None
    if name in known:
        return known[name]
    n = group_number(name)
    if n is None:
        return None
    same = [i for k, i in known.items() if group_number(k) == n]
    return same[0] if len(same) == 1 else None
