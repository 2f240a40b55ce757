"""Registers in and out of Excel: python-calamine reads, openpyxl writes.

``import_households`` / ``import_members`` check every row (all-or-nothing by default, or
skipping bad rows) and report bad rows by Excel row number; ``export_*`` write the same
headers back so a register round-trips.

The names below are loaded from their modules on first use (PEP 562): ``govdesk.importing.sheet``
(calamine only) is then importable without SQLAlchemy and the models, so ``govdesk import`` can
start reading the workbook before it loads the database layer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govdesk.importing.exporting import export_households, export_members, export_template
    from govdesk.importing.household_import import import_households
    from govdesk.importing.member_import import import_members
    from govdesk.importing.report import ImportReport, RowProblem
    from govdesk.importing.sheet import RegisterFormatError

_HOMES = {
    "export_households": "exporting",
    "export_members": "exporting",
    "export_template": "exporting",
    "import_households": "household_import",
    "import_members": "member_import",
    "ImportReport": "report",
    "RowProblem": "report",
    "RegisterFormatError": "sheet",
}

__all__ = [
    "ImportReport",
    "RegisterFormatError",
    "RowProblem",
    "export_households",
    "export_members",
    "export_template",
    "import_households",
    "import_members",
]


def __getattr__(name: str) -> Any:
    module = _HOMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
