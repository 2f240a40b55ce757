"""Long registers are laid out in page-sized pieces (issue F): the page count is planned before
drawing and must be the real one, every page keeps its header row and 第 X 页 共 Y 页, and a saved
register appears only whole."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from print_pdfcheck import page_texts

from govdesk.db import Database
from govdesk.printing import Column, FieldKind, TableDocument
from govdesk.printing.table import table_cells
from govdesk.printing.table_pages import paginate, row_heights
from govdesk.printing.templates import TABLE_PAGE, page_number_text
from govdesk.services.printing import PrintService

COLUMNS = [Column.of("name", 1.0, FieldKind.NAME), Column.of("address", 0.6), Column.of("phone", 1.0, FieldKind.PHONE)]


def _rows(n: int) -> list[tuple[str, str, str]]:
    """Mostly one-line rows; every 7th address wraps over several lines, every 11th name is rare."""
    rows = []
    for i in range(n):
        name = ("王𠮷" if i % 11 == 0 else "李") + "明"
        address = "青山村" + ("第三村民小组桥头自然村" * (1 + i % 3) if i % 7 == 0 else "一组")
        rows.append((name, address, f"138{i:08d}"))
    return rows


def test_planned_pages_are_the_real_pages_with_wrapping_cells(caplog: pytest.LogCaptureFixture) -> None:
    rows = _rows(700)
    caplog.set_level(logging.WARNING, logger="govdesk.printing")
    info = TableDocument("测试花名册", COLUMNS, rows, internal=True).build()
    assert "planned" not in caplog.text, "a page-sized piece did not fit where it was planned"
    texts = page_texts(info.pdf)
    assert info.pages == len(texts) > 5
    for number, text in enumerate(texts, start=1):
        assert "联系电话" in text or "电话" in text, f"page {number} lacks the header row"
        assert page_number_text(number, len(texts)) in text
    everything = "".join(texts)
    assert "王𠮷明" in everything  # the fallback face still draws the rare character
    assert "13800000699" in everything  # the last row is printed


def test_pieces_fill_pages_and_keep_every_row_once() -> None:
    cells = table_cells(
        COLUMNS, _rows(300), policy=TableDocument("t", COLUMNS, []).policy, width=TABLE_PAGE.frame_width
    )
    header, heights = row_heights(cells)
    assert max(heights) > min(heights)  # wrapping rows are taller
    pieces = paginate(header, heights, first_room=400.0, room=500.0)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(heights)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    for i, (start, stop) in enumerate(pieces):
        used = header + sum(heights[start:stop])
        assert used <= (400.0 if i == 0 else 500.0)
        if stop < len(heights):
            assert used + heights[stop] > (400.0 if i == 0 else 500.0) - 0.01  # the next row would not fit


def test_progress_counts_pages_of_the_planned_total(demo_db: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    doc = PrintService(demo_db).save_register(
        "households", tmp_path / "hh.pdf", progress=lambda done, total, _text: seen.append((done, total))
    )
    pages = [s for s in seen if s[0]]
    assert pages == [(n, doc.pages) for n in range(1, doc.pages + 1)]
    assert (tmp_path / "hh.pdf").read_bytes() == doc.pdf


class _Stop(Exception):
    pass


def test_cancelled_save_leaves_no_file_and_keeps_the_old_one(demo_db: Database, tmp_path: Path) -> None:
    service = PrintService(demo_db)

    def stop_at_page_3(done: int, _total: int, _text: str) -> None:
        if done == 3:
            raise _Stop

    out = tmp_path / "out"
    out.mkdir()
    fresh = out / "new.pdf"
    with pytest.raises(_Stop):
        service.save_register("households", fresh, progress=stop_at_page_3)
    old = out / "old.pdf"
    old.write_bytes(b"%PDF-1.4 an earlier print")
    with pytest.raises(_Stop):
        service.save_register("households", old, progress=stop_at_page_3)
    assert not fresh.exists()
    assert old.read_bytes() == b"%PDF-1.4 an earlier print"
    assert sorted(p.name for p in out.iterdir()) == ["old.pdf"]  # no .part file left behind
