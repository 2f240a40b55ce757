"""Print preview, printing and 另存为 PDF for every PDF govdesk makes.

PySide6's Linux wheels may lack QtPdf, so pages are rasterised with pypdfium2 into QImages —
in a JobRunner job, never on the GUI thread — and painted onto the QPrinter's painter in
``QPrintPreviewDialog.paintRequested``: the same images feed the preview and the printer.

The raster resolution is chosen so a long register fits a fixed memory budget (300 dpi for a
notice; lower for a 100-page register). ``on_output`` is told when the document left the
desk (printed or saved), which is when public prints are archived (打印存档).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QAction, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QToolBar, QWidget

from ui.jobs import JobContext

MAX_DPI = 300.0  # a one-page notice prints sharp; long registers get less (memory budget)
MIN_DPI = 60.0
PIXEL_BUDGET = 64_000_000  # ~190 MB of RGB images for the whole document
OUTPUT_PRINTED = "printed"
OUTPUT_SAVED = "saved"


@dataclass
class RenderedPages:
    """Page images of one PDF and the size of each page in points (1/72 inch)."""

    images: list[QImage]
    sizes: list[tuple[float, float]]
    dpi: float

    @property
    def count(self) -> int:
        return len(self.images)


def choose_dpi(sizes: list[tuple[float, float]], budget: int = PIXEL_BUDGET) -> float:
    """The highest resolution (≤ MAX_DPI) at which all pages fit the pixel budget."""
    area_sq_inch = sum(w * h for w, h in sizes) / (72.0 * 72.0)
    if area_sq_inch <= 0:
        return MAX_DPI
    return max(MIN_DPI, min(MAX_DPI, math.sqrt(budget / area_sq_inch)))


def render_pdf_pages(pdf: bytes, ctx: JobContext | None = None, *, dpi: float | None = None) -> RenderedPages:
    """Rasterise every page (run this in a job). Checks for cancellation between pages."""
    doc = pdfium.PdfDocument(pdf)
    try:
        sizes = [doc.get_page_size(i) for i in range(len(doc))]
        resolution = dpi or choose_dpi(sizes)
        images: list[QImage] = []
        for i in range(len(doc)):
            if ctx is not None:
                ctx.check()
                ctx.progress(i, len(doc), f"正在生成预览：第 {i + 1} 页 共 {len(doc)} 页")
            page = doc[i]
            try:
                bitmap = page.render(scale=resolution / 72.0, rev_byteorder=True)
                try:
                    view = QImage(
                        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
                    )
                    images.append(view.copy())  # own the pixels: the bitmap buffer is freed below
                finally:
                    bitmap.close()
            finally:
                page.close()
        return RenderedPages(images, [(float(w), float(h)) for w, h in sizes], resolution)
    finally:
        doc.close()


def paint_pages(printer: QPrinter, pages: RenderedPages) -> None:
    """Paint the page images onto the printer, one image per sheet, scaled to the paper."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印（打印机不可用）")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for index, image in enumerate(pages.images):
            if index:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            scale = min(paper.width() / image.width(), paper.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            target = QRectF((paper.width() - w) / 2, (paper.height() - h) / 2, w, h)
            painter.drawImage(target, image)
    finally:
        painter.end()


class PdfPrintPreview(QPrintPreviewDialog):
    """QPrintPreviewDialog over a rendered PDF, with a 另存为 PDF button.

    Open it with ``open()`` or ``show()``; ``on_output(kind)`` is called with "printed" after
    the dialog printed the document and with "saved" after it was saved as a PDF file.
    """

    def __init__(
        self,
        pdf: bytes,
        pages: RenderedPages,
        title: str,
        parent: QWidget | None = None,
        *,
        on_output: Callable[[str], None] | None = None,
    ) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)  # the PDF page already carries its margins
        printer.setDocName(title)
        landscape = bool(pages.sizes) and pages.sizes[0][0] > pages.sizes[0][1]
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
        super().__init__(printer, parent)
        self._printer = printer  # QPrintPreviewDialog does not own it
        self.pdf = pdf
        self.pages = pages
        self.title = title
        self.on_output = on_output
        self.paint_count = 0
        self.setWindowTitle(f"打印预览 — {title}")
        self.resize(1000, 760)
        self.paintRequested.connect(self._paint)
        self.accepted.connect(lambda: self._output(OUTPUT_PRINTED))
        self.save_action = QAction("另存为 PDF…", self)
        self.save_action.setToolTip("把这份文件保存为 PDF（可拷到 U 盘或发给乡镇）")
        self.save_action.triggered.connect(self.save_as)
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)

    def _paint(self, printer: QPrinter) -> None:
        self.paint_count += 1
        paint_pages(printer, self.pages)

    def _output(self, how: str) -> None:
        if self.on_output is not None:
            self.on_output(how)

    def save_as(self, path: str | None = None) -> Path | None:
        """Ask for a file name (unless given) and write the PDF there."""
        if path is None:
            suggested = str(Path.home() / f"{self.title}.pdf")
            path, _ = QFileDialog.getSaveFileName(self, "另存为 PDF", suggested, "PDF 文件 (*.pdf)")
            if not path:
                return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            target.write_bytes(self.pdf)
        except OSError as exc:
            QMessageBox.warning(self, "保存失败", f"无法写入 {target}：{exc}\n\n请换一个文件夹或检查磁盘空间。")
            return None
        self._output(OUTPUT_SAVED)
        return target
