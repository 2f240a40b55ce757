"""Excel registers in and out, for the window and the command line alike."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from govdesk import audit
from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import RefusedError

if TYPE_CHECKING:  # openpyxl and calamine are loaded when Excel is read or written, not with the window
    from govdesk.importing import ImportReport
    from govdesk.importing.sheet import Sheet

KINDS = ("households", "members")
KIND_NAMES = {"households": "农户花名册", "members": "党员花名册"}
Progress = Callable[[int, int, str], None]


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise RefusedError(f"未知的花名册类型“{kind}”，应为 households（农户）或 members（党员）")
    return kind


class ExcelRegisterService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @writes(Changes.MEMBERS | Changes.HOUSEHOLDS | Changes.RESIDENTS)
    def import_file(
        self,
        kind: str,
        path: str | Path,
        *,
        skip_invalid: bool = False,
        dry_run: bool = False,
        today: date | None = None,
        progress: Progress | None = None,
        check_cancel: Callable[[], None] | None = None,
        confirm_ages: bool = False,
        sheet: Sheet | None = None,
    ) -> ImportReport:
        """``sheet``: the file already read (``read_register_in_background``), else read here."""
        from govdesk.importing import import_households, import_members

        fn = import_households if _kind(kind) == "households" else import_members
        # the import's one audit row names its file
        with audit.noted(f"从 {Path(path).name} 导入{KIND_NAMES[_kind(kind)]}"):
            return fn(
                self.db,
                path,
                skip_invalid=skip_invalid,
                dry_run=dry_run,
                today=today,
                progress=progress,
                check_cancel=check_cancel,
                confirm_ages=confirm_ages,
                sheet=sheet,
            )

    def export_file(self, kind: str, path: str | Path, *, progress: Progress | None = None) -> int:
        from govdesk.importing import export_households, export_members

        if _kind(kind) == "households":
            return export_households(self.db, path, progress=progress)
        return export_members(self.db, path)

    @staticmethod
    def export_template(kind: str, path: str | Path) -> Path:
        from govdesk.importing import export_template

        return export_template(path, _kind(kind))
