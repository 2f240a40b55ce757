"""Chinese line breaking (禁则): where a line of a notice may end.

The rules (GB/T 15834 punctuation usage, the same kinsoku rules Japanese typesetting uses):

* no line starts with closing punctuation: ，。、；：！？）》”』」】〕… and the like;
* no line ends with opening punctuation: （《“『「【〔 and the like;
* a run of Latin letters and digits (a phone number, 2026, a house number) is not split when
  it can be avoided; a number keeps its thousands separators, decimal point, colon and
  percent sign (117,800.00 · 8:00 · 95%) and stays with the unit after it (95,000.00 元,
  12.5万元, 7 天) when it can;
* a centred title does not leave one character alone on its last line (``no_orphan``).

reportlab's own CJK wrap (``Paragraph(wordWrap='CJK')``) uses ``reportlab.lib.textsplit``
tables that miss the full-width ，；：！？》”… marks, ignores its own cannot-end table and hangs at
most one mark; ``CANNOT_START``/``CANNOT_END`` below extend those tables, and
``extend_reportlab_tables()`` patches them in for any code that still uses a reportlab
Paragraph. The engine itself breaks lines with ``break_lines``.

When a break would violate a rule, the last character(s) of the line are pushed down to the
next line (推移); only when that is impossible (a line made entirely of punctuation) are closing
marks hung on the line instead (悬挂), which the drawing code squeezes into the measure.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import textsplit

# reportlab's own tables as shipped (before ``extend_reportlab_tables`` adds to them).
REPORTLAB_CANNOT_START = textsplit.ALL_CANNOT_START
REPORTLAB_CANNOT_END = textsplit.ALL_CANNOT_END

# Closing / trailing marks that may not start a line (full-width and half-width).
_CLOSING_FULL = (
    "，。、；：！？）》〉」』】〕〗〙〛｝］"  # commas, stops, closing brackets
    "”’"  # closing quotes (the same code points are used for full-width quotes)
    "…‥"  # ellipsis
    "·・"  # middle dots
    "％‰℃°′″"  # units that belong to the number before them
    "～"  # full-width tilde used for ranges
    "ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
_CLOSING_HALF = "!),.:;?]}>%"

CANNOT_START: frozenset[str] = frozenset(REPORTLAB_CANNOT_START + _CLOSING_FULL + _CLOSING_HALF)
# Opening marks that may not end a line.
_OPENING = "（《〈「『【〔〖〘〚｛［“‘([{<"
# Prefix symbols (currency, number sign) stay with what follows them.
_PREFIX = "￥$£€#＃№"
CANNOT_END: frozenset[str] = frozenset(REPORTLAB_CANNOT_END + _OPENING + _PREFIX) - CANNOT_START

# Characters of a "word" that should stay on one line (numbers, Latin words, phone numbers).
_WORD_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_./@*+０１２３４５６７８９")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
# Inside a number: 117,800.00 · 8:00 · 95% (half-width only: the full-width ，： are Chinese punctuation).
_NUMBER_JOINERS = frozenset(",.:")
_PERCENT = frozenset("%％‰")
# Units that follow a number on notices (money, counts, days, dates, areas).
_UNITS = frozenset("元万亿角分天人票户岁年月日号米亩个项次名位吨斤件份间套辆张")
# The em dash and the ellipsis are written doubled (——, ……) and never split in two.
_NO_SPLIT_PAIRS = frozenset({"——", "……"})

_FUZZ = 1e-6


def extend_reportlab_tables() -> None:
    """Put the extended tables into reportlab, for any code that still uses Paragraph(wordWrap='CJK')."""
    from reportlab.platypus import paragraph

    missing_start = "".join(sorted(CANNOT_START - set(textsplit.ALL_CANNOT_START)))
    missing_end = "".join(sorted(CANNOT_END - set(textsplit.ALL_CANNOT_END)))
    # Idempotent: a second call finds nothing missing.
    if missing_start:
        textsplit.ALL_CANNOT_START = textsplit.ALL_CANNOT_START + missing_start
        textsplit.CANNOT_START_LINE[0] = textsplit.CANNOT_START_LINE[0] + missing_start
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    if missing_end:
        textsplit.ALL_CANNOT_END = textsplit.ALL_CANNOT_END + missing_end
        textsplit.CANNOT_END_LINE[0] = textsplit.CANNOT_END_LINE[0] + missing_end


def _breaks_rule(text: str, pos: int) -> bool:
    """True if breaking before ``text[pos]`` puts closing punctuation first or opening punctuation last."""
    return text[pos] in CANNOT_START or text[pos - 1] in CANNOT_END or text[pos - 1 : pos + 1] in _NO_SPLIT_PAIRS


def _splits_word(text: str, pos: int) -> bool:
    """True if breaking before ``text[pos]`` cuts a word, a number or a number from its unit."""
    before, after = text[pos - 1], text[pos]
    if before in _WORD_CHARS and after in _WORD_CHARS:
        return True
    return _splits_number(text, pos)


def _splits_number(text: str, pos: int) -> bool:
    before, after = text[pos - 1], text[pos]
    nxt = text[pos + 1] if pos + 1 < len(text) else ""
    prev = text[pos - 2] if pos >= 2 else ""
    if before in _DIGITS and (after in _PERCENT or (after in _NUMBER_JOINERS and nxt in _DIGITS)):
        return True  # 117|,800 · 95|%
    if before in _NUMBER_JOINERS and prev in _DIGITS and after in _DIGITS:
        return True  # 117,|800 · 8:|00
    if after in _UNITS and _number_ends_at(text, pos):
        return True  # 2026|年 · 95,000.00 |元 · 12.5万|元
    return after == " " and before in _DIGITS and nxt in _UNITS  # 95,000.00| 元


def _number_ends_at(text: str, pos: int) -> bool:
    """A number (perhaps a space and units after it: "12.5万", "95,000.00 ") ends just before ``pos``."""
    i = pos - 1
    while i >= 0 and text[i] in _UNITS:
        i -= 1
    if i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] in _DIGITS


def _choose_break(text: str, start: int, overflow: int) -> int:
    """Where to end the line that starts at ``start`` when ``text[overflow]`` no longer fits."""
    earliest = start + 1  # a line always takes at least one character, so breaking always progresses
    fallback = -1
    for pos in range(overflow, earliest - 1, -1):
        if _breaks_rule(text, pos):
            continue
        if not _splits_word(text, pos):
            return pos
        if fallback < 0:
            fallback = pos
    if fallback >= 0:
        return fallback
    # Nothing on this line is a legal break (e.g. a run of closing marks): hang them.
    pos = overflow
    while pos < len(text) and _breaks_rule(text, pos):
        pos += 1
    return pos


def break_lines(
    text: str,
    widths: Sequence[float],
    max_width: float,
    first_width: float | None = None,
    *,
    no_orphan: bool = False,
) -> list[str]:
    """Break one paragraph (no newlines) into lines no wider than ``max_width`` (except hung marks).

    ``widths[i]`` is the advance of ``text[i]``; ``first_width`` is the measure of the first line
    when it differs (first-line indent). ``no_orphan``: a last line of a single character takes
    one more from the line before (a title must not end in a stub like "告").
    """
    lines = _greedy_lines(text, widths, max_width, first_width)
    if no_orphan and len(lines) >= 2 and len(lines[-1]) == 1:
        start = len(text) - len(lines[-1]) - len(lines[-2])
        end = _choose_break(text, start, len(text) - 2) if len(lines[-2]) > 1 else start
        if start < end < len(text) - 1:
            lines[-2:] = [text[start:end], text[end:]]
    return lines


def _greedy_lines(text: str, widths: Sequence[float], max_width: float, first_width: float | None) -> list[str]:
    """As many characters on each line as fit, then the nearest legal break before the overflow."""
    lines: list[str] = []
    n = len(text)
    start = 0
    measure = max_width if first_width is None else first_width
    while start < n:
        used = 0.0
        pos = start
        while pos < n and used + widths[pos] <= measure + _FUZZ:
            used += widths[pos]
            pos += 1
        if pos >= n:
            lines.append(text[start:])
            break
        end = _choose_break(text, start, max(pos, start + 1))
        lines.append(text[start:end])
        start = end
        measure = max_width
    return lines or [""]


def violations(lines: Sequence[str]) -> list[str]:
    """Lines (after the first) that break a rule; for tests and the ``govdesk check`` style reports."""
    bad: list[str] = []
    for i, line in enumerate(lines):
        if i > 0 and line and line[0] in CANNOT_START:
            bad.append(line)
        elif i < len(lines) - 1 and line and line[-1] in CANNOT_END:
            bad.append(line)
    return bad
