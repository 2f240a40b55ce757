"""The person cells of a whole register checked column by column: the fast path of an import.

Almost every row of a big register is written the way it is stored: a name without spaces,
an 18-digit ID number, 男 or 女, a date cell, an 11-digit mobile, no 注销日期. For such a row
the checks of ``people_rows.read_person`` come down to comparisons, which list comprehensions
run at a fraction of the cost of a Python call per row (measured on the township register:
about 0.3 s instead of 0.67 s). ``clean_people`` gives the person of every such row, exactly
as ``read_person`` would give it, and None for every other row. Those rows go through
``read_person``, the one place where the rules and their messages live; this module only
recognises cells that are already clean. tests/people/test_people_columns.py checks with
hypothesis that both paths agree.
"""

from __future__ import annotations

from datetime import date

from govdesk import idcard
from govdesk.importing import cells
from govdesk.importing.sheet import Sheet

Person = dict[str, object]


def clean_people(sheet: Sheet, today: date) -> list[Person | None]:
    """Per row of ``sheet``: the person ``read_person`` would return, or None when the row needs
    ``read_person`` itself (a cell not in its clean form, or any problem at all)."""
    names = [n if n.__class__ is str and n.isalnum() else None for n in sheet.column("name")]
    numbers = [
        n if n.__class__ is str and len(n) == 18 and n.isascii() and n.isalnum() and n[-1] != "x" else ""
        for n in sheet.column("id_number")
    ]
    parsed = idcard.parse_column(numbers, today)
    # 性别 and 出生日期 blank or agreeing with the number (a date cell: text goes the row's way).
    agrees = [
        p is not None
        and (s is None or s == "" or s == p[1])
        and (b is None or b == "" or (b.__class__ is date and b == p[0]))
        for s, b, p in zip(sheet.column("sex"), sheet.column("birth_date"), parsed, strict=True)
    ]
    phones = [
        ""
        if p is None or p == ""
        else p
        if p.__class__ is str and len(p) == 11 and p.isascii() and p.isdigit() and p[0] == "1" and p[1] in "3456789"
        else None
        for p in sheet.column("phone")
    ]
    ethnicities = _by_value(sheet.column("ethnicity"), cells.ethnicity)
    notes = [v.strip() if v.__class__ is str else cells.text(v) for v in sheet.column("notes")]
    not_ended = [e is None or e == "" for e in sheet.column("ended_on")]
    return [
        {
            "name": name,
            "id_number": number,
            "sex": p[1],  # type: ignore[index]
            "birth_date": p[0],  # type: ignore[index]
            "ethnicity": ethnicity,
            "phone": phone,
            "notes": note,
            "ended_on": None,
            "end_reason": "",
        }
        if ok and name is not None and phone is not None and open_
        else None
        for name, number, p, ok, phone, ethnicity, note, open_ in zip(
            names, numbers, parsed, agrees, phones, ethnicities, notes, not_ended, strict=True
        )
    ]


def _by_value(column: list[object], clean: object) -> list[str]:
    """``clean`` once per distinct cell: a register repeats a handful of values (民族)."""
    memo = {v: clean(v) for v in set(column)}  # type: ignore[operator]
    return [memo[v] for v in column]
