"""Every attendance and voting rule of 五议两公开, in one table (DOMAIN.md is the specification).

A rule names the deciding body, who counts as should-attend (the roster module computes the
people from this ``seat`` key on the meeting date), the attendance threshold and the pass
threshold with its basis. Thresholds are fractions with a strictness flag and are checked in
integer arithmetic only, because the boundaries are the whole point: "at least two thirds"
is ``3 * present >= 2 * should`` and "more than half" is ``2 * yes > base`` — no floats, no
rounding surprises at 20 of 31.

``evaluate`` returns a ``Verdict`` that the window shows live (应到 N · 实到 M · 需 ≥ K) and
that the service stores with the meeting, including which rule failed and by how much.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from govdesk.errors import FieldError, ValidationError


class Basis(Enum):
    """What a threshold is a fraction of."""

    SHOULD = "应到"  # those who should attend (应到会)
    PRESENT = "实到"  # those present
    ALL = "全体"  # all members of the body (for committees the same people as should-attend)


@dataclass(frozen=True)
class Threshold:
    """``num/den`` of a base; ``strict`` = "more than", otherwise "at least"."""

    num: int
    den: int
    strict: bool
    basis: Basis

    def minimum(self, base: int) -> int:
        """Smallest count that meets the threshold for ``base`` (integer arithmetic only)."""
        if self.strict:
            return base * self.num // self.den + 1
        return -(-base * self.num // self.den)

    def met(self, count: int, base: int) -> bool:
        if self.strict:
            return self.den * count > self.num * base
        return self.den * count >= self.num * base

    @property
    def words(self) -> str:
        """How the threshold reads in a message: 半数 / 三分之二."""
        fraction = "半数" if (self.num, self.den) == (1, 2) else f"{_CN_DIGITS[self.den]}分之{_CN_DIGITS[self.num]}"
        return fraction


_CN_DIGITS = "零一二三四五六七八九十"

# Who should attend, as computed by govdesk.decisions.attendance on the meeting date.
SEAT_BRANCH_COMMITTEE = "branch_committee"
SEAT_TWO_COMMITTEES = "two_committees"
SEAT_VOTING_MEMBERS = "voting_members"
SEAT_REPRESENTATIVES = "representatives"
SEAT_SUPERVISION = "supervision"
SEAT_ADULTS = "adults"
SEAT_HOUSEHOLDS = "households"


@dataclass(frozen=True)
class Rule:
    id: str
    body: str  # the deciding body, as printed
    seat: str  # roster key: who should attend
    seat_words: str  # how should-attend reads: 支委会委员, 有表决权的党员…
    unit: str  # 人 / 户
    attendance: Threshold
    passing: Threshold
    source: str  # where the rule comes from, cited in tests and on the registration sheet


MORE_THAN_HALF_SHOULD = Threshold(1, 2, True, Basis.SHOULD)
MORE_THAN_HALF_PRESENT = Threshold(1, 2, True, Basis.PRESENT)
MORE_THAN_HALF_ALL = Threshold(1, 2, True, Basis.ALL)
TWO_THIRDS_SHOULD = Threshold(2, 3, False, Basis.SHOULD)

RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "branch_committee",
            "支部委员会",
            SEAT_BRANCH_COMMITTEE,
            "支委会委员",
            "人",
            MORE_THAN_HALF_SHOULD,
            MORE_THAN_HALF_ALL,
            "村级“四议两公开”议事规则（党组织提议）：过半数委员到会，赞成票超过全体委员半数",
        ),
        Rule(
            "two_committees",
            "村“两委”联席会议",
            SEAT_TWO_COMMITTEES,
            "“两委”成员",
            "人",
            MORE_THAN_HALF_SHOULD,
            MORE_THAN_HALF_ALL,
            "村级“四议两公开”议事规则（两委商议）：赞成票超过全体“两委”成员半数（到会过半为其前提）",
        ),
        Rule(
            "party_members",
            "党员大会",
            SEAT_VOTING_MEMBERS,
            "有表决权党员",
            "人",
            MORE_THAN_HALF_SHOULD,
            MORE_THAN_HALF_SHOULD,
            "《中国共产党支部工作条例（试行）》第十一条：有表决权的到会党员超过应到会党员半数方可开会，"
            "赞成人数超过应到会有表决权党员的半数为通过",
        ),
        Rule(
            "representatives",
            "村民代表会议",
            SEAT_REPRESENTATIVES,
            "村民代表",
            "人",
            TWO_THIRDS_SHOULD,
            MORE_THAN_HALF_PRESENT,
            "《村民委员会组织法》第二十六条：有三分之二以上组成人员参加方可召开，所作决定应当经到会人员的过半数同意",
        ),
        Rule(
            "villagers_adults",
            "村民会议",
            SEAT_ADULTS,
            "本村十八周岁以上村民",
            "人",
            MORE_THAN_HALF_SHOULD,
            MORE_THAN_HALF_PRESENT,
            "《村民委员会组织法》第二十二条：应当有本村十八周岁以上村民的过半数参加，所作决定应当经到会人员的过半数通过",
        ),
        Rule(
            "villagers_households",
            "村民会议（户代表）",
            SEAT_HOUSEHOLDS,
            "本村户",
            "户",
            TWO_THIRDS_SHOULD,
            MORE_THAN_HALF_PRESENT,
            "《村民委员会组织法》第二十二条：或者有本村三分之二以上的户的代表参加，所作决定应当经到会人员的过半数通过",
        ),
        Rule(
            "supervision",
            "村务监督委员会",
            SEAT_SUPERVISION,
            "监委会成员",
            "人",
            MORE_THAN_HALF_SHOULD,
            MORE_THAN_HALF_ALL,
            "本村议事规则（村务监督委员会核议）：过半数成员到会，赞成票超过全体成员半数",
        ),
    )
}


def describe(r: Rule) -> str:
    """How a rule reads above a tick list and on a registration sheet."""
    att = r.attendance
    need = ("超过" if att.strict else "达到") + f"应到的{att.words}"
    basis = {Basis.PRESENT: "到会人员", Basis.SHOULD: "应到会人员", Basis.ALL: "全体成员"}
    return f"{r.body}：到会须{need}；赞成票超过{basis[r.passing.basis]}的{r.passing.words}。"


def rule(rule_id: str) -> Rule:
    try:
        return RULES[rule_id]
    except KeyError:
        raise ValueError(f"未知的议事规则：{rule_id}") from None


@dataclass(frozen=True)
class Verdict:
    """The outcome of one meeting under one rule, with the figures the window shows live."""

    rule: Rule
    should: int
    present: int
    yes: int
    no: int
    abstain: int
    need_present: int
    need_yes: int
    pass_base: int
    attendance_ok: bool
    votes_ok: bool
    failure: str  # "" when passed; otherwise which rule failed and by how much

    @property
    def passed(self) -> bool:
        return self.attendance_ok and self.votes_ok

    @property
    def figures(self) -> str:
        """应到 N · 实到 M · 需 ≥ K — the line staff watch while ticking."""
        u = self.rule.unit
        return f"应到 {self.should} {u} · 实到 {self.present} {u} · 需 ≥ {self.need_present} {u}"

    @property
    def vote_figures(self) -> str:
        return f"赞成 {self.yes} · 反对 {self.no} · 弃权 {self.abstain} · 通过需赞成 ≥ {self.need_yes} 票"

    @property
    def ratio_text(self) -> str:
        """到会比例 for the registration sheet, e.g. 87.1%."""
        if self.should == 0:
            return "—"
        return f"{self.present * 1000 // self.should / 10:.1f}%"


def _basis_count(t: Threshold, should: int, present: int) -> int:
    return present if t.basis is Basis.PRESENT else should


def _basis_words(r: Rule, t: Threshold, should: int, present: int) -> str:
    if t.basis is Basis.PRESENT:
        return f"实到 {present} {r.unit}"
    if t.basis is Basis.ALL:
        return f"全体{r.seat_words} {should} {r.unit}"
    return f"应到会{r.seat_words} {should} {r.unit}"


def check_counts(should: int, present: int, yes: int, no: int, abstain: int) -> None:
    """Figures that cannot be true are an input error, not a failed meeting."""
    errors: list[FieldError] = []
    for field, label, value in (
        ("present", "实到人数", present),
        ("yes_votes", "赞成票", yes),
        ("no_votes", "反对票", no),
        ("abstain_votes", "弃权票", abstain),
    ):
        if value < 0:
            errors.append(FieldError(field, label, "不能为负数"))
    if present > should:
        errors.append(FieldError("present", "实到人数", f"实到 {present} 超过应到 {should}"))
    if yes + no + abstain > present:
        errors.append(
            FieldError("yes_votes", "赞成票", f"赞成、反对、弃权合计 {yes + no + abstain}，超过实到 {present}")
        )
    if errors:
        raise ValidationError(errors)


def evaluate(rule_id: str, should: int, present: int, yes: int = 0, no: int = 0, abstain: int = 0) -> Verdict:
    """Apply one rule: attendance first (a meeting without quorum decides nothing), then the vote."""
    r = rule(rule_id)
    check_counts(should, present, yes, no, abstain)
    att = r.attendance
    need_present = att.minimum(_basis_count(att, should, present))
    attendance_ok = should > 0 and att.met(present, _basis_count(att, should, present))
    pas = r.passing
    base = _basis_count(pas, should, present)
    need_yes = pas.minimum(base)
    votes_ok = base > 0 and pas.met(yes, base)
    failure = ""
    u = r.unit
    if should == 0:
        failure = f"应到人数为 0：名册中没有{r.seat_words}，无法召开{r.body}"
    elif not attendance_ok:
        shortfall = "未超过" if att.strict else "不足"
        failure = (
            f"实到 {present} {u}，{shortfall}应到 {should} {u}的{att.words}"
            f"（需 ≥ {need_present} {u}），差 {need_present - present} {u}"
        )
    elif not votes_ok:
        failure = (
            f"赞成 {yes} 票，未超过{_basis_words(r, pas, should, present)}的{pas.words}"
            f"（需 ≥ {need_yes} 票），差 {need_yes - yes} 票"
        )
    return Verdict(
        rule=r,
        should=should,
        present=present,
        yes=yes,
        no=no,
        abstain=abstain,
        need_present=need_present,
        need_yes=need_yes,
        pass_base=base,
        attendance_ok=attendance_ok,
        votes_ok=votes_ok,
        failure=failure,
    )
