"""``govdesk demo``: try the program on a fictional village without touching real records."""

from __future__ import annotations

import argparse

from govdesk import demo, paths
from govdesk.db import Database
from govdesk.errors import RefusedError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        description="演示村保存在默认数据库旁边的单独文件中；再次运行会重新打开同一个演示村。"
        "指定 --db 时写入一个空数据库，已有数据的数据库会被拒绝。",
    )
    p.add_argument("--no-window", action="store_true", help="只生成数据，不打开窗口")
    p.add_argument("--scale", type=float, default=1.0, help="规模倍数（1 ≈ 300 户；170 ≈ 一个镇）")
    p.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    if args.scale <= 0:
        raise RefusedError("规模倍数必须大于 0")
    if args.db:
        db = Database(args.db)
        if not demo.database_is_empty(db):
            raise RefusedError(f"数据库 {db.describe()} 中已有数据，演示村只能写入空数据库（未做任何修改）")
        demo.generate(db, scale=args.scale)
        print(f"演示村已写入 {db.describe()}")
    else:
        db = Database(paths.demo_db_path())
        if demo.database_is_empty(db):
            demo.generate(db, scale=args.scale)
            print(f"演示村已生成：{db.describe()}")
        else:
            print(f"打开已有的演示村：{db.describe()}")
    if args.no_window:
        return 0
    from ui.app import run

    return run(db, demo=True)
