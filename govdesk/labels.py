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
    # organisation
    "village": "村名",
    "cadre_post": "职务",
    "leader_name": "负责人",
    "leader_phone": "负责人电话",
    "age": "年龄",
    # duty rosters (值班)
    "roster_month": "值班月份",
    "duty_day": "值班日期",
    "duty_cadre": "值班人",
    "duty_kind": "日期类型",
    "duty_phone": "值班电话",
    "duty_workdays": "工作日",
    "duty_weekends": "周末",
    "duty_holidays": "节假日",
    "roster_status": "状态",
    "roster_secretary": "签发人（支部书记）",
    "roster_signed_on": "签发日期",
    "swap_day_a": "原值班日期",
    "swap_day_b": "对调日期",
    "swap_requested_by": "申请人",
    "swap_reason": "换班原因",
    "swap_recorded_at": "登记时间",
    "leave_start": "请假开始",
    "leave_end": "请假结束",
    "leave_reason": "请假事由",
    "holiday_day": "日期",
    "holiday_kind": "类型",
    "holiday_name": "名称",
    "meeting_weekday": "例会星期",
    "meeting_time": "例会时间",
    "meeting_title": "会议名称",
    "meeting_place": "会议地点",
    "log_visitor": "来访人",
    "log_matter": "来访事项",
    "log_handling": "处理情况",
    "log_passed_to": "转交",
    "log_owner": "首问负责人",
    "log_due_on": "办结期限",
    "log_closed_on": "办结日期",
    "log_closing_note": "办结情况",
    # printing (打印存档)
    "seq": "序号",
    "printed_at": "打印时间",
    "printed_by": "打印人",
    "print_kind": "类别",
    "print_title": "标题",
    "page_count": "页数",
    "sha256": "SHA-256 校验值",
    "bank_account": "银行账号",
    "posting_period": "公示期",
    "supervision_phone": "监督电话",
}


def label(field: str) -> str:
    """Chinese label of a field; an unknown field is a programming error."""
    return FIELD_LABELS[field]
