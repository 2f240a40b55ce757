"""``TextBlock``: a paragraph flowable with font fallback and Chinese line breaking.

Why not reportlab's ``Paragraph``: its markup parser needs every ``<``/``&`` escaped, its CJK
wrap breaks the punctuation rules (see ``linebreak``) and it cannot switch faces per character
without hand-written ``<font>`` tags. A TextBlock takes plain text, measures each character in
the face that will draw it (``fonts.font_for``) and draws runs face by face.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.platypus import Flowable

from govdesk.printing import fonts
from govdesk.printing.linebreak import break_lines

Align = Literal["left", "center", "right", "justify"]
MAX_JUSTIFY_SPACE = 0.2  # at most this much extra space between two characters, in em


@dataclass(frozen=True)
class TextStyle:
    """How a block of text looks. Sizes in points; indents in characters (字), as Chinese layout counts."""

    font: str = fonts.KAI
    size: float = 16.0
    leading: float = 28.0
    align: Align = "left"
    first_indent: float = 0.0  # 首行缩进, in characters (2 for body text)
    right_indent: float = 0.0  # 右空, in characters (4 for the signature block)
    space_before: float = 0.0
    space_after: float = 0.0
    color: Any = colors.black

    def with_(self, **changes: Any) -> TextStyle:
        return replace(self, **changes)


@dataclass
class _Line:
    text: str
    width: float
    last: bool  # last line of a paragraph: never justified


class TextBlock(Flowable):
    """Plain text (may contain ``\\n``) laid out with ``style``; splits across pages by lines."""

    def __init__(
        self, text: object, style: TextStyle, *, _lines: list[_Line] | None = None, _continued: bool = False
    ) -> None:
        super().__init__()
        self.text = fonts.clean_text(text)
        self.style = style
        self._lines = _lines
        self._fixed = _lines is not None  # a split half keeps the lines it was cut from
        self._continued = _continued  # starts mid-paragraph: no first-line indent
        self._laid_out_for: float | None = None
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        if _lines is None:
            fonts.check_printable(self.text)

    # --- layout -----------------------------------------------------------------------
    def _layout(self, avail: float) -> list[_Line]:
        st = self.style
        measure = avail - st.right_indent * st.size
        lines: list[_Line] = []
        for para in self.text.split("\n"):
            widths = fonts.char_widths(para, st.font, st.size)
            first = measure - st.first_indent * st.size
            centred = st.align == "center"  # titles: no one-character last line
            pieces = break_lines(para, widths, measure, first, no_orphan=centred)
            if centred and len(pieces) > 1:
                pieces = _balanced(para, widths, measure, len(pieces), st.size)
            pos = 0
            for i, piece in enumerate(pieces):
                w = sum(widths[pos : pos + len(piece)])
                pos += len(piece)
                lines.append(_Line(piece, w, i == len(pieces) - 1))
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if not self._fixed and (self._lines is None or self._laid_out_for != availWidth):
            self._lines = self._layout(availWidth)
            self._laid_out_for = availWidth
        assert self._lines is not None
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        assert self._lines is not None
        fit = int(availHeight // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            return [self]
        lines, st = self._lines, self.style
        head = TextBlock(self.text, st.with_(space_after=0), _lines=lines[:fit], _continued=self._continued)
        tail = TextBlock(self.text, st.with_(space_before=0), _lines=lines[fit:], _continued=not lines[fit - 1].last)
        return [head, tail]

    # --- drawing ----------------------------------------------------------------------
    def draw(self) -> None:
        st = self.style
        assert self._lines is not None
        canv = self.canv
        measure = self.width - st.right_indent * st.size
        for i, line in enumerate(self._lines):
            if not line.text:
                continue
            paragraph_start = (i == 0 and not self._continued) or (i > 0 and self._lines[i - 1].last)
            indent = st.first_indent * st.size if paragraph_start else 0.0
            avail = measure - indent
            x, char_space = indent, 0.0
            n = len(line.text)
            if line.width > avail and n > 1:
                char_space = (avail - line.width) / (n - 1)  # squeeze hung punctuation into the measure
            elif st.align == "center":
                x = indent + (avail - line.width) / 2
            elif st.align == "right":
                x = indent + avail - line.width
            elif st.align == "justify" and not line.last and n > 1:
                # Justify by spreading the gap, but not into letter-spaced words: a line that had
                # to leave a whole amount (117,800.00 元) for the next line stays ragged instead.
                char_space = min((avail - line.width) / (n - 1), MAX_JUSTIFY_SPACE * st.size)
            baseline = self.height - (i + 1) * st.leading + (st.leading - st.size) / 2 + st.size * 0.12
            draw_runs(canv, x, baseline, line.text, st.font, st.size, st.color, char_space)


def _balanced(text: str, widths: list[float], measure: float, count: int, size: float) -> list[str]:
    """A centred title that wraps is set in lines of similar length (GB/T 9704: 梯形或菱形), not one long
    line and a stub: try the narrowest measure that still needs no more lines."""
    best = break_lines(text, widths, measure, no_orphan=True)
    target = sum(widths) / count
    narrow = target + size
    while narrow < measure:
        candidate = break_lines(text, widths, narrow, no_orphan=True)
        if len(candidate) <= count:
            return candidate
        narrow += size
    return best


def draw_runs(
    canv: Any, x: float, y: float, text: str, font: str, size: float, color: Any = colors.black, char_space: float = 0
) -> float:
    """Draw ``text`` at (x, y) switching faces per character coverage; returns the width drawn."""
    t = canv.beginText(x, y)
    t.setFillColor(color)
    if char_space:
        t.setCharSpace(char_space)
    if fonts.covered_by(text, font):
        t.setFont(font, size)
        t.textOut(text)
    else:
        for face, piece in fonts.runs(text, font):
            t.setFont(face, size)
            t.textOut(piece)
    canv.drawText(t)
    return t.getX() - x


def draw_centred(canv: Any, x: float, y: float, text: str, font: str, size: float, color: Any = colors.black) -> None:
    """One line centred on x (page headers and footers), with fallback."""
    width = fonts.text_width(text, font, size)
    draw_runs(canv, x - width / 2, y, text, font, size, color)


def draw_right(canv: Any, x: float, y: float, text: str, font: str, size: float, color: Any = colors.black) -> None:
    width = fonts.text_width(text, font, size)
    draw_runs(canv, x - width, y, text, font, size, color)
