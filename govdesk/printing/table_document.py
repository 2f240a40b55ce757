"""``TableDocument``: a register or list on A4 (landscape by default), header row on every page.

The rows are masked and measured once (``table.table_cells``), cut into page-sized tables
(``table_pages``) and drawn page by page, so time and memory grow with the number of rows, not
its square; the page count is known before drawing, so 第 X 页 共 Y 页 costs no second pass.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from reportlab.platypus import Flowable, PageBreak

from govdesk.printing import fonts
from govdesk.printing.masking import PUBLIC, MaskPolicy, policy_for
from govdesk.printing.table import BODY_FONT, Column, TableCells, table_cells
from govdesk.printing.table_pages import page_pieces
from govdesk.printing.templates import (
    TABLE_PAGE,
    TABLE_PAGE_PORTRAIT,
    BuildInfo,
    PageDecor,
    PageSpec,
    PdfDocument,
    build_pdf,
    printed_stamp,
)
from govdesk.printing.text import TextBlock, TextStyle, draw_right, draw_runs

log = logging.getLogger("govdesk.printing")
TITLE_STYLE = TextStyle(font=fonts.HEI, size=18, leading=26, align="center", space_after=2)

# (pages done, pages in all or 0 while unknown, text for the clerk); raising stops the build.
Progress = Callable[[int, int, str], None]


class _InfoLine(Flowable):
    """Left and right text on one line under the title (village, count | date)."""

    def __init__(self, left: str, right: str, size: float = 9.5) -> None:
        super().__init__()
        self.left, self.right, self.size = left, right, size
        fonts.check_printable(left + right)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.size + 6

    def draw(self) -> None:
        y = 4
        if self.left:
            draw_runs(self.canv, 0, y, self.left, BODY_FONT, self.size)
        if self.right:
            draw_right(self.canv, self.width, y, self.right, BODY_FONT, self.size)


class TableDocument(PdfDocument):
    """A titled table on A4; landscape by default. Public unless ``internal``/a full policy is given.

    >>> doc = TableDocument("青山村党员花名册", [Column.of("name"), Column.of("phone", kind=FieldKind.PHONE)],
    ...                     [("张三", "13812345678")])
    >>> pdf = doc.to_pdf()          # bytes; doc.save(path) writes a file
    """

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        rows: Iterable[Sequence[Any]],
        *,
        landscape: bool = True,
        internal: bool = False,
        policy: MaskPolicy | None = None,
        subtitle: str = "",
        font_size: float = 9.0,
        numbered: bool = True,
        group_by: str | None = None,
        printed_at: datetime | None = None,
    ) -> None:
        self.title = title
        self.columns = list(columns)
        self.rows = rows
        self.landscape = landscape
        self.policy = policy if policy is not None else (policy_for(True) if internal else PUBLIC)
        self.subtitle = subtitle
        self.font_size = font_size
        self.numbered = numbered
        self.group_by = group_by
        self.printed_at = printed_at or datetime.now()
        self.row_count = 0

    @property
    def internal(self) -> bool:
        return self.policy.full

    @property
    def page(self) -> PageSpec:
        return TABLE_PAGE if self.landscape else TABLE_PAGE_PORTRAIT

    def _story(self, cells: TableCells) -> tuple[list[Flowable], int]:
        """Title, info line and the table's page-sized pieces with a page break between them."""
        page = self.page
        info_left = "　".join(p for p in (self.subtitle, f"共 {self.row_count} 条") if p)
        edition = "（内部资料）" if self.internal else "（公开版，已隐去个人敏感信息）"
        title = TextBlock(self.title, TITLE_STYLE)
        info = _InfoLine(info_left, f"{printed_stamp(self.printed_at)}{edition}")
        above = title.wrap(page.frame_width, page.frame_height)[1] + title.getSpaceAfter()
        above += info.wrap(page.frame_width, page.frame_height)[1]
        pieces = page_pieces(cells, first_room=page.frame_height - above, room=page.frame_height)
        story: list[Flowable] = [title, info]
        for i, piece in enumerate(pieces):
            if i:
                story.append(PageBreak())
            story.append(piece)
        return story, len(pieces)

    def build(self, progress: Progress | None = None) -> BuildInfo:
        """Lay the table out; ``progress(done, total, text)`` hears of rows, then of each page
        finished (``total`` = pages in all); raising there (a cancelled job) stops the build."""
        page = self.page

        def on_row(n: int) -> None:
            if progress:
                progress(0, 0, f"已整理 {n} 行")

        cells = table_cells(
            self.columns,
            self.rows,
            self.policy,
            page.frame_width,
            font_size=self.font_size,
            numbered=self.numbered,
            group_by=self.group_by,
            on_row=on_row,
        )
        self.row_count = cells.count
        decor = PageDecor(
            page=page,
            running_title=self.title,
            internal=self.internal,
            footer_left=printed_stamp(self.printed_at),
            footer_right="公开版" if not self.internal else "",
        )
        story, planned = self._story(cells)

        def on_page(n: int) -> None:
            if progress:
                progress(n, planned, f"已排版第 {n} 页，共 {planned} 页")

        info = build_pdf(story, decor, title=self.title, on_page=on_page, pages=planned)
        if info.pages != planned:
            # A piece did not fit where it was planned, so the footers counted wrongly. The layout
            # is deterministic: lay it out once more, numbered with the count it really has.
            log.warning("register layout planned %d pages, got %d; numbering again", planned, info.pages)
            story, _ = self._story(cells)
            planned = info.pages
            info = build_pdf(story, decor, title=self.title, on_page=on_page, pages=planned)
        info.extra["rows"] = self.row_count
        return info
