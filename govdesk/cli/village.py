"""``govdesk village``: show or set the village's own details (a new installation starts here)."""

from __future__ import annotations

import argparse
from dataclasses import replace

from govdesk.cli.common import open_database
from govdesk.labels import label
from govdesk.services.village import VillageInput, VillageService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("village")
    p.add_argument("--name", help="村名")
    p.add_argument("--township", help="乡镇（街道）")
    p.add_argument("--county", help="县（市、区）")
    p.add_argument("--phone", help="村联系电话（也作为监督电话，除非已另有）")
    p.set_defaults(handler=run_village)


def run_village(args: argparse.Namespace) -> int:
    """No options: print the details. Options: create the village if there is none, else update it."""
    service = VillageService(open_database(args))
    current = service.as_input()
    given = {k: getattr(args, k) for k in ("name", "township", "county", "phone") if getattr(args, k) is not None}
    if not given:
        if current is None:
            print("还没有村的信息。请运行 govdesk village --name 村名 [--township 乡镇] [--county 县] [--phone 电话]")
            return 1
        _print(current)
        return 0
    base = current or VillageInput(name="")
    data = replace(base, **given)
    if "phone" in given and not base.supervision_phone:
        data = replace(data, supervision_phone=given["phone"])
    service.update_village(data)  # a ValidationError is printed by main() with exit code 1
    print("已建立村的信息：" if current is None else "已更新村的信息：")
    _print(service.as_input() or data)
    return 0


def _print(v: VillageInput) -> None:
    for field, value in (
        ("village", v.name),
        ("township", v.township),
        ("county", v.county),
        ("village_address", v.address),
        ("village_phone", v.phone),
        ("supervision_phone", v.supervision_phone),
    ):
        print(f"  {label(field)}：{value or '（未填）'}")
