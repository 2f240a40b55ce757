"""积分制 writes: a year's catalogue and settings, entries made by hand (caps enforced), 更正 by a
reversing entry, the 年终测评 grid and its Excel import.

Entries are never edited or deleted; a mistake is put right by a reversing entry that names the one
it reverses (once). The rules are ``govdesk.points.rules``; the reads are ``PointQueries``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.labels import label
from govdesk.member_status import statuses_on
from govdesk.models import Member
from govdesk.models.points import PointAssessment, PointEntry, PointRule, PointYear
from govdesk.points import rules
from govdesk.points.ledger import ensure_catalogue, entry_row, given_of_rule, reversal_row, terms_of
from govdesk.services.points_query import PointQueries, RuleView, rule_view
from govdesk.validation import clean_text


@dataclass(frozen=True)
class EntryInput:
    member_id: int | None
    day: date | None
    rule_id: int | None
    note: str = ""
    recorded_by: str = ""


@dataclass(frozen=True)
class AssessmentImport:
    """What an assessment import did: scores written, rows refused (by Excel row), notes."""

    written: int
    problems: list[str]

    def summary(self) -> str:
        if self.problems:
            return f"有 {len(self.problems)} 行有问题，全部未导入（没有写入任何数据）"
        return f"已导入年终测评得分 {self.written} 人"


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, label(field), message)])


class PointService(PointQueries):
    """The writes of 积分制 (reads in ``PointQueries``)."""

    # --- catalogue and settings -----------------------------------------------------------------
    def open_year(self, year: int) -> list[RuleView]:
        """The year's catalogue, made from the previous year's (or the built-in one) the first time.

        Only making it is a write: a page that opens a year already made announces no change (a
        change re-reads the pages, which open the year again)."""
        if not 2000 <= year <= 2100:
            raise _fail("point_year", "年份应写成四位数，如 2026")
        return self.rules(year) or self._make_year(year)

    @writes(Changes.POINTS)
    def _make_year(self, year: int) -> list[RuleView]:
        with self.db.transaction() as s:
            return [rule_view(r) for r in ensure_catalogue(s, year)]

    @writes(Changes.POINTS)
    def save_rules(self, year: int, lines: Sequence[rules.RuleTerms]) -> None:
        """Replace the year's catalogue. Entries already given keep their copied name and points; a rule
        still used by entries is updated in place (matched by code), never removed under them."""
        problems = _catalogue_problems(lines)
        if problems:
            raise ValidationError(problems)
        with self.db.transaction() as s:
            existing = {r.code: r for r in ensure_catalogue(s, year)}
            used = set(
                s.scalars(select(PointEntry.rule_id).where(PointEntry.rule_id.in_([r.id for r in existing.values()])))
            )
            kept: set[str] = set()
            for order, t in enumerate(lines):
                rule = existing.get(t.code) or PointRule(year=year, code=t.code)
                rule.name, rule.kind, rule.points = t.name, t.kind, abs(t.points)
                rule.monthly_cap, rule.yearly_cap, rule.veto = t.monthly_cap, t.yearly_cap, t.veto
                rule.automatic, rule.sort_order = t.automatic, order
                s.add(rule)
                kept.add(t.code)
            gone = [r for code, r in existing.items() if code not in kept]
            in_use = [r.name for r in gone if r.id in used]
            if in_use:
                raise RefusedError(
                    f"细则「{'、'.join(in_use)}」已有积分记录，不能删除（可以改名或改分值，已记的积分不变）"
                )
            for rule in gone:
                s.delete(rule)

    @writes(Changes.POINTS)
    def set_year_terms(self, year: int, base: float, weight: float) -> None:
        why = rules.weight_problem(weight)
        if why:
            raise _fail("point_weight", why)
        if not 0 <= base <= 1000:
            raise _fail("point_base", "基础分应在 0 到 1000 之间")
        with self.db.transaction() as s:
            row = s.get(PointYear, year) or PointYear(year=year)
            row.base, row.weight = base, weight
            s.add(row)

    # --- entries --------------------------------------------------------------------------------
    @writes(Changes.POINTS)
    def add_entry(self, data: EntryInput) -> int:
        """Record one entry by hand. Refused (nothing written) past a cap, with the cap's sentence."""
        if data.member_id is None:
            raise _fail("point_member", "请选择党员")
        if data.day is None:
            raise _fail("point_day", "请填写日期")
        if data.day > self.today():
            raise _fail("point_day", "日期不能晚于今天")
        if data.rule_id is None:
            raise _fail("point_rule", "请选择积分细则")
        recorded_by = clean_text(data.recorded_by)
        if not recorded_by:
            raise _fail("point_recorded_by", "请填写记录人")
        with self.db.transaction() as s:
            rule = s.get(PointRule, data.rule_id)
            if rule is None or rule.year != data.day.year:
                raise _fail("point_rule", f"所选细则不是 {data.day.year} 年的积分细则")
            if s.get(Member, data.member_id) is None:
                raise NotFoundError("找不到这位党员")
            if not statuses_on(s, data.day, member_ids=[data.member_id]):
                raise _fail("point_day", "这一天该党员不在党员名册上")
            month, year = given_of_rule(s, rule.id, data.day, [data.member_id]).get(data.member_id, (0.0, 0.0))
            why = rules.cap_problem(terms_of(rule), month, year)
            if why:
                raise RefusedError(why)
            row = entry_row(data.member_id, data.day, rule, clean_text(data.note), recorded_by)
            return int(s.execute(insert(PointEntry).returning(PointEntry.id), [row]).scalar_one())

    @writes(Changes.POINTS)
    def reverse(self, entry_id: int, note: str, recorded_by: str) -> int:
        """更正: a new entry with the opposite points naming ``entry_id``. Once per entry; a reversal
        itself is not reversed (record the right entry again instead)."""
        recorded_by, note = clean_text(recorded_by), clean_text(note)
        if not recorded_by:
            raise _fail("point_recorded_by", "请填写记录人")
        if not note:
            raise _fail("point_note", "请写明更正原因")
        with self.db.transaction() as s:
            entry = s.get(PointEntry, entry_id)
            if entry is None:
                raise NotFoundError(f"找不到编号为 {entry_id} 的积分记录")
            if entry.reverses_id is not None:
                raise RefusedError(f"第 {entry_id} 条本身是更正记录，不能再更正；如有需要请重新记一笔")
            done = s.scalar(select(PointEntry.id).where(PointEntry.reverses_id == entry_id))
            if done is not None:
                raise RefusedError(f"第 {entry_id} 条已由第 {done} 条更正过，不能重复更正")
            row = reversal_row(entry, f"更正：{note}", recorded_by)
            return int(s.execute(insert(PointEntry).returning(PointEntry.id), [row]).scalar_one())

    # --- 年终测评 ----------------------------------------------------------------------------------
    def assessments(self, year: int, branch_id: int | None = None) -> list[tuple[int, str, str, float | None]]:
        """The grid: (member id, name, branch, score) of the members on the roster at the year's end."""
        with self.db.session() as s:
            rows = s.execute(
                select(PointAssessment.member_id, PointAssessment.score).where(PointAssessment.year == year)
            )
            scores = {m: score for m, score in rows}
        return [(m, name, branch, scores.get(m)) for m, name, branch in self.members_on(self.through(year), branch_id)]

    @writes(Changes.POINTS)
    def save_assessments(self, year: int, scores: Mapping[int, float | None]) -> int:
        """Write the grid's scores (None clears a score). All or nothing: one bad score refuses all."""
        problems = [f"{m}：{why}" for m, v in scores.items() if (why := rules.assessment_problem(v))]
        if problems:
            raise _fail("point_assessment", "测评分应在 0 到 100 之间")
        with self.db.transaction() as s:
            return _write_scores(s, year, scores)

    @writes(Changes.POINTS)
    def import_assessments(self, year: int, path: Path) -> AssessmentImport:
        """年终测评 from Excel (姓名, 公民身份号码 or not, 测评得分): every row checked, nothing written
        unless all are right; problems by Excel row number, in Chinese."""
        from govdesk.services.points_import import read_assessments

        with self.db.transaction() as s:
            scores, problems = read_assessments(s, path, self.through(year))
            if problems:
                return AssessmentImport(0, problems)
            return AssessmentImport(_write_scores(s, year, scores), [])


