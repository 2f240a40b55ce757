"""One PDF engine for everything govdesk prints (reportlab, bundled fonts embedded).

How other capabilities print (duty roster, decision notices, points wall …)::

    from govdesk.printing import NoticeDocument, NoticeTable, TableDocument, Column, FieldKind

    # A notice for the board (A4 portrait, GB/T 9704 in spirit), public unless internal=True:
    info = NoticeDocument(
        title="关于……的公示",
        paragraphs=["第一段……", "第二段……", NoticeTable(columns, rows)],
        issuer=["中共青山村总支部委员会", "青山村村民委员会"],
        date=date(2026, 11, 23),
        posting_period=(date(2026, 11, 23), date(2026, 11, 29)),
        phone="0579-87654321",
    ).build()                       # -> BuildInfo(pdf=bytes, pages, title, internal)

    # A table (A4 landscape, header on every page, 第 X 页 共 Y 页):
    info = TableDocument("青山村2026年12月值班表", [Column.of("name", kind=FieldKind.NAME), ...], rows).build()

    # After it has been printed or saved: archive public prints (打印存档).
    services.printing.printed(info, kind="notice.decision")

Rows hold raw values in column order; each column's ``FieldKind`` tells the ``MaskPolicy`` how to
mask it (public by default; ``internal=True`` / ``policy=INTERNAL`` for the 内部资料 copy).
For custom layouts (a duty plaque) build a story of ``TextBlock``s / ``build_table`` and call
``build_pdf(story, PageDecor(page=NOTICE_PAGE or TABLE_PAGE, internal=...), title=...)``.
"""

from govdesk.printing.fonts import HEI, KAI, UnprintableCharacterError, check_printable, ensure_fonts
from govdesk.printing.masking import INTERNAL, PUBLIC, PUBLIC_SENSITIVE, FieldKind, MaskPolicy, policy_for
from govdesk.printing.notice import NoticeDocument, NoticeTable
from govdesk.printing.table import Column, build_table
from govdesk.printing.table_document import TableDocument
from govdesk.printing.templates import (
    NOTICE_PAGE,
    TABLE_PAGE,
    TABLE_PAGE_PORTRAIT,
    BuildInfo,
    PageDecor,
    PageSpec,
    build_pdf,
    chinese_date,
)
from govdesk.printing.text import TextBlock, TextStyle

__all__ = [
    "HEI",
    "INTERNAL",
    "KAI",
    "NOTICE_PAGE",
    "PUBLIC",
    "PUBLIC_SENSITIVE",
    "TABLE_PAGE",
    "TABLE_PAGE_PORTRAIT",
    "BuildInfo",
    "Column",
    "FieldKind",
    "MaskPolicy",
    "NoticeDocument",
    "NoticeTable",
    "PageDecor",
    "PageSpec",
    "TableDocument",
    "TextBlock",
    "TextStyle",
    "UnprintableCharacterError",
    "build_pdf",
    "build_table",
    "check_printable",
    "chinese_date",
    "ensure_fonts",
    "policy_for",
]
