"""Fuzz: any value a cell or a form field can hold → a clean value or a Chinese problem, never an
exception. Covers the importers' row readers (people, households, members), the form validators
(residents, households, members, 民情 items) and the parsers behind them (dates, phones, amounts…)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdesk.decisions.inputs import parse_amount, parse_count
from govdesk.errors import GovdeskError
from govdesk.importing import cells
from govdesk.importing.headers import HOUSEHOLD_FIELDS, MEMBER_FIELDS
from govdesk.importing.household_fields import parse_flag, parse_periods, parse_stars
from govdesk.importing.household_plan import plan_households
from govdesk.importing.member_import import _member_fields
from govdesk.importing.people_rows import RowReader, read_person
from govdesk.importing.report import ImportReport
from govdesk.importing.sheet import Sheet
from govdesk.input_limits import checked_name, invisible_char, name_problem, text_problem
from govdesk.services.households import HouseholdInput, ResidentInput, validate_household, validate_resident
from govdesk.services.members import MemberInput, validate_member
from govdesk.services.organisation import CadreInput, validate_cadre
from govdesk.validation import clean_phone, clean_text, parse_date
from govdesk.voices.rules import VoiceInput, check_item

TODAY = date(2026, 11, 23)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What calamine hands over for a cell, plus the texts that broke things: controls, bidi, huge.
nasty_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(["\x07", "\x1b[31m", "\u202e", "\u200b", "\ufeff", "张" * 1000, "9" * 5000, "1899-05-01"]),
    st.builds(lambda a, b: a + b, st.text(max_size=10), st.sampled_from(["\x00", "\u2028", "\ud800", "𠮷"])),
)
cell = st.one_of(
    st.none(),
    nasty_text,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.just(time(0, 0)),
    st.just(timedelta(days=3)),
)


def _no_invisible(record: dict[str, object]) -> None:
    for key, value in record.items():
        if isinstance(value, str) and key != "notes":
            assert invisible_char(value) is None, (key, value)


@FUZZ
@given(st.lists(cell, min_size=9, max_size=9))
def test_fuzz_person_row_is_a_record_or_problems(row: list[object]) -> None:
    cols = {k: i for i, k in enumerate(("name", "id_number", "sex", "birth_date", "phone", "ethnicity", "notes"))}
    cols |= {"ended_on": 7, "end_reason": 8}
    r = RowReader(cols)
    r.start(5, [*row, None])
    got = read_person(r, {}, TODAY)
    assert (got is None) == bool(r.problems)
    for p in r.problems:
        assert p.message and invisible_char(p.message) is None
    if got is not None:
        assert name_problem(str(got["name"])) is None
        _no_invisible(got)


@FUZZ
@given(st.lists(st.lists(cell, min_size=len(HOUSEHOLD_FIELDS), max_size=len(HOUSEHOLD_FIELDS)), max_size=4))
def test_fuzz_household_register_is_planned_or_reported(rows: list[list[object]]) -> None:
    cols = {k: i for i, k in enumerate(HOUSEHOLD_FIELDS)}
    sheet = Sheet(
        header=list(HOUSEHOLD_FIELDS),
        header_row=1,
        columns=cols,
        rows=[(n + 2, [*row, None]) for n, row in enumerate(rows)],
        sheet_name="Sheet1",
    )
    report = ImportReport(kind="households", file="x.xlsx")
    plan = plan_households(sheet, report, today=TODAY)
    for home in plan.homes:
        assert invisible_char(home.address) is None and len(home.address) <= 200
        for person in home.people:
            assert name_problem(str(person["name"])) is None


@FUZZ
@given(st.lists(cell, min_size=len(MEMBER_FIELDS), max_size=len(MEMBER_FIELDS)))
def test_fuzz_member_row_is_a_record_or_problems(row: list[object]) -> None:
    cols = {k: i for i, k in enumerate(MEMBER_FIELDS)}
    r = RowReader(cols)
    r.start(3, [*row, None])
    person = read_person(r, {}, TODAY)
    extra = _member_fields(r, person, TODAY, {"第一支部": 1}, {"第一党小组": (2, 1)}, {"001": 3})
    if not r.problems:
        assert person is not None
        _no_invisible(extra)


@FUZZ
@given(cell)
def test_fuzz_cell_parsers_answer_in_chinese(value: object) -> None:
    for fn in (cells.day, cells.birth, cells.id_number, cells.name, cells.text, cells.ethnicity, cells.sex):
        try:
            fn(value)
        except ValueError as exc:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)), (fn, value, exc)
    text = cells.text(value)
    for parse in (parse_flag, parse_stars, lambda t: parse_periods(t, TODAY)):
        try:
            parse(text)
        except ValueError as exc:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)), (parse, value, exc)


@FUZZ
@given(cell)
def test_fuzz_field_rules_raise_only_chinese_value_errors(value: object) -> None:
    for fn in (parse_date, clean_phone, clean_text, checked_name, parse_amount, parse_count):
        try:
            fn(value) if fn is not checked_name else fn(str(value))
        except ValueError as exc:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)), (fn, value, exc)
    assert text_problem(str(value), 200) is None or "字" in str(text_problem(str(value), 200))


@FUZZ
@given(st.lists(cell, min_size=8, max_size=8), st.booleans())
def test_fuzz_form_validators_refuse_in_chinese(values: list[object], confirmed: bool) -> None:
    name, number, sex, birth, phone, notes, relation, address = values
    attempts = [
        lambda: validate_resident(
            ResidentInput(
                name=name,
                id_number=number,
                sex=sex,
                birth_date=birth,
                phone=phone,
                notes=notes,
                relation=relation,
                confirmed=confirmed,
            )
        ),
        lambda: validate_household(HouseholdInput(number=number, address=address, phone=phone, notes=notes)),
        lambda: validate_member(
            MemberInput(name=name, id_number=number, joined_on=birth, post=relation, notes=notes, confirmed=confirmed)
        ),
        lambda: validate_cadre(
            CadreInput(name=name, post=relation, phone=phone, on_branch_committee=True, started_on=birth)  # type: ignore[arg-type]
        ),
        lambda: check_item(
            VoiceInput(received_on=birth, channel=sex, raised_by_name=name, content=notes, reply=address),
            TODAY,
            ("其他",),
        ),
    ]
    for attempt in attempts:
        try:
            record = attempt()
        except GovdeskError as exc:
            assert str(exc)
            continue
        if isinstance(record, dict):
            _no_invisible({k: v for k, v in record.items() if k != "search_keys"})


def test_fuzz_strategies_reach_the_nasty_cases() -> None:
    """The fuzzing above is only worth something if these values are among its inputs."""
    assert cells.text(datetime(1899, 1, 1)) == "1899-01-01"
    r = RowReader({"name": 0, "id_number": 1})
    r.start(2, ["李\u200b四", "", None])
    assert read_person(r, {}, TODAY) is None
    assert any("U+200B" in p.message for p in r.problems)
