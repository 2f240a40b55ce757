"""``govdesk print posts [--full] --out FILE.pdf``: the 设岗定责公示表 for the wall.

Every post with its duties, what it serves and the members on it today; phones masked by the
printing engine's public policy (138****5678) and archived (打印存档). ``--full`` prints the
internal copy (phones in full, 内部资料 on every page), which is not archived.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database, save_print


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("posts", help="党员设岗定责公示表（岗位、职责、在岗党员，电话隐去中间四位）")
    add_pdf_out(p)
    p.add_argument("--full", action="store_true", help="内部版：电话完整显示，每页标“内部资料”（不存档）")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from govdesk.services.posts_print import ARCHIVE_POSTS, wall_pdf

    db = open_database(args)
    try:
        info = wall_pdf(db, full=args.full)
        entry = save_print(db, info, Path(args.out), ARCHIVE_POSTS)
        if entry is not None:
            print(f"已存档（打印存档 #{entry.id}）")
    finally:
        db.dispose()
    return 0
