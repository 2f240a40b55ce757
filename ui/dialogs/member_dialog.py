"""新增 / 修改党员."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from govdesk.services.members import MemberInput, MemberService, validate_member
from govdesk.services.village import VillageService
from govdesk.vocabulary import MEMBER_STATUSES
from ui.dialogs.forms import RecordForm
from ui.dialogs.person_fields import PersonFields

NO_CHOICE = "（未指定）"
# Suggestions only: the combos are editable, a village may name its posts its own way.
EDUCATION = ("小学", "初中", "高中", "中专", "大专", "本科", "研究生")
POSTS = ("政策宣传岗", "环境监督岗", "矛盾调解岗", "关爱老人岗", "平安巡逻岗", "产业帮带岗")


class MemberDialog(RecordForm):
    """A member's roster entry. ``member_id=None`` creates a new member."""

    def __init__(
        self,
        members: MemberService,
        village: VillageService,
        member_id: int | None = None,
        parent: QWidget | None = None,
        post_names: Sequence[str] = POSTS,
    ) -> None:
        """``post_names``: the 设岗定责 catalogue to offer (the members tab passes it); a typed name
        not in it joins the catalogue when saved, and clearing the field ends the posts held."""
        super().__init__("修改党员信息" if member_id else "新增党员", member_id, parent)
        self.members = members
        data = members.as_input(member_id) if member_id else MemberInput()
        self._original = data
        self.person = PersonFields(self, data)
        self.add_combo("status", [(s, s) for s in MEMBER_STATUSES], data.status)
        self.add_date("joined_on", data.joined_on)
        self.add_date("full_on", data.full_on)
        branches = village.branches()
        self._groups = village.party_groups()
        self.branch = self.add_combo(
            "branch_id", [(NO_CHOICE, None)] + [(b.name, b.id) for b in branches], data.branch_id
        )
        self.group = self.add_combo("party_group_id", [(NO_CHOICE, None)], None)
        self._fill_groups(data.party_group_id)
        self.branch.currentIndexChanged.connect(lambda _i: self._fill_groups(self.group.currentData()))
        self.add_combo("education", [("", "")] + [(e, e) for e in EDUCATION], data.education, editable=True)
        self.add_line("phone", data.phone, placeholder="手机 11 位或 区号-号码")
        self.add_combo("post", [("", "")] + [(p, p) for p in post_names], data.post, editable=True)
        self.add_notes("notes", data.notes)
        self.finish_loading()

    def _fill_groups(self, keep: object) -> None:
        """Party groups belong to a branch: offer only the chosen branch's groups."""
        branch_id = self.branch.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        self.group.addItem(NO_CHOICE, None)
        for g in self._groups:
            if branch_id is None or g.parent_id == branch_id:
                self.group.addItem(g.name, g.id)
        self.group.blockSignals(False)
        self.set_combo(self.group, keep)

    def build_input(self) -> MemberInput:
        return MemberInput(
            name=self.value("name"),
            id_number=self.value("id_number"),
            sex=self.value("sex"),
            birth_date=self.value("birth_date"),
            ethnicity=self.value("ethnicity"),
            education=self.value("education"),
            joined_on=self.value("joined_on"),
            full_on=self.value("full_on"),
            status=self.value("status"),
            branch_id=self.value("branch_id"),
            party_group_id=self.value("party_group_id"),
            phone=self.value("phone"),
            post=self.value("post"),
            household_id=self._original.household_id,
            resident_id=self._original.resident_id,
            notes=self.value("notes"),
        )

    def check(self, data: MemberInput) -> None:
        validate_member(data)

    def save(self, data: MemberInput) -> None:
        self.create_or_update(data, self.members.update, self.members.create)
