"""Print preview in the window: pages rasterised with pypdfium2 (no QtPdf) in the JobRunner, painted
onto the QPrinter; 另存为 PDF; public prints archived once they leave the desk; the archive dialog."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtPrintSupport import QPrinter

from govdesk.db import Database
from govdesk.printing import NoticeDocument
from govdesk.services.bundle import Services
from ui.jobs import JobRunner
from ui.print_preview import PdfPrintPreview, choose_dpi, paint_pages, render_pdf_pages


@pytest.fixture
def jobs(qtbot) -> Iterator[JobRunner]:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    yield runner
    runner.shutdown()


def _notice_pdf() -> bytes:
    return NoticeDocument("关于王𠮷明同志的公示", ["正文。" * 200], "青山村村民委员会", date(2026, 11, 23)).to_pdf()


def test_render_pages_into_images() -> None:
    pdf = _notice_pdf()
    pages = render_pdf_pages(pdf)
    assert pages.count == len(pypdf.PdfReader(__import__("io").BytesIO(pdf)).pages) >= 2
    image = pages.images[0]
    assert not image.isNull() and image.width() > 1000  # 300 dpi A4 portrait
    assert image.height() > image.width()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    assert len(colours) > 1, "the page came out blank"


def test_long_documents_get_a_lower_resolution() -> None:
    a4 = (595.0, 842.0)
    assert choose_dpi([a4]) == 300
    assert 60 <= choose_dpi([a4] * 200) < 100


def test_preview_dialog_paints_and_saves(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = _notice_pdf()
    outputs: list[str] = []
    dialog = PdfPrintPreview(pdf, render_pdf_pages(pdf), "公示", on_output=outputs.append)
    qtbot.addWidget(dialog)
    dialog.show()  # not exec: tests never block on a modal loop
    qtbot.waitUntil(lambda: dialog.paint_count > 0)
    saved = dialog.save_as(str(tmp_path / "out"))
    assert saved == tmp_path / "out.pdf" and saved.read_bytes() == pdf
    assert outputs == ["saved"]
    assert dialog.save_action.text().startswith("另存为 PDF")
    dialog.close()


def test_pages_paint_onto_a_printer(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = _notice_pdf()
    pages = render_pdf_pages(pdf, dpi=72)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFullPage(True)
    paint_pages(printer, pages)
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == pages.count


def test_print_register_public_is_archived_when_saved(
    qtbot, demo_db: Database, jobs: JobRunner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui.print_actions import print_register

    services = Services.open(demo_db)
    request = print_register(None, services, jobs, "members", False)
    qtbot.waitUntil(lambda: request.dialog is not None or request.error is not None, timeout=20_000)
    assert request.error is None and request.dialog is not None
    dialog = request.dialog
    qtbot.addWidget(dialog)
    assert dialog.pages.count >= 1 and "党员花名册" in dialog.title
    dialog.save_as(str(tmp_path / "roster.pdf"))
    assert len(request.archived) == 1
    entry = request.archived[0]
    assert entry.kind == "register.members"
    assert services.printing.reprint(entry.id) == dialog.pdf
    dialog.close()


def test_internal_copy_is_not_archived(qtbot, demo_db: Database, jobs: JobRunner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.print_actions import print_register

    services = Services.open(demo_db)
    request = print_register(None, services, jobs, "members", True)
    qtbot.waitUntil(lambda: request.dialog is not None, timeout=20_000)
    assert request.dialog is not None
    qtbot.addWidget(request.dialog)
    request.dialog.save_as(str(tmp_path / "internal.pdf"))
    assert request.archived == [] and services.printing.count() == 0
    request.dialog.close()


def test_archive_dialog_lists_and_reprints(qtbot, qtmodeltester, db: Database, jobs: JobRunner) -> None:  # type: ignore[no-untyped-def]
    from ui.print_actions import open_archive_dialog

    services = Services.open(db)
    pdf = _notice_pdf()
    for i in range(3):
        services.printing.archive(pdf, kind="notice.test", title=f"公示{i}", pages=2)
    dialog = open_archive_dialog(None, services, jobs)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 3
    assert dialog.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "打印时间"
    assert not dialog.reprint_button.isEnabled()
    dialog.view.selectRow(0)
    assert dialog.reprint_button.isEnabled()
    dialog.reprint()
    request = dialog.last_request
    qtbot.waitUntil(lambda: request.dialog is not None or request.error is not None, timeout=10_000)
    assert request.dialog is not None and request.dialog.pdf == pdf
    qtbot.addWidget(request.dialog)
    request.dialog.save_as(str(Path(db.describe()).parent / "again.pdf"))
    assert services.printing.count() == 3  # a reprint is not archived again
    request.dialog.close()


def test_reprint_of_tampered_file_reports_error(qtbot, db: Database, jobs: JobRunner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.print_actions as actions

    shown: list[BaseException] = []
    monkeypatch.setattr(actions, "show_error", lambda exc, parent: shown.append(exc))
    services = Services.open(db)
    entry = services.printing.archive(b"%PDF-1.4 original", kind="notice.test", title="公示")
    entry.path.write_bytes(b"%PDF-1.4 changed")
    request = actions.reprint_archived(None, services, jobs, entry.id)
    qtbot.waitUntil(lambda: request.error is not None, timeout=10_000)
    assert "校验值不符" in str(request.error) and shown == [request.error]
    assert request.dialog is None
