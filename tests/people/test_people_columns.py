"""The column-by-column fast path of the checks (people_columns.clean_people) agrees with the
row-by-row rules (people_rows.read_person): a row it takes gives exactly the person read_person
gives, with no problem; everything else is left to read_person."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdesk import idcard
from govdesk.importing.people_columns import clean_people
from govdesk.importing.people_rows import RowReader, read_person
from govdesk.importing.sheet import Sheet

TODAY = date(2026, 11, 23)
FIELDS = ["name", "id_number", "sex", "birth_date", "phone", "ethnicity", "notes", "ended_on", "end_reason"]
COLS = {k: i for i, k in enumerate(FIELDS)}


def fullwidth(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"})


@st.composite
def row(draw: st.DrawFn) -> list[object]:
    """A register row: mostly clean cells, and every kind of cell the fast path must refuse."""
    birth = draw(st.dates(min_value=date(1870, 1, 1), max_value=date(2030, 1, 1)))
    number = idcard.make_number("330784", birth, draw(st.integers(0, 999)))
    sex = "男" if int(number[16]) % 2 else "女"
    other = "女" if sex == "男" else "男"
    phone = "13" + draw(st.text(alphabet="0123456789", min_size=9, max_size=9))

    def cell(clean: list[object], dirty: list[object]) -> object:
        return draw(st.sampled_from(clean * 4 + dirty))  # mostly clean, as registers are

    return [
        draw(st.sampled_from(["张三丰", "曾单竂", "𠮷明", " 王华", "李 明", "", None, 123, "Ann"])),
        cell([number], [number.lower(), fullwidth(number), number[:17] + "0", number[:15], 3.3e17, "", None]),
        cell([sex, "", None], [other, f"{sex}性", " 男", "M"]),
        cell([birth, "", None], [date(1990, 1, 1), datetime(birth.year, 1, 1), birth.isoformat()]),
        cell(
            [phone, "", None],
            ["1" + fullwidth(phone[1:]), phone[:2] + fullwidth(phone[2:]), f"{phone[:3]}-{phone[3:]}", "12345", 1.3e10],
        ),
        draw(st.sampled_from(["汉族", "汉", "", None, "穿青人", " 回族 "])),
        draw(st.sampled_from(["", None, " 低保 ", 5.0])),
        cell(["", None], [date(2020, 1, 1), "2020.1.1"]),
        draw(st.sampled_from(["", None, "死亡"])),
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(row(), min_size=1, max_size=6))
def test_fast_path_takes_only_what_read_person_gives_unchanged(rows: list[list[object]]) -> None:
    sheet = Sheet(
        header=FIELDS,
        header_row=1,
        columns=COLS,
        rows=[(n + 2, [*r, None]) for n, r in enumerate(rows)],
        sheet_name="s",
    )
    fast = clean_people(sheet, TODAY)
    for (row_no, cells), person in zip(sheet.rows, fast, strict=True):
        if person is None:
            continue
        r = RowReader(COLS)
        r.start(row_no, cells)
        assert read_person(r, {}, TODAY) == person
        assert r.problems == []


def test_fast_path_takes_clean_rows() -> None:
    """The rows an exported register is made of go the fast way (or the fast path is dead code)."""
    number = idcard.make_number("330784", date(1974, 11, 27), 727)
    clean = ["马荣波", number, "男", date(1974, 11, 27), "17807635308", "汉族", "", "", ""]
    blank = ["马荣波", number, None, None, None, None, None, None, None]
    sheet = Sheet(
        header=FIELDS, header_row=1, columns=COLS, rows=[(2, [*clean, None]), (3, [*blank, None])], sheet_name="s"
    )
    fast = clean_people(sheet, TODAY)
    assert fast[0] is not None and fast[0]["sex"] == "男" and fast[0]["phone"] == "17807635308"
    assert fast[1] is not None and fast[1]["ethnicity"] == "汉族" and fast[1]["phone"] == ""
