"""Chinese line breaking (issue C): no line starts with closing punctuation, none ends with opening
punctuation; reportlab's own tables miss full-width marks and are extended."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib import textsplit

from govdesk.printing import fonts
from govdesk.printing.linebreak import (
    CANNOT_END,
    CANNOT_START,
    REPORTLAB_CANNOT_START,
    break_lines,
    extend_reportlab_tables,
    violations,
)

ISSUE_CLOSING = "，。、；：！？）》”』」】〕…"
ISSUE_OPENING = "（《“『「【〔"


def unit_lines(text: str, width: int) -> list[str]:
    return break_lines(text, [1.0] * len(text), float(width))


def test_tables_cover_the_marks_the_issue_names() -> None:
    assert set(ISSUE_CLOSING) <= CANNOT_START
    assert set(ISSUE_OPENING) <= CANNOT_END
    assert not CANNOT_START & CANNOT_END


def test_reportlab_alone_misses_full_width_marks() -> None:
    """Why the tables are extended: reportlab's cannot-start list lacks ，；：！？》” among others."""
    missing = set("，；：！？》”…") - set(REPORTLAB_CANNOT_START)
    assert missing, "reportlab now has them all: the extension could be dropped"
    assert set(REPORTLAB_CANNOT_START) <= CANNOT_START


def test_extend_reportlab_tables() -> None:
    from reportlab.platypus import paragraph

    extend_reportlab_tables()
    assert set(ISSUE_CLOSING) <= set(paragraph.ALL_CANNOT_START)
    assert set(ISSUE_OPENING) <= set(textsplit.ALL_CANNOT_END)


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # the comma would start line 2: the character before it moves down with it
        ("一二三四，五六", 4, ["一二三", "四，五六"]),
        ("一二三四。", 4, ["一二三", "四。"]),
        # two closing marks in a row (。”) move down together with the last character
        ("他说：“好的。”然后", 6, ["他说：“好", "的。”然后"]),
        # opening mark never ends a line
        ("一二三《四五》", 4, ["一二三", "《四五》"]),
        ("一二三“四五”", 4, ["一二三", "“四五”"]),
        # closing bracket and ellipsis
        ("一二三四）五", 4, ["一二三", "四）五"]),
        ("一二三四……", 4, ["一二三", "四……"]),
        ("一二三四、五", 4, ["一二三", "四、五"]),
        # numbers are kept in one piece when they can be
        ("电话12345678", 6, ["电话", "123456", "78"]),
        ("共计2026元整", 5, ["共计", "2026元", "整"]),
        # fits: untouched
        ("一二三", 4, ["一二三"]),
        ("", 4, [""]),
        # nothing but punctuation: hung on the line rather than breaking the rule
        ("，，，，，，", 3, ["，，，，，，"]),
    ],
)
def test_break_table(text: str, width: int, expected: list[str]) -> None:
    lines = unit_lines(text, width)
    assert lines == expected
    assert "".join(lines) == text
    assert violations(lines) == []