def _write_scores(s: Session, year: int, scores: Mapping[int, float | None]) -> int:
    ids = list(scores)
    s.execute(delete(PointAssessment).where(PointAssessment.year == year, PointAssessment.member_id.in_(ids)))
    rows = [{"year": year, "member_id": m, "score": float(v)} for m, v in scores.items() if v is not None]
    if rows:
        s.execute(insert(PointAssessment), rows)
    return len(rows)


def _catalogue_problems(lines: Sequence[rules.RuleTerms]) -> list[FieldError]:
    problems: list[FieldError] = []

    def bad(field: str, n: int, why: str) -> None:
        problems.append(FieldError(field, f"第 {n} 行{label(field)}", why))

    codes = [clean_text(t.code) for t in lines]
    for n, t in enumerate(lines, start=1):
        if not clean_text(t.code) or len(t.code) > 20:
            bad("point_rule_code", n, "请填写编码（不超过 20 个字）")
        elif codes.count(clean_text(t.code)) > 1:
            bad("point_rule_code", n, f"编码 {t.code} 重复")
        if not clean_text(t.name) or len(t.name) > 60:
            bad("point_rule_name", n, "请填写名称（不超过 60 个字）")
        if t.kind not in rules.KINDS:
            bad("point_kind", n, "应为 加分 或 扣分")
        if not 0 <= t.points <= 100:
            bad("point_points", n, "分值应在 0 到 100 之间")
        for field, cap in (("point_monthly_cap", t.monthly_cap), ("point_yearly_cap", t.yearly_cap)):
            if cap is not None and cap <= 0:
                bad(field, n, "上限应大于 0（不设上限请留空）")
        if t.automatic and t.automatic not in rules.AUTOMATIC_TAGS:
            bad("point_automatic", n, f"应为 {'、'.join(rules.AUTOMATIC_TAGS)} 之一或留空")
    return problems
