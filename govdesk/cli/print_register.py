"""``govdesk print register households|members [--full] --out FILE.pdf``.

The public copy (default) masks ID numbers and phones and is archived (打印存档); ``--full``
prints the unmasked internal copy, marked 内部资料 on every page, which is not archived.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govdesk.cli.common import add_pdf_out, open_database
from govdesk.printing.register_layouts import REGISTERS
from govdesk.services.printing import PrintService


def register_print(targets: argparse._SubParsersAction) -> None:
    p = targets.add_parser("register", help="花名册：农户花名册（households）或党员花名册（members）")
    p.add_argument("kind", choices=sorted(REGISTERS), help="households = 农户花名册，members = 党员花名册")
    p.add_argument("--full", action="store_true", help="内部版：不隐去身份证号和电话，每页标“内部资料”（不存档）")
    add_pdf_out(p)
    p.add_argument("--operator", default="", help="打印人（默认：当前登录用户）")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    db = open_database(args)
    try:
        service = PrintService(db)
        doc = service.render_register(args.kind, full=args.full)
        entry = service.publish(doc, out, user=args.operator or None)  # the file and its archive row: one unit
        edition = "内部版（内部资料）" if doc.internal else "公开版"
        print(f"已生成{edition}《{doc.title}》：{out}，共 {doc.rows} 行、{doc.pages} 页")
        if entry is not None:
            print(f"已存档（打印存档 #{entry.id}，SHA-256 {entry.sha256[:16]}…）")
        sys.stdout.flush()
    finally:
        db.dispose()
    return 0
