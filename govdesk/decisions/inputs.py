"""What a form hands the decision service: raw values, checked by the service, never trusted."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from govdesk.decisions.procedures import DEFAULT_PROCEDURE
from govdesk.input_limits import shown
from govdesk.validation import clean_text

DEFAULT_POSTING_DAYS = 7
DEFAULT_NOTICE_PLACE = "村务公开栏"
MAX_POSTING_DAYS = 90
ATTACHMENT_KINDS = ("签到表", "会议记录", "其他")


@dataclass
class MatterInput:
    title: Any = ""
    category: Any = ""
    amount: Any = ""  # 元, as typed: 125000, 12.5万, 3,000.50
    source: Any = "村民建议"
    source_detail: Any = ""  # who raised it and what they asked for
    procedure_code: str = DEFAULT_PROCEDURE
    raised_on: Any = None
    number: Any = ""  # empty: the next free 台账编号 of the year


@dataclass
class SuggestionInput:
    """Step 0 建议: recorded with its source (who raised it, when, what)."""

    raised_on: Any = None
    by: Any = ""
    text: Any = ""


@dataclass
class MeetingInput:
    held_on: Any = None
    place: Any = ""
    host: Any = ""
    recorder: Any = ""
    present: Iterable[tuple[str, int]] = ()  # keys (kind, id) of ticked people
    yes: Any = 0
    no: Any = 0
    abstain: Any = 0
    decided_text: Any = ""
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (kind, file path)


@dataclass
class NoticeInput:
    """决议公开 / 实施结果公开: when and where posted, for how long, whom to call."""

    posted_on: Any = None
    days: Any = DEFAULT_POSTING_DAYS
    place: Any = DEFAULT_NOTICE_PLACE
    phone: Any = ""  # empty: the village's supervision phone
    text: Any = ""  # the notice body; empty: the decided text


@dataclass
class ProgressInput:
    on: Any = None
    text: Any = ""
    amount_spent: Any = ""
    contractor: Any = ""
    completed_on: Any = None
    accepted_on: Any = None


@dataclass
class ObjectionInput:
    received_on: Any = None
    from_name: Any = ""
    text: Any = ""


@dataclass
class AnswerInput:
    answered_on: Any = None
    by: Any = ""
    text: Any = ""


@dataclass
class Disposition:
    """After a failed vote: send back to a step (``back_to``) or end the matter (``back_to`` None)."""

    back_to: int | None
    reason: Any = ""
    on: Any = None


_AMOUNT = re.compile(r"^(-?[\d.]+)(万)?(元)?$")


def parse_amount(value: Any) -> int | None:
    """Yuan as typed → 分 (integer). Empty → None. Accepts 12.5万, 3,000.50, ¥800元."""
    if value is None:
        return None
    if isinstance(value, int):
        return value * 100
    text = clean_text(value).replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").replace(" ", "")
    if not text:
        return None
    m = _AMOUNT.match(text)
    if not m:
        raise ValueError(f"无法识别的金额“{shown(text)}”，请写成 125000 或 12.5万")
    try:
        amount = Decimal(m.group(1)) * (10000 if m.group(2) else 1)
    except InvalidOperation:
        raise ValueError(f"无法识别的金额“{shown(text)}”") from None
    if amount < 0:
        raise ValueError("金额不能为负数")
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError("金额最多精确到分")
    return int(fen)


def format_amount(fen: int | None) -> str:
    """分 → 125,000.00 元, on screen and on paper alike (the print line breaker keeps the number
    and its unit together)."""
    if fen is None:
        return ""
    return f"{fen // 100:,}.{fen % 100:02d} 元"


COUNT_DIGITS = 9  # a head count, never more


def parse_count(value: Any) -> int:
    """A vote or head count as typed (blank = 0)."""
    if value is None or value == "":
        return 0
    if isinstance(value, int):
        return value
    text = clean_text(value)
    if not (text.isascii() and text.isdecimal()) or len(text) > COUNT_DIGITS:
        raise ValueError(f"“{shown(text)}”不是整数")
    return int(text)
