"""设岗定责公示表: every post with its duties, what it serves and the members on it now, for the wall.

A notice (A4 portrait, GB/T 9704 in spirit) issued by the village's Party organisation. Public
by default: each holder's phone goes through the printing engine's masking policy
(``MaskPolicy.show(FieldKind.PHONE, …)``: 138****5678), and the holders' cell is running text
that the policy checks again; ``full=True`` is the internal copy (内部资料, phones in full, not
archived). Imports reportlab through govdesk.printing, so only the print paths import this.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from govdesk.db import Database
from govdesk.labels import label
from govdesk.models import OrgUnit, Village
from govdesk.models.org import ORG_BRANCH, ORG_GENERAL_BRANCH
from govdesk.printing import BuildInfo, Column, FieldKind, MaskPolicy, NoticeDocument, NoticeTable, policy_for
from govdesk.services.posts_query import Holding, PostQueries
from govdesk.services.printing import register_print_kind

ARCHIVE_POSTS = "posts.wall"
register_print_kind(ARCHIVE_POSTS, "设岗定责公示表")


def holders_text(holders: list[Holding], policy: MaskPolicy) -> str:
    """One holder a line, ``王伟 138****5678``: the name and the phone as the policy allows."""
    lines = []
    for h in holders:
        phone = policy.show(FieldKind.PHONE, h.phone)
        lines.append(f"{h.member} {phone}" if phone else h.member)
    return "\n".join(lines)


def _issuer(db: Database) -> tuple[str, str, str]:
    """(village name, the Party organisation that issues it, the supervision phone)."""
    with db.session() as s:
        village = s.scalars(select(Village).order_by(Village.id).limit(1)).first()
        if village is None:
            return "", "", ""
        org = s.scalars(
            select(OrgUnit.name)
            .where(OrgUnit.village_id == village.id, OrgUnit.kind.in_((ORG_GENERAL_BRANCH, ORG_BRANCH)))
            .order_by(OrgUnit.kind != ORG_GENERAL_BRANCH, OrgUnit.sort_order, OrgUnit.id)
        ).first()
        return village.name, org or f"{village.name}党组织", village.supervision_phone or ""


def wall_pdf(db: Database, *, full: bool = False, today: date | None = None) -> BuildInfo:
    """The 设岗定责公示表 as of ``today``: one row per post, in catalogue order."""
    day = today or date.today()
    policy = policy_for(full)
    village, issuer, phone = _issuer(db)
    wall = PostQueries(db).wall()
    rows = [(p.name, p.duties, p.serves, holders_text(h, policy)) for p, h in wall]
    held = sum(1 for _p, h in wall if h)
    people = len({x.member_id for _p, h in wall for x in h})
    columns = [
        Column("post_name", label("post_name"), 1.2),
        Column("post_duties", label("post_duties"), 3.3, align="LEFT"),
        Column("post_serves", label("post_serves"), 1.0),
        Column("post_holders", label("post_holders"), 2.5, align="LEFT"),
    ]
    intro = (
        f"为发挥党员先锋模范作用，按照“设岗定责、依岗定责、履职尽责”的要求，{village}共设立岗位 "
        f"{len(wall)} 个，其中 {held} 个岗位已有党员在岗，共 {people} 名党员上岗履职。"
        "现将各岗位职责及在岗党员公示如下，请广大群众监督。"
    )
    return NoticeDocument(
        title=f"{village}党员设岗定责公示表",
        paragraphs=[intro, NoticeTable(columns, rows, font_size=10.5)],
        issuer=issuer,
        date=day,
        phone=phone,
        objection_text="对党员履职情况有意见或建议，请向村党组织反映，或拨打监督电话{phone}。",
        policy=policy,
    ).build()
