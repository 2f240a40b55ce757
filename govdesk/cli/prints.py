"""``govdesk print …``: every printout, one sub-subcommand per kind of print.

Each module in ``PRINT_MODULES`` defines ``register_print(subparsers)`` and adds its own
targets (register, roster, decision…), all printing through ``govdesk.printing``.
"""

from __future__ import annotations

import argparse
import importlib

PRINT_MODULES: tuple[str, ...] = (
    "govdesk.cli.print_register",
    "govdesk.cli.print_roster",
    "govdesk.cli.print_decision",
    "govdesk.cli.print_voices",
    "govdesk.cli.print_posts",
    "govdesk.cli.print_points",
    "govdesk.cli.print_meeting",
    "govdesk.cli.print_dues",
    "govdesk.cli.print_honours",
    "govdesk.cli.print_stars",
    "govdesk.cli.print_volunteers",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print")
    targets = p.add_subparsers(dest="print_target", metavar="WHAT", required=True)
    for name in PRINT_MODULES:
        importlib.import_module(name).register_print(targets)
