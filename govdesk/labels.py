"""Field labels, defined once.

Table headers, forms, import/export headers and printouts all take their Chinese names
from here, so 公民身份号码 is never spelt two ways in one program.
"""

from __future__ import annotations

FIELD_LABELS: dict[str, str] = {
    # people
    "name": "姓名",
    "sex": "性别",
    "ethnicity": "民族",
    "birth_date": "出生日期",
    "id_number": "公民身份号码",
    "education": "学历",
    "phone": "联系电话",
    "relation": "与户主关系",
    "notes": "备注",
    "ended_on": "注销日期",
    "end_reason": "注销原因",
    # members
    "joined_on": "入党时间",
    "full_on": "转正时间",
    "status": "党员状态",
    "branch": "所在支部",
    "branch_id": "所在支部",
    "party_group": "党小组",
    "party_group_id": "党小组",
    "post": "设岗定责",
    "household": "所在户",
    "household_id": "所在户",
    # households
    "number": "户号",
    "head": "户主",
    "address": "家庭住址",
    "villager_group": "村民小组",
    "villager_group_id": "村民小组",
    "grid": "网格",
    "grid_id": "网格",
    "resident_count": "人口数",
    "categories": "家庭类别",
    "category": "类别",
    "started_on": "开始日期",
    "category_ended_on": "结束日期",
    "is_central": "中心户",
    "relay_households": "联系农户",
    "star_year": "评定年度",
    "stars": "星级",
    "moved_on": "迁移日期",
    "to_household": "迁入户",
    "move_reason": "迁移原因",
    "linked_households": "联系农户（党员联户）",
    "link_started_on": "联户开始日期",
    "plaque_kind": "挂牌",
    "plaque_on": "挂牌日期",
    "resident": "对应居民",
    "excel_row": "行号",
    "excel_column": "列",
    "problem": "问题",
    # organisation
    "village": "村名",
    "cadre_post": "职务",
    "leader_name": "负责人",
    "leader_phone": "负责人电话",
    "age": "年龄",
}


def label(field: str) -> str:
    """Chinese label of a field; an unknown field is a programming error."""
    return FIELD_LABELS[field]
