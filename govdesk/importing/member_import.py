"""Importing a Party member roster (党员花名册): same row rules as households plus the member
rules (status, 入党 at 18 or older, 转正 after 入党, no 转正 date while 预备), branch and Party
group found by name, the home household by 户号 and the resident by ID number.
Existing members (same ID number) are updated, never duplicated.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, insert, select

from govdesk.db import Database
from govdesk.errors import NO_VILLAGE_MESSAGE, NotFoundError
from govdesk.importing import cells
from govdesk.importing.formulas import explain_formula_cells
from govdesk.importing.headers import MEMBER_FIELDS, header_label
from govdesk.importing.people_rows import RowReader, read_person
from govdesk.importing.report import ImportReport
from govdesk.importing.sheet import Sheet, read_register
from govdesk.input_limits import shown
from govdesk.models import Household, Member, OrgUnit, Resident, Village
from govdesk.models.org import ORG_BRANCH, ORG_GROUP
from govdesk.models.people import MEMBER_STATUSES, STATUS_PROBATIONARY
from govdesk.models.people_details import PLAQUE_KINDS
from govdesk.posts import store as posts_store
from govdesk.search import search_keys

Progress = Callable[[int, int, str], None]
ADULT_AGE = 18


def import_members(
    db: Database,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    dry_run: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    check_cancel: Callable[[], None] | None = None,
    confirm_ages: bool = False,
    sheet: Sheet | None = None,
) -> ImportReport:
    """``confirm_ages``: ages over 120 were confirmed by the clerk (otherwise each is a problem).
    ``sheet``: the file as ``read_register`` read it already (the CLI reads it while the database
    opens); else it is read here."""
    today = today or date.today()
    sheet = sheet or read_register(path, MEMBER_FIELDS, "members")
    report = ImportReport(
        kind="members", file=str(path), rows_read=len(sheet.rows), header=sheet.header, dry_run=dry_run
    )
    report.skip_invalid = skip_invalid
    # Read the database inside the write transaction (begun IMMEDIATE): a concurrent import
    # waits, then sees what this one wrote.
    with db.read_connection() if dry_run else db.write_connection() as conn:
        vid = conn.scalar(select(Village.id).order_by(Village.id).limit(1))
        if vid is None:
            raise NotFoundError(f"{NO_VILLAGE_MESSAGE}；然后再导入党员花名册")
        branches = dict(conn.execute(select(OrgUnit.name, OrgUnit.id).where(OrgUnit.kind == ORG_BRANCH)).all())
        groups = {
            name: (gid, parent)
            for name, gid, parent in conn.execute(
                select(OrgUnit.name, OrgUnit.id, OrgUnit.parent_id).where(OrgUnit.kind == ORG_GROUP)
            )
        }
        households = dict(conn.execute(select(Household.number, Household.id)).all())
        residents = {
            n: (rid, hid)
            for n, rid, hid in conn.execute(select(Resident.id_number, Resident.id, Resident.household_id))
        }
        members = dict(conn.execute(select(Member.id_number, Member.id)).all())
        r = RowReader(sheet.columns, header=sheet.header, confirm_ages=confirm_ages)
        seen: dict[str, int] = {}
        rows: list[dict[str, Any]] = []
        for n, (row_no, row_cells) in enumerate(sheet.rows):
            if progress is not None and n % 1000 == 0:
                progress(n, len(sheet.rows), f"检查第 {n + 1} 行…")
            r.start(row_no, row_cells)
            before = len(r.problems)
            person = read_person(r, seen, today)
            extra = _member_fields(r, person, today, branches, groups, households)
            if person is None or len(r.problems) > before:
                continue
            values = {**person, **extra, "search_keys": search_keys(person["name"]), "village_id": vid}
            home = residents.get(person["id_number"])
            values["resident_id"] = home[0] if home else None
            if values["household_id"] is None and home:
                values["household_id"] = home[1]
            rows.append(values)
        report.problems = r.problems
        explain_formula_cells(report, path, sheet.sheet_name, sheet.header)
        bad = {p.row for p in r.problems}
        report.bad_rows = [(no, c) for no, c in sheet.rows if no in bad]
        if dry_run or (bad and not skip_invalid):
            return report
        new = [v for v in rows if v["id_number"] not in members]
        old = [v | {"_id": members[v["id_number"]]} for v in rows if v["id_number"] in members]
        if check_cancel is not None:
            check_cancel()
        if new:
            conn.execute(insert(Member), new)
        if old:
            table = Member.__table__
            cols = [k for k in old[0] if k not in ("_id", "village_id")]
            stmt = (
                table.update()
                .where(table.c.id == bindparam("_id"))
                .values({k: bindparam(f"b_{k}") for k in cols} | {"updated_at": func.current_timestamp()})
            )
            conn.execute(stmt, [{"_id": v["_id"], **{f"b_{k}": v[k] for k in cols}} for v in old])
        _keep_history(conn, new, old, today)
        report.created, report.updated, report.written = len(new), len(old), True
    return report


def _keep_history(conn: Any, new: list[dict[str, Any]], old: list[dict[str, Any]], today: date) -> None:
    """The register's 状态 and 岗位 columns through the status history and the post assignments
    (govdesk.posts.store): a new member gets their history from 入党 / 转正, a changed status
    begins today, a post text becomes or joins a catalogue post."""
    ids = dict(conn.execute(select(Member.id_number, Member.id)).all()) if new else {}
    new_ids = [ids[v["id_number"]] for v in new]
    posts_store.seed_new_members(conn, new_ids)
    posts_store.set_status_as_registered(conn, {v["_id"]: v["status"] for v in old}, today)
    posts_store.hold_posts_as_registered(
        conn, {ids[v["id_number"]]: v["post"] for v in new} | {v["_id"]: v["post"] for v in old}, today
    )


def _member_fields(
    r: RowReader,
    person: dict[str, Any] | None,
    today: date,
    branches: dict[str, int],
    groups: dict[str, tuple[int, int | None]],
    households: dict[str, int],
) -> dict[str, Any]:
    status = cells.compact(r.raw("status")) or "正式党员"
    if status in ("正式", "预备", "流动"):
        status += "党员"
    if status not in MEMBER_STATUSES:
        r.fail("status", "应为：" + "、".join(MEMBER_STATUSES))
    joined = r.date("joined_on")
    full = r.date("full_on")
    if joined is None and not cells.text(r.raw("joined_on")):
        r.fail("joined_on", "入党时间不能为空")
    if joined and joined > today:
        r.fail("joined_on", "不能晚于今天")
    birth = person["birth_date"] if person else None
    if (
        joined
        and birth
        and (joined.year - birth.year - ((joined.month, joined.day) < (birth.month, birth.day))) < ADULT_AGE
    ):
        r.fail("joined_on", "入党时应年满十八周岁")
    if full and joined and full <= joined:
        r.fail("full_on", f"应晚于{header_label('joined_on')}")
    if full and status == STATUS_PROBATIONARY:
        r.fail("full_on", "预备党员尚未转正，不应填写转正时间")
    branch_name = cells.compact(r.raw("branch"))
    branch_id = branches.get(branch_name) if branch_name else None
    if branch_name and branch_id is None:
        r.fail("branch", f"找不到支部“{shown(branch_name)}”（请先在组织设置中建立，或改成已有的支部名称）")
    group_name = cells.compact(r.raw("party_group"))
    group_id = None
    if group_name:
        found = groups.get(group_name)
        if found is None:
            r.fail("party_group", f"找不到党小组“{shown(group_name)}”")
        else:
            group_id = found[0]
            if branch_id is not None and found[1] != branch_id:
                r.fail("party_group", f"党小组“{shown(group_name)}”不属于“{shown(branch_name)}”")
    number = cells.household_number(r.raw("number"))
    household_id = households.get(number) if number else None
    if number and household_id is None:
        r.fail("number", f"找不到户号 {number}（请先导入农户花名册）")
    plaque = cells.compact(r.raw("plaque_kind"))
    plaque_on = r.date("plaque_on")
    if plaque and plaque not in PLAQUE_KINDS:
        r.fail("plaque_kind", "应为：" + "、".join(PLAQUE_KINDS))
    return {
        "education": r.short("education", 20),
        "joined_on": joined,
        "full_on": full,
        "status": status,
        "branch_id": branch_id,
        "party_group_id": group_id,
        "post": r.text("post", 100),
        "household_id": household_id,
        "plaque_kind": plaque,
        "plaque_on": plaque_on if plaque else None,
    }
