"""``TableDocument``: a register or list on A4 (landscape by default), header row on every page.

Every cell goes through the document's ``MaskPolicy`` by its column's ``FieldKind`` — a public
table cannot show a full ID number or mobile, whatever rows the caller hands in.

Speed matters (a township roster has 5,000+ rows): a cell is a plain string, drawn by
reportlab's table directly, whenever one face covers it and it fits its column; only cells
with a character from the fallback face, a line break or too much text become ``TextBlock``s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from govdesk.labels import label as field_label
from govdesk.printing import fonts
from govdesk.printing.masking import PUBLIC, FieldKind, MaskPolicy, policy_for
from govdesk.printing.templates import (
    TABLE_PAGE,
    TABLE_PAGE_PORTRAIT,
    BuildInfo,
    PageDecor,
    build_pdf,
    printed_stamp,
)
from govdesk.printing.text import TextBlock, TextStyle, draw_right, draw_runs

HEADER_BG = colors.HexColor("#E6E6E6")
GRID = colors.HexColor("#555555")
CELL_PAD_H = 3.0
CELL_PAD_V = 2.0
HEADER_FONT = fonts.HEI
BODY_FONT = fonts.KAI
TITLE_STYLE = TextStyle(font=fonts.HEI, size=18, leading=26, align="center", space_after=2)


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


class _CellMaker:
    """Turns cell text into a plain string or a TextBlock; remembers what it measured."""

    def __init__(self, font: str, size: float, leading: float) -> None:
        self.font, self.size, self.leading = font, size, leading
        self._plain: dict[tuple[str, float], bool] = {}
        self._styles: dict[str, TextStyle] = {}

    def cell(self, text: str, inner_width: float, align: str) -> str | TextBlock:
        if not text:
            return ""
        key = (text, inner_width)
        plain = self._plain.get(key)
        if plain is None:
            text = fonts.clean_text(text)
            plain = (
                "\n" not in text
                and fonts.covered_by(text, self.font)
                and stringWidth(text, self.font, self.size) <= inner_width
            )
            self._plain[key] = plain
        if plain:
            return text
        style = self._styles.get(align)
        if style is None:
            style = self._styles[align] = TextStyle(
                font=self.font,
                size=self.size,
                leading=self.leading,
                align=align.lower(),  # type: ignore[arg-type]
            )
        return TextBlock(text, style)


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
    """The reportlab Table for masked ``rows`` spread over ``width``; returns (table, row count).

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
    data: list[list[Any]] = [[head_maker.cell(h, inner[j], "CENTER") for j, h in enumerate(headers)]]
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
                group_starts.append(count)
        cells: list[Any] = [cell(str(count), inner[0], "CENTER")] if numbered else []
        for j, (i, col) in enumerate(shown, start=offset):
            cells.append(cell(show(col.kind, row[i]), inner[j], aligns[j]))
        data.append(cells)
        if on_row is not None and count % 500 == 0:
            on_row(count)
    if count == 0:
        data.append([""] * len(headers))
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, 0), HEADER_FONT),
        ("FONTNAME", (0, 1), (-1, -1), BODY_FONT),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("LEADING", (0, 0), (-1, -1), leading),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_H),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_H),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_V),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_V + 1),
    ]
    commands += [("LINEABOVE", (0, r), (-1, r), 1.0, colors.black) for r in group_starts]
    for j, align in enumerate(aligns):
        if align != "CENTER":
            commands.append(("ALIGN", (j, 1), (j, -1), align))
    table = Table(data, colWidths=col_widths, repeatRows=1, style=TableStyle(commands))
    return table, count


class TableDocument:
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

    def build(self, on_progress: Callable[[str], None] | None = None) -> BuildInfo:
        """Lay the table out; ``on_progress(text)`` is told about rows and pages (may raise to cancel)."""
        page = TABLE_PAGE if self.landscape else TABLE_PAGE_PORTRAIT

        def on_row(n: int) -> None:
            if on_progress:
                on_progress(f"已整理 {n} 行")

        table, self.row_count = build_table(
            self.columns,
            self.rows,
            self.policy,
            page.frame_width,
            font_size=self.font_size,
            numbered=self.numbered,
            group_by=self.group_by,
            on_row=on_row,
        )
        info_left = "　".join(p for p in (self.subtitle, f"共 {self.row_count} 条") if p)
        edition = "（内部资料）" if self.internal else "（公开版，已隐去个人敏感信息）"
        story = [
            TextBlock(self.title, TITLE_STYLE),
            _InfoLine(info_left, f"{printed_stamp(self.printed_at)}{edition}"),
            table,
        ]
        decor = PageDecor(
            page=page,
            running_title=self.title,
            internal=self.internal,
            footer_left=printed_stamp(self.printed_at),
            footer_right="公开版" if not self.internal else "",
        )

        def on_page(n: int) -> None:
            if on_progress:
                on_progress(f"已排版 {n} 页")

        info = build_pdf(story, decor, title=self.title, on_page=on_page)
        info.extra["rows"] = self.row_count
        return info

    def to_pdf(self) -> bytes:
        return self.build().pdf

    def save(self, path: Any) -> BuildInfo:
        from pathlib import Path

        info = self.build()
        Path(path).write_bytes(info.pdf)
        return info
