"""Settings stored in the database, and a member's standing on a day (govdesk.member_status)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from govdesk.db import Database
from govdesk.errors import ValidationError
from govdesk.member_status import roster_bits, statuses_on
from govdesk.models import Member
from govdesk.services.settings import SettingSpec, SettingsService, parse

KEEP = SettingSpec("test.keep", "保留备份份数", 10, minimum=1, maximum=365)
LOGIN = SettingSpec("test.login", "需要登录", True)


def test_a_setting_reads_its_default_until_stored_and_refuses_bad_values(db: Database) -> None:
    settings = SettingsService(db)
    assert settings.get(KEEP) == 10 and settings.get(LOGIN) is True
    settings.put(KEEP, 30)
    settings.put(LOGIN, False)
    assert settings.get(KEEP) == 30 and settings.get(LOGIN) is False
    with pytest.raises(ValidationError, match="不能小于 1"):
        settings.put(KEEP, 0)
    assert settings.get(KEEP) == 30  # nothing written


@pytest.mark.parametrize(("text", "expected"), [("1", True), ("否", False), ("0", False), ("是", True)])
def test_yes_no_settings_parse(text: str, expected: bool) -> None:
    assert parse(LOGIN, text) is expected


def test_standing_on_a_day_follows_joining_full_membership_and_leaving(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        member = s.scalars(select(Member).where(Member.ended_on.is_(None))).first()
        assert member is not None
        member.joined_on, member.full_on, member.status = date(2020, 3, 1), date(2021, 3, 1), "正式党员"
        member.ended_on = date(2025, 6, 1)
        member_id = member.id
    with demo_db.session() as s:
        cases = [
            (date(2020, 2, 29), None),  # not yet joined
            (date(2020, 3, 1), "预备党员"),  # probationary until 转正
            (date(2021, 3, 1), "正式党员"),
            (date(2025, 5, 31), "正式党员"),
            (date(2025, 6, 1), None),  # ended that day
        ]
        for day, expected in cases:
            assert statuses_on(s, day, member_ids=[member_id]).get(member_id) == expected, day


def test_roster_bits_are_the_roster_rule_for_many_days_at_once(demo_db: Database) -> None:
    """``roster_bits`` (the dues book's month ends in one pass) answers as ``statuses_on`` per day:
    joined on or before the day, not yet ended — including a member who joined and left in the year."""
    with demo_db.transaction() as s:
        member = s.scalars(select(Member).where(Member.ended_on.is_(None))).first()
        assert member is not None
        member.joined_on, member.ended_on = date(2025, 3, 31), date(2025, 9, 30)
    days = [date(2025, m, 28) for m in range(1, 13)] + [date(2025, 3, 31), date(2025, 9, 29), date(2025, 9, 30)]
    with demo_db.session() as s:
        bits = {mid: b for mid, b in s.execute(select(Member.id, roster_bits(days)))}
        for i, day in enumerate(days):
            on_day = statuses_on(s, day)
            assert {mid for mid, b in bits.items() if b >> i & 1} == set(on_day), day
        assert bits[member.id] == sum(1 << i for i, d in enumerate(days) if date(2025, 3, 31) <= d < date(2025, 9, 30))
