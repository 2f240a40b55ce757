"""Fonts (issue C): every font embedded as a TrueType subset, rare characters survive on paper and in
extraction, a character no bundled font has is refused by name — never a blank or a box."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from print_pdfcheck import font_problems, page_texts, squeeze

from govdesk.printing import (
    Column,
    FieldKind,
    NoticeDocument,
    TableDocument,
    UnprintableCharacterError,
    check_printable,
    fonts,
)

RARE = "竂堉䶮𠮷"


def _table(rows: list[tuple[str, ...]], **kw: object) -> bytes:
    cols = [Column.of("name", kind=FieldKind.NAME), Column.of("post")]
    return TableDocument("测试名单", cols, rows, **kw).to_pdf()  # type: ignore[arg-type]


def test_rare_characters_survive_table_and_notice() -> None:
    pdf = _table([("王𠮷明", "竂家坞"), ("李䶮", "堉头村“网格”…")])
    text = page_texts(pdf)[0]
    for ch in RARE:
        assert ch in text
    body = [f"李䶮、张竂、刘堉、王𠮷明四位同志。{RARE}"]
    notice = NoticeDocument("关于王𠮷明同志的公示", body, "青山村村委会", date(2026, 11, 23))
    text = squeeze("".join(page_texts(notice.to_pdf())))
    for ch in RARE:
        assert ch in text
    assert "王𠮷明" in text


def test_supplementary_plane_character_extracts_exactly() -> None:
    """reportlab writes <20BB7> for 𠮷 in ToUnicode; ours writes the UTF-16 pair, so it copies out right."""
    pdf = _table([("𠮷", "𠮷𠮷")])
    assert page_texts(pdf)[0].count("𠮷") == 3


def test_every_font_is_an_embedded_subset() -> None:
    pdf = _table([("王𠮷明", "“测试”——2026")], internal=True)
    assert font_problems(pdf) == []
    notice = NoticeDocument("公示", ["正文ABC123，“引号”……"], "青山村村委会", date(2026, 11, 23), phone="0579-87654321")
    assert font_problems(notice.to_pdf()) == []


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_says_embedded(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    path.write_bytes(_table([("王𠮷明", "一")]))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        parts = row.split()
        assert "TrueType" in row
        emb, sub, uni = parts[-5], parts[-4], parts[-3]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
    assert "Helvetica" not in out and "STSong" not in out


@pytest.mark.parametrize("char", ["\U000f0000", "\ue000", "\U00030000"])
def test_character_no_font_has_is_refused_by_name(char: str) -> None:
    with pytest.raises(UnprintableCharacterError) as err:
        _table([(f"张{char}", "")])
    assert char in str(err.value)
    assert f"U+{ord(char):04X}" in str(err.value)
    with pytest.raises(UnprintableCharacterError):
        NoticeDocument("公示", [f"正文{char}"], "村委会", date(2026, 11, 23)).to_pdf()


def test_fallback_runs_pick_a_face_that_has_the_character() -> None:
    fonts.ensure_fonts()
    runs = fonts.runs("张𠮷“明”12", fonts.HEI)
    assert "".join(piece for _, piece in runs) == "张𠮷“明”12"
    for face, piece in runs:
        assert fonts.covered_by(piece, face)
    assert ("GovdeskKai", "𠮷“") in runs  # Droid Sans Fallback (Hei) has no Ext B and no curly quotes


def test_invisible_marks_are_dropped_not_boxed() -> None:
    assert fonts.clean_text("张\u200b三\ufeff\t明") == "张三 明"
    check_printable("张\u200b三")


def test_paragraph_markup_for_reportlab_paragraphs() -> None:
    """For callers that still use reportlab's Paragraph: fallback runs as <font> tags, text escaped."""
    import io

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    markup = fonts.paragraph_markup("张𠮷明 <a> & “引号”", fonts.HEI)
    assert '<font name="GovdeskKai">𠮷</font>' in markup and "&lt;a&gt;" in markup and "&amp;" in markup
    buf = io.BytesIO()
    style = ParagraphStyle("p", fontName=fonts.HEI, fontSize=12, wordWrap="CJK")
    SimpleDocTemplate(buf, initialFontName=fonts.KAI).build([Paragraph(markup, style)])
    text = page_texts(buf.getvalue())[0]
    assert "𠮷" in text and "引号" in text
    assert font_problems(buf.getvalue()) == []
