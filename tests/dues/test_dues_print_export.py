"""``govdesk print dues`` and ``govdesk export dues`` on the demo village: text read back from the PDF,
the workbook read back cell by cell, the archive, and refusals as one Chinese line."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govdesk.cli import main
from govdesk.db import Database
from govdesk.dues.rules import CHARTER_WARNING, yuan
from govdesk.services.dues import DuesService
from govdesk.services.dues_report import BOOK_HEADS, DuesReports
from govdesk.services.printing import PrintService
from tests.conftest import DEMO_TODAY
from tests.dues.conftest import at
from tests.printing.print_pdfcheck import font_problems, page_texts, squeeze


def test_the_demo_has_rates_payments_and_members_behind(demo_db: Database) -> None:
    dues = DuesService(demo_db, clock=at(DEMO_TODAY))
    book = dues.year_book(2026)
    assert book and all(r.monthly_fen is not None for r in book.values())
    assert {r.monthly_fen for r in book.values()} >= {20, 50, 100}  # farmers 0.2–1 元
    assert max(r.monthly_fen or 0 for r in book.values()) >= 500  # salaried members pay more
    behind = dues.arrears_list()
    assert sorted(r.arrears.count for r in behind if not r.arrears.charter_warning) == [3, 4, 5]
    assert [r.arrears.run_length for r in behind if r.arrears.charter_warning] == [7]


def test_the_notice_prints_months_and_amounts_without_id_numbers(demo_db: Database, tmp_path: Path) -> None:
    reports = DuesReports(demo_db, today=DEMO_TODAY)
    rows = reports.notice_rows(2026)
    info = reports.notice_pdf(2026)
    text = squeeze("".join(page_texts(info.pdf)))
    assert "青山村2026年党费收缴情况公示" in text and "公开版" in text and "截至2026年10月" in text
    for name, _branch, rate, months, count, amount, _note in rows[:5] + rows[-3:]:
        assert squeeze(f"{name}") in text and squeeze(f"{rate}") in text and squeeze(f"{months}{count}{amount}") in text
    assert "欠缴7个月" in text
    assert not re.search(r"\d{17}[\dX]", text)  # no ID numbers on the board
    assert font_problems(info.pdf) == []


def test_print_through_the_cli_is_archived(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "dues.pdf"
    assert main(["--db", path, "print", "dues", "--year", "2026", "--out", str(out)]) == 0
    assert "已存档" in capsys.readouterr().out
    assert "党费收缴情况公示" in squeeze("".join(page_texts(out.read_bytes())))
    assert [e.kind for e in PrintService(Database(path)).archived()] == ["dues.notice"]


@pytest.mark.parametrize(
    "argv", [["print", "dues", "--year", "26", "--out", "x.pdf"], ["export", "dues", "x.xlsx", "--year", "1999"]]
)
def test_a_bad_year_is_one_chinese_line_and_no_file(demo_db: Database, tmp_path: Path, capsys, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    path = demo_db.describe()
    demo_db.dispose()
    argv = [a if not a.startswith("x.") else str(tmp_path / a) for a in argv]
    assert main(["--db", path, *argv]) == 1
    err = capsys.readouterr().err
    assert "应写成四位年份" in err and "Traceback" not in err
    assert not list(tmp_path.glob("x.*"))


def test_the_export_reads_back_as_the_book_and_the_ledger(demo_db: Database, tmp_path: Path) -> None:
    dues = DuesService(demo_db, clock=at(DEMO_TODAY))
    wang = next(iter(dues.year_book(2026)))
    line = dues.payments(wang, 2026)[0]
    reversal = dues.reverse(line.id, "金额登记错误")
    out = tmp_path / "dues.xlsx"
    n = DuesReports(demo_db, today=DEMO_TODAY).export_year(2026, out)
    book = dues.ordered(2026, DEMO_TODAY)
    wb = load_workbook(out)
    sheet = wb["2026年党费收缴台账"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == BOOK_HEADS and n == len(book) == len(rows) - 1
    for r, got in zip(book, rows[1:], strict=True):
        assert got[0] == r.name and got[1] == r.branch
        assert Decimal(str(got[2])).quantize(Decimal("0.01")) == Decimal(yuan(r.monthly_fen or 0))
        assert tuple(v or "" for v in got[3:15]) == r.marks
        assert got[15] == len(r.paid_months) and Decimal(str(got[16])).quantize(Decimal("0.01")) == Decimal(
            yuan(r.paid_fen)
        )
        assert got[17] == r.arrears.count and (CHARTER_WARNING in (got[18] or "")) == r.arrears.charter_warning
    ledger = list(wb["交费记录"].iter_rows(values_only=True))
    by_id = {row[0]: row for row in ledger[1:]}
    assert by_id[reversal][10] == line.id and Decimal(str(by_id[reversal][5])) == -Decimal(yuan(line.amount_fen))
    assert len(by_id) == len(dues.ledger(2026))
    assert by_id[line.id][6].date() == line.paid_on  # a date cell
    assert date(2026, 1, 1) <= line.paid_on <= DEMO_TODAY


@pytest.mark.parametrize(
    ("rows", "summary"),
    [
        # (姓名, 支部, 月交纳额, 已交月份, 已交月数, 已交金额, 备注)
        ([("甲", "一支部", "0.50", "1—10 月", "10", "5.00", "")], "已交清 1 名，合计收缴 5.00 元"),
        ([("乙", "一支部", "0.50", "1—3 月", "3", "1.50", "欠缴 7 个月")], "已交清 0 名，合计收缴 1.50 元"),
        # no monthly amount set: owes nothing yet, but is not counted as paid up
        (
            [
                ("丙", "一支部", "未设定", "未交", "0", "0.00", ""),
                ("甲", "一支部", "0.50", "1—10 月", "10", "5.00", ""),
            ],
            "已交清 1 名，未设定月交纳额 1 名，合计收缴 5.00 元",
        ),
    ],
)
def test_the_notice_summary_counts_only_members_with_an_amount_as_paid_up(
    rows: list[tuple[str, ...]], summary: str
) -> None:
    from govdesk.services.dues_report import notice_summary

    assert notice_summary(rows) == summary
