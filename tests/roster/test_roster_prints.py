"""Printed roster and plaque: text extracted with pypdf, fonts embedded, the CLI drafts a missing month."""

from __future__ import annotations

from pathlib import Path

import pypdf
from PySide6.QtCore import QDate

from govdesk.cli import main
from govdesk.db import Database
from govdesk.services.bundle import Services
from govdesk.services.roster_prints import print_plaque, print_roster
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


def test_roster_tab_previews_and_archives_signed_roster(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """打印值班表 / 打印今日挂牌 open the engine's print preview; a signed-off roster is archived once saved."""
    from ui.jobs import JobRunner
    from ui.roster_tab import RosterTab

    jobs = JobRunner()
    services = Services.open(demo_db)
    tab = RosterTab(services, jobs)
    qtbot.addWidget(tab)
    tab.set_today(DEMO_TODAY)
    request = tab.print_roster()
    qtbot.waitUntil(lambda: request.dialog is not None or request.error is not None, timeout=30_000)
    assert request.error is None
    qtbot.addWidget(request.dialog)
    assert "2026年11月村干部值班表" in request.dialog.title and request.dialog.pages.count == 1
    request.dialog.save_as(str(tmp_path / "board.pdf"))
    assert len(request.archived) == 1 and "青山村" in _text(tmp_path / "board.pdf")
    request.dialog.close()

    plaque = tab.print_plaque()
    qtbot.waitUntil(lambda: plaque.dialog is not None or plaque.error is not None, timeout=30_000)
    qtbot.addWidget(plaque.dialog)
    assert services.roster.on_duty(DEMO_TODAY).name in plaque.dialog.title
    plaque.dialog.close()

    tab.month.setDate(QDate(2026, 12, 1))  # the draft: previewed, never archived
    draft = tab.print_roster()
    qtbot.waitUntil(lambda: draft.dialog is not None, timeout=30_000)
    qtbot.addWidget(draft.dialog)
    draft.dialog._output("printed")
    assert draft.archived == []
    draft.dialog.close()
    jobs.shutdown()
