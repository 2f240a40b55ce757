"""Messy-register rules, one table row per feature (DOMAIN.md: how registers come)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from govdesk.importing import import_households
from govdesk.models import Household, Resident
from tests.people.conftest import HEADER, make_id

B1 = date(1990, 1, 5)
ID1 = make_id(B1, 11)  # male
ID2 = make_id(date(1992, 3, 8), 22)  # female
ID1_X = next(make_id(date(1980, 2, 1), s) for s in range(1, 999, 2) if make_id(date(1980, 2, 1), s).endswith("X"))


def fullwidth(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789X"})


def rows(*people: list[object], title: bool = False, footer: bool = False) -> list[list[object]]:
    out: list[list[object]] = []
    if title:
        out += [["青山村农户花名册（2026年）"], ["填报单位：青山村村委会", None, None, "日期：2026-11-01"]]
    out.append(HEADER)
    out += [list(p) for p in people]
    if footer:
        out += [[], ["合计", "2人"], ["注：本表由村委会填写"]]
    return out


# (rule, register rows, expected (name, birth) of imported residents)
ACCEPTED = [
    ("dates as date cells", rows(["0100001", "张三", "户主", "男", "汉族", datetime(1990, 1, 5), ID1]), B1),
    ("1990.1.5", rows(["0100001", "张三", "户主", "男", "汉族", "1990.1.5", ID1]), B1),
    ("1990年1月5日", rows(["0100001", "张三", "户主", "男", "汉族", "1990年1月5日", ID1]), B1),
    ("19900105 text", rows(["0100001", "张三", "户主", "男", "汉族", "19900105", ID1]), B1),
    ("19900105 number", rows(["0100001", "张三", "户主", "男", "汉族", 19900105, ID1]), B1),
    ("1990/01/05", rows(["0100001", "张三", "户主", "男", "汉族", "1990/01/05", ID1]), B1),
    ("full-width digits", rows(["0100001", "张三", "户主", "男", "汉族", "１９９０.１.５", fullwidth(ID1)]), B1),
    (
        "stray spaces",
        rows([" 0100001 ", " 张  三 ", " 户主 ", "男 ", "汉族", " 1990-01-05 ", f" {ID1[:6]} {ID1[6:]} "]),
        B1,
    ),
    (
        "title rows and footer",
        rows(["0100001", "张三", "户主", "男", "汉族", "1990-01-05", ID1], title=True, footer=True),
        B1,
    ),
    ("blank birth date filled from the ID", rows(["0100001", "张三", "户主", "", "", None, ID1]), B1),
    ("birth cell of spaces only", rows(["0100001", "张三", "户主", "", "", " \u3000 ", ID1]), B1),
    ("出生年月 1990.01", rows(["0100001", "张三", "户主", "男", "汉族", "1990.01", ID1]), B1),
    ("出生年月 1990年1月", rows(["0100001", "张三", "户主", "男", "汉族", "1990年1月", ID1]), B1),
    ("出生年月 199001", rows(["0100001", "张三", "户主", "男", "汉族", "199001", ID1]), B1),
    ("出生年月 as the number 1990.1", rows(["0100001", "张三", "户主", "男", "汉族", 1990.1, ID1]), B1),
]


@pytest.mark.parametrize(("rule", "register", "birth"), ACCEPTED, ids=[a[0] for a in ACCEPTED])
def test_people_messy_register_is_read(village_db, write_xlsx, rule, register, birth) -> None:
    report = import_households(village_db, write_xlsx(register))
    assert report.problems == [], rule
    with village_db.session() as s:
        r = s.scalars(select(Resident)).one()
    assert (r.name, r.birth_date, r.id_number, r.sex) == ("张三", birth, ID1, "男")


def test_people_lowercase_x_and_header_variants(village_db, write_xlsx) -> None:
    register = [
        ["户号", "姓名", "关系", "性别", "身份证号码", "组别"],
        ["0100002", "李四", "户主", "男" if int(ID1_X[16]) % 2 else "女", ID1_X.lower(), "1"],
    ]
    report = import_households(village_db, write_xlsx(register))
    assert report.problems == []
    with village_db.session() as s:
        assert s.scalar(select(Resident.id_number)) == ID1_X


# (rule, bad cell, expected column, words in the reason)
REFUSED = [
    ("bad checksum", {"id": ID1[:-1] + ("0" if ID1[-1] != "0" else "1")}, "公民身份号码", "校验位"),
    ("old 15-digit number", {"id": "330784900105123"}, "公民身份号码", "15 位"),
    ("impossible date", {"birth": "1990-02-30"}, "出生日期", "不存在"),
    ("missing name", {"name": ""}, "姓名", "不能为空"),
    ("birth date disagrees with ID", {"birth": "1991-01-05"}, "出生日期", "不符"),
    ("出生年月 disagrees with ID", {"birth": "1990.02"}, "出生日期", "不符"),
    ("出生年月 with no such month", {"birth": "1990.13"}, "出生日期", "无法识别"),
    ("sex disagrees with ID", {"sex": "女"}, "性别", "不符"),
    ("missing relation", {"relation": ""}, "与户主关系", "不能为空"),
    ("bad phone", {"phone": "12345"}, "联系电话", "手机号"),
]


@pytest.mark.parametrize(("rule", "bad", "column", "words"), REFUSED, ids=[r[0] for r in REFUSED])
def test_people_bad_row_is_reported_by_excel_row(village_db, write_xlsx, rule, bad, column, words) -> None:
    good = ["0100001", "王五", "户主", "女", "汉族", "1992-03-08", ID2, "13812345678", "第一组"]
    row = ["0100002", bad.get("name", "张三"), bad.get("relation", "户主"), bad.get("sex", "男"), "汉族"]
    row += [bad.get("birth", "1990-01-05"), bad.get("id", ID1), bad.get("phone", ""), "第一组"]
    register = rows(good, row, title=True)  # title rows: the bad row is Excel row 5
    report = import_households(village_db, write_xlsx(register))
    assert not report.written
    assert [(p.row, p.column) for p in report.problems] == [(5, column)], rule
    assert words in report.problems[0].message
    with village_db.session() as s:  # all-or-nothing: the good row was not written either
        assert s.scalar(select(func.count(Resident.id))) == 0


def test_people_problem_names_the_column_as_the_file_does(village_db, write_xlsx) -> None:
    register = [
        ["户号", "姓 名", "关系", "性别", "出生年月", "身份证号码"],
        ["0100002", "李四", "户主", "男", "1990.02", ID1],
        ["0100002", "", "妻", "", "", ID2],
    ]
    report = import_households(village_db, write_xlsx(register))
    assert [(p.row, p.column) for p in report.problems] == [(2, "出生年月"), (3, "姓名")]


def test_people_duplicate_id_inside_file(village_db, write_xlsx) -> None:
    register = rows(
        ["0100001", "张三", "户主", "男", "汉族", "", ID1],
        ["0100001", "张叁", "长子", "男", "汉族", "", ID1],
    )
    report = import_households(village_db, write_xlsx(register))
    assert [(p.row, p.column) for p in report.problems] == [(3, "公民身份号码")]
    assert "第 2 行" in report.problems[0].message


def test_people_grouping_by_head_rows_without_number_column(village_db, write_xlsx) -> None:
    header = ["姓名", "与户主关系", "公民身份号码"]
    ids = [make_id(date(1960 + i, 1, 1), 11 + 2 * i) for i in range(5)]
    register = [
        header,
        ["甲", "户主", ids[0]],
        ["乙", "长子", ids[1]],
        [],
        ["丙", "户主", ids[2]],
        ["丁", "长子", ids[3]],
        ["戊", "次子", ids[4]],
    ]
    report = import_households(village_db, write_xlsx(register))
    assert report.problems == [] and report.households_created == 2
    with village_db.session() as s:
        sizes = sorted(s.scalars(select(func.count(Resident.id)).group_by(Resident.household_id)).all())
    assert sizes == [2, 3]


def test_people_grouping_by_number_column(village_db, write_xlsx) -> None:
    ids = [make_id(date(1960 + i, 1, 1), 11 + 2 * i) for i in range(3)]
    register = rows(
        ["07", "甲", "户主", "", "", "", ids[0]],
        ["08", "乙", "户主", "", "", "", ids[1]],
        ["07", "丙", "长子", "", "", "", ids[2]],
    )
    import_households(village_db, write_xlsx(register))
    with village_db.session() as s:
        numbers = dict(
            s.execute(select(Household.number, func.count(Resident.id)).join(Resident).group_by(Household.number)).all()
        )
    assert numbers == {"07": 2, "08": 1}


def test_people_full_width_household_number_is_the_same_household(village_db, write_xlsx) -> None:
    """An input method's ０７ and a typed 07 are one household, stored as 07 (found by a search for 07)."""
    register = rows(
        [fullwidth("07"), "甲", "户主", "", "汉", "", ID1],
        ["07", "乙", "妻", "", "回", "", ID2],
    )
    report = import_households(village_db, write_xlsx(register))
    assert report.problems == [] and report.households_created == 1
    with village_db.session() as s:
        assert s.scalars(select(Household.number)).all() == ["07"]
        assert dict(s.execute(select(Resident.name, Resident.ethnicity)).all()) == {"甲": "汉族", "乙": "回族"}


def test_people_skipped_head_conflict_is_in_the_bad_rows_file(village_db, write_xlsx) -> None:
    """A row refused against the database (another head for a household on file) is skipped
    with --skip-invalid AND saved among the bad rows, like a row refused by the sheet checks."""
    import_households(village_db, write_xlsx(rows(["07", "甲", "户主", "", "", "", ID1])))
    other = make_id(date(1971, 6, 1), 33)
    again = rows(["07", "乙", "户主", "", "", "", ID2], ["08", "丙", "户主", "", "", "", other])
    report = import_households(village_db, write_xlsx(again), skip_invalid=True)
    assert report.written and report.created == 1
    assert [(p.row, p.column) for p in report.problems] == [(2, "与户主关系")]
    assert [n for n, _cells in report.bad_rows] == [2]


def test_people_two_heads_in_one_household_refused(village_db, write_xlsx) -> None:
    register = rows(["07", "甲", "户主", "", "", "", ID1], ["07", "乙", "户主", "", "", "", ID2])
    report = import_households(village_db, write_xlsx(register))
    assert [(p.row, p.column) for p in report.problems] == [(3, "与户主关系")]
