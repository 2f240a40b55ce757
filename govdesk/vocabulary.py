"""The words of the registers: statuses, relations, kinds and categories the desk writes.

Plain constants with no database behind them, so the window can offer them in its combos and
filters without importing the models; the models store these words and import them from here.
"""

from __future__ import annotations

# --- people: sex, Party member status, relation, ethnic group ---
SEX_MALE = "男"
SEX_FEMALE = "女"

# 党员状态. 正式 and 流动 members vote; 预备 and 留党察看 do not (DOMAIN.md).
STATUS_FULL = "正式党员"
STATUS_PROBATIONARY = "预备党员"
STATUS_MIGRANT = "流动党员"
STATUS_ON_PROBATION = "留党察看"
MEMBER_STATUSES = (STATUS_FULL, STATUS_PROBATIONARY, STATUS_MIGRANT, STATUS_ON_PROBATION)
VOTING_STATUSES = (STATUS_FULL, STATUS_MIGRANT)

RELATION_HEAD = "户主"

# The 56 ethnic groups (民族) in the order of GB/T 3304; registers often drop the 族 (汉, 回).
ETHNIC_GROUPS = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)  # fmt: skip
DEFAULT_ETHNICITY = ETHNIC_GROUPS[0]

# --- household and member details ---
# 农户类别 the desk tracks; free text is allowed too (a county may add its own).
HOUSEHOLD_CATEGORIES = ("脱贫户", "低保户", "五保户", "残疾", "留守老人", "军属", "独居老人", "困境儿童")
MAX_STARS = 10

# 挂牌亮户: the plaque on a member's home.
PLAQUE_KINDS = ("共产党员户", "先锋牌")

# Why a resident or member leaves the active register (the record stays).
END_MOVED_OUT = "迁出"
END_DECEASED = "死亡"
END_REASONS = (END_MOVED_OUT, END_DECEASED, "转出", "其他")

# --- the organisation ---
# Kinds of Party organisation unit (三级联动 below the township committee).
ORG_GENERAL_BRANCH = "党总支"
ORG_BRANCH = "党支部"
ORG_GROUP = "党小组"
ORG_KINDS = (ORG_GENERAL_BRANCH, ORG_BRANCH, ORG_GROUP)

# --- the decision log: the bodies whose seats a meeting counts ---
BODY_REPRESENTATIVES = "村民代表"
BODY_SUPERVISION = "村务监督委员会"
BODIES = (BODY_REPRESENTATIVES, BODY_SUPERVISION)
