"""A long table laid out page by page: every row measured once, rows cut into page-sized tables.

Why: reportlab lays out one long ``Table`` by splitting it at each page, and every split builds a
new Table of all the rows still to come and measures them again — time grows with the square of
the rows (a 57,617-resident register took 398 s and 0.7 GB). Here each row's height is measured
once, the rows are cut into pieces that fill a page, and each piece is a small Table (the header
row + its rows) that is built only when its page is drawn and dropped afterwards. The number of
pages is known before the first page is drawn, so 第 X 页 共 Y 页 needs no second pass and no
finished page waits in memory (``build_pdf(pages=…)``).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from reportlab.platypus import Flowable, Table

from govdesk.printing.table import CELL_PAD_BOTTOM, CELL_PAD_V, TableCells, table_style

# A piece never counts on the last hundredth of a point of its page: float sums of row heights
# (reportlab adds them with compensation, we do not) must not make a planned page overflow.
FIT_SLACK = 0.01
_TALL = 1e6  # height offered to a wrapping cell: cells are measured for their width only


def row_heights(cells: TableCells) -> tuple[float, list[float]]:
    """The header row's height and each body row's, as reportlab's Table measures them: the
    tallest cell (one line for a plain string, its wrapped lines for a TextBlock) plus padding."""
    pad = CELL_PAD_V + CELL_PAD_BOTTOM
    inner = cells.inner_widths
    line = cells.leading

    def height(row: list[Any]) -> float:
        tallest = line
        for j, value in enumerate(row):
            if type(value) is not str:  # a TextBlock: several lines or several faces
                tallest = max(tallest, value.wrap(inner[j], _TALL)[1])
        return tallest + pad

    return height(cells.header), [height(row) for row in cells.body]


def paginate(header: float, heights: list[float], first_room: float, room: float) -> list[tuple[int, int]]:
    """Cut body rows into (start, stop) pieces: each piece and the header row fill one page.

    ``first_room`` is the height left on page 1 under the title; ``room`` a whole page's frame.
    A row taller than a page still gets a piece of its own (reportlab then splits that piece).
    """
    pieces: list[tuple[int, int]] = []
    start, used, limit = 0, header, first_room - FIT_SLACK
    for i, h in enumerate(heights):
        if i > start and used + h > limit:
            pieces.append((start, i))
            start, used, limit = i, header, room - FIT_SLACK
        used += h
    pieces.append((start, len(heights)))
    return pieces


class RowsOnPage(Flowable):
    """One page's piece of a long table: the header row and body rows ``start``…``stop - 1``.

    The reportlab Table is made when the piece is laid out (with the heights measured before,
    so nothing is measured twice) and let go once it is drawn.
    """

    def __init__(self, cells: TableCells, header: float, heights: list[float], start: int, stop: int) -> None:
        super().__init__()
        self.hAlign = "CENTER"
        self.cells, self.header, self.heights = cells, header, heights
        self.start, self.stop = start, stop
        self._table: Table | None = None

    def _make(self) -> Table:
        if self._table is None:
            c = self.cells
            first, last = bisect_left(c.group_starts, self.start), bisect_left(c.group_starts, self.stop)
            group_rows = [r - self.start + 1 for r in c.group_starts[first:last]]
            self._table = Table(
                [c.header, *c.body[self.start : self.stop]],
                colWidths=c.col_widths,
                rowHeights=[self.header, *self.heights[self.start : self.stop]],
                repeatRows=1,
                style=table_style(c, group_rows),
            )
        return self._table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = self._make().wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        # Only if a piece does not fit where it was planned: reportlab splits this one page's table.
        return self._make().splitOn(self.canv, availWidth, availHeight)

    def draw(self) -> None:
        self._make().drawOn(self.canv, 0, 0)
        self._table = None  # drawn: its cells' reportlab state is not kept for the rest of the run


def page_pieces(cells: TableCells, *, first_room: float, room: float) -> list[RowsOnPage]:
    """The table as page-sized pieces, in order; piece i is meant to fill page i + 1 alone."""
    header, heights = row_heights(cells)
    return [RowsOnPage(cells, header, heights, a, b) for a, b in paginate(header, heights, first_room, room)]
