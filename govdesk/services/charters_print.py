"""村规民约 for the board: a version (the current one by default) printed as a notice.

Each article is a paragraph of the notice; under the title, the day and the meeting that adopted
it; the villagers' committee issues it on that day. Public and archived when printed. Older
versions print the same way (marked 已废止 with the day they were superseded), so the desk can
show what was in force when.
"""

from __future__ import annotations

from sqlalchemy import select

from govdesk.db import Database
from govdesk.errors import NotFoundError
from govdesk.models import Village
from govdesk.printing import BuildInfo, NoticeDocument, chinese_date
from govdesk.services.councils_query import CouncilQueries, VersionView
from govdesk.services.printing import register_print_kind

ARCHIVE_RULES = "village_rules.notice"
register_print_kind(ARCHIVE_RULES, "村规民约")


def rules_notice(version: VersionView, village: str) -> NoticeDocument:
    adopted = f"（{chinese_date(version.adopted_on)}{village}{version.adopted_by}通过）"
    if version.superseded_on is not None:
        adopted += f"\n（已于{chinese_date(version.superseded_on)}废止，仅供查阅）"
    articles = [line.strip() for line in version.text.splitlines() if line.strip()]
    return NoticeDocument(
        title=version.title,
        paragraphs=articles,
        issuer=f"{village}村民委员会",
        date=version.adopted_on,
        salutation=adopted,
    )


class CharterPrints:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.queries = CouncilQueries(db)

    def village_rules_pdf(self, version_no: int | None = None) -> BuildInfo:
        """The 村规民约 in force (or version ``version_no``) as a board notice."""
        versions = self.queries.versions(None)
        if version_no is None:
            chosen = next((v for v in versions if v.current), None)
            if chosen is None:
                raise NotFoundError("还没有登记村规民约：请先在“村务 → 理事会/村规民约”中录入")
        else:
            chosen = next((v for v in versions if v.version_no == version_no), None)
            if chosen is None:
                have = "、".join(str(v.version_no) for v in reversed(versions)) or "无"
                raise NotFoundError(f"村规民约没有第 {version_no} 版（已有版本：{have}）")
        with self.db.session() as s:
            village = s.scalar(select(Village.name).order_by(Village.id).limit(1)) or ""
        return rules_notice(chosen, village).build()
