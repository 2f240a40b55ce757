"""Print layouts of the registers (花名册): which columns a printed register has, in which order,
masked how. (The Excel registers — import and export — live in ``govdesk.importing`` and
``services.excel_registers``; this module is only about paper.)

The services hand rows in exactly this column order (see ``govdesk.services.printing``);
headers come from ``govdesk.labels``.
"""

from __future__ import annotations

from dataclasses import dataclass

from govdesk.printing.masking import FieldKind
from govdesk.printing.table import Column

HOUSEHOLDS = "households"
MEMBERS = "members"


@dataclass(frozen=True)
class RegisterSpec:
    """One kind of register: its key, the title after the village name, its columns."""

    key: str
    title_suffix: str
    unit: str  # what one row is: 人
    columns: tuple[Column, ...]
    sensitive: bool = False  # 低保/残疾 lists would set this to mask names too
    group_by: str | None = None  # a heavier rule where this column changes (one household)

    @property
    def archive_kind(self) -> str:
        return f"register.{self.key}"


HOUSEHOLD_REGISTER = RegisterSpec(
    HOUSEHOLDS,
    "农户花名册",
    "人",
    (
        Column.of("number", 0.9),
        Column.of("name", 1.0, FieldKind.NAME),
        Column.of("relation", 0.9),
        Column.of("sex", 0.5),
        Column.of("birth_date", 1.0, FieldKind.DATE),
        Column.of("id_number", 1.9, FieldKind.ID_NUMBER),
        Column.of("ethnicity", 0.6),
        Column.of("villager_group", 1.0),
        Column.of("grid", 0.9),
        Column.of("phone", 1.3, FieldKind.PHONE),
    ),
    group_by="number",
)

MEMBER_REGISTER = RegisterSpec(
    MEMBERS,
    "党员花名册",
    "人",
    (
        Column.of("name", 0.9, FieldKind.NAME),
        Column.of("sex", 0.45),
        Column.of("birth_date", 1.0, FieldKind.DATE),
        Column.of("id_number", 1.9, FieldKind.ID_NUMBER),
        Column.of("status", 0.9),
        Column.of("branch", 1.0),
        Column.of("party_group", 1.45),
        Column.of("joined_on", 1.0, FieldKind.DATE),
        Column.of("full_on", 1.0, FieldKind.DATE),
        Column.of("phone", 1.3, FieldKind.PHONE),
        Column.of("post", 1.2),
    ),
)

REGISTERS: dict[str, RegisterSpec] = {r.key: r for r in (HOUSEHOLD_REGISTER, MEMBER_REGISTER)}
