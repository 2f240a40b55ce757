"""Registers in and out of Excel: python-calamine reads, openpyxl writes.

``import_households`` / ``import_members`` check every row (all-or-nothing by default, or
skipping bad rows) and report bad rows by Excel row number; ``export_*`` write the same
headers back so a register round-trips.
"""

from govdesk.importing.exporting import export_households, export_members, export_template
from govdesk.importing.household_import import import_households
from govdesk.importing.member_import import import_members
from govdesk.importing.report import ImportReport, RowProblem
from govdesk.importing.sheet import RegisterFormatError

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
