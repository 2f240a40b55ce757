"""The household register and member roster, public and internal (issue C), read back with pypdf."""

from __future__ import annotations

import re

import pytest
from print_pdfcheck import font_problems, page_texts
from sqlalchemy import select

from govdesk.db import Database
from govdesk.models import Member, Resident
from govdesk.printing.templates import page_number_text
from govdesk.services.printing import PrintService

FULL_ID = re.compile(r"\d{17}[\dX]")
FULL_MOBILE = re.compile(r"1[3-9]\d{9}")


@pytest.fixture(scope="module")
def rendered(_demo_template: object, tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, bool], object]:
    """All four prints of the demo village, rendered once for the module."""
    import shutil

    path = tmp_path_factory.mktemp("reg") / "demo.sqlite3"
    shutil.copy(_demo_template, path)  # type: ignore[arg-type]
    db = Database(path)
    service = PrintService(db)
    out = {}
    for kind in ("households", "members"):
        for full in (False, True):
            doc = service.render_register(kind, full=full)
            out[(kind, full)] = (doc, page_texts(doc.pdf))
    with db.session() as s:
        out["members"] = s.execute(select(Member.name, Member.id_number, Member.phone)).all()
        out["residents"] = s.execute(select(Resident.name, Resident.id_number, Resident.phone)).all()
    db.dispose()
    return out  # type: ignore[return-value]


@pytest.mark.parametrize("kind", ["households", "members"])
def test_public_copy_never_shows_full_id_or_mobile(rendered: dict, kind: str) -> None:
    doc, texts = rendered[(kind, False)]
    people = rendered[kind if kind == "members" else "residents"]
    everything = "\n".join(texts)
    assert not FULL_ID.search(everything), "a full ID number on a public print (DOMAIN.md: never in full)"
    assert not FULL_MOBILE.search(everything), "a full mobile number on a public print (DOMAIN.md: 138****5678)"
    for _, id_number, phone in people[:50]:
        assert id_number not in everything
        if phone:
            assert phone not in everything
            assert f"{phone[:3]}****{phone[-4:]}" in everything
    assert "内部资料" not in everything
    assert not doc.internal


@pytest.mark.parametrize("kind", ["households", "members"])
def test_internal_copy_shows_everything_and_is_marked_on_every_page(rendered: dict, kind: str) -> None:
    doc, texts = rendered[(kind, True)]
    assert doc.internal
    for text in texts:
        assert "内部资料" in text
    everything = "\n".join(texts)
    people = rendered[kind if kind == "members" else "residents"]
    for name, id_number, phone in people:
        assert id_number in everything
        if phone:
            assert phone in everything
        assert name in everything  # rare characters (竂 堉 䶮 𠮷) included


@pytest.mark.parametrize("kind", ["households", "members"])
@pytest.mark.parametrize("full", [False, True])
def test_header_row_and_page_numbers_on_every_page(rendered: dict, kind: str, full: bool) -> None:
    doc, texts = rendered[(kind, full)]
    assert doc.pages == len(texts)
    header = "公民身份号码"
    for number, text in enumerate(texts, start=1):
        assert header in text and "出生日期" in text, f"page {number} lacks the header row"
        assert page_number_text(number, len(texts)) in text
    assert page_number_text(len(texts), len(texts)) == f"第 {len(texts)} 页 共 {len(texts)} 页"


def test_households_register_has_many_pages_and_all_residents(rendered: dict) -> None:
    doc, texts = rendered[("households", False)]
    assert doc.pages > 10
    assert doc.rows == len(rendered["residents"])
    assert f"共 {doc.rows} 条" in texts[0]
    assert "青山村农户花名册" in texts[0]


def test_register_fonts_embedded(rendered: dict) -> None:
    doc, _ = rendered[("members", False)]
    assert font_problems(doc.pdf) == []


def test_rows_stream_in_print_order(demo_db: Database) -> None:
    rows = list(PrintService(demo_db).register_rows("households"))
    numbers = [r[0] for r in rows]
    assert numbers == sorted(numbers)
    first_of_each = {}
    for r in rows:
        first_of_each.setdefault(r[0], r[2])
    assert set(first_of_each.values()) == {"户主"}
    assert PrintService(demo_db).register_count("members") == len(list(PrintService(demo_db).register_rows("members")))
