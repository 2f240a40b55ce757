"""``govdesk dues``: a payment whose amount does not match is recorded only with --confirm; a month
already paid is one Chinese line naming it; arrears listed; 同上年."""

from __future__ import annotations

from govdesk.cli import main
from govdesk.db import Database
from govdesk.services.dues import DuesService
from tests.conftest import DEMO_TODAY
from tests.dues.conftest import at


def test_pay_asks_for_confirm_then_refuses_a_month_paid(demo_db: Database, capsys) -> None:  # type: ignore[no-untyped-def]
    dues = DuesService(demo_db, clock=at(DEMO_TODAY))
    behind = dues.arrears_list()[-1]
    first = behind.arrears.months[0] % 12 + 1
    lines = len(dues.payments(behind.member_id))
    path = demo_db.describe()
    demo_db.dispose()
    argv = ["--db", path, "dues", "pay", "--member", str(behind.member_id), "--year", "2026"]
    argv += ["--months", f"{first}-10", "--amount", "99", "--paid-on", "2026-11-20"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "确定按此金额登记吗" in err and "--confirm" in err and "Traceback" not in err
    assert len(dues.payments(behind.member_id)) == lines  # nothing written
    assert main([*argv, "--confirm"]) == 0
    assert "已登记第" in capsys.readouterr().out
    assert main([*argv, "--confirm"]) == 1
    assert f"2026年{first}月的党费已于 2026-11-20 交纳" in capsys.readouterr().err
    assert len(dues.payments(behind.member_id)) == lines + 1


def test_arrears_and_same_as_last_year(demo_db: Database, capsys) -> None:  # type: ignore[no-untyped-def]
    path = demo_db.describe()
    demo_db.dispose()
    assert main(["--db", path, "dues", "arrears"]) == 0
    out = capsys.readouterr().out
    assert "（4 名）" in out and out.count("连续六个月不交纳党费") == 1
    assert main(["--db", path, "dues", "rates", "--year", "2027", "--same-as-last-year"]) == 0
    assert "设定2027年的月交纳额" in capsys.readouterr().out
    assert main(["--db", path, "dues", "rates", "--year", "2030", "--same-as-last-year"]) == 1
    assert "2029年还没有设定" in capsys.readouterr().err
