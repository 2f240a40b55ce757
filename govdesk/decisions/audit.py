"""``govdesk check`` for the decision log: anything changed behind the program's back.

Registered in ``govdesk.cli.check.EXTRA_CHECKS``. Each problem names the matter by its
台账编号 and the entry by its number in that matter's history, so the clerk can find the
paper file and compare.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from sqlalchemy import select

from govdesk import paths
from govdesk.db import Database
from govdesk.decisions.chain import verify_chain
from govdesk.decisions.ledger import steps_of
from govdesk.decisions.state import effective_entries, replay
from govdesk.models import Attachment, AttendanceTick, LogEntry, Matter, Procedure
from govdesk.models.decisions import ENTRY_OPENED

_HEADER = ("title", "category", "amount_fen", "source", "source_detail")


def _where(e: Any) -> str:
    what = e.step_title or e.kind
    day = f"，{e.event_date.isoformat()}" if e.event_date else ""
    return f"第 {e.seq} 条记录（{what}{day}）"


def check_decision_log(db: Database) -> list[str]:
    problems: list[str] = []
    with db.session() as s:
        ticks: dict[int, list[Any]] = defaultdict(list)
        for t in s.scalars(select(AttendanceTick)):
            ticks[t.entry_id].append(t)
        atts: dict[int, list[Any]] = defaultdict(list)
        for a in s.scalars(select(Attachment)):
            atts[a.entry_id].append(a)
        entries_by_matter: dict[int, list[LogEntry]] = defaultdict(list)
        for e in s.scalars(select(LogEntry).order_by(LogEntry.matter_id, LogEntry.seq)):
            entries_by_matter[e.matter_id].append(e)
        for m in s.scalars(select(Matter).order_by(Matter.number)):
            prefix = f"决策台账 {m.number}（{m.title}）"
            entries = entries_by_matter.get(m.id, [])
            by_seq = {e.seq: e for e in entries}
            for p in verify_chain(entries, ticks, atts):
                where = _where(by_seq[p.seq]) if p.seq in by_seq else f"第 {p.seq} 条记录"
                problems.append(f"{prefix} {where}：{p.message}")
            if len(entries) != m.entry_count or (entries and entries[-1].hash != m.head_hash):
                problems.append(
                    f"{prefix}：记录条数或末条校验码与台账登记不符（登记 {m.entry_count} 条，实有 {len(entries)} 条），"
                    "可能有记录被删除"
                )
            if not entries or entries[0].kind != ENTRY_OPENED:
                problems.append(f"{prefix}：缺少立项记录")
                continue
            problems.extend(_header_problems(s, m, entries, prefix))
            steps = steps_of(s, m.procedure_id)
            st = replay(steps, entries)
            cached = {k: getattr(m, k) for k in st.CACHED}
            if cached != st.cache_values():
                problems.append(f"{prefix}：办理状态与记录不符（显示“{m.state}”，按记录应为“{st.state}”）")
            for e in entries:
                for a in atts.get(e.id, []):
                    problems.extend(_attachment_problem(prefix, e, a))
    return problems


def _header_problems(s: Any, m: Matter, entries: list[LogEntry], prefix: str) -> list[str]:
    opened = next(x for x in effective_entries(entries) if x.kind == ENTRY_OPENED)
    d = opened.details
    out: list[str] = []
    changed = [k for k in _HEADER if d.get(k) != getattr(m, k)]
    if d.get("number") != m.number:
        changed.insert(0, "number")
    if changed:
        out.append(f"{prefix}：事项信息（{'、'.join(changed)}）与立项记录不符，在程序之外被改动过")
    proc = s.get(Procedure, m.procedure_id)
    steps = [[st.kind, st.title, st.rule_id] for st in steps_of(s, m.procedure_id)]
    if proc is None or d.get("procedure") != proc.code or d.get("steps") != steps:
        out.append(f"{prefix}：议事程序与立项时记录的步骤不符，程序定义在程序之外被改动过")
    return out


def _attachment_problem(prefix: str, e: LogEntry, a: Attachment) -> list[str]:
    path = paths.attachments_dir() / a.stored_name
    if not path.is_file():
        return [f"{prefix} {_where(e)}：附件“{a.original_name}”的文件不见了（{path}）"]
    if hashlib.sha256(path.read_bytes()).hexdigest() != a.sha256:
        return [f"{prefix} {_where(e)}：附件“{a.original_name}”的文件内容被改动过"]
    return []
