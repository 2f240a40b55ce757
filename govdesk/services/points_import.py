"""年终测评 scores from Excel, through the register reader (title rows, header variants, footer rows,
full-width digits) and its row problems (第 N 行「列」：…), so the clerk reads the same messages as
for any register import.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.fullwidth import to_ascii
from govdesk.importing import cells
from govdesk.importing.headers import header_label
from govdesk.importing.report import RowProblem
from govdesk.importing.sheet import read_register
from govdesk.member_status import statuses_on
from govdesk.models import Member
from govdesk.points.rules import assessment_problem

FIELDS = ("name", "id_number", "point_assessment")


def _score(value: object) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = to_ascii(cells.compact(value)).removesuffix("分")
    try:
        return float(text)
    except ValueError:
        return None


def read_assessments(s: Session, path: Path, day: date) -> tuple[dict[int, float], list[str]]:
    """({member id: score}, problems) for the members on the roster on ``day``."""
    sheet = read_register(path, FIELDS, "assessments")
    roster = statuses_on(s, day)
    people = s.execute(select(Member.id, Member.name, Member.id_number).where(Member.id.in_(list(roster)))).all()
    by_number = {number: member_id for member_id, _, number in people}
    by_name: dict[str, list[int]] = {}
    for member_id, name, _ in people:
        by_name.setdefault(name, []).append(member_id)
    col = sheet.columns
    id_col = col.get("id_number", -1)  # -1: the sentinel, an empty cell
    scores: dict[int, float] = {}
    seen: dict[int, int] = {}
    problems: list[RowProblem] = []
    for row, values in sheet.rows:
        name = cells.compact(values[col["name"]])
        number, _ = cells.id_number(values[id_col]) if values[id_col] not in (None, "") else ("", None)
        if number:
            member_id = by_number.get(number)
            if member_id is None:
                problems.append(RowProblem(row, header_label("id_number"), "名册上没有这个公民身份号码的党员"))
                continue
        else:
            found = by_name.get(name, [])
            if len(found) != 1:
                why = "名册上没有这位党员" if not found else f"同名党员有 {len(found)} 位，请填写公民身份号码"
                problems.append(RowProblem(row, header_label("name"), why))
                continue
            member_id = found[0]
        score = _score(values[col["point_assessment"]])
        why = "请填写 0 到 100 之间的数字" if score is None else assessment_problem(score)
        if why:
            problems.append(RowProblem(row, "测评得分", why))
            continue
        if member_id in seen:
            problems.append(RowProblem(row, header_label("name"), f"与第 {seen[member_id]} 行是同一位党员"))
            continue
        seen[member_id] = row
        scores[member_id] = score  # type: ignore[assignment]  # checked above
    return scores, [str(p) for p in problems]
