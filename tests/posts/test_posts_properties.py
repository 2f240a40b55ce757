"""Properties of the status history (hypothesis): whatever sequence of 状态变更 a clerk tries —
allowed or refused — the periods never overlap, the running one is the member's status, a refused
change writes nothing, and ``statuses_on`` answers each day with the period covering it."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdesk.db import Database
from govdesk.errors import GovdeskError
from govdesk.member_status import statuses_on
from govdesk.posts.rules import CHANGE_KINDS, first_overlap
from govdesk.services.members import MemberInput, MemberService
from govdesk.services.posts import PostService
from govdesk.services.village import VillageService
from tests.people.conftest import make_id

TODAY = date.today()
_serial = itertools.count(100)
steps = st.lists(st.tuples(st.sampled_from(CHANGE_KINDS), st.integers(1, 400), st.booleans()), max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=steps, probationary=st.booleans())
def test_any_sequence_of_changes_keeps_one_history(db: Database, changes: list, probationary: bool) -> None:  # type: ignore[type-arg]
    if not _has_village(db):
        VillageService(db).create_village("青山村")
    joined = TODAY - timedelta(days=3_500)
    serial = next(_serial)
    member_id = MemberService(db).create(
        MemberInput(
            name="测试",
            id_number=make_id(date(1970, 1, 1), serial),
            sex="男" if serial % 2 else "女",
            birth_date=date(1970, 1, 1),
            joined_on=joined,
            full_on=None if probationary else joined + timedelta(days=365),
            status="预备党员" if probationary else "正式党员",
        )
    )
    posts = PostService(db)
    day = joined + timedelta(days=400)
    for kind, gap, with_decision in changes:
        day = day + timedelta(days=gap)
        before = posts.status_history(member_id)
        try:
            posts.change_status(member_id, kind, day, day if with_decision else None)
        except GovdeskError:
            assert posts.status_history(member_id) == before  # refused: nothing written
    history = posts.status_history(member_id)
    assert first_overlap([(p.started_on, p.ended_on) for p in history]) is None
    assert [p.status for p in history if p.ended_on is None] == [MemberService(db).get(member_id).status]
    with db.session() as s:
        for p in history:
            for probe in (p.started_on, (p.ended_on - timedelta(days=1)) if p.ended_on else TODAY):
                if probe is not None and probe <= TODAY:
                    assert statuses_on(s, probe, member_ids=[member_id])[member_id] == p.status


def _has_village(db: Database) -> bool:
    from sqlalchemy import select

    from govdesk.models import Village

    with db.session() as s:
        return s.scalar(select(Village.id).limit(1)) is not None
