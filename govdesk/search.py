"""Search keys for names: pinyin initials and full readings.

A clerk types ``zsf`` or ``zhangsanfeng`` for 张三丰. Polyphonic characters contribute
every reading (曾 zeng/ceng), so whichever the clerk thinks of finds the person. Keys are
computed once when a record is written and stored in ``search_keys``; lookups per
character are cached because a township register repeats the same few thousand characters.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice, product

from pypinyin import Style, pinyin

MAX_COMBINATIONS = 32


@lru_cache(maxsize=65536)
def readings(char: str) -> tuple[str, ...]:
    """All toneless readings of one character; a non-Chinese character reads as itself."""
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda c: [c.lower()])
    out: list[str] = []
    for r in found[0] if found else [char]:
        r = r.lower().replace("ü", "v")
        if r and r not in out:
            out.append(r)
    return tuple(out) or (char,)


def search_keys(name: str) -> str:
    """Space-separated keys: full pinyin and initials for each combination of readings."""
    chars = [c for c in name if not c.isspace()]
    if not chars:
        return ""
    keys: list[str] = []
    for combo in islice(product(*(readings(c) for c in chars)), MAX_COMBINATIONS):
        full = "".join(combo)
        initials = "".join(r[0] for r in combo)
        for k in (full, initials):
            if k not in keys:
                keys.append(k)
    return " ".join(keys)


def normalize_query(text: str) -> str:
    return "".join(text.split()).lower()
