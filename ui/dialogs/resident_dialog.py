"""添加 / 修改居民 (a household's member in the register)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from govdesk.services.households import HouseholdService, ResidentInput, validate_resident
from govdesk.vocabulary import RELATION_HEAD
from ui.dialogs.forms import RecordForm
from ui.dialogs.person_fields import PersonFields

RELATIONS = (
    RELATION_HEAD,
    "配偶",
    "长子",
    "次子",
    "三子",
    "长女",
    "次女",
    "三女",
    "儿媳",
    "女婿",
    "孙子",
    "孙女",
    "外孙子",
    "外孙女",
    "父亲",
    "母亲",
    "兄弟",
    "姐妹",
    "其他",
)


class ResidentDialog(RecordForm):
    """``resident_id=None`` adds a new resident to ``household_id``."""

    def __init__(
        self,
        households: HouseholdService,
        household_id: int,
        resident_id: int | None = None,
        parent: QWidget | None = None,
        *,
        household_label: str = "",
    ) -> None:
        title = "修改居民信息" if resident_id else "添加居民"
        super().__init__(f"{title}（{household_label}）" if household_label else title, resident_id, parent)
        self.households = households
        self.household_id = household_id
        data = households.resident_input(resident_id) if resident_id else ResidentInput()
        self.person = PersonFields(self, data)
        self.add_combo("relation", [("", "")] + [(r, r) for r in RELATIONS], data.relation, editable=True)
        self.add_line("phone", data.phone, placeholder="手机 11 位或 区号-号码")
        self.add_notes("notes", data.notes)
        self.finish_loading()

    def build_input(self) -> ResidentInput:
        return ResidentInput(
            name=self.value("name"),
            id_number=self.value("id_number"),
            sex=self.value("sex"),
            birth_date=self.value("birth_date"),
            ethnicity=self.value("ethnicity"),
            relation=self.value("relation"),
            phone=self.value("phone"),
            notes=self.value("notes"),
        )

    def check(self, data: ResidentInput) -> None:
        validate_resident(data)

    def save(self, data: ResidentInput) -> None:
        h = self.households
        self.create_or_update(data, h.update_resident, partial(h.add_resident, self.household_id))
