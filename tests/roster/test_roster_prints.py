"""Printed roster and plaque: text extracted with pypdf, fonts embedded, the CLI drafts a missing month."""

from __future__ import annotations

from pathlib import Path

import pypdf

from govdesk.cli import main
from govdesk.db import Database
from govdesk.roster.prints import print_plaque, print_roster
from govdesk.services.bundle import Services
from tests.conftest import DEMO_TODAY


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def _fonts_embedded(path: Path) -> bool:
    reader = pypdf.PdfReader(str(path))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            desc = target.get("/FontDescriptor")
            if desc is None or not any(k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                return False
    return True


def test_roster_print_signed_month_text(demo_db: Database, tmp_path: Path) -> None:

    services = Services.open(demo_db)
    view = services.roster.roster("2026-11")
    out = print_roster(services, "2026-11", tmp_path / "roster.pdf")
    text = _text(out)
    assert "青山村2026年11月村干部值班表" in text
    assert "两委例会" in text and view.signed_by in text and "2026年10月29日" in text
    for rd in view.days:
        assert rd.cadre is not None and rd.cadre.name in text
    # The duty phones are public work numbers: printed in full on the board.
    assert view.days[0].cadre.phone in text
    assert "换班" in text and "草稿" not in text
    assert _fonts_embedded(out)


def test_roster_print_masked_phones(demo_db: Database, tmp_path: Path) -> None:

    services = Services.open(demo_db)
    view = services.roster.roster("2026-11")
    text = _text(print_roster(services, "2026-11", tmp_path / "r.pdf", mask_phones=True))
    phone = view.days[0].cadre.phone
    assert phone not in text and f"{phone[:3]}****{phone[-4:]}" in text


def test_roster_plaque_text(demo_db: Database, tmp_path: Path) -> None:

    services = Services.open(demo_db)
    cadre = services.roster.on_duty(DEMO_TODAY)
    text = _text(print_plaque(services, DEMO_TODAY, tmp_path / "p.pdf"))
    assert cadre.name in text and cadre.post in text and cadre.phone in text and "挂牌上岗" in text


def test_roster_cli_drafts_missing_month_then_prints(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "jan.pdf"
    code = main(["--db", str(demo_db.engine.url.database), "print", "roster", "--month", "2027-01", "--out", str(out)])
    assert code == 0
    said = capsys.readouterr().out
    assert "已先生成草稿" in said and "2027 年" in said
    text = _text(out)
    assert "草稿" in text and "2027年1月" in text and "尚未收录" in text
    assert Services.open(demo_db).roster.roster("2027-01").status == "草稿"
    plaque = tmp_path / "plaque.pdf"
    assert (
        main(
            ["--db", str(demo_db.engine.url.database), "print", "plaque", "--date", "2027-01-05", "--out", str(plaque)]
        )
        == 0
    )
    assert plaque.stat().st_size > 1000


def test_roster_cli_bad_month_is_refused(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(
        [
            "--db",
            str(demo_db.engine.url.database),
            "print",
            "roster",
            "--month",
            "2026-13",
            "--out",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert code == 1
    assert "值班月份" in capsys.readouterr().err


def test_roster_tab_prints_through_the_job_runner(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.jobs import JobRunner
    from ui.roster_tab import RosterTab

    jobs = JobRunner()
    tab = RosterTab(Services.open(demo_db), jobs)
    qtbot.addWidget(tab)
    tab.set_today(DEMO_TODAY)
    assert tab.btn_print.isEnabled() and tab.btn_plaque.isEnabled()
    tab.ask_save_path = lambda suggested: str(tmp_path / suggested)
    tab.print_roster()
    qtbot.waitUntil(lambda: tab.last_printed is not None, timeout=20_000)
    assert tab.last_printed.name == "值班表-2026-11.pdf" and "青山村" in _text(tab.last_printed)
    tab.last_printed = None
    tab.print_plaque()
    qtbot.waitUntil(lambda: tab.last_printed is not None, timeout=20_000)
    assert tab.services.roster.on_duty(DEMO_TODAY).name in _text(tab.last_printed)
    jobs.shutdown()
