"""党费 on paper and in Excel: the 收缴情况公示 for the board, and the year's book as a workbook.

The notice is public (names stay, as the branch posts who has paid; no ID numbers or phones are
in it at all) and archived when printed. Imports reportlab (through govdesk.printing) and
openpyxl (through the Excel layer), so only the print/export paths import this.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from govdesk.db import Database
from govdesk.dues.rules import MONTHS, last_due_month, to_decimal, yuan
from govdesk.importing.exporting import _new_workbook, _save
from govdesk.printing import PUBLIC, BuildInfo, Column, TableDocument
from govdesk.services.dues_book import UNSET_RATE, MemberYear, months_text
from govdesk.services.dues_query import DuesQueries
from govdesk.services.printing import register_print_kind
from govdesk.services.village import VillageService

ARCHIVE_NOTICE = "dues.notice"
register_print_kind(ARCHIVE_NOTICE, "党费收缴情况公示")
BOOK_HEADS = (
    "姓名",
    "所在支部",
    "月交纳额（元）",
    *(f"{m}月" for m in range(1, MONTHS + 1)),
    "本年已交（月）",
    "本年已交（元）",
    "欠缴（月）",
    "提示",
)
LEDGER_HEADS = (
    "编号",
    "姓名",
    "年度",
    "起始月",
    "截止月",
    "金额（元）",
    "交纳日期",
    "收据号",
    "收款人",
    "备注",
    "更正第几笔",
)


def check_year(year: int) -> int:
    from govdesk.labels import label
    from govdesk.validation import ledger_year

    return ledger_year(year, "dues_year", label("dues_year"))


def _note(r: MemberYear) -> str:
    if r.monthly_fen == 0:
        return "免交"
    if r.arrears.count:
        return f"欠缴 {r.arrears.count} 个月"
    return ""


def notice_summary(rows: list[tuple[str, ...]]) -> str:
    """已交清 counts the members with a monthly amount set and nothing owed: a member whose amount
    is not set owes nothing yet, but has not paid up either — they are counted apart."""
    total = sum(int(r[5].replace(".", "")) for r in rows)
    unset = sum(1 for r in rows if r[2] == UNSET_RATE)
    cleared = sum(1 for r in rows if r[2] != UNSET_RATE and not r[6].startswith("欠缴"))
    pending = f"，未设定月交纳额 {unset} 名" if unset else ""
    return f"已交清 {cleared} 名{pending}，合计收缴 {yuan(total)} 元"


class DuesReports:
    def __init__(self, db: Database, today: date | None = None) -> None:
        self.db = db
        self.queries = DuesQueries(db)
        self.day = today or self.queries.today()

    def notice_rows(self, year: int) -> list[tuple[str, ...]]:
        """(姓名, 所在支部, 月交纳额, 已交月份, 已交月数, 已交金额, 备注) per member of the year's book."""
        return [
            (
                r.name,
                r.branch,
                yuan(r.monthly_fen) if r.monthly_fen is not None else UNSET_RATE,
                months_text(r.paid_months) if r.paid_months else "未交",
                str(len(r.paid_months)),
                yuan(r.paid_fen),
                _note(r),
            )
            for r in self.queries.ordered(check_year(year), self.day)
        ]

    def notice_pdf(self, year: int) -> BuildInfo:
        """党费收缴情况公示: member, months paid, amount — for the board (public, archived)."""
        rows = self.notice_rows(year)
        ly, lm = last_due_month(self.day)
        upto = f"截至{ly}年{lm}月" if (ly, lm) < (year, 12) else "全年"
        subtitle = f"{upto}：{notice_summary(rows)}"
        columns = [
            Column("name", "姓名", 1.3),
            Column("branch", "所在支部", 1.6),
            Column("rate", "月交纳额（元）", 1.2),
            Column("months", "已交月份", 2.0),
            Column("count", "已交月数", 1.0),
            Column("amount", "已交金额（元）", 1.2),
            Column("note", "备注", 1.4),
        ]
        title = f"{VillageService(self.db).title()}{year}年党费收缴情况公示"
        return TableDocument(title, columns, rows, policy=PUBLIC, subtitle=subtitle).build()

    def export_year(self, year: int, path: Path) -> int:
        """The year's book (one row per member, a column per month) and its ledger, as a workbook."""
        year = check_year(year)
        book = self.queries.ordered(year, self.day)
        wb = _new_workbook()
        sheet = wb.create_sheet(f"{year}年党费收缴台账")
        sheet.append(list(BOOK_HEADS))
        for r in book:
            sheet.append(
                [
                    r.name,
                    r.branch,
                    to_decimal(r.monthly_fen) if r.monthly_fen is not None else UNSET_RATE,
                    *r.marks,
                    len(r.paid_months),
                    to_decimal(r.paid_fen),
                    r.arrears.count,
                    r.arrears.text() if r.arrears.listed else "",
                ]
            )
        names = {r.member_id: r.name for r in book}
        ledger = wb.create_sheet("交费记录")
        ledger.append(list(LEDGER_HEADS))
        for line in self.queries.ledger(year):
            ledger.append(
                [
                    line.id,
                    names.get(line.member_id, ""),
                    line.year,
                    line.first_month,
                    line.last_month,
                    to_decimal(line.amount_fen),
                    line.paid_on,
                    line.receipt_no,
                    line.taken_by,
                    line.note,
                    line.reverses_id or "",
                ]
            )
        _save(wb, Path(path))
        return len(book)
