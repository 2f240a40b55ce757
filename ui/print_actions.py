"""Print actions the window wires to buttons: build a PDF in a job, preview it, archive public prints.

``print_register(parent, services, jobs, kind, full)`` — the 打印 button of the members and
households tabs (公开版 / 内部版). ``preview_document(...)`` does the same for any print of other
capabilities (duty roster, decision notice, points wall): pass a function that builds the
``BuildInfo``/``PrintedDocument`` and the archive kind.

Everything slow — laying out the PDF and rasterising its pages — runs in the JobRunner with a
progress dialog (第 X 页 共 Y 页 as pages are laid out) and 取消; the preview opens on the GUI
thread when the job is done. A register longer than ``PREVIEW_MAX_ROWS`` (a township's 1,900
pages would need gigabytes of page images) is saved straight to a PDF file the clerk chooses
(``save_register_pdf``) and opened in the PDF reader. A public print is archived (打印存档) once
it has been printed or saved; internal copies (内部资料) are not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import qtawesome as qta
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from govdesk.actor import may_write
from govdesk.errors import RefusedError
from govdesk.services.bundle import Services
from ui.jobs import JobContext, JobHandle, JobRunner, show_error
from ui.print_archive_dialog import PrintArchiveDialog

if TYPE_CHECKING:  # the PDF engine and the preview (pypdfium2, QtPrintSupport) load when something prints
    from govdesk.printing.templates import BuildInfo
    from govdesk.services.printing import ArchiveEntry, PrintedDocument
    from ui.print_preview import PdfPrintPreview, RenderedPages

    Document = PrintedDocument | BuildInfo

Progress = Callable[[int, int, str], None]
PREVIEW_MAX_ROWS = 6_000  # ≈ 200 pages: longer registers are saved as a file, not rasterised for a preview


@dataclass
class PrintRequest:
    """What one print action started; ``dialog`` is set once the preview is open (tests look at it)."""

    handle: JobHandle[Any] | None = None
    dialog: PdfPrintPreview | None = None
    archived: list[Any] = field(default_factory=list)
    error: BaseException | None = None
    saved: Path | None = None  # a long register saved straight to a file
    notice: QMessageBox | None = None  # "saved, N pages" shown afterwards


def _job_progress(ctx: JobContext) -> Progress:
    """The domain's ``progress(done, total, text)`` fed into the job's dialog; raises once 取消 is pressed."""

    def progress(done: int, total: int, text: str) -> None:
        ctx.check()
        ctx.progress(done, total, text)

    return progress


def preview_document(
    parent: QWidget | None,
    services: Services,
    jobs: JobRunner,
    build: Callable[[Progress], Document],
    kind: str,
    *,
    label: str = "正在生成 PDF…",
    archive: bool = True,
) -> PrintRequest:
    """Build a document in a job (``build(progress)``), then open the print preview.

    ``progress(done, total, text)`` reports to the progress dialog and stops the build when 取消
    is pressed.
    Public documents are archived under ``kind`` when printed or saved (unless ``archive`` is off,
    e.g. when reprinting from the archive).
    """
    import govdesk.printing  # noqa: F401 - the PDF engine loads here on the GUI thread, not inside the job
    from ui.print_preview import PdfPrintPreview, render_pdf_pages

    request = PrintRequest()
    if archive and not may_write(services.db.actor):  # a print is archived: a 查看 user is refused first
        request.error = RefusedError(f"“{services.db.actor.name}”是查看用户，只能查看，不能打印存档的文件")
        show_error(request.error, parent)
        return request

    def work(ctx: JobContext) -> tuple[Document, RenderedPages]:
        doc = build(_job_progress(ctx))
        return doc, render_pdf_pages(doc.pdf, ctx)

    def done(result: tuple[Document, RenderedPages]) -> None:
        doc, pages = result

        def on_output(_how: str) -> None:
            if not archive:
                return  # an internal copy goes through printed() too: not archived, but audited
            try:
                entry = services.printing.printed(doc, kind=kind)
            except Exception as exc:  # noqa: BLE001 - shown to the clerk, the print itself succeeded
                show_error(exc, parent)
                return
            if entry is not None:
                request.archived.append(entry)

        request.dialog = PdfPrintPreview(doc.pdf, pages, doc.title, parent, on_output=on_output)
        request.dialog.open()

    def failed(exc: BaseException) -> None:
        request.error = exc
        show_error(exc, parent)

    request.handle = jobs.submit(work, done, failed, progress_label=label, parent=parent)
    return request


def print_register(
    parent: QWidget | None,
    services: Services,
    jobs: JobRunner,
    kind: str,
    full: bool,
    *,
    ask_path: Callable[[QWidget | None, str], str] | None = None,
) -> PrintRequest:
    """Preview and print the household register (``"households"``) or member roster (``"members"``).

    ``full=False`` is the public copy (masked, archived when printed); ``full=True`` the internal
    copy marked 内部资料 on every page. A register longer than ``PREVIEW_MAX_ROWS`` rows is saved
    to a PDF file instead (``ask_path(parent, suggested_name)`` asks where; tests pass their own).
    """
    from govdesk.printing.register_layouts import REGISTERS

    spec = REGISTERS[kind]
    edition = "内部版" if full else "公开版"
    label = f"正在生成{spec.title_suffix}（{edition}）…"
    if services.printing.register_count(kind) > PREVIEW_MAX_ROWS:
        path = (ask_path or ask_pdf_path)(parent, f"{spec.title_suffix}（{edition}）.pdf")
        if not path:
            return PrintRequest()
        return save_register_pdf(parent, services, jobs, kind, full, Path(path), label=label)
    return preview_document(
        parent,
        services,
        jobs,
        lambda progress: services.printing.render_register(kind, full=full, progress=progress),
        spec.archive_kind,
        label=label,
    )


def ask_pdf_path(parent: QWidget | None, suggested: str) -> str:
    """Where a long register is saved ("" when the clerk closes the dialog)."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        "名册较长，请选择保存位置（保存后用 PDF 阅读器打开打印）",
        str(Path.home() / suggested),
        "PDF 文件 (*.pdf)",
    )
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    return path


