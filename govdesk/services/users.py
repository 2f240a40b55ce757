"""Users and log-in: argon2 hashes, roles, a pause after repeated failures, the first administrator.

Log-in is required once an enabled 管理员 exists and the admin setting 启动时要求登录 is on; until
then (a database made by ``village``, ``demo`` or an older govdesk, or a single-clerk desk that
switched it off) nobody logs in and the audit names the PC's account. ``log_in`` makes the user
the database's actor (``Database.actor``), so every later write is checked and audited for them.
argon2 is imported only when a password is hashed or checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from govdesk import audit
from govdesk.actor import ROLE_ADMIN, ROLES, Actor
from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.models.users import User
from govdesk.services.settings import SettingSpec, SettingsService, declare

MAX_FAILURES = 5  # wrong passwords in a row before the pause
PAUSE_MINUTES = 5
MIN_PASSWORD = 6
LOGIN_REQUIRED = declare(SettingSpec("users.login_required", "启动时要求登录（只有一位工作人员的电脑可以关闭）", True))
IDLE_LOCK_MINUTES = declare(
    SettingSpec("users.idle_lock_minutes", "闲置多少分钟后锁定窗口（0 表示不锁定）", 15, minimum=0, maximum=480)
)
WRONG = "用户名或密码不对"


@dataclass(frozen=True)
class UserLine:
    id: int
    login: str
    display_name: str
    role: str
    disabled: bool
    locked_until: datetime | None
    last_login_at: datetime | None


def _hasher():  # noqa: ANN202 - argon2's own type, imported late
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def password_matches(stored_hash: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(_hasher().verify(stored_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError([FieldError("password", "密码", f"至少 {MIN_PASSWORD} 位")])


def _check_login(login: str) -> str:
    login = login.strip()
    if not login or len(login) > 40 or any(c.isspace() or not c.isprintable() for c in login):
        raise ValidationError([FieldError("login", "用户名", "1～40 个字符，不能有空格或看不见的字符")])
    return login


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValidationError([FieldError("role", "角色", f"只能是{'、'.join(ROLES)}")])


class UserService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.settings = SettingsService(db)

    # --- who must log in ------------------------------------------------------------
    def has_admin(self) -> bool:
        with self.db.session() as s:
            found = s.scalar(select(func.count(User.id)).where(User.role == ROLE_ADMIN, User.disabled.is_(False)))
        return bool(found)

    def has_users(self) -> bool:
        with self.db.session() as s:
            return bool(s.scalar(select(func.count(User.id))))

    def login_required(self) -> bool:
        """Once an administrator exists, unless the admin switched log-in off (a single-clerk desk)."""
        return self.has_admin() and bool(self.settings.get(LOGIN_REQUIRED))

    def idle_lock_minutes(self) -> int:
        return int(self.settings.get(IDLE_LOCK_MINUTES))

    # --- log-in -----------------------------------------------------------------------
    @writes(Changes.NONE, anyone=True)
    def log_in(self, login: str, password: str, *, now: datetime | None = None) -> Actor:
        """Check a password; on success the user becomes the database's actor. Five wrong in a row
        pause the account for some minutes (said in Chinese, with the time it opens again)."""
        now = (now or datetime.now()).replace(microsecond=0)
        login = login.strip()
        with self.db.transaction() as s:
            user = s.scalar(select(User).where(User.login == login))
            if user is None:
                summary = f"登录失败：没有用户“{login}”"
                audit.record(s, Actor(login or "?"), audit.LOGIN_FAILED, "users", summary=summary)
                failure: RefusedError | None = RefusedError(WRONG)  # recorded, then refused
            elif user.disabled:
                raise RefusedError(f"账户“{login}”已停用，请找管理员")
            elif user.locked_until is not None and user.locked_until > now:
                raise RefusedError(self._paused(login, user.locked_until, now))
            elif not password_matches(user.password_hash, password):
                user.failed_attempts += 1
                left = MAX_FAILURES - user.failed_attempts
                message = f"{WRONG}（再错 {left} 次将暂停登录 {PAUSE_MINUTES} 分钟）"
                if left <= 0:
                    user.failed_attempts = 0
                    user.locked_until = now + timedelta(minutes=PAUSE_MINUTES)
                    message = f"密码连续输错 {MAX_FAILURES} 次，{self._paused(login, user.locked_until, now)}"
                summary = f"登录失败：“{login}”密码不对（第 {user.failed_attempts or MAX_FAILURES} 次）"
                audit.record(s, Actor(login), audit.LOGIN_FAILED, "users", record_id=user.id, summary=summary)
                failure = RefusedError(message)  # committed first: the count must survive the refusal
            else:
                failure = None
                user.failed_attempts = 0
                user.locked_until = None
                user.last_login_at = now
                actor = Actor(user.login, user.role, user.id)
                audit.record(s, actor, audit.LOGGED_IN, "users", record_id=user.id, summary=f"“{login}”登录")
        if failure is not None:
            raise failure
        self.db.actor = actor
        return actor

    @staticmethod
    def _paused(login: str, until: datetime, now: datetime) -> str:
        minutes = max(1, int((until - now).total_seconds() + 59) // 60)
        return f"账户“{login}”暂停登录，请在 {until:%H:%M} 后再试（还有约 {minutes} 分钟）"

    def confirm(self, password: str) -> None:
        """The locked window asks the current user's password again (same pause rules)."""
        actor = self.db.actor
        if not actor.logged_in:
            return
        self.log_in(actor.name, password)

    # --- managing users (管理员) --------------------------------------------------------
    @writes(Changes.USERS)
    def add(self, login: str, password: str, role: str, display_name: str = "") -> int:
        """A new user; the first one of a database must be a 管理员 (who then manages the others)."""
        login = _check_login(login)
        _check_role(role)
        check_password(password)
        digest = hash_password(password)
        with self.db.transaction() as s:
            if s.scalar(select(User.id).where(User.login == login)) is not None:
                raise RefusedError(f"用户名“{login}”已经有了")
            if role != ROLE_ADMIN and not s.scalar(select(func.count(User.id))):
                raise RefusedError(f"第一个用户必须是{ROLE_ADMIN}")
            user = User(login=login, display_name=display_name.strip()[:60], role=role, password_hash=digest)
            user.disabled, user.failed_attempts = False, 0
            s.add(user)
            s.flush()
            return user.id

    def users(self) -> list[UserLine]:
        with self.db.session() as s:
            found = s.scalars(select(User).order_by(User.id)).all()
            return [
                UserLine(u.id, u.login, u.display_name, u.role, u.disabled, u.locked_until, u.last_login_at)
                for u in found
            ]

    def _user(self, s: object, login: str) -> User:
        user = s.scalar(select(User).where(User.login == login.strip()))  # type: ignore[attr-defined]
        if user is None:
            raise NotFoundError(f"没有用户“{login}”")
        return user

    @writes(Changes.USERS)
    def set_password(self, login: str, password: str) -> None:
        """A 管理员 sets anyone's password (a forgotten one); it also lifts a pause."""
        check_password(password)
        digest = hash_password(password)
        with self.db.transaction() as s:
            user = self._user(s, login)
            user.password_hash = digest
            user.failed_attempts, user.locked_until = 0, None
            audit.record(s, self.db.actor, audit.UPDATED, "users", record_id=user.id, summary=f"重设“{login}”的密码")

    @writes(Changes.NONE, anyone=True)
    def change_own_password(self, old: str, new: str) -> None:
        """Anyone logged in may change their own password (the old one checked first)."""
        actor = self.db.actor
        if not actor.logged_in:
            raise RefusedError("没有登录，不能修改密码")
        check_password(new)
        self.log_in(actor.name, old)
        digest = hash_password(new)
        with self.db.transaction() as s:
            user = self._user(s, actor.name)
            user.password_hash = digest
            audit.record(s, actor, audit.UPDATED, "users", record_id=user.id, summary=f"“{actor.name}”修改了自己的密码")

    @writes(Changes.USERS)
    def set_disabled(self, login: str, disabled: bool = True) -> None:
        """Disable (or enable again) a user; the last enabled 管理员 cannot be disabled."""
        with self.db.transaction() as s:
            user = self._user(s, login)
            if disabled and user.role == ROLE_ADMIN and not user.disabled:
                admins = s.scalar(select(func.count(User.id)).where(User.role == ROLE_ADMIN, User.disabled.is_(False)))
                if (admins or 0) <= 1:
                    raise RefusedError(f"“{login}”是最后一位{ROLE_ADMIN}，不能停用")
            user.disabled = disabled

    @writes(Changes.USERS)
    def set_role(self, login: str, role: str) -> None:
        _check_role(role)
        with self.db.transaction() as s:
            user = self._user(s, login)
            if user.role == ROLE_ADMIN and role != ROLE_ADMIN and not user.disabled:
                admins = s.scalar(select(func.count(User.id)).where(User.role == ROLE_ADMIN, User.disabled.is_(False)))
                if (admins or 0) <= 1:
                    raise RefusedError(f"“{login}”是最后一位{ROLE_ADMIN}，不能改为{role}")
            user.role = role
