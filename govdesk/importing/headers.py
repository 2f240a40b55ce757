"""Register columns: the header the exporter writes (the label) and the variants desks use.

The exporter writes ``label(key)`` — the first name the importer looks for — so an exported
file imports back unchanged. Matching ignores spaces, line breaks, ``*`` marks and anything
in brackets (公民身份号码（18位）).
"""

from __future__ import annotations

import re

from govdesk.labels import label

ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("户号", "户编号", "户籍编号", "户口编号"),
    "name": ("姓名", "成员姓名", "人员姓名"),
    "relation": ("与户主关系", "关系", "家庭关系", "与户主的关系"),
    "sex": ("性别",),
    "ethnicity": ("民族",),
    "birth_date": ("出生日期", "出生年月", "出生年月日", "生日"),
    "id_number": ("公民身份号码", "身份证号码", "身份证号", "身份证", "证件号码"),
    "phone": ("联系电话", "电话", "手机", "手机号码", "联系方式", "电话号码"),
    "villager_group": ("村民小组", "组别", "小组", "所在小组", "组"),
    "grid": ("网格", "所在网格"),
    "address": ("家庭住址", "住址", "地址", "现住址"),
    "notes": ("备注",),
    "categories": ("家庭类别", "类别", "户类别"),
    "is_central": ("中心户",),
    "stars": ("星级", "星级文明户"),
    "ended_on": ("注销日期",),
    "end_reason": ("注销原因",),
    # members
    "education": ("学历", "文化程度"),
    "joined_on": ("入党时间", "入党日期"),
    "full_on": ("转正时间", "转正日期"),
    "status": ("党员状态", "状态", "党员类别"),
    "branch": ("所在支部", "支部", "党支部"),
    "party_group": ("党小组", "所在党小组"),
    "post": ("设岗定责", "岗位"),
    "plaque_kind": ("挂牌",),
    "plaque_on": ("挂牌日期",),
    # 年终测评 (积分制)
    "point_assessment": ("测评得分", "年终测评", "年终测评得分", "测评分", "民主评议得分", "得分"),
}

HOUSEHOLD_FIELDS = (
    "number",
    "name",
    "relation",
    "sex",
    "ethnicity",
    "birth_date",
    "id_number",
    "phone",
    "villager_group",
    "grid",
    "address",
    "categories",
    "is_central",
    "stars",
    "notes",
    "ended_on",
    "end_reason",
)
MEMBER_FIELDS = (
    "name",
    "sex",
    "ethnicity",
    "birth_date",
    "id_number",
    "education",
    "joined_on",
    "full_on",
    "status",
    "branch",
    "party_group",
    "phone",
    "post",
    "number",
    "plaque_kind",
    "plaque_on",
    "notes",
    "ended_on",
    "end_reason",
)
REGISTER_FIELDS = {"households": HOUSEHOLD_FIELDS, "members": MEMBER_FIELDS}  # the columns read, per register
REQUIRED = {
    "households": ("name", "id_number"),
    "members": ("name", "id_number"),
    "assessments": ("name", "point_assessment"),
}
PROBLEM_HEADER = "问题"

_NOISE = re.compile(r"[\s\u3000*＊:：]|[（(].*?[）)]")


def header_label(key: str) -> str:
    """The header the exporter writes for a field (the first the importer recognises)."""
    if key == "number" or key in ("villager_group", "branch", "party_group"):
        return ALIASES[key][0]
    if key == "stars":
        return "星级文明户"
    return label(key)


def _normal(text: object) -> str:
    return _NOISE.sub("", str(text or "")).strip()


_LOOKUP = {_normal(alias): key for key, aliases in ALIASES.items() for alias in aliases}


def match_header(cell: object, wanted: tuple[str, ...]) -> str | None:
    key = _LOOKUP.get(_normal(cell))
    return key if key in wanted else None


def columns_of(row: list[object], wanted: tuple[str, ...]) -> dict[str, int]:
    """{field key: column index} for one candidate header row (first occurrence wins)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        key = match_header(cell, wanted)
        if key is not None and key not in found:
            found[key] = i
    return found