def save_register_pdf(
    parent: QWidget | None, services: Services, jobs: JobRunner, kind: str, full: bool, path: Path, *, label: str = ""
) -> PrintRequest:
    """Lay a register out into the PDF file ``path`` in a job, pages counted in the progress dialog.

    取消 stops it between two pages and leaves no file. A public copy is saved with its archive row
    as one unit (``PrintService.publish``): if archiving fails there is no file and the error is
    shown. When done, the clerk is offered to open it.
    """
    request = PrintRequest()

    def work(ctx: JobContext) -> tuple[PrintedDocument, ArchiveEntry | None]:
        doc = services.printing.render_register(kind, full=full, progress=_job_progress(ctx))
        return doc, services.printing.publish(doc, path)

    def done(result: tuple[PrintedDocument, ArchiveEntry | None]) -> None:
        doc, entry = result
        request.saved = path
        if entry is not None:
            request.archived.append(entry)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "已保存",
            f"《{doc.title}》已保存：{path}\n共 {doc.rows} 行、{doc.pages} 页。",
            parent=parent,
        )
        open_button = box.addButton("用 PDF 阅读器打开", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(
            lambda button: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))) if button is open_button else None
        )
        request.notice = box
        box.open()

    def failed(exc: BaseException) -> None:
        request.error = exc
        show_error(exc, parent)

    request.handle = jobs.submit(work, done, failed, progress_label=label or "正在生成 PDF…", parent=parent)
    return request


def reprint_archived(parent: QWidget | None, services: Services, jobs: JobRunner, archive_id: int) -> PrintRequest:
    """Open an archived print (hash verified) in the preview; it is not archived a second time."""

    from govdesk.printing.templates import BuildInfo

    def build(_progress: Callable[[str], None]) -> BuildInfo:
        entry = services.printing.get_archived(archive_id)
        pdf = services.printing.reprint(archive_id)
        return BuildInfo(pdf=pdf, pages=entry.page_count, title=entry.title, internal=False)

    return preview_document(parent, services, jobs, build, "", label="正在打开存档…", archive=False)


def register_print_button(
    parent: QWidget, services: Services, jobs: JobRunner, kind: str, button: QPushButton | None = None
) -> QPushButton:
    """A 打印 button with a menu 公开版 / 内部版 / 打印存档 for a register tab (returns the button to place).

    Each started print is appended to ``button.requests`` (tests and the status bar can follow it).
    """
    button = button or QPushButton(qta.icon("fa5s.print"), "打印")
    button.setToolTip("打印花名册：公开版隐去身份证号和电话并自动存档；内部版标“内部资料”")
    requests: list[PrintRequest] = []
    button.requests = requests  # type: ignore[attr-defined]

    def start(full: bool) -> None:
        requests.append(print_register(parent, services, jobs, kind, full))

    menu = QMenu(button)
    menu.addAction("公开版（隐去身份证号、电话）…", lambda: start(False))
    menu.addAction("内部版（完整信息，每页标“内部资料”）…", lambda: start(True))
    menu.addSeparator()
    menu.addAction("打印存档…", lambda: open_archive_dialog(parent, services, jobs))
    button.setMenu(menu)
    return button


def open_archive_dialog(parent: QWidget | None, services: Services, jobs: JobRunner) -> PrintArchiveDialog:
    """The 打印存档 list; its 重新打印 opens the archived file in the preview (``reprint_archived``)."""
    dialog = PrintArchiveDialog(
        services, lambda owner, archive_id: reprint_archived(owner, services, jobs, archive_id), parent
    )
    dialog.open()
    return dialog
