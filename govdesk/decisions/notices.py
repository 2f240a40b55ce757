"""The decision log's prints, laid out through the shared PDF engine (``govdesk.printing``).

Three prints: the resolution notice (决议公开) and the result notice (实施结果公开) for the board,
and the stage registration sheet (登记表) for the paper file. All go through the engine's
masking policy (a phone or ID typed into a text is masked on a public print) and carry the
matter's 台账编号 and the entry's hash prefix (校验码) in the footer: the paper anchor for
the hash chain (see ``govdesk.decisions.chain``).

The data comes in as plain dataclasses built by ``govdesk.services.decisions_print``; this
module only lays out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from govdesk.printing import fonts
from govdesk.printing.masking import MaskPolicy, policy_for
from govdesk.printing.notice import NoticeDocument, NoticeTable
from govdesk.printing.table import Column, build_table
from govdesk.printing.templates import NOTICE_PAGE, TABLE_PAGE_PORTRAIT, BuildInfo, PageDecor, build_pdf, chinese_date
from govdesk.printing.text import TextBlock, TextStyle

SHEET_TITLE = TextStyle(font=fonts.HEI, size=18, leading=28, align="center", space_after=10)
SHEET_NOTE = TextStyle(font=fonts.KAI, size=10.5, leading=16, space_after=4)
SIGN_LINE = TextStyle(font=fonts.KAI, size=12, leading=30)


@dataclass(frozen=True)
class MeetingRow:
    """One deliberation as a notice's table row and a registration sheet's figures."""

    title: str  # 党员大会审议
    body: str  # 党员大会
    held_on: date
    place: str
    host: str
    recorder: str
    should: int
    present: int
    yes: int
    no: int
    abstain: int
    outcome: str
    failure: str
    decided: str
    rule_text: str
    source: str
    ratio: str
    attended: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    seq: int = 0
    hash_short: str = ""
    corrected: str = ""  # "据第 N 条更正" when the figures come from a correction


@dataclass(frozen=True)
class NoticeData:
    village: str
    issuers: tuple[str, ...]
    number: str
    title: str
    amount: str
    procedure: str
    meetings: tuple[MeetingRow, ...]
    decided: str
    posted_on: date
    ends_on: date
    days: int
    place: str
    phone: str
    text: str
    hash_short: str
    # result notice only
    budget: str = ""
    spent: str = ""
    contractor: str = ""
    completed_on: date | None = None
    accepted_on: date | None = None
    progress: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)  # date, text, amount


@dataclass
class LedgerNotice(NoticeDocument):
    """A notice whose every page says which ledger entry it is (台账编号 · 校验码) in the footer."""

    footer: str = ""

    def build(self, on_progress=None) -> BuildInfo:  # type: ignore[no-untyped-def, override]
        decor = PageDecor(page=NOTICE_PAGE, internal=self.mask.full, numbers="multi", footer_left=self.footer)
        return build_pdf(self.story(NOTICE_PAGE.frame_width), decor, title=self.title)


VOTE_COLUMNS = (
    Column("step", "议事环节", 2.2),
    Column("date", "日期", 1.6),
    Column("should", "应到", 0.8),
    Column("present", "实到", 0.8),
    Column("yes", "赞成", 0.8),
    Column("no", "反对", 0.8),
    Column("abstain", "弃权", 0.8),
    Column("outcome", "结果", 0.9),
)


def _vote_rows(meetings: Sequence[MeetingRow]) -> list[tuple[object, ...]]:
    return [(m.title, m.held_on.isoformat(), m.should, m.present, m.yes, m.no, m.abstain, m.outcome) for m in meetings]


def _period(d: NoticeData) -> str:
    """公示期 line: dates, length and where it is posted (the engine prints "公示期：…。")."""
    return f"{chinese_date(d.posted_on)}至{chinese_date(d.ends_on)}（共{d.days}天），公开地点：{d.place}"


def _board_notice(d: NoticeData, title: str, paragraphs: list[str | NoticeTable], full: bool) -> LedgerNotice:
    """Both board notices: issuers, date, 公示期, objection phone, masking and the ledger footer."""
    return LedgerNotice(
        title=title,
        paragraphs=paragraphs,
        issuer=d.issuers,
        date=d.posted_on,
        posting_period=_period(d),
        phone=d.phone,
        policy=policy_for(full),
        internal=full,
        footer=f"台账 {d.number} · 校验码 {d.hash_short}",
    )


def resolution_notice(d: NoticeData, *, full: bool = False) -> LedgerNotice:
    """决议公开: what was decided, by whom, the votes, the posting period and the objection phone."""
    last = d.meetings[-1]
    paragraphs: list[str | NoticeTable] = [
        f"根据“{d.procedure}”工作要求，{d.title}事项（台账编号 {d.number}）已依次经"
        f"{'、'.join(m.title for m in d.meetings)}，现将决议结果公告如下：",
        f"一、决议事项：{d.text or d.decided}" + (f"（涉及金额 {d.amount}）。" if d.amount else "。"),
        f"二、表决情况：{last.body}应到 {last.should} 人，实到 {last.present} 人，"
        f"赞成 {last.yes} 票，反对 {last.no} 票，弃权 {last.abstain} 票，{last.outcome}。各环节表决情况：",
    ]
    paragraphs.append(NoticeTable(VOTE_COLUMNS, _vote_rows(d.meetings), font_size=11, numbered=False))
    return _board_notice(d, f"关于{d.title}的决议公告", paragraphs, full)


PROGRESS_COLUMNS = (
    Column("date", "日期", 1.4),
    Column("text", "实施情况", 4.0, align="LEFT"),
    Column("amount", "支出", 1.6),
)


def result_notice(d: NoticeData, *, full: bool = False) -> LedgerNotice:
    """实施结果公开: money spent, who built it, when it was completed and accepted."""
    last = d.meetings[-1]
    paragraphs: list[str | NoticeTable] = [
        f"{d.title}事项（台账编号 {d.number}）经{last.body}决议通过并公开，现将实施结果公告如下：",
        f"一、资金使用：预算 {d.budget or '—'}，实际支出 {d.spent}。",
        f"二、承建（承接）单位：{d.contractor or '—'}；"
        f"完工日期：{chinese_date(d.completed_on) if d.completed_on else '—'}；"
        f"验收日期：{chinese_date(d.accepted_on) if d.accepted_on else '—'}，验收合格。",
    ]
    if d.progress:
        paragraphs.append("三、实施情况：")
        paragraphs.append(NoticeTable(PROGRESS_COLUMNS, list(d.progress), font_size=11, numbered=False))
    else:
        paragraphs.append(f"三、实施情况：{d.text}")
    return _board_notice(d, f"关于{d.title}实施结果的公告", paragraphs, full)


SHEET_COLUMNS = (Column("item", "项目", 1.2), Column("content", "内容", 4.8, align="LEFT"))


def _sheet(village: str, number: str, title: str, m: MeetingRow, policy: MaskPolicy, width: float) -> list[Flowable]:
    absent = "、".join(m.absent) or "无"
    rows: list[tuple[str, str]] = [
        ("台账编号", number),
        ("事项名称", title),
        ("会议名称", m.body),
        ("会议时间", chinese_date(m.held_on)),
        ("会议地点", m.place),
        ("主持人", m.host),
        ("记录人", m.recorder or "—"),
        ("应到 / 实到 / 比例", f"应到 {m.should} 人，实到 {m.present} 人，到会比例 {m.ratio}"),
        ("表决情况", f"赞成 {m.yes} 票，反对 {m.no} 票，弃权 {m.abstain} 票"),
        ("表决结果", m.outcome + (f"：{m.failure}" if m.failure else "")),
        ("议事规则", f"{m.rule_text}（依据：{m.source}）"),
        ("决定事项", m.decided),
        ("到会人员", "、".join(m.attended) or "无"),
        ("缺席人员", absent),
        ("附件", "；".join(m.attachments) or "无"),
        ("登记校验码", f"第 {m.seq} 条记录 · {m.hash_short}" + (f"（{m.corrected}）" if m.corrected else "")),
    ]
    table, _ = build_table(SHEET_COLUMNS, rows, policy, width, font_size=11, numbered=False)
    signs = TextBlock(
        "主持人（签字）：______________　　记录人（签字）：______________\n"
        "监督人（签字）：______________　　日　　期：______________",
        SIGN_LINE,
    )
    return [
        TextBlock(f"{village}“五议两公开”{m.title}登记表", SHEET_TITLE),
        table,
        Spacer(1, 16),
        KeepTogether([signs]),
    ]


def registration_sheets(
    village: str, number: str, title: str, meetings: Sequence[MeetingRow], *, full: bool = False
) -> BuildInfo:
    """One 登记表 per deliberation (failed ones too: the paper file keeps every meeting)."""
    policy = policy_for(full)
    story: list[Flowable] = []
    for i, m in enumerate(meetings):
        if i:
            story.append(PageBreak())
        story += _sheet(village, number, title, m, policy, TABLE_PAGE_PORTRAIT.frame_width)
    if not story:
        story.append(TextBlock(f"{number} {title}：尚无会议记录", SHEET_NOTE))
    decor = PageDecor(page=TABLE_PAGE_PORTRAIT, internal=full, footer_left=f"决策台账 {number}")
    return build_pdf(story, decor, title=f"{village}{title}议事登记表")
