"""What a public print may show (DOMAIN.md, "Printed notices"): one policy, used by every print.

Public notices are posted on the board outside; DOMAIN.md's rule is:

* ID numbers never in full — at most the first and the last character (``3****************X``),
  or the column is left out;
* mobile numbers as ``138****5678``; landlines keep the area code only (``0579-********``);
* bank accounts are never shown (the column is left out);
* names stay; sensitive lists (低保, 残疾 …) may show ``张*明``.

An internal copy (``MaskPolicy(full=True)``) shows everything and every page says 内部资料.
The table and notice templates ask the policy for every cell by the column's ``FieldKind``, so a
print cannot forget to mask: the default policy everywhere is ``PUBLIC``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any


class FieldKind(Enum):
    """What a column holds, as far as masking is concerned."""

    TEXT = "text"
    NAME = "name"
    ID_NUMBER = "id_number"
    PHONE = "phone"  # mobile or landline, told apart by its digits
    BANK_ACCOUNT = "bank_account"
    DATE = "date"


MASK = "*"
_MOBILE = re.compile(r"^(?:\+?86[- ]?)?(1\d{2})[- ]?(\d{4})[- ]?(\d{4})$")
_DIGITS = re.compile(r"\d")
# An 18-digit ID number (or the old 15-digit one) and an 11-digit mobile inside running text.
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)")
# Two-digit-after-zero area codes: 010 Beijing and 020–029 (Guangzhou, Shanghai, Tianjin …).
_SHORT_AREA = re.compile(r"^0(?:10|2\d)")


def mask_id_number(value: str) -> str:
    """``330784196501020017`` → ``3****************7``: first and last character only."""
    v = value.strip()
    if len(v) <= 2:
        return MASK * len(v)
    return v[0] + MASK * (len(v) - 2) + v[-1]


def mask_mobile(value: str) -> str | None:
    """``13812345678`` → ``138****5678``; ``None`` when the value is not a mobile number."""
    m = _MOBILE.match(value.strip())
    if not m:
        return None
    return f"{m.group(1)}{MASK * 4}{m.group(3)}"


def mask_landline(value: str) -> str:
    """Keep the area code only: ``0579-87654321`` → ``0579-********``; no area code → all stars."""
    v = value.strip()
    m = re.match(r"^\((0\d{2,3})\)\s*|^(0\d{2,3})[- ]", v)
    if m:
        area = m.group(1) or m.group(2)
        rest = v[m.end() :]
    elif v.startswith("0") and v.isdigit() and len(v) >= 10:
        cut = 3 if _SHORT_AREA.match(v) else 4
        area, rest = v[:cut], v[cut:]
    else:
        return _DIGITS.sub(MASK, v)
    return f"{area}-{MASK * len(_DIGITS.findall(rest))}"


def mask_phone(value: str) -> str:
    """A phone of either kind, masked; phones are stored free-form, so tell them apart here."""
    v = value.strip()
    if not v:
        return ""
    mobile = mask_mobile(v)
    if mobile:
        return mobile
    parts = [p for p in re.split(r"[,，;；/、\s]+", v) if p]
    if len(parts) > 1:
        return "，".join(mask_phone(p) for p in parts)
    return mask_mobile(v) or mask_landline(v)


def mask_name(value: str) -> str:
    """``张小明`` → ``张*明``, ``张明`` → ``张*``, ``欧阳小明`` → ``欧**明`` (sensitive lists only)."""
    v = value.strip()
    if len(v) <= 1:
        return v
    if len(v) == 2:
        return v[0] + MASK
    return v[0] + MASK * (len(v) - 2) + v[-1]


def mask_free_text(text: str) -> str:
    """Safety net for running text (notice paragraphs): ID numbers and mobiles found inside are masked.

    Landlines are left alone in running text: the ones a notice mentions are office and
    supervision numbers, which are meant to be called.
    """
    text = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group(1)), text)
    return _MOBILE_IN_TEXT.sub(lambda m: f"{m.group(1)}{MASK * 4}{m.group(3)}", text)


def format_value(value: Any) -> str:
    """How a raw value is written on paper (dates as 2026-11-23, None as blank)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class MaskPolicy:
    """The one decision of what a print shows.

    ``full``: internal copy — everything shown, pages marked 内部资料.
    ``mask_names``: 张*明 for sensitive lists (低保, 残疾).
    ``omit_id_numbers``: leave the ID column out instead of showing first/last characters.
    """

    full: bool = False
    mask_names: bool = False
    omit_id_numbers: bool = False

    @property
    def internal(self) -> bool:
        return self.full

    @property
    def edition(self) -> str:
        """The word printed on the page: 内部资料 or 公开版."""
        return "内部资料" if self.full else "公开版"

    def shows_column(self, kind: FieldKind) -> bool:
        """Whether a column of this kind appears at all."""
        if self.full:
            return True
        if kind is FieldKind.BANK_ACCOUNT:
            return False
        return not (kind is FieldKind.ID_NUMBER and self.omit_id_numbers)

    def show(self, kind: FieldKind, value: Any) -> str:
        """The text a cell of this kind may carry on paper under this policy."""
        text = format_value(value).strip() if not isinstance(value, str) else value.strip()
        if self.full or not text:
            return text
        if kind is FieldKind.ID_NUMBER:
            return "" if self.omit_id_numbers else mask_id_number(text)
        if kind is FieldKind.PHONE:
            return mask_phone(text)
        if kind is FieldKind.BANK_ACCOUNT:
            return ""
        if kind is FieldKind.NAME:
            return mask_name(text) if self.mask_names else text
        if kind is FieldKind.TEXT:
            return mask_free_text(text)
        return text

    def text(self, paragraph: str) -> str:
        """Running text of a notice."""
        return paragraph if self.full else mask_free_text(paragraph)


PUBLIC = MaskPolicy()
PUBLIC_SENSITIVE = MaskPolicy(mask_names=True)
INTERNAL = MaskPolicy(full=True)


def policy_for(full: bool, *, sensitive: bool = False) -> MaskPolicy:
    """The policy for a print: ``--full`` gives the internal copy, else public (names masked if sensitive)."""
    if full:
        return INTERNAL
    return PUBLIC_SENSITIVE if sensitive else PUBLIC
