"""Setting up a village from nothing: the village, its Party units, groups, grids and cadres.

Rules (DOMAIN.md "Organisation"): 三级联动 总支 → 支部 → 党小组; names unique among siblings and
within the village; cadres sit on at least one of the 两委 and are ended, never deleted.
"""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.db import Database
from govdesk.errors import NotFoundError, ValidationError
from govdesk.models.org import ORG_BRANCH, ORG_GENERAL_BRANCH, ORG_GROUP
from govdesk.services.organisation import CadreInput, OrganisationService
from govdesk.services.village import VillageInput, VillageService


@pytest.fixture
def org(db: Database) -> OrganisationService:
    VillageService(db).update_village(VillageInput("青山村", "石门镇", "平江县", phone="0730-1234567"))
    return OrganisationService(db)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (VillageInput(""), "village", "村名：不能为空"),
        (VillageInput("  "), "village", "村名：不能为空"),
        (VillageInput("青山村", phone="12345"), "village_phone", "村联系电话："),
        (VillageInput("青山村", supervision_phone="abc"), "supervision_phone", "监督电话："),
    ],
)
def test_village_refusals_name_the_field(db: Database, data: VillageInput, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as exc:
        VillageService(db).update_village(data)
    assert exc.value.for_field(field)
    assert message in str(exc.value)
    assert not VillageService(db).has_village()


def test_update_village_creates_then_updates_the_one_village(db: Database) -> None:
    villages = VillageService(db)
    first = villages.update_village(VillageInput("青山村", phone="13800138000"))
    second = villages.update_village(VillageInput("竂堉村", "石门镇", supervision_phone="0730-7654321"))
    assert first == second
    assert villages.title() == "竂堉村"
    got = villages.as_input()
    assert got == VillageInput("竂堉村", "石门镇", "", "", "", "0730-7654321")


def test_no_village_message_says_how_to_set_it_up(db: Database) -> None:
    with pytest.raises(NotFoundError, match="设置 → 村和组织.*govdesk village --name"):
        OrganisationService(db).add_villager_group("一组")


@pytest.mark.parametrize(
    ("kind", "parent", "ok"),
    [
        (ORG_GENERAL_BRANCH, None, True),
        (ORG_BRANCH, None, True),  # a small village: a single branch at the top
        (ORG_BRANCH, ORG_GENERAL_BRANCH, True),
        (ORG_GROUP, ORG_BRANCH, True),
        (ORG_GROUP, None, False),  # a Party group lives inside a branch
        (ORG_GROUP, ORG_GENERAL_BRANCH, False),
        (ORG_BRANCH, ORG_BRANCH, False),
        (ORG_GENERAL_BRANCH, ORG_GENERAL_BRANCH, False),
        ("党委", None, False),
    ],
)
def test_unit_parents_follow_the_three_levels(
    org: OrganisationService, kind: str, parent: str | None, ok: bool
) -> None:
    parents = {
        ORG_GENERAL_BRANCH: org.add_unit(ORG_GENERAL_BRANCH, "总支"),
    }
    parents[ORG_BRANCH] = org.add_unit(ORG_BRANCH, "第一支部", parents[ORG_GENERAL_BRANCH])
    parent_id = parents[parent] if parent else None
    if ok:
        uid = org.add_unit(kind, "新组织", parent_id)
        assert any(u.id == uid and u.parent_id == parent_id for u in org.units())
    else:
        with pytest.raises(ValidationError) as exc:
            org.add_unit(kind, "新组织", parent_id)
        assert exc.value.errors[0].field in ("unit_parent", "unit_kind")


@pytest.mark.parametrize(
    ("name", "parent_is_same", "message"),
    [
        ("", True, "组织名称：不能为空"),
        ("第一党小组", True, "同一上级下已有“第一党小组”"),
    ],
)
def test_unit_names_required_and_unique_among_siblings(
    org: OrganisationService, name: str, parent_is_same: bool, message: str
) -> None:
    branch = org.add_unit(ORG_BRANCH, "第一支部")
    org.add_unit(ORG_GROUP, "第一党小组", branch)
    with pytest.raises(ValidationError, match=message):
        org.add_unit(ORG_GROUP, name, branch)
    other = org.add_unit(ORG_BRANCH, "第二支部")
    org.add_unit(ORG_GROUP, "第一党小组", other)  # same name under another branch is fine


def test_rename_unit_and_set_leader(demo_db: Database) -> None:
    org = OrganisationService(demo_db)
    branch = next(u for u in org.units() if u.kind == ORG_BRANCH)
    sibling = next(u for u in org.units() if u.kind == ORG_BRANCH and u.id != branch.id)
    with pytest.raises(ValidationError, match="同一上级下已有"):
        org.rename_unit(branch.id, sibling.name)
    org.rename_unit(branch.id, "竂堉支部")
    org.set_unit_leader(branch.id, None)
    assert next(u for u in org.units() if u.id == branch.id).leader_name == ""
    with pytest.raises(ValidationError, match="找不到这名党员"):
        org.set_unit_leader(branch.id, 999_999)


@pytest.mark.parametrize(
    ("add", "name_field"),
    [("add_villager_group", "group_name"), ("add_grid", "grid_name")],
)
@pytest.mark.parametrize(
    ("name", "phone", "field", "message"),
    [
        ("", "", None, "不能为空"),
        ("一组", "123", "leader_phone", "负责人电话："),
        ("一组", "", None, "已有“一组”"),  # second time: names are unique per village
    ],
)
def test_groups_and_grids_validated(
    org: OrganisationService, add: str, name_field: str, name: str, phone: str, field: str | None, message: str
) -> None:
    getattr(org, add)("一组", "张三", "13800138000")
    with pytest.raises(ValidationError, match=message) as exc:
        getattr(org, add)(name, "李四", phone)
    assert exc.value.errors[0].field == (field or name_field)


def test_update_group_and_grid(org: OrganisationService) -> None:
    gid = org.add_villager_group("一组")
    org.add_villager_group("二组")
    org.update_villager_group(gid, "𠮷祥组", "䶮", "13900139000")
    assert org.villager_groups()[0].name == "𠮷祥组"
    assert org.villager_groups()[0].leader_phone == "13900139000"
    with pytest.raises(ValidationError, match="已有“二组”"):
        org.update_villager_group(gid, "二组")
    grid = org.add_grid("第一网格")
    org.update_grid(grid, "第一网格", "王五", "0730-1234567")
    assert org.grids()[0].leader_name == "王五"


@pytest.mark.parametrize(
    ("data", "fields"),
    [
        (CadreInput("", "支部书记", on_branch_committee=True), {"name"}),
        (CadreInput("张三", "", on_branch_committee=True), {"cadre_post"}),
        (CadreInput("张三", "委员"), {"committees"}),  # must sit on at least one of the 两委
        (CadreInput("张三", "委员", phone="1380013800", on_village_committee=True), {"phone"}),
        (CadreInput("张三", "委员", on_village_committee=True, started_on="2026-13-40"), {"cadre_started_on"}),
        (CadreInput("", "", phone="x"), {"name", "cadre_post", "phone", "committees"}),
    ],
)
def test_cadre_refusals(org: OrganisationService, data: CadreInput, fields: set[str]) -> None:
    with pytest.raises(ValidationError) as exc:
        org.add_cadre(data)
    assert {e.field for e in exc.value.errors} == fields
    assert org.cadre_rows() == []


def test_cadre_add_update_end_never_deleted(db: Database, org: OrganisationService) -> None:
    cid = org.add_cadre(CadreInput("张三", "党支部书记、村委会主任", "13800138000", True, True, started_on="2024.1.1"))
    org.update_cadre(cid, CadreInput("张三", "党支部书记", "13800138000", True, False, started_on=date(2024, 1, 1)))
    assert [c.name for c in VillageService(db).cadres(on=date(2026, 1, 1))] == ["张三"]
    with pytest.raises(ValidationError, match="注销原因"):
        org.end_cadre(cid, date(2026, 6, 1), "")
    with pytest.raises(ValidationError, match="不能早于任职日期"):
        org.end_cadre(cid, date(2023, 6, 1), "换届")
    org.end_cadre(cid, date(2026, 6, 1), "换届")
    with pytest.raises(ValidationError, match="已于 2026-06-01 离任"):
        org.end_cadre(cid, date(2026, 7, 1), "换届")
    row = org.cadre_rows()[0]
    assert (row.ended_on, row.end_reason, row.on_village_committee) == (date(2026, 6, 1), "换届", False)
    assert VillageService(db).cadres(on=date(2026, 7, 1)) == []


def test_demo_village_cadres_listed(demo_db: Database) -> None:
    rows = OrganisationService(demo_db).cadre_rows()
    assert len(rows) == 7
    assert all(r.on_branch_committee or r.on_village_committee for r in rows)
