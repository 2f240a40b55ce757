"""Procedures as data: a procedure is an ordered list of steps, each of one kind and (for a meeting) one rule.

Villages differ (五议 or 四议, 一肩挑 merging 提议 and 商议, a 核议 by the supervision committee,
a villagers' meeting instead of representatives), so none of this is a code path: the
service walks the step list of the matter's procedure and asks the quorum table for the
rule of each meeting. Built-ins are written to the database on first use; a county's own
variant is one more row set, not a program change.
"""

from __future__ import annotations

from dataclasses import dataclass

# Step kinds: what recording the step asks for.
KIND_SUGGESTION = "建议"  # who raised it and what; no vote
KIND_MEETING = "会议"  # date, place, host, tick list, votes, decided text — under a quorum rule
KIND_RESOLUTION_NOTICE = "决议公开"  # posted notice + objection period
KIND_RESULT_NOTICE = "实施结果公开"  # posted after implementation is completed and accepted
STEP_KINDS = (KIND_SUGGESTION, KIND_MEETING, KIND_RESOLUTION_NOTICE, KIND_RESULT_NOTICE)
NOTICE_KINDS = (KIND_RESOLUTION_NOTICE, KIND_RESULT_NOTICE)

SOURCES = ("村民建议", "党员建议", "干部建议", "上级交办")
CATEGORIES = ("集体资金使用", "土地承包流转", "公益事业建设", "集体资产处置", "补贴发放", "其他重大事项")


@dataclass(frozen=True)
class StepDef:
    kind: str
    title: str
    rule_id: str = ""


@dataclass(frozen=True)
class ProcedureDef:
    code: str
    name: str
    description: str
    steps: tuple[StepDef, ...]
    is_default: bool = False


_SUGGEST = StepDef(KIND_SUGGESTION, "建议")
_PROPOSE = StepDef(KIND_MEETING, "党组织提议", "branch_committee")
_CONSULT = StepDef(KIND_MEETING, "两委商议", "two_committees")
_REVIEW = StepDef(KIND_MEETING, "党员大会审议", "party_members")
_RESOLVE = StepDef(KIND_MEETING, "村民代表会议决议", "representatives")
_DISCLOSE = (StepDef(KIND_RESOLUTION_NOTICE, "决议公开"), StepDef(KIND_RESULT_NOTICE, "实施结果公开"))

BUILTIN_PROCEDURES: tuple[ProcedureDef, ...] = (
    ProcedureDef(
        "五议两公开",
        "五议两公开",
        "建议 → 党组织提议 → 两委商议 → 党员大会审议 → 村民代表会议决议，决议和实施结果公开",
        (_SUGGEST, _PROPOSE, _CONSULT, _REVIEW, _RESOLVE, *_DISCLOSE),
        is_default=True,
    ),
    ProcedureDef(
        "四议两公开",
        "四议两公开",
        "全国通行的四议：党组织提议 → 两委商议 → 党员大会审议 → 村民代表会议决议",
        (_PROPOSE, _CONSULT, _REVIEW, _RESOLVE, *_DISCLOSE),
    ),
    ProcedureDef(
        "五议两公开（一肩挑）",
        "五议两公开（一肩挑合并提议商议）",
        "书记、主任一肩挑的村，党组织提议与两委商议合并为一次两委联席会议",
        (_SUGGEST, StepDef(KIND_MEETING, "党组织提议暨两委商议", "two_committees"), _REVIEW, _RESOLVE, *_DISCLOSE),
    ),
    ProcedureDef(
        "五议两公开（含核议）",
        "五议两公开（含监委会核议）",
        "党员大会审议后，由村务监督委员会核议，再提交村民代表会议决议",
        (
            _SUGGEST,
            _PROPOSE,
            _CONSULT,
            _REVIEW,
            StepDef(KIND_MEETING, "村务监督委员会核议", "supervision"),
            _RESOLVE,
            *_DISCLOSE,
        ),
    ),
    ProcedureDef(
        "四议两公开（村民会议）",
        "四议两公开（村民会议决议）",
        "由村民会议（户代表）而非村民代表会议作出决议",
        (_PROPOSE, _CONSULT, _REVIEW, StepDef(KIND_MEETING, "村民会议决议", "villagers_households"), *_DISCLOSE),
    ),
)
DEFAULT_PROCEDURE = next(p.code for p in BUILTIN_PROCEDURES if p.is_default)
