"""Settings stored in the database: read with a default, written in their own transaction.

Each setting is declared once here (key, default, what it is for), so the window's settings
dialog, the CLI and the services that obey a setting read the same value. Values are stored as
text and come back as the default's type.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, ValidationError
from govdesk.models.settings import Setting

SettingValue = int | bool | str


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str  # what the settings dialog shows
    default: SettingValue
    minimum: int | None = None  # for whole numbers
    maximum: int | None = None


SPECS: dict[str, SettingSpec] = {}


def declare(spec: SettingSpec) -> SettingSpec:
    """Declare a setting (once, by the module whose behaviour it changes)."""
    if spec.key in SPECS:
        raise ValueError(f"setting {spec.key!r} declared twice")
    SPECS[spec.key] = spec
    return spec


def parse(spec: SettingSpec, text: str) -> SettingValue:
    """The stored text as the setting's type; a value that does not parse is a Chinese message."""
    if isinstance(spec.default, bool):
        if text in ("1", "true", "是"):
            return True
        if text in ("0", "false", "否"):
            return False
        raise ValidationError([FieldError(spec.key, spec.label, f"“{text}”不是“是”或“否”")])
    if isinstance(spec.default, int):
        try:
            number = int(text.strip())
        except ValueError:
            raise ValidationError([FieldError(spec.key, spec.label, f"“{text}”不是整数")]) from None
        if spec.minimum is not None and number < spec.minimum:
            raise ValidationError([FieldError(spec.key, spec.label, f"不能小于 {spec.minimum}")])
        if spec.maximum is not None and number > spec.maximum:
            raise ValidationError([FieldError(spec.key, spec.label, f"不能大于 {spec.maximum}")])
        return number
    return text


def _to_text(value: SettingValue) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


class SettingsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, spec: SettingSpec) -> SettingValue:
        """The stored value, or the default when it was never set (or no longer parses)."""
        with self.db.session() as s:
            text = s.scalar(select(Setting.value).where(Setting.key == spec.key))
        if text is None:
            return spec.default
        try:
            return parse(spec, text)
        except ValidationError:
            return spec.default

    @writes(Changes.USERS)
    def put(self, spec: SettingSpec, value: SettingValue) -> None:
        """Store a value after checking it against the spec (a bad value is refused, nothing written)."""
        text = _to_text(value)
        parse(spec, text)
        with self.db.transaction() as s:
            row = s.get(Setting, spec.key)
            if row is None:
                s.add(Setting(key=spec.key, value=text))
            else:
                row.value = text
