"""Tamper evidence for the decision log: a SHA-256 hash chain, one chain per matter.

Each entry's hash is SHA-256 over the previous entry's hash and the entry's canonical
content (every column but ``id`` and ``hash``, its attendance ticks and its attachments, as
sorted compact JSON). A vote count, a name on the tick list or a decided text changed in the
SQLite file no longer matches its hash; a deleted or re-ordered entry breaks the sequence
or the link to its predecessor; a deleted tail no longer matches the matter's ``head_hash``.

Why one chain per matter and not one global chain: a matter is the unit people ask about
("is the 2026-007 file intact?") and the unit printed on paper, so a broken link must name
that matter and its entry, and must not cast doubt on the other eighty matters of the
year. Two copies of the program recording different matters also never contend for a
single global tail. The cost — a whole matter deleted with all its entries leaves no broken
link — is covered by the ledger numbers themselves (a gap in 2026-001…2026-0NN is visible in
the list) and by the printed notices and registration sheets, which carry the entry's hash
prefix as a paper anchor.

This is tamper *evidence* against edits made behind the program's back, not a defence
against someone who re-computes the chain with this very code; the paper anchors are what
make that visible too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

GENESIS = "0" * 64

ENTRY_FIELDS = (
    "matter_id",
    "seq",
    "kind",
    "step_position",
    "step_title",
    "rule_id",
    "event_date",
    "place",
    "host",
    "recorder",
    "should_attend",
    "attended",
    "yes_votes",
    "no_votes",
    "abstain_votes",
    "outcome",
    "failure",
    "text",
    "details",
    "corrects_id",
    "answers_id",
    "recorded_at",
    "recorded_by",
    "prev_hash",
)
TICK_FIELDS = ("position", "person_kind", "person_id", "name", "role", "present")
ATTACHMENT_FIELDS = ("kind", "original_name", "stored_name", "sha256", "size")


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def canonical_json(data: Any) -> str:
    """Stable text for hashing and for the ``details`` column: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_plain)


def canonical_content(entry: Any, ticks: list[Any], attachments: list[Any]) -> str:
    """The hashed text of one entry; works on ORM objects and on plain row objects alike."""
    body = {f: _plain(getattr(entry, f)) for f in ENTRY_FIELDS}
    body["ticks"] = [{f: _plain(getattr(t, f)) for f in TICK_FIELDS} for t in sorted(ticks, key=lambda t: t.position)]
    body["attachments"] = sorted(
        ({f: getattr(a, f) for f in ATTACHMENT_FIELDS} for a in attachments), key=lambda a: (a["sha256"], a["kind"])
    )
    return canonical_json(body)


def entry_hash(entry: Any, ticks: list[Any], attachments: list[Any]) -> str:
    content = canonical_content(entry, ticks, attachments)
    return hashlib.sha256(f"{entry.prev_hash}\n{content}".encode()).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    seq: int | None
    message: str


def verify_chain(
    entries: list[Any], ticks: dict[int, list[Any]], attachments: dict[int, list[Any]]
) -> list[ChainProblem]:
    """Problems with one matter's chain; ``entries`` in ``seq`` order, ticks/attachments keyed by entry id."""
    problems: list[ChainProblem] = []
    previous = GENESIS
    for expected_seq, e in enumerate(entries, start=1):
        if e.seq != expected_seq:
            problems.append(ChainProblem(e.seq, f"序号应为 {expected_seq}，实为 {e.seq}：有记录被删除或插入"))
        if e.prev_hash != previous:
            problems.append(ChainProblem(e.seq, "与前一条记录的链接断开：前一条记录被删改，或本条被移动"))
        recomputed = entry_hash(e, ticks.get(e.id, []), attachments.get(e.id, []))
        if recomputed != e.hash:
            problems.append(ChainProblem(e.seq, "内容与防篡改校验码不符：记录在程序之外被改动过"))
        previous = e.hash
    return problems


def short(hash_hex: str) -> str:
    """The hash prefix printed on paper (校验码)."""
    return hash_hex[:12].upper()
