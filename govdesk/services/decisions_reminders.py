"""What needs action on the decision log (待办提醒), with days overdue.

The deadlines are the desk's defaults, kept here in one place: DOMAIN.md says a resolution is
posted for a set period (commonly ≥ 7 days) but leaves the delay before posting to local rules,
so a resolution is due on the board within ``RESOLUTION_POSTING_DUE_DAYS`` and a result within
``RESULT_POSTING_DUE_DAYS`` of acceptance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from govdesk.decisions.state import STATE_COMPLETED, STATE_FAILED, STATE_POSTED, STATE_RESOLVED
from govdesk.models import Matter

RESOLUTION_POSTING_DUE_DAYS = 3
RESULT_POSTING_DUE_DAYS = 7
POSTING_ENDING_WARN_DAYS = 2
FAILED_DISPOSAL_DUE_DAYS = 7

# The states in which a matter can be waiting for the desk.
REMINDER_STATES = (STATE_RESOLVED, STATE_POSTED, STATE_COMPLETED, STATE_FAILED)


@dataclass(frozen=True)
class ActionItem:
    matter_id: int
    number: str
    title: str
    what: str  # 已决议未公开 / 公示期将满 / 已验收未公开结果 / 未通过待处理
    due_on: date
    days_overdue: int  # > 0 overdue; ≤ 0 days left

    @property
    def overdue_text(self) -> str:
        return overdue_text(self.days_overdue)


def overdue_text(days_overdue: int) -> str:
    """逾期 3 天 / 今天到期 / 还有 2 天: how every deadline on the desk reads."""
    if days_overdue > 0:
        return f"逾期 {days_overdue} 天"
    if days_overdue == 0:
        return "今天到期"
    return f"还有 {-days_overdue} 天"


def reminders(matters: Iterable[Matter], today: date) -> list[ActionItem]:
    """Resolved but not posted, posting period ending, accepted but results not posted, failed votes;
    most overdue first."""
    items: list[ActionItem] = []
    for m in matters:
        if m.state == STATE_RESOLVED and m.resolved_on:
            due = m.resolved_on + timedelta(days=RESOLUTION_POSTING_DUE_DAYS)
            items.append(ActionItem(m.id, m.number, m.title, "已决议未公开", due, (today - due).days))
        elif m.state == STATE_POSTED and m.posting_ends_on and m.progress_started_on is None:
            if (m.posting_ends_on - today).days <= POSTING_ENDING_WARN_DAYS:
                what = "公示期已满待实施" if today > m.posting_ends_on else "公示期将满"
                if m.open_objections:
                    what += f"（{m.open_objections} 条异议未答复）"
                items.append(
                    ActionItem(m.id, m.number, m.title, what, m.posting_ends_on, (today - m.posting_ends_on).days)
                )
        elif m.state == STATE_COMPLETED and m.accepted_on:
            due = m.accepted_on + timedelta(days=RESULT_POSTING_DUE_DAYS)
            items.append(ActionItem(m.id, m.number, m.title, "已验收未公开结果", due, (today - due).days))
        elif m.state == STATE_FAILED and m.last_event_on:
            due = m.last_event_on + timedelta(days=FAILED_DISPOSAL_DUE_DAYS)
            items.append(ActionItem(m.id, m.number, m.title, "未通过待处理（退回或终止）", due, (today - due).days))
    items.sort(key=lambda i: (-i.days_overdue, i.number))
    return items
