"""The small forms of 设置 → 村和组织: the village, a unit's name or leader, a group/grid, a cadre.

Each is a ``FormDialog``: the domain validators say what is wrong, shown in red under the field,
and a refusal only the database knows (a duplicate name) lands there too with the input kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QWidget

from govdesk.errors import FieldError, ValidationError
from govdesk.labels import label
from govdesk.services.organisation import CadreInput, CadreRow, TeamRow, validate_cadre
from govdesk.services.village import Choice, VillageInput, VillageService, validate_village
from govdesk.validation import Checker, clean_phone, clean_text
from ui.dialogs.forms import FormDialog

PHONE_HINT = "手机 11 位或 区号-号码"
NO_MEMBER = "（不是党员 / 未关联）"
CADRE_POSTS = (
    "党支部书记、村委会主任",
    "党支部书记",
    "党支部副书记",
    "村委会主任",
    "村委会副主任",
    "支部委员",
    "村委委员",
    "支委委员、村委委员",
    "村务监督委员会主任",
)


class VillageDialog(FormDialog):
    """村的信息; also the first-run dialog (初次使用) on an empty database."""

    def __init__(self, village: VillageService, parent: QWidget | None = None, *, first_run: bool = False) -> None:
        super().__init__("初次使用：填写村的信息" if first_run else "村的信息", parent)
        self.village = village
        data = village.as_input() or VillageInput(name="")
        self.start_loading()
        if first_run:
            intro = QLabel(
                "欢迎使用 govdesk。请先填写本村的名称（必填），其余可以以后再补。"
                "支部、党小组、村民小组、网格和村干部在“设置 → 村和组织”中建立。"
            )
            intro.setWordWrap(True)
            self.form.addRow(intro)
        self.add_line("village", data.name, placeholder="必填，如 青山村", max_length=100)
        self.add_line("township", data.township, placeholder="如 石门镇", max_length=100)
        self.add_line("county", data.county, placeholder="如 平江县", max_length=100)
        self.add_line("village_address", data.address, max_length=200)
        self.add_line("village_phone", data.phone, placeholder=PHONE_HINT)
        self.add_line("supervision_phone", data.supervision_phone, placeholder="公开栏上的监督电话；" + PHONE_HINT)
        if first_run:
            self.ok_button.setText("保存并开始")
        self.finish_loading()

    def build_input(self) -> VillageInput:
        return VillageInput(
            self.value("village"),
            self.value("township"),
            self.value("county"),
            self.value("village_address"),
            self.value("village_phone"),
            self.value("supervision_phone"),
        )

    def check(self, data: VillageInput) -> None:
        validate_village(data)

    def save(self, data: VillageInput) -> None:
        self.village.update_village(data)


class NameDialog(FormDialog):
    """One name (a new unit, a rename); ``save_name`` is the service call."""

    def __init__(
        self, title: str, field: str, value: str, save_name: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.field = field
        self._save_name = save_name
        self.start_loading()
        self.add_line(field, value, max_length=100)
        self.finish_loading()

    def build_input(self) -> str:
        return str(self.value(self.field))

    def check(self, data: str) -> None:
        if not clean_text(data):
            raise ValidationError([FieldError(self.field, label(self.field), "不能为空")])

    def save(self, data: str) -> None:
        self._save_name(data)


class LeaderDialog(FormDialog):
    """书记 / 组长 of a unit: a Party member of that unit (or nobody)."""

    def __init__(
        self,
        unit_name: str,
        choices: Sequence[Choice],
        current: int | None,
        save_leader: Callable[[int | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(f"设置书记（组长）：{unit_name}", parent)
        self._save_leader = save_leader
        self.start_loading()
        if not choices:
            note = QLabel("这个组织还没有党员。请先在“党员”页把党员编入该支部或党小组。")
            note.setWordWrap(True)
            self.form.addRow(note)
        self.add_combo("unit_leader", [("（暂不设置）", None)] + [(c.name, c.id) for c in choices], current)
        self.finish_loading()

    def build_input(self) -> int | None:
        value = self.value("unit_leader")
        return int(value) if value is not None else None

    def check(self, data: int | None) -> None:
        return None

    def save(self, data: int | None) -> None:
        self._save_leader(data)


class TeamDialog(FormDialog):
    """A villager group (组长) or a grid (网格长): name, leader, leader's phone."""

    def __init__(
        self,
        title: str,
        name_field: str,
        row: TeamRow | None,
        save_team: Callable[[str, str, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.name_field = name_field
        self._save_team = save_team
        self.start_loading()
        example = "如 第一网格" if name_field == "grid_name" else "如 第一村民小组"
        self.add_line(name_field, row.name if row else "", placeholder=example, max_length=50)
        self.add_line("leader_name", row.leader_name if row else "", max_length=50)
        self.add_line("leader_phone", row.leader_phone if row else "", placeholder=PHONE_HINT)
        if row:
            self.show_all_errors()
        self.finish_loading()

    def build_input(self) -> tuple[str, str, str]:
        return (self.value(self.name_field), self.value("leader_name"), self.value("leader_phone"))

    def check(self, data: tuple[str, str, str]) -> None:
        c = Checker()
        if not clean_text(data[0]):
            c.fail(self.name_field, "不能为空")
        c.run("leader_phone", clean_phone, data[2])
        c.raise_if_any()

    def save(self, data: tuple[str, str, str]) -> None:
        self._save_team(*data)


class CadreDialog(FormDialog):
    """新增 / 修改村干部: name, post, phone, 支委会 / 村委会, start date, optional member link."""

    def __init__(
        self,
        members: Sequence[Choice],
        row: CadreRow | None,
        save_cadre: Callable[[CadreInput], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("修改村干部" if row else "新增村干部", parent)
        self._save_cadre = save_cadre
        self.start_loading()
        self.add_line("name", row.name if row else "", max_length=50)
        posts = [(p, p) for p in CADRE_POSTS]
        self.add_combo("cadre_post", [("", "")] + posts, row.post if row else "", editable=True)
        self.add_line("phone", row.phone if row else "", placeholder=PHONE_HINT)
        box = QWidget()
        lay = QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.branch_check = QCheckBox(label("on_branch_committee"))
        self.village_check = QCheckBox(label("on_village_committee"))
        for check, on in (
            (self.branch_check, row.on_branch_committee if row else False),
            (self.village_check, row.on_village_committee if row else False),
        ):
            check.setChecked(on)
            check.toggled.connect(lambda _on: (self._touch("committees"), self._schedule()))
            lay.addWidget(check)
        lay.addStretch(1)
        self._add_row("committees", box)
        self.add_date("cadre_started_on", row.started_on if row else None)
        self.add_combo(
            "cadre_member", [(NO_MEMBER, None)] + [(m.name, m.id) for m in members], row.member_id if row else None
        )
        if row:
            self.show_all_errors()
        self.finish_loading()

    def build_input(self) -> CadreInput:
        member = self.value("cadre_member")
        return CadreInput(
            name=self.value("name"),
            post=self.value("cadre_post"),
            phone=self.value("phone"),
            on_branch_committee=self.branch_check.isChecked(),
            on_village_committee=self.village_check.isChecked(),
            started_on=self.value("cadre_started_on"),
            member_id=int(member) if member is not None else None,
        )

    def check(self, data: CadreInput) -> None:
        validate_cadre(data)

    def save(self, data: CadreInput) -> None:
        self._save_cadre(data)
