"""Property tests: any valid person row survives the noise real registers add (full-width
digits, stray spaces, lowercase x, every date spelling), and any corrupted ID is refused."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdesk import idcard
from govdesk.importing import cells
from govdesk.importing.household_fields import format_periods, format_stars, parse_periods, parse_stars
from govdesk.importing.people_rows import RowReader, read_person
from govdesk.search import pinyin_keys

TODAY = date(2026, 11, 23)
FIELDS = ["name", "id_number", "sex", "birth_date", "phone", "ethnicity", "notes"]
COLS = {k: i for i, k in enumerate(FIELDS)}
NAME_CHARS = "张王李赵曾单区仇解竂堉䶮𠮷三丰明华芳"


@st.composite
def person(draw):
    birth = draw(st.dates(min_value=date(1906, 11, 24), max_value=TODAY))  # over 120: a warning to confirm
    seq = draw(st.integers(1, 998))
    number = idcard.make_number(draw(st.sampled_from(["330784", "110101", "999999"])), birth, seq)
    name = draw(st.text(alphabet=NAME_CHARS, min_size=2, max_size=4))
    phone = "1" + draw(st.sampled_from("3578")) + draw(st.text(alphabet="0123456789", min_size=9, max_size=9))
    return name, number, birth, phone


def fullwidth(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"})


@st.composite
def noisy(draw, p):
    name, number, birth, phone = p
    id_text = draw(st.sampled_from([number, number.lower(), fullwidth(number), f" {number[:6]} {number[6:]} "]))
    formats = [
        birth,
        datetime(birth.year, birth.month, birth.day),
        f"{birth.year}.{birth.month}.{birth.day}",
        f"{birth.year}年{birth.month}月{birth.day}日",
        birth.strftime("%Y%m%d"),
        birth.strftime("%Y/%m/%d"),
        fullwidth(birth.strftime("%Y-%m-%d")),
        None,
        # 出生年月 columns: year and month only, as text or as the number Excel made of it
        f"{birth.year}.{birth.month:02d}",
        f"{birth.year}年{birth.month}月",
        birth.strftime("%Y%m"),
        float(f"{birth.year}.{birth.month:02d}"),
    ]
    birth_cell = draw(st.sampled_from(formats))
    name_cell = draw(st.sampled_from([name, f" {name} ", name[0] + "  " + name[1:], name + "\u3000"]))
    phone_cell = draw(st.sampled_from([phone, fullwidth(phone), f" {phone} ", float(phone)]))
    sex = "男" if int(number[16]) % 2 else "女"
    sex_cell = draw(st.sampled_from([sex, "", f" {sex} ", f"{sex}性"]))
    return [name_cell, id_text, sex_cell, birth_cell, phone_cell, draw(st.sampled_from(["", "汉族"])), ""]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_people_valid_rows_survive_noise(data) -> None:
    p = data.draw(person())
    row = data.draw(noisy(p))
    r = RowReader(COLS)
    r.start(7, [*row, None])  # the reader's sentinel for absent columns
    got = read_person(r, {}, TODAY)
    assert r.problems == []
    assert got is not None
    assert (got["name"], got["id_number"], got["birth_date"], got["phone"]) == p


@settings(max_examples=80, deadline=None)
@given(person(), st.integers(0, 17), st.integers(1, 9))
def test_people_corrupted_digit_is_refused(p, pos, delta) -> None:
    number = p[1]
    if not number[pos].isdigit():
        return
    bad = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    r = RowReader(COLS)
    r.start(3, [p[0], bad, "", None, "", "", "", None])
    assert read_person(r, {}, TODAY) is None
    assert r.problems and all(pr.row == 3 for pr in r.problems)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["低保户", "脱贫户", "残疾", "军属"]),
            st.dates(date(1990, 1, 1), date(2026, 1, 1)),
            st.one_of(st.none(), st.integers(1, 3000)),
        ),
        max_size=4,
    ),
    st.lists(st.tuples(st.integers(2000, 2026), st.integers(0, 10)), max_size=4, unique_by=lambda t: t[0]),
)
def test_people_household_cells_round_trip(periods, stars) -> None:
    spans = [(c, s, None if d is None else s + timedelta(days=d)) for c, s, d in periods]
    assert parse_periods(format_periods(spans), TODAY) == spans
    assert parse_stars(format_stars(stars)) == sorted(stars)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=NAME_CHARS, min_size=1, max_size=4))
def test_people_pinyin_keys_cover_every_reading_of_the_surname(name) -> None:
    from govdesk.search import surname_readings

    keys = pinyin_keys(name)
    firsts = {k for k in keys if not (len(k) == len(name) and len(name) > 1)}
    for reading in surname_readings(name[0])[:3]:
        assert any(k.startswith(reading) for k in keys), (name, reading, firsts)


def test_people_cells_numbers_stored_as_numbers() -> None:
    assert cells.text(100001.0) == "100001"
    number, problem = cells.id_number(3.30784196503041e17)
    assert problem and "文本" in problem


def test_people_long_polyphonic_name_keeps_every_surname_reading() -> None:
    """Regression (found by hypothesis): 仇仇仇仇 has 3⁴ combinations, more than the key budget."""
    keys = pinyin_keys("仇仇仇仇")
    from govdesk.search import surname_readings

    for reading in surname_readings("仇"):
        assert any(k.startswith(reading) for k in keys), reading


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(alphabet=NAME_CHARS + " ·A", min_size=1, max_size=5), max_size=12))
def test_people_keys_computed_once_per_name_equal_the_one_resident_path(names) -> None:
    """An import computes each distinct name's pinyin once (search.keys_by_name) and hands it on:
    the index rows must be those of a resident saved on its own."""
    from govdesk.people_search import name_key_rows
    from govdesk.search import keys_by_name, keys_text, search_keys

    pinyin = keys_by_name(names + names)
    assert set(pinyin) == set(names)
    assert sorted(name_key_rows(names, pinyin)) == sorted(name_key_rows(names))
    assert all(keys_text(pinyin[n]) == search_keys(n) for n in names)
