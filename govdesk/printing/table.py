"""Printed tables: columns, masked cells, and the one look every table shares.

Every cell goes through a ``MaskPolicy`` by its column's ``FieldKind`` — a public table cannot
show a full ID number or mobile, whatever rows the caller hands in.

Speed matters (a township register has 57,000+ rows): a cell is a plain string, drawn by
reportlab's table directly, whenever one face covers it and it fits its column; only cells
with a character from the fallback face, a line break or too much text become ``TextBlock``s.
Registers are laid out page by page from these cells (``table_pages``, ``TableDocument``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from govdesk.labels import label as field_label
from govdesk.printing import fonts
from govdesk.printing.masking import FieldKind, MaskPolicy
from govdesk.printing.text import TextBlock, TextStyle

HEADER_BG = colors.HexColor("#E6E6E6")
GRID = colors.HexColor("#555555")
CELL_PAD_H = 3.0
CELL_PAD_V = 2.0
CELL_PAD_BOTTOM = CELL_PAD_V + 1
HEADER_FONT = fonts.HEI
BODY_FONT = fonts.KAI


@dataclass(frozen=True)
class Column:
    """One printed column: header label, relative width, what it holds (for masking) and alignment."""

    key: str
    label: str
    weight: float = 1.0
    kind: FieldKind = FieldKind.TEXT
    align: str = "CENTER"  # LEFT, CENTER, RIGHT

    @classmethod
    def of(cls, key: str, weight: float = 1.0, kind: FieldKind = FieldKind.TEXT, align: str = "CENTER") -> Column:
        """A column whose header comes from ``govdesk.labels`` (labels are spelt once)."""
        return cls(key, field_label(key), weight, kind, align)


class _CellMaker:
    """Turns cell text into a plain string or a TextBlock; remembers what it measured.

    Per column width, a value seen before (性别, 与户主关系, 村民小组 …) is not measured again and
    every row gets the same string object for it. Values that never repeat (ID numbers, phones)
    would only pile up in that memory, so each width's memory is emptied when it grows past
    ``_REMEMBER`` values: it stays small however long the register.
    """

    _REMEMBER = 4096

    def __init__(self, font: str, size: float, leading: float) -> None:
        self.font, self.size, self.leading = font, size, leading
        self._plain: dict[float, dict[str, str | None]] = {}  # width -> text -> the plain string, or None
        self._styles: dict[str, TextStyle] = {}

    def cell(self, text: str, inner_width: float, align: str) -> str | TextBlock:
        if not text:
            return ""
        known = self._plain.get(inner_width)
        if known is None:
            known = self._plain[inner_width] = {}
        if text in known:
            plain = known[text]
        else:
            if len(known) >= self._REMEMBER:
                known.clear()
            clean = fonts.clean_text(text)
            fits = (
                "\n" not in clean
                and fonts.covered_by(clean, self.font)
                and stringWidth(clean, self.font, self.size) <= inner_width
            )
            plain = known[text] = clean if fits else None
        if plain is not None:
            return plain
        style = self._styles.get(align)
        if style is None:
            style = self._styles[align] = TextStyle(
                font=self.font,
                size=self.size,
                leading=self.leading,
                align=align.lower(),  # type: ignore[arg-type]
            )
        return TextBlock(text, style)


@dataclass
class TableCells:
    """A table's cells, masked and measured once: what ``build_table`` and the page-sized pieces of a
    long register (``table_pages``) are both made of."""

    col_widths: list[float]
    aligns: list[str]
    header: list[Any]
    body: list[list[Any]]  # plain strings, or TextBlocks where a face change or wrapping is needed
    group_starts: list[int]  # body rows (0-based, ascending) that start a new group, the first excepted
    font_size: float
    leading: float
    count: int  # rows handed in (an empty table keeps one blank body row)

    @property
    def inner_widths(self) -> list[float]:
        return [w - 2 * CELL_PAD_H for w in self.col_widths]


def table_cells(
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    policy: MaskPolicy,
    width: float,
    *,
    font_size: float = 9.0,
    numbered: bool = True,
    group_by: str | None = None,
    on_row: Callable[[int], None] | None = None,
) -> TableCells:
    """Mask and measure ``rows`` for a table spread over ``width`` (one pass over the rows).

    Columns the policy hides (bank accounts; ID numbers when omitted) are left out entirely.
    ``group_by`` names a column whose change starts a group (a household's residents, a week of
    a roster): a heavier rule is drawn above each group so the eye can follow it.
    """
    fonts.ensure_fonts()
    shown = [(i, c) for i, c in enumerate(columns) if policy.shows_column(c.kind)]
    headers = ([field_label("seq")] if numbered else []) + [c.label for _, c in shown]
    weights = ([0.45] if numbered else []) + [c.weight for _, c in shown]
    total = sum(weights)
    col_widths = [width * w / total for w in weights]
    inner = [w - 2 * CELL_PAD_H for w in col_widths]
    leading = font_size * 1.25
    # Header in Hei; body in Kai, the face that covers digits, Latin and the rare name characters,
    # so nearly every body cell is a plain string (Droid Sans Fallback has no ASCII at all).
    head_maker = _CellMaker(HEADER_FONT, font_size, leading)
    maker = _CellMaker(BODY_FONT, font_size, leading)
    aligns = (["CENTER"] if numbered else []) + [c.align for _, c in shown]
    offset = 1 if numbered else 0
    header = [head_maker.cell(h, inner[j], "CENTER") for j, h in enumerate(headers)]
    body: list[list[Any]] = []
    show = policy.show
    cell = maker.cell
    count = 0
    group_index = next((i for i, c in enumerate(columns) if c.key == group_by), None)
    group_starts: list[int] = []
    last_group: Any = object()
    for count, row in enumerate(rows, start=1):  # noqa: B007 - count is used after the loop
        if group_index is not None and row[group_index] != last_group:
            last_group = row[group_index]
            if count > 1:
                group_starts.append(count - 1)
        cells: list[Any] = [cell(str(count), inner[0], "CENTER")] if numbered else []
        for j, (i, col) in enumerate(shown, start=offset):
            cells.append(cell(show(col.kind, row[i]), inner[j], aligns[j]))
        body.append(cells)
        if on_row is not None and count % 500 == 0:
            on_row(count)
    if count == 0:
        body.append([""] * len(headers))
    return TableCells(col_widths, aligns, header, body, group_starts, font_size, leading, count)


def table_style(cells: TableCells, group_rows: Iterable[int] = ()) -> TableStyle:
    """The look of every printed table: grey Hei header, grid, box; a heavier rule above each
    table row in ``group_rows`` (0 is the header row)."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, 0), HEADER_FONT),
        ("FONTNAME", (0, 1), (-1, -1), BODY_FONT),
        ("FONTSIZE", (0, 0), (-1, -1), cells.font_size),
        ("LEADING", (0, 0), (-1, -1), cells.leading),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_H),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_H),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_V),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_BOTTOM),
    ]
    commands += [("LINEABOVE", (0, r), (-1, r), 1.0, colors.black) for r in group_rows]
    for j, align in enumerate(cells.aligns):
        if align != "CENTER":
            commands.append(("ALIGN", (j, 1), (j, -1), align))
    return TableStyle(commands)


def build_table(
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    policy: MaskPolicy,
    width: float,
    *,
    font_size: float = 9.0,
    numbered: bool = True,
    group_by: str | None = None,
    on_row: Callable[[int], None] | None = None,
) -> tuple[Table, int]:
    """One reportlab Table for masked ``rows`` spread over ``width``; returns (table, row count).

    For short tables inside a notice or a plaque; a register of thousands of rows is laid out in
    page-sized tables by ``TableDocument`` instead (one long Table is re-measured at every page).
    """
    cells = table_cells(
        columns, rows, policy, width, font_size=font_size, numbered=numbered, group_by=group_by, on_row=on_row
    )
    style = table_style(cells, (r + 1 for r in cells.group_starts))
    table = Table([cells.header, *cells.body], colWidths=cells.col_widths, repeatRows=1, style=style)
    return table, cells.count