SAMPLES = [
    "经村两委商议，决定于2026年12月1日召开村民代表会议。请各位代表准时参加！",
    "根据《中华人民共和国村民委员会组织法》第二十四条：“涉及村民利益的下列事项，经村民会议讨论决定方可办理”。",
    "公示期内如有异议，请向村务监督委员会反映；监督电话：0579-87654321。",
    "（一）村道硬化；（二）路灯安装；（三）垃圾分类……以上事项，请大家监督！",
    "王𠮷明、李䶮、张竂、刘堉——四位同志被评为“优秀共产党员”。",
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("width", range(3, 21))
def test_real_sentences_at_every_width(text: str, width: int) -> None:
    lines = unit_lines(text, width)
    assert "".join(lines) == text
    assert violations(lines) == []


def test_measured_with_real_font_widths() -> None:
    text = SAMPLES[1]
    widths = fonts.char_widths(text, fonts.KAI, 16)
    for measure in (100, 150, 200, 333, 450):
        lines = break_lines(text, widths, measure)
        assert violations(lines) == []
        assert "".join(lines) == text


_PLAIN = "村民代表会议决定公示期内请监督电话一二三abc123"
_alphabet = st.sampled_from(list(_PLAIN) + sorted(CANNOT_START) + sorted(CANNOT_END))


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=_alphabet, min_size=0, max_size=80), width=st.integers(min_value=1, max_value=20))
def test_no_line_starts_with_closing_punctuation(text: str, width: int) -> None:
    lines = unit_lines(text, width)
    assert "".join(lines) == text
    for line in lines[1:]:
        assert line[:1] not in CANNOT_START, lines
    for line in lines[:-1]:
        assert line[-1:] not in CANNOT_END, lines


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # a number keeps its thousands separators and decimals: never 117,|800.00
        ("实际支出117,800.00元", 10, ["实际支出", "117,800.00", "元"]),
        ("支出117,800.00", 10, ["支出", "117,800.00"]),
        # ... and its unit, space or not, when the line before can take the break
        ("预算为95,000.00 元", 13, ["预算为", "95,000.00 元"]),
        ("预算为95,000.00 元整", 14, ["预算为95,000.00 元", "整"]),
        ("合计12.5万元整", 7, ["合计", "12.5万元整"]),
        ("公示期7天", 4, ["公示期", "7天"]),
        ("会议8:00开始", 5, ["会议", "8:00开", "始"]),
        ("赞成率95%以上", 5, ["赞成率", "95%以上"]),
        ("赞成率为95%", 6, ["赞成率为", "95%"]),
        # a full-width comma after a number is Chinese punctuation, a fine place to break after
        ("共计2026，其中", 7, ["共计2026，", "其中"]),
        # a run longer than the line is still cut (nothing else would fit), never before a comma
        ("1,234,567,890", 5, ["1,23", "4,56", "7,890"]),
    ],
)
def test_numbers_stay_whole(text: str, width: int, expected: list[str]) -> None:
    """Issue: amounts such as 117,800.00 and 95,000.00 元 were split across lines on notices."""
    lines = unit_lines(text, width)
    assert lines == expected
    assert "".join(lines) == text
    assert violations(lines) == []


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        # a one-character last line takes one more character from the line before
        ("关于村庄绿化提升的公告", 10, ["关于村庄绿化提升的", "公告"]),
        ("一二三四五", 4, ["一二三", "四五"]),
        # ... but never breaks a rule to do it: 的“ must not end a line
        ("一二“三”四", 5, ["一二", "“三”四"]),
        # two characters are fine as they are
        ("一二三四五六", 4, ["一二三四", "五六"]),
        ("一二三", 4, ["一二三"]),
    ],
)
def test_no_orphan_for_titles(text: str, width: int, expected: list[str]) -> None:
    lines = break_lines(text, [1.0] * len(text), float(width), no_orphan=True)
    assert lines == expected
    assert "".join(lines) == text
    assert violations(lines) == []


def test_centred_titles_are_balanced_without_a_stub() -> None:
    """A long notice title breaks into lines of similar length, never a single character last."""
    from govdesk.printing.text import TextBlock, TextStyle

    title = "关于2026年度村集体经济收益分配方案（第二次修订稿）的决议公告"
    style = TextStyle(font=fonts.HEI, size=22, leading=34, align="center")
    for avail in (250, 300, 360, 420, 480):
        block = TextBlock(title, style)
        block.wrap(avail, 1000)
        texts = [line.text for line in block._lines or []]
        assert "".join(texts) == title and violations(texts) == []
        assert all(len(t) > 1 for t in texts), texts
        if len(texts) == 2:
            w = [sum(fonts.char_widths(t, fonts.HEI, 22)) for t in texts]
            assert abs(w[0] - w[1]) <= 4 * 22, (avail, texts)
        assert "2026" in "".join(t for t in texts if "2026" in t)  # the year is not split
