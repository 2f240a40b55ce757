"""The notice template (A4 portrait, GB/T 9704 in spirit): content, masking of running text, the
signature kept with the body, posting period and supervision phone, internal marking."""

from __future__ import annotations

import io
from datetime import date

import pypdf
from print_pdfcheck import page_texts, squeeze

from govdesk.printing import Column, FieldKind, NoticeDocument, NoticeTable
from govdesk.printing.templates import NOTICE_PAGE

BODY = "经党组织提议、两委商议、党员大会审议和村民代表会议决议，村道硬化工程已完工并通过验收，现予公示。"


def _notice(**kw: object) -> NoticeDocument:
    args: dict[str, object] = {
        "title": "关于青山村2026年度村道硬化工程实施结果的公示",
        "paragraphs": [BODY, "联系人王𠮷明，身份证330784196501020017，手机13812345678。"],
        "issuer": ["中共青山村总支部委员会", "青山村村民委员会"],
        "date": date(2026, 11, 23),
        "posting_period": (date(2026, 11, 23), date(2026, 11, 29)),
        "phone": "0579-87654321",
    }
    args.update(kw)
    return NoticeDocument(**args)  # type: ignore[arg-type]


def test_notice_content_and_layout() -> None:
    info = _notice().build()
    text = squeeze("".join(page_texts(info.pdf)))
    assert "关于青山村2026年度村道硬化工程实施结果的公示" in text
    assert squeeze(BODY) in text
    assert "公示期：2026年11月23日至2026年11月29日（共7天）" in text
    assert "0579-87654321" in text  # the supervision phone is an office number: printed as is
    assert "中共青山村总支部委员会" in text and "青山村村民委员会" in text and "2026年11月23日" in text
    reader = pypdf.PdfReader(io.BytesIO(info.pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait
    assert info.pages == 1


def test_public_notice_masks_ids_and_mobiles_in_running_text() -> None:
    text = squeeze("".join(page_texts(_notice().to_pdf())))
    assert "330784196501020017" not in text and "3****************7" in text
    assert "13812345678" not in text and "138****5678" in text
    assert "王𠮷明" in text  # names stay


def test_internal_notice_shows_all_and_is_marked() -> None:
    texts = page_texts(_notice(internal=True).to_pdf())
    joined = squeeze("".join(texts))
    assert "330784196501020017" in joined and "13812345678" in joined
    assert all("内部资料" in t for t in texts)


def test_signature_never_alone_on_a_page() -> None:
    """GB/T 9704: no page with only the seal; the last paragraph moves along with the signature."""
    for n in range(8, 20):
        info = _notice(paragraphs=[BODY] * n, posting_period=None, phone="").build()
        texts = page_texts(info.pdf)
        last = squeeze(texts[-1])
        assert "青山村村民委员会" in last
        assert squeeze(BODY)[:20] in last, f"{n} paragraphs: signature page without body text"
        if info.pages > 1:
            assert "共" in texts[0] and "页" in texts[0]


def test_table_inside_notice_is_masked() -> None:
    table = NoticeTable(
        [Column.of("name", kind=FieldKind.NAME), Column.of("id_number", 2, FieldKind.ID_NUMBER)],
        [("李䶮", "330784196501020017")],
    )
    text = squeeze("".join(page_texts(_notice(paragraphs=[BODY, table]).to_pdf())))
    assert "李䶮" in text and "3****************7" in text and "330784196501020017" not in text


def test_long_title_is_balanced() -> None:
    from govdesk.printing.notice import TITLE
    from govdesk.printing.text import TextBlock

    block = TextBlock("关于青山村2026年度村道硬化工程实施结果的公示", TITLE)
    block.wrap(NOTICE_PAGE.frame_width, 1000)
    lines = [line.text for line in block._lines or []]
    assert len(lines) == 2
    assert abs(len(lines[0]) - len(lines[1])) <= 3, lines


def test_printed_lines_follow_the_breaking_rules() -> None:
    """Read the printed notice back line by line: no line starts with closing punctuation."""
    from govdesk.printing.linebreak import CANNOT_END, CANNOT_START

    tricky = (
        "根据《中华人民共和国村民委员会组织法》第二十四条：“涉及村民利益的下列事项，经村民会议讨论决定方可办理”。"
        "（一）村道硬化；（二）路灯安装；（三）垃圾分类……以上事项，请大家监督！王𠮷明、李䶮、张竂、刘堉——四位同志。"
    )
    paragraphs = [f"第{i}段" + tricky[i:] + tricky[:i] + "完" for i in range(0, 60, 3)]
    info = _notice(paragraphs=paragraphs, posting_period=None, phone="").build()
    lines = [squeeze(line) for text in page_texts(info.pdf) for line in text.splitlines()]
    lines = [line for line in lines if line]
    assert len(lines) > 60
    starts = [line for line in lines if line[0] in CANNOT_START]
    ends = [line for line in lines if line[-1] in CANNOT_END]
    assert starts == [], starts
    assert ends == [], ends
