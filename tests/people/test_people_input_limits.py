"""Issue H part 3 as a clerk meets it: the findings reproduced through ``govdesk import`` and each
shown fixed — a 1,000-character name, control characters, ages over 120, dates before 1900,
formula cells without values, and Excel files that are no Excel files."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from govdesk.cli import main
from govdesk.db import Database
from govdesk.models import Resident
from govdesk.services.excel_registers import ExcelRegisterService
from govdesk.services.village import VillageService
from tests.people.conftest import make_id

HEADER = ["户号", "姓名", "与户主关系", "公民身份号码", "住址", "备注"]
ID1 = make_id(date(1980, 1, 1), 11)
ID2 = make_id(date(1981, 1, 1), 13)


@pytest.fixture
def dbfile(tmp_path: Path) -> Path:
    path = tmp_path / "limits.sqlite3"
    db = Database(path)
    VillageService(db).create_village("青山村")
    db.dispose()
    return path


def _residents(dbfile: Path) -> list[str]:
    db = Database(dbfile)
    try:
        with db.session() as s:
            return list(s.scalars(select(Resident.name).order_by(Resident.id)))
    finally:
        db.dispose()


def _with_raw_text(path: Path, replacements: dict[str, str]) -> Path:
    """Put characters openpyxl itself refuses (BEL, ESC) into a saved workbook, as other programs do."""
    out = path.with_name("raw-" + path.name)
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/") or item.filename == "xl/sharedStrings.xml":
                for old, new in replacements.items():
                    data = data.replace(old.encode(), new.encode())
            zout.writestr(item, data)
    return out


def test_limits_thousand_character_name_is_refused_and_print_still_works(
    dbfile: Path, tmp_path: Path, write_xlsx, capsys
) -> None:
    path = write_xlsx([HEADER, ["001", "张" * 1000, "户主", ID1], ["002", "欧阳" + "明" * 28, "户主", ID2]])
    assert main(["--db", str(dbfile), "import", "households", str(path)]) == 1
    out = capsys.readouterr().out
    assert "第 2 行「姓名」：太长：1000 个字，姓名最多 30 个字" in out
    assert _residents(dbfile) == []
    assert main(["--db", str(dbfile), "import", "households", str(path), "--skip-invalid"]) == 0
    assert _residents(dbfile) == ["欧阳" + "明" * 28]
    capsys.readouterr()
    pdf = tmp_path / "register.pdf"
    assert main(["--db", str(dbfile), "print", "register", "households", "--out", str(pdf)]) == 0
    assert pdf.stat().st_size > 0


def test_limits_control_characters_are_refused_by_code_point_and_export_still_works(
    dbfile: Path, tmp_path: Path, write_xlsx, capsys
) -> None:
    clean = write_xlsx(
        [HEADER, ["001", "李ZW四", "户主", ID1, "青山村1组", "备注BEL"], ["002", "王五", "户主", ID2, "地址RLO", ""]]
    )
    path = _with_raw_text(clean, {"ZW": "\u200b", "BEL": "_x0007_", "RLO": "\u202e"})
    report_file = tmp_path / "bad.xlsx"
    assert main(["--db", str(dbfile), "import", "households", str(path), "--report", str(report_file)]) == 1
    out = capsys.readouterr().out
    assert "第 2 行「姓名」：含有不可见字符 U+200B" in out
    assert "第 2 行「备注」：含有不可见字符 U+0007" in out
    assert "第 3 行「住址」：含有不可见字符 U+202E" in out
    assert "\u200b" not in out and "\x07" not in out
    assert _residents(dbfile) == []
    bad = CalamineWorkbook.from_path(str(report_file)).get_sheet_by_index(0).to_python()
    assert bad[1][1] == "李⟨U+200B⟩四"  # the bad rows file shows where the character was
    # The same import that used to store them: now nothing invisible is stored, and export works.
    assert main(["--db", str(dbfile), "import", "households", str(clean)]) == 0
    out_file = tmp_path / "out.xlsx"
    assert main(["--db", str(dbfile), "export", "households", str(out_file)]) == 0
    assert out_file.stat().st_size > 0


def test_limits_age_over_120_is_a_problem_unless_confirmed(dbfile: Path, write_xlsx, capsys) -> None:
    old = make_id(date(1890, 3, 1), 17)
    path = write_xlsx([HEADER, ["001", "寿星", "户主", old]])
    assert main(["--db", str(dbfile), "import", "households", str(path)]) == 1
    assert "超过 120 岁" in capsys.readouterr().out
    assert _residents(dbfile) == []
    assert main(["--db", str(dbfile), "import", "households", str(path), "--confirm-ages"]) == 0
    assert _residents(dbfile) == ["寿星"]


def test_limits_dates_before_1900_and_formulas_without_values_are_named(dbfile: Path, tmp_path: Path, capsys) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "公民身份号码", "注销日期"])
    ws.append(["001", "甲", "户主", ID1, date(1899, 5, 1)])
    ws.append(["002", '=B2&"乙"', "户主", ID2, None])
    path = tmp_path / "dates.xlsx"
    wb.save(path)  # openpyxl saves formulas without results, as other programs' exports do
    assert main(["--db", str(dbfile), "import", "households", str(path)]) == 1
    out = capsys.readouterr().out
    assert "第 2 行「注销日期」：日期早于 1900 年" in out
    assert "00:00:00" not in out
    assert "第 3 行「姓名」：是公式，但文件里没有保存它的计算结果" in out
    assert "不能为空" not in out


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_bytes(b""), "是空的（0 字节）"),
        (lambda p: p.write_text("户号,姓名,公民身份号码\n001,张三,110101\n", encoding="gbk"), "其实是文本（CSV）文件"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), "不是 Excel 文件"),
        (lambda p: p.mkdir(), "是一个文件夹"),
    ],
)
def test_limits_excel_files_that_are_not_say_what_they_are(
    dbfile: Path, tmp_path: Path, write_xlsx, capsys, make, words: str
) -> None:
    path = tmp_path / "花名册.xlsx"
    make(path)
    assert main(["--db", str(dbfile), "import", "households", str(path)]) == 1
    err = capsys.readouterr().err
    assert words in err and "EOCD" not in err and "Traceback" not in err


def test_limits_truncated_and_missing_excel_files(dbfile: Path, tmp_path: Path, write_xlsx, capsys) -> None:
    whole = write_xlsx([HEADER, ["001", "甲", "户主", ID1]])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert main(["--db", str(dbfile), "import", "households", str(cut)]) == 1
    captured = capsys.readouterr()
    assert "不完整" in captured.err and captured.out == ""
    assert main(["--db", str(dbfile), "import", "households", str(tmp_path / "nope.xlsx")]) == 1
    captured = capsys.readouterr()
    assert "找不到文件" in captured.err and "找不到文件" not in captured.out


def test_limits_the_window_import_reports_the_same(dbfile: Path, write_xlsx) -> None:
    db = Database(dbfile)
    try:
        path = write_xlsx([HEADER, ["001", "张三2", "户主", ID1]])
        report = ExcelRegisterService(db).import_file("households", path)
        assert not report.written
        assert [p.message for p in report.problems] == [
            "含有不能用于姓名的字符“2”（U+0032）：姓名只能是汉字、间隔号“·”或拉丁字母"
        ]
        with db.session() as s:
            assert s.scalar(select(func.count(Resident.id))) == 0
    finally:
        db.dispose()
