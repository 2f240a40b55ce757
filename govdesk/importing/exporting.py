"""Writing registers with openpyxl (write-only mode: streams rows, constant memory).

Row 1 holds exactly the headers the importer looks for first, ID numbers, phones and 户号 are
text cells (Excel would otherwise mangle 18-digit numbers), dates are date cells — so an
exported file imports back with nothing lost, rare characters (竂 堉 䶮 𠮷) included.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from govdesk.db import Database
from govdesk.files import write_file_whole
from govdesk.importing.headers import HOUSEHOLD_FIELDS, MEMBER_FIELDS, header_label
from govdesk.importing.household_fields import format_periods, format_stars
from govdesk.models import Grid, Household, HouseholdCategory, Member, OrgUnit, Resident, StarRating, VillagerGroup
from govdesk.resident_register import resident_register

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

Progress = Callable[[int, int, str], None]
_WIDTHS = {"id_number": 22, "address": 28, "categories": 30, "name": 10, "birth_date": 12, "stars": 20}


def _new_workbook() -> Workbook:
    """A write-only workbook; openpyxl is imported here, when a file is written, not when the
    program (or an import, which reads with calamine) starts."""
    from openpyxl import Workbook

    return Workbook(write_only=True)


def _save(wb: Workbook, out: Path) -> None:
    """Saved in memory first, then written whole: a bad target (a folder, a missing or read-only
    folder) fails after the workbook is finished — no half-written file, no dangling writer."""
    buffer = io.BytesIO()
    wb.save(buffer)
    write_file_whole(out, buffer.getvalue())


def _sheet(wb: Workbook, title: str, fields: tuple[str, ...]) -> WriteOnlyWorksheet:
    ws = wb.create_sheet(title)
    for i, key in enumerate(fields):
        letter = chr(ord("A") + i) if i < 26 else "A" + chr(ord("A") + i - 26)
        ws.column_dimensions[letter].width = _WIDTHS.get(key, 12)
    ws.freeze_panes = "A2"
    ws.append([header_label(k) for k in fields])
    return ws


def _row(ws: WriteOnlyWorksheet, fields: tuple[str, ...], values: dict[str, Any]) -> list[Any]:
    """Plain values: str stays text (ID numbers, phones, 户号 keep every digit), dates become
    date cells (openpyxl gives them the yyyy-mm-dd format). No per-cell objects: 200,000 rows."""
    return [_blank(values.get(key)) for key in fields]


def _blank(v: Any) -> Any:
    return "" if v is None else v


def export_template(path: str | Path, kind: str) -> Path:
    """A blank register with the headers only, for the desk to fill in."""
    wb = _new_workbook()
    _sheet(
        wb,
        "农户花名册" if kind == "households" else "党员花名册",
        HOUSEHOLD_FIELDS if kind == "households" else MEMBER_FIELDS,
    )
    out = Path(path)
    _save(wb, out)
    return out


def export_households(
    db: Database, path: str | Path, *, include_ended: bool = True, progress: Progress | None = None
) -> int:
    """One row per resident, grouped by household (head first). Returns the number of rows."""
    with db.session() as s:
        cats: dict[int, list[tuple[str, date, date | None]]] = defaultdict(list)
        for hid, cat, start, end in s.execute(
            select(
                HouseholdCategory.household_id,
                HouseholdCategory.category,
                HouseholdCategory.started_on,
                HouseholdCategory.ended_on,
            ).order_by(HouseholdCategory.household_id, HouseholdCategory.started_on)
        ):
            cats[hid].append((cat, start, end))
        stars: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for hid, year, n in s.execute(select(StarRating.household_id, StarRating.year, StarRating.stars)):
            stars[hid].append((year, n))
        stmt = resident_register(
            Household.id,
            Household.number,
            VillagerGroup.name,
            Grid.name,
            Household.address,
            Household.is_central,
            Resident.name,
            Resident.relation,
            Resident.sex,
            Resident.ethnicity,
            Resident.birth_date,
            Resident.id_number,
            Resident.phone,
            Resident.notes,
            Resident.ended_on,
            Resident.end_reason,
            current=not include_ended,
        )
        wb = _new_workbook()
        ws = _sheet(wb, "农户花名册", HOUSEHOLD_FIELDS)
        count = 0
        last_hid = None
        for r in s.execute(stmt):
            first = r[0] != last_hid
            last_hid = r[0]
            values = {
                "number": r[1],
                "villager_group": r[2] or "",
                "grid": r[3] or "",
                "address": r[4],
                "is_central": ("是" if r[5] else "") if first else "",
                "categories": format_periods(cats.get(r[0], [])) if first else "",
                "stars": format_stars(stars.get(r[0], [])) if first else "",
                "name": r[6],
                "relation": r[7],
                "sex": r[8],
                "ethnicity": r[9],
                "birth_date": r[10],
                "id_number": r[11],
                "phone": r[12],
                "notes": r[13],
                "ended_on": r[14],
                "end_reason": r[15] if r[14] else "",
            }
            ws.append(_row(ws, HOUSEHOLD_FIELDS, values))
            count += 1
            if progress is not None and count % 10_000 == 0:
                progress(count, 0, f"已导出 {count} 行…")
    _save(wb, Path(path))
    return count


def export_members(db: Database, path: str | Path, *, include_ended: bool = True) -> int:
    branch, group = aliased(OrgUnit), aliased(OrgUnit)
    stmt = (
        select(Member, branch.name, group.name, Household.number)
        .outerjoin(branch, branch.id == Member.branch_id)
        .outerjoin(group, group.id == Member.party_group_id)
        .outerjoin(Household, Household.id == Member.household_id)
        .order_by(branch.sort_order, Member.search_keys, Member.id)
    )
    if not include_ended:
        stmt = stmt.where(Member.ended_on.is_(None))
    wb = _new_workbook()
    ws = _sheet(wb, "党员花名册", MEMBER_FIELDS)
    count = 0
    with db.session() as s:
        for m, branch_name, group_name, number in s.execute(stmt):
            values = {k: getattr(m, k, None) for k in MEMBER_FIELDS}
            values.update(branch=branch_name or "", party_group=group_name or "", number=number or "")
            values["end_reason"] = m.end_reason if m.ended_on else ""
            ws.append(_row(ws, MEMBER_FIELDS, values))
            count += 1
    _save(wb, Path(path))
    return count
