"""The words of the meetings register: the kinds of meeting and the three attendance marks."""

from __future__ import annotations

KIND_GENERAL = "支部党员大会"
KIND_COMMITTEE = "支委会"
KIND_GROUP = "党小组会"
KIND_LECTURE = "党课"
KIND_THEME_DAY = "主题党日"
KIND_LIFE = "组织生活会"
KIND_REVIEW = "民主评议党员"
MEETING_KINDS = (KIND_GENERAL, KIND_COMMITTEE, KIND_GROUP, KIND_LECTURE, KIND_THEME_DAY, KIND_LIFE, KIND_REVIEW)

PRESENT = "出席"
EXCUSED = "请假"
ABSENT = "缺席"
MARKS = (PRESENT, EXCUSED, ABSENT)

# The point rule each mark maps to (govdesk.points.automatic, issue G section 2).
POINT_RULE_OF_MARK = {PRESENT: "会议出席", EXCUSED: "会议请假", ABSENT: "会议缺席"}
