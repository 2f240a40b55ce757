"""``NoticeDocument``: a notice (公告 / 公示) for the board, A4 portrait in the spirit of GB/T 9704.

Layout: the title centred in a large Hei face (22 pt, 二号), body in Kai at 16 pt (三号) with
28 pt line spacing and a two-character first-line indent, the posting period and the
supervision/objection phone after the body, then the issuing body and the date at the bottom
right (date 右空四字, issuer centred over it) with two blank lines above them: the seal is
pressed over the signature and must not cover the body text.

Paragraph text passes through the mask policy too (an ID number or mobile typed into a
paragraph is masked on a public notice); a ``NoticeTable`` block prints a masked table inside
the notice (e.g. the list of households receiving a subsidy).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from govdesk.printing import fonts
from govdesk.printing.masking import PUBLIC, MaskPolicy, policy_for
from govdesk.printing.table import Column, build_table
from govdesk.printing.templates import NOTICE_PAGE, BuildInfo, PageDecor, PdfDocument, build_pdf, chinese_date
from govdesk.printing.text import TextBlock, TextStyle, draw_runs

TITLE = TextStyle(font=fonts.HEI, size=22, leading=34, align="center", space_after=22)
SALUTATION = TextStyle(font=fonts.KAI, size=16, leading=28)
BODY = TextStyle(font=fonts.KAI, size=16, leading=28, align="justify", first_indent=2)
SIGNATURE_SIZE = 16
SEAL_ROOM_LINES = 2  # blank lines between the body and the signature, where the seal's top goes


@dataclass(frozen=True)
class NoticeTable:
    """A table inside a notice; masked by the notice's policy like any public table."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]]
    font_size: float = 11.0
    numbered: bool = True


Block = str | NoticeTable


class _Signature(Flowable):
    """Issuer(s) centred over the date; the date ends four characters from the right margin."""

    def __init__(self, issuers: Sequence[str], day_text: str, size: float = SIGNATURE_SIZE) -> None:
        super().__init__()
        self.issuers = [i for i in issuers if i]
        self.day_text = day_text
        self.size = size
        self.leading = 28.0
        fonts.check_printable("".join(self.issuers) + day_text)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = (len(self.issuers) + 1) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        font, size = fonts.KAI, self.size
        date_w = fonts.text_width(self.day_text, font, size)
        date_right = self.width - 4 * size
        centre = date_right - date_w / 2
        y = self.height - self.leading + (self.leading - size) / 2
        for issuer in self.issuers:
            w = fonts.text_width(issuer, font, size)
            # A long issuer name is kept inside the right margin rather than centred past it.
            x = min(centre - w / 2, self.width - w)
            draw_runs(self.canv, x, y, issuer, font, size)
            y -= self.leading
        draw_runs(self.canv, date_right - date_w, y, self.day_text, font, size)


def _period_text(period: tuple[date, date] | str | None) -> str:
    if period is None or period == "":
        return ""
    if isinstance(period, str):
        return period
    start, end = period
    days = (end - start).days + 1
    return f"{chinese_date(start)}至{chinese_date(end)}（共{days}天）"


@dataclass
class NoticeDocument(PdfDocument):
    """A notice for the board.

    ``paragraphs``: body blocks — strings (one paragraph each, ``\\n`` allowed) or ``NoticeTable``.
    ``issuer``: one name or several (joint notices, each on its own line).
    ``posting_period``: (first day, last day) or ready text; printed as 公示期.
    ``phone``: the supervision / objection phone (an office number: printed as is).
    """

    title: str
    paragraphs: Sequence[Block]
    issuer: str | Sequence[str]
    date: date
    posting_period: tuple[date, date] | str | None = None
    phone: str = ""
    salutation: str = ""
    objection_text: str = "公示期内如有异议，请向村务监督委员会反映，或拨打监督电话{phone}。"
    internal: bool = False
    policy: MaskPolicy | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.policy is None:
            self.policy = policy_for(True) if self.internal else PUBLIC

    @property
    def mask(self) -> MaskPolicy:
        assert self.policy is not None
        return self.policy

    def story(self, width: float) -> list[Flowable]:
        """The flowables of the notice (also usable inside another document)."""
        policy = self.mask
        story: list[Flowable] = [TextBlock(self.title, TITLE)]
        if self.salutation:
            story.append(TextBlock(policy.text(self.salutation), SALUTATION))
        for block in self.paragraphs:
            if isinstance(block, NoticeTable):
                table, _ = build_table(
                    block.columns, block.rows, policy, width, font_size=block.font_size, numbered=block.numbered
                )
                story += [Spacer(1, 6), table, Spacer(1, 10)]
            else:
                story.append(TextBlock(policy.text(block), BODY))
        period = _period_text(self.posting_period)
        if period:
            story.append(TextBlock(f"公示期：{period}。", BODY))
        if self.phone:
            story.append(TextBlock(self.objection_text.format(phone=self.phone), BODY))
        issuers = [self.issuer] if isinstance(self.issuer, str) else list(self.issuer)
        signature = _Signature(issuers, chinese_date(self.date))
        room = SEAL_ROOM_LINES * BODY.leading
        # GB/T 9704: the signature page never stands alone ("此页无正文" is not allowed), so the
        # last body paragraph moves with the seal room and the signature.
        tail: list[Flowable] = [Spacer(1, room), signature]
        if len(story) > 1 and isinstance(story[-1], TextBlock):
            tail.insert(0, story.pop())
        story.append(KeepTogether(tail))
        return story

    def build(self, on_progress: Callable[[str], None] | None = None) -> BuildInfo:
        decor = PageDecor(page=NOTICE_PAGE, internal=self.mask.full, numbers="multi")

        def on_page(n: int) -> None:
            if on_progress:
                on_progress(f"已排版 {n} 页")

        return build_pdf(self.story(NOTICE_PAGE.frame_width), decor, title=self.title, on_page=on_page)
