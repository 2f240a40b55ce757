"""``govdesk import`` / ``export``: exit codes 0 / 1 / 2, bad rows by Excel row number,
all-or-nothing vs --skip-invalid vs --dry-run, --report writes re-importable bad rows."""

from __future__ import annotations

from datetime import date

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from govdesk.cli import main
from govdesk.db import Database
from govdesk.models import Resident
from govdesk.services.village import VillageService
from tests.people.conftest import make_id

GOOD1 = make_id(date(1980, 1, 1), 11)
GOOD2 = make_id(date(1981, 1, 1), 13)
BAD = GOOD2[:-1] + ("0" if GOOD2[-1] != "0" else "1")


@pytest.fixture
def setup(tmp_path, write_xlsx):
    dbfile = tmp_path / "cli.sqlite3"
    VillageService(Database(dbfile)).create_village("青山村")
    rows = [
        ["青山村花名册"],
        ["户号", "姓名", "与户主关系", "公民身份号码"],
        ["01", "甲", "户主", GOOD1],
        ["02", "乙", "户主", BAD],
        ["合计", "2 人"],
    ]
    return dbfile, write_xlsx(rows)


def _count(dbfile) -> int:
    with Database(dbfile).session() as s:
        return int(s.scalar(select(func.count(Resident.id))))


def test_people_cli_all_or_nothing(setup, capsys) -> None:
    dbfile, xlsx = setup
    assert main(["--db", str(dbfile), "import", "households", str(xlsx)]) == 1
    out = capsys.readouterr().out
    assert "第 4 行「公民身份号码」" in out and "校验位" in out
    assert _count(dbfile) == 0


def test_people_cli_dry_run(setup, capsys) -> None:
    dbfile, xlsx = setup
    assert main(["--db", str(dbfile), "import", "households", str(xlsx), "--dry-run"]) == 1
    assert _count(dbfile) == 0


def test_people_cli_skip_invalid_and_report(setup, tmp_path, capsys) -> None:
    dbfile, xlsx = setup
    report = tmp_path / "bad.xlsx"
    code = main(["--db", str(dbfile), "import", "households", str(xlsx), "--skip-invalid", "--report", str(report)])
    assert code == 0
    assert _count(dbfile) == 1
    rows = CalamineWorkbook.from_path(str(report)).get_sheet_by_index(0).to_python()
    assert rows[0][:4] == ["户号", "姓名", "与户主关系", "公民身份号码"] and rows[0][4] == "问题"
    assert rows[1][1] == "乙" and "校验位" in rows[1][4]
    # the clerk fixes the number in the saved file and imports it again
    from openpyxl import load_workbook

    wb = load_workbook(report)
    wb.active.cell(row=2, column=4).value = GOOD2
    wb.save(report)
    assert main(["--db", str(dbfile), "import", "households", str(report)]) == 0
    assert _count(dbfile) == 2


def test_people_cli_usage_and_export(setup, tmp_path, capsys) -> None:
    dbfile, xlsx = setup
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(dbfile), "import", "cows", str(xlsx)])
    assert exc.value.code == 2
    assert main(["--db", str(dbfile), "import", "households", str(xlsx), "--skip-invalid"]) == 0
    out = tmp_path / "out.xlsx"
    assert main(["--db", str(dbfile), "export", "households", str(out)]) == 0
    assert main(["--db", str(dbfile), "export", "template-members", str(tmp_path / "t.xlsx")]) == 0
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert rows[1][1] == "甲" and rows[1][6] == GOOD1


def test_people_cli_check_and_reindex(setup, capsys) -> None:
    dbfile, xlsx = setup
    assert main(["--db", str(dbfile), "import", "households", str(xlsx), "--skip-invalid"]) == 0
    with Database(dbfile).transaction() as s:
        from govdesk.models import ResidentSearchKey

        s.query(ResidentSearchKey).delete()
    assert main(["--db", str(dbfile), "check"]) == 1
    assert "搜索索引" in capsys.readouterr().out
    assert main(["--db", str(dbfile), "reindex"]) == 0
    assert main(["--db", str(dbfile), "check"]) == 0


def test_people_cli_a_database_that_cannot_open_while_the_file_is_read(setup, tmp_path, capsys) -> None:
    """The workbook is read on a thread while the database opens: a database that cannot be opened
    is still one message and exit 1, and the reading thread does not hold the command."""
    _dbfile, xlsx = setup
    missing = tmp_path / "nope.sqlite3"
    assert main(["--db", str(missing), "import", "households", str(xlsx)]) == 1
    captured = capsys.readouterr()
    assert str(missing.name) in captured.err and "Traceback" not in captured.err
    assert not missing.exists()


def test_people_background_read_hands_over_the_sheet_or_its_error(setup, tmp_path) -> None:
    from govdesk.importing.headers import HOUSEHOLD_FIELDS
    from govdesk.importing.sheet import RegisterFormatError, read_register, read_register_in_background

    _dbfile, xlsx = setup
    sheet = read_register_in_background(xlsx, HOUSEHOLD_FIELDS, "households").result(timeout=60)
    assert sheet == read_register(xlsx, HOUSEHOLD_FIELDS, "households")
    text = tmp_path / "花名册.xlsx"
    text.write_text("户号,姓名\n001,张三\n", encoding="utf-8")
    with pytest.raises(RegisterFormatError, match="其实是文本（CSV）文件"):
        read_register_in_background(text, HOUSEHOLD_FIELDS, "households").result(timeout=60)
