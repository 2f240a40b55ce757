"""Errors a person at the desk can act on, with messages in Chinese.

Expected problems (bad input, a busy or full disk, a refused operation) are raised as
``GovdeskError`` subclasses and shown as a clear message; anything else is a bug and goes
to the crash dialog with the log path.
"""

from __future__ import annotations

from dataclasses import dataclass


class GovdeskError(Exception):
    """A problem with a message meant for the clerk, not a programmer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class FieldError:
    """One problem with one field; ``label`` is the Chinese field name the form shows."""

    field: str
    label: str
    message: str

    def __str__(self) -> str:
        return f"{self.label}：{self.message}"


class ValidationError(GovdeskError):
    """One or more fields are wrong; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("；".join(str(e) for e in self.errors))

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == field]


class NotFoundError(GovdeskError):
    pass


class RefusedError(GovdeskError):
    """The operation is not allowed (e.g. a database that already holds data)."""


# Said wherever something needs the village first (its households, members, imports): one wording.
NO_VILLAGE_MESSAGE = "请先建立村的信息：在窗口“设置 → 村和组织”中填写，或运行 govdesk village --name 村名"


class NeedsConfirmation(GovdeskError):
    """Nothing wrong enough to refuse, but the clerk must confirm first (an age over 120): the
    window asks and saves again with the input's ``confirmed`` set; the importer reports it as a
    problem unless run with its confirm option."""

    def __init__(self, warnings: list[FieldError]) -> None:
        self.warnings = list(warnings)
        super().__init__("；".join(str(w) for w in self.warnings) + "。确定要这样保存吗？")
