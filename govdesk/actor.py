"""Who is acting, and what their role lets them do — one rule, read by ``@writes`` and the window.

The ``Database`` carries its current ``Actor`` (services reach it as ``self.db.actor``; no widget
keeps a global). Until someone logs in the actor is the PC's own account with no role: a database
without users (made by ``village``, ``demo`` or an older govdesk) or with log-in switched off works
as before, and the audit names the operating-system user.

Roles: 管理员 (users, settings, unmasked prints, restore), 工作人员 (daily work), 查看 (read only).
Nothing heavy is imported here: the window asks ``may_write`` to grey out its write actions.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from govdesk.errors import RefusedError

ROLE_ADMIN = "管理员"
ROLE_STAFF = "工作人员"
ROLE_VIEWER = "查看"
ROLES = (ROLE_ADMIN, ROLE_STAFF, ROLE_VIEWER)


def os_user() -> str:
    """The login name of whoever sits at the PC (the desk PC often has one shared account)."""
    try:
        return getpass.getuser() or "未知用户"
    except (OSError, KeyError, ImportError):
        return "未知用户"


@dataclass(frozen=True)
class Actor:
    """The person a write is made for. ``role`` empty: nobody logged in (no log-in on this desk)."""

    name: str
    role: str = ""
    user_id: int | None = None

    @classmethod
    def pc_account(cls) -> Actor:
        return cls(os_user())

    @property
    def logged_in(self) -> bool:
        return self.user_id is not None

    @property
    def label(self) -> str:
        return f"{self.name}（{self.role}）" if self.role else f"{self.name}（本机账户）"


def may_write(actor: Actor) -> bool:
    """Daily work: every role but 查看."""
    return actor.role != ROLE_VIEWER


def is_admin(actor: Actor) -> bool:
    """Users, settings, unmasked prints, restore: 管理员, or a desk where nobody logs in."""
    return actor.role in ("", ROLE_ADMIN)


def check_write(actor: Actor, *, admin: bool = False, what: str = "") -> None:
    """Refuse, in Chinese, a write the actor's role does not allow (nothing is written)."""
    doing = f"（{what}）" if what else ""
    if not may_write(actor):
        raise RefusedError(f"“{actor.name}”是{ROLE_VIEWER}用户，只能查看，不能修改{doing}；如需修改请用其他账户登录")
    if admin and not is_admin(actor):
        raise RefusedError(f"只有{ROLE_ADMIN}可以做这件事{doing}；“{actor.name}”是{actor.role}")
