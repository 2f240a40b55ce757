"""``govdesk user add|list|passwd|disable``: the desk's users (管理员 only, except one's own password).

Passwords are never arguments (they would stay in the shell's history and the process list):
the new password is typed twice at a prompt, or read from GOVDESK_NEW_PASSWORD; the acting
user's own (``--user``) from GOVDESK_PASSWORD or a prompt. The first user of a database is added
without log-in and must be a 管理员.
"""

from __future__ import annotations

import argparse
import os

from govdesk.actor import ROLE_STAFF, ROLES
from govdesk.cli.common import open_database
from govdesk.errors import RefusedError

NEW_PASSWORD_ENV = "GOVDESK_NEW_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001 - argparse's own type
    p = sub.add_parser("user")
    actions = p.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="添加用户（新密码在提示时输入两次，或放在 GOVDESK_NEW_PASSWORD 中）")
    add.add_argument("login", metavar="NAME", help="用户名（登录时输入）")
    add.add_argument("--role", choices=ROLES, default=ROLE_STAFF, help="角色：管理员、工作人员或查看（默认工作人员）")
    add.add_argument("--display-name", default="", help="姓名（显示用）")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="列出用户")
    listing.set_defaults(handler=run_list)
    passwd = actions.add_parser("passwd", help="改密码（管理员可重设任何人的；其他人只能改自己的）")
    passwd.add_argument("login", metavar="NAME")
    passwd.set_defaults(handler=run_passwd)
    disable = actions.add_parser("disable", help="停用用户（--enable 重新启用）")
    disable.add_argument("login", metavar="NAME")
    disable.add_argument("--enable", action="store_true", help="重新启用")
    disable.set_defaults(handler=run_disable)


def new_password(login: str) -> str:
    """The new password: GOVDESK_NEW_PASSWORD, or typed twice (the two must agree)."""
    import getpass

    given = os.environ.get(NEW_PASSWORD_ENV)
    if given is not None:
        return given
    try:
        first = getpass.getpass(f"“{login}”的新密码：")
        second = getpass.getpass("再输入一次：")
    except EOFError:
        raise RefusedError(f"没有输入新密码（可在提示时输入，或放在环境变量 {NEW_PASSWORD_ENV} 中）") from None
    if first != second:
        raise RefusedError("两次输入的密码不一样，没有保存")
    return first


def _services(args: argparse.Namespace):  # noqa: ANN202 - (db, UserService)
    from govdesk.services.users import UserService

    db = open_database(args)
    return db, UserService(db)


def run_add(args: argparse.Namespace) -> int:
    db, users = _services(args)
    try:
        users.add(args.login, new_password(args.login), args.role, args.display_name)
    finally:
        db.dispose()
    print(f"已添加用户“{args.login.strip()}”（{args.role}）")
    return 0


def run_list(args: argparse.Namespace) -> int:
    db, users = _services(args)
    try:
        lines = users.users()
    finally:
        db.dispose()
    if not lines:
        print("还没有用户：不需要登录，操作记录中记的是电脑的账户。")
        print("添加第一位管理员：govdesk user add 用户名 --role 管理员")
        return 0
    for u in lines:
        state = "已停用" if u.disabled else "暂停登录" if u.locked_until else "正常"
        last = f"，上次登录 {u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else ""
        print(f"{u.login}\t{u.display_name or '—'}\t{u.role}\t{state}{last}")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    from govdesk.actor import is_admin

    db, users = _services(args)
    try:
        actor = db.actor
        if actor.logged_in and not is_admin(actor):
            if args.login.strip() != actor.name:
                raise RefusedError(f"只有管理员可以改别人的密码；“{actor.name}”只能改自己的")
            from govdesk.cli.common import read_password

            users.change_own_password(read_password("旧密码："), new_password(args.login))
        else:
            users.set_password(args.login, new_password(args.login))
    finally:
        db.dispose()
    print(f"已修改“{args.login.strip()}”的密码")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    db, users = _services(args)
    try:
        users.set_disabled(args.login, not args.enable)
    finally:
        db.dispose()
    print(f"已{'启用' if args.enable else '停用'}用户“{args.login.strip()}”")
    return 0
