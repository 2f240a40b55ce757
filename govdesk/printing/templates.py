"""Page templates every print shares: paper, margins, page decorations and the PDF build itself.

* ``NOTICE_PAGE`` – A4 portrait with GB/T 9704 margins (top 37 mm, left 28 mm, text block 156 mm
  wide), for notices posted on the board.
* ``TABLE_PAGE`` – A4 landscape with narrow margins, for registers and calendars.

``PageDecor`` draws what repeats on every page — the running title, the page number
``第 X 页 共 Y 页`` and, on internal copies, the 内部资料 mark. A register cut into page-sized
pieces knows its page count before drawing (``build_pdf(pages=…)``) and each page is decorated as
it is finished; for other prints the count is only known at the end, so ``_NumberedCanvas`` keeps
each finished page and draws the decorations when the document is saved (one layout pass, not two).
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from govdesk.printing import fonts
from govdesk.printing.text import draw_centred, draw_right, draw_runs

INTERNAL_MARK = "内部资料"
INTERNAL_FOOTER = "内部资料　注意保管　不得张贴或外传"
MARK_RED = colors.HexColor("#C00000")
RULE_GREY = colors.HexColor("#808080")

# Builds share the fonts' per-document subset state; one build at a time keeps it simple and safe.
_build_lock = threading.Lock()


@dataclass(frozen=True)
class PageSpec:
    """Paper size and margins (points)."""

    size: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.size[0] - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.size[1] - self.top - self.bottom


NOTICE_PAGE = PageSpec(A4, left=28 * mm, right=26 * mm, top=37 * mm, bottom=35 * mm)
TABLE_PAGE = PageSpec(landscape(A4), left=12 * mm, right=12 * mm, top=16 * mm, bottom=15 * mm)
TABLE_PAGE_PORTRAIT = PageSpec(A4, left=15 * mm, right=15 * mm, top=18 * mm, bottom=16 * mm)


def page_number_text(page: int, total: int) -> str:
    return f"第 {page} 页 共 {total} 页"


@dataclass
class PageDecor:
    """What is drawn on every page around the flowing content."""

    page: PageSpec
    running_title: str = ""  # shown small at the top of pages 2, 3, …
    internal: bool = False
    footer_left: str = ""
    footer_right: str = ""
    numbers: str = "always"  # "always", "multi" (only when more than one page) or "never"
    font: str = fonts.KAI  # Kai has digits and Latin; the Hei face (Droid Sans Fallback) has none

    def draw(self, canv: Canvas, page: int, total: int) -> None:
        w, h = self.page.size
        spec = self.page
        canv.saveState()
        footer_y = spec.bottom / 2 - 3
        if self.numbers == "always" or (self.numbers == "multi" and total > 1):
            draw_centred(canv, w / 2, footer_y, page_number_text(page, total), self.font, 9)
        if self.footer_left:
            draw_runs(canv, spec.left, footer_y, self.footer_left, self.font, 8, RULE_GREY)
        right = INTERNAL_FOOTER if self.internal else self.footer_right
        if right:
            color = MARK_RED if self.internal else RULE_GREY
            draw_right(canv, w - spec.right, footer_y, right, self.font, 8, color)
        if page > 1 and self.running_title:
            draw_runs(canv, spec.left, h - spec.top / 2, f"{self.running_title}（续）", self.font, 9, RULE_GREY)
        if self.internal:
            self._internal_mark(canv, w - spec.right, h - spec.top / 2 - 6)
        canv.restoreState()

    def _internal_mark(self, canv: Canvas, right: float, y: float) -> None:
        """A red framed 内部资料 in the top right corner (where classified marks go on official papers)."""
        size = 12
        width = fonts.text_width(INTERNAL_MARK, fonts.HEI, size)
        pad = 4
        canv.setStrokeColor(MARK_RED)
        canv.setLineWidth(1)
        canv.rect(right - width - 2 * pad, y - 4, width + 2 * pad, size + 8, stroke=1, fill=0)
        draw_runs(canv, right - width - pad, y, INTERNAL_MARK, fonts.HEI, size, MARK_RED)


class _NumberedCanvas(Canvas):
    """Keeps finished pages until ``save`` so each can say 第 X 页 共 Y 页."""

    def __init__(self, *args: Any, decor: PageDecor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decor.draw(self, number, total)
            super().showPage()
        super().save()


@dataclass
class BuildInfo:
    """What the build reports back: the PDF and how many pages it has."""

    pdf: bytes
    pages: int
    title: str
    internal: bool
    extra: dict[str, Any] = field(default_factory=dict)


class PdfDocument:
    """What every document class (notice, register) offers on top of its ``build()``: the PDF as
    bytes, or written to a file."""

    def build(self) -> BuildInfo:
        raise NotImplementedError

    def to_pdf(self) -> bytes:
        return self.build().pdf

    def save(self, path: Any) -> BuildInfo:
        from pathlib import Path

        info = self.build()
        Path(path).write_bytes(info.pdf)
        return info


def build_pdf(
    story: Sequence[Flowable],
    decor: PageDecor,
    *,
    title: str,
    subject: str = "",
    on_page: Callable[[int], None] | None = None,
    pages: int | None = None,
) -> BuildInfo:
    """Lay out ``story`` on ``decor.page`` and return the PDF.

    ``on_page(n)`` is called after each page (progress; raising there, e.g. a cancelled job,
    stops the build). ``pages`` is the page count when the caller knows it beforehand: pages are
    then decorated and written out as they are finished instead of waiting for the end (a
    1,900-page register). The caller checks ``BuildInfo.pages`` against it. Fonts are embedded
    subsets of the bundled faces; the canvas's initial font is one of them, so no unembedded
    base-14 font is ever referenced.
    """
    fonts.ensure_fonts()
    spec = decor.page
    buf = io.BytesIO()
    done = 0

    def after_page(canv: Canvas, _doc: BaseDocTemplate) -> None:
        nonlocal done
        done += 1
        if pages is not None:
            decor.draw(canv, done, pages)
        if on_page is not None:
            on_page(done)

    doc = BaseDocTemplate(
        buf,
        pagesize=spec.size,
        leftMargin=spec.left,
        rightMargin=spec.right,
        topMargin=spec.top,
        bottomMargin=spec.bottom,
        title=title,
        subject=subject,
        author="govdesk",
        creator="govdesk 村党群服务中心桌面台账",
        initialFontName=fonts.HEI,
        initialFontSize=10,
    )
    frame = Frame(spec.left, spec.bottom, spec.frame_width, spec.frame_height, 0, 0, 0, 0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=after_page)])
    with _build_lock:
        maker = Canvas if pages is not None else partial(_NumberedCanvas, decor=decor)
        doc.build(list(story), canvasmaker=maker)
    return BuildInfo(pdf=buf.getvalue(), pages=done, title=title, internal=decor.internal)


def printed_stamp(now: datetime | None = None) -> str:
    """The 打印时间 line in footers."""
    return f"打印时间：{(now or datetime.now()).strftime('%Y-%m-%d %H:%M')}"


def chinese_date(day: Any) -> str:
    """2026年11月23日 — the form GB/T 9704 uses for 成文日期."""
    return f"{day.year}年{day.month}月{day.day}日"
