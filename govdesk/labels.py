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
    # decisions (五议两公开)
    "matter_number": "台账编号",
    "matter_title": "事项名称",
    "matter_category": "事项类别",
    "matter_amount": "涉及金额",
    "matter_source": "事项来源",
    "matter_source_detail": "建议人及内容",
    "matter_procedure": "议事程序",
    "matter_raised_on": "提出日期",
    "matter_state": "办理状态",
    "matter_stage": "当前阶段",
    "matter_last_event_on": "最近办理日期",
    "step": "办理步骤",
    "meeting_date": "会议日期",
    "meeting_place": "会议地点",
    "meeting_host": "主持人",
    "meeting_recorder": "记录人",
    "should_attend": "应到",
    "present": "实到",
    "yes_votes": "赞成",
    "no_votes": "反对",
    "abstain_votes": "弃权",
    "decided_text": "决定事项",
    "suggested_by": "建议人",
    "suggestion_text": "建议内容",
    "notice_posted_on": "公开日期",
    "notice_days": "公示天数",
    "notice_place": "公开地点",
    "notice_phone": "监督电话",
    "notice_text": "公开内容",
    "progress_date": "登记日期",
    "progress_text": "实施情况",
    "amount_spent": "支出金额",
    "contractor": "承建（承接）单位",
    "completed_on": "完工日期",
    "accepted_on": "验收日期",
    "objection_date": "收到日期",
    "objection_from": "异议人",
    "objection_text": "异议内容",
    "answer_date": "答复日期",
    "answer_by": "答复人",
    "answer_text": "答复内容",
    "correction_reason": "更正原因",
    "back_to": "退回至",
    "disposal_reason": "处理理由",
    "days_overdue": "逾期天数",
    "attachment": "附件",
}


def label(field: str) -> str:
    """Chinese label of a field; an unknown field is a programming error."""
    return FIELD_LABELS[field]
