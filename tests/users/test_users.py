"""Users: argon2 hashes, roles checked where writes are declared, a pause after five wrong passwords,
log-in required only once an administrator exists and the setting is on."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from govdesk.actor import ROLE_ADMIN, ROLE_STAFF, ROLE_VIEWER, Actor
from govdesk.db import Database
from govdesk.errors import RefusedError, ValidationError
from govdesk.models import User
from govdesk.services.households import HouseholdInput, HouseholdService
from govdesk.services.settings import SettingsService
from govdesk.services.users import LOGIN_REQUIRED, MAX_FAILURES, UserService
from tests.users.conftest import PASSWORD, audit_rows


def test_passwords_are_stored_as_argon2_hashes_never_plaintext(users: UserService) -> None:
    with users.db.session() as s:
        hashes = s.scalars(select(User.password_hash)).all()
    assert len(hashes) == 3 and all(h.startswith("$argon2id$") for h in hashes)
    assert all(PASSWORD not in h for h in hashes)
    raw = users.db.url.database
    assert raw is not None
    with open(raw, "rb") as f:  # not even in the file's bytes
        assert PASSWORD.encode() not in f.read()


def test_log_in_makes_the_user_the_actor(users: UserService) -> None:
    actor = users.log_in("clerk", PASSWORD)
    assert users.db.actor == actor == Actor("clerk", ROLE_STAFF, actor.user_id)
    assert audit_rows(users.db, action="登录")[-1]["user_name"] == "clerk"


def test_a_viewer_cannot_write(users: UserService) -> None:
    users.log_in("viewer", PASSWORD)
    with pytest.raises(RefusedError, match="查看用户，只能查看"):
        HouseholdService(users.db).create(HouseholdInput(number="100"))
    with users.db.session() as s:
        from govdesk.models import Household

        assert s.scalar(select(Household.id).where(Household.number == "100")) is None


def test_users_and_settings_are_for_administrators(users: UserService) -> None:
    users.log_in("clerk", PASSWORD)
    with pytest.raises(RefusedError, match="只有管理员"):
        users.add("new", PASSWORD, ROLE_STAFF)
    with pytest.raises(RefusedError, match="只有管理员"):
        SettingsService(users.db).put(LOGIN_REQUIRED, False)
    HouseholdService(users.db).create(HouseholdInput(number="101"))  # daily work is fine


def test_five_wrong_passwords_pause_the_account(users: UserService) -> None:
    now = datetime(2026, 11, 30, 10, 0)
    for attempt in range(1, MAX_FAILURES):
        with pytest.raises(RefusedError, match=f"再错 {MAX_FAILURES - attempt} 次"):
            users.log_in("clerk", "wrong", now=now)
    with pytest.raises(RefusedError, match="连续输错 5 次.*10:05 后再试"):
        users.log_in("clerk", "wrong", now=now)
    with pytest.raises(RefusedError, match="暂停登录"):  # even the right password waits
        users.log_in("clerk", PASSWORD, now=now + timedelta(minutes=2))
    assert users.log_in("clerk", PASSWORD, now=now + timedelta(minutes=6)).name == "clerk"
    assert len(audit_rows(users.db, action="登录失败")) == MAX_FAILURES


def test_unknown_and_disabled_users_are_refused(users: UserService) -> None:
    with pytest.raises(RefusedError, match="用户名或密码不对"):
        users.log_in("nobody", PASSWORD)
    users.set_disabled("viewer")
    with pytest.raises(RefusedError, match="已停用"):
        users.log_in("viewer", PASSWORD)
    row = audit_rows(users.db, kind="users", action="修改")[-1]
    assert row["before"] == {"disabled": False} and row["after"] == {"disabled": True}


def test_the_last_administrator_stays(users: UserService) -> None:
    with pytest.raises(RefusedError, match="最后一位管理员"):
        users.set_disabled("admin")
    with pytest.raises(RefusedError, match="最后一位管理员"):
        users.set_role("admin", ROLE_VIEWER)


def test_log_in_is_required_once_an_administrator_exists(village: Database) -> None:
    service = UserService(village)
    assert not service.login_required()
    with pytest.raises(RefusedError, match="第一个用户必须是管理员"):
        service.add("clerk", PASSWORD, ROLE_STAFF)
    service.add("admin", PASSWORD, ROLE_ADMIN)
    assert service.login_required()
    service.log_in("admin", PASSWORD)
    SettingsService(village).put(LOGIN_REQUIRED, False)  # a single-clerk desk
    assert not service.login_required()


def test_short_passwords_and_bad_names_are_refused(village: Database) -> None:
    service = UserService(village)
    with pytest.raises(ValidationError, match="至少 6 位"):
        service.add("admin", "12345", ROLE_ADMIN)
    with pytest.raises(ValidationError, match="用户名"):
        service.add("a b", PASSWORD, ROLE_ADMIN)


def test_own_password_change_checks_the_old_one(users: UserService) -> None:
    users.log_in("clerk", PASSWORD)
    with pytest.raises(RefusedError):
        users.change_own_password("wrong", "new-password")
    users.change_own_password(PASSWORD, "new-password")
    assert users.log_in("clerk", "new-password").name == "clerk"
