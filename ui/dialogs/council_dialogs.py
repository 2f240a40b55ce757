"""理事会 and 村规民约 dialogs: a council, a member's term and its end, a meeting with its attendees,
a new version of a 章程 or of the 村规民约, and every version to read. Each editing dialog is a
``FieldDialog`` whose 确定 calls one service method; refusals land beside their fields."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.councils.rules import (
    ADOPTING_BODIES,
    COUNCIL_KINDS,
    KIND_HAMLET,
    ROLES,
    VILLAGE_RULES,
    CouncilInput,
    MeetingInput,
    MemberInput,
    VersionInput,
)
from govdesk.services.bundle import Services
from govdesk.services.councils import VersionView
from ui.dialogs.common import FieldDialog
from ui.dialogs.honour_dialogs import matter_combo
from ui.household_picker import HouseholdPicker


def _combo(items: list[tuple[str, object]], current: object, blank: str = "（不填）") -> QComboBox:
    combo = QComboBox()
    combo.addItem(blank, None)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    return combo


class CouncilDialog(FieldDialog):
    def __init__(self, services: Services, council_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__("修改理事会" if council_id else "新建理事会", parent, min_width=480)
        self.councils, self.council_id = services.councils, council_id
        d = self.councils.council(council_id) if council_id else {"kind": KIND_HAMLET}
        self.set_intro("村湾理事会按村湾（村民小组）设立；红白理事会、道德评议会等可隶属于一个村湾理事会。")
        self.name = self.line("council_name", d.get("name", ""), "如 一组村湾理事会", max_length=60)
        self.kind = self.combo("council_kind", COUNCIL_KINDS, str(d.get("kind")))
        groups = [(g.name, g.id) for g in services.village.villager_groups()]
        self.group = self.add_row("council_group", _combo(groups, d.get("villager_group_id")))
        parents = [(n, i) for i, n, k in self.councils.council_choices() if k == KIND_HAMLET and i != council_id]
        self.parent_combo = self.add_row("council_parent", _combo(parents, d.get("parent_id"), "（不隶属）"))
        self.founded = self.date_field("council_founded_on", d.get("founded_on"))
        self.purpose = self.text_box("council_purpose", str(d.get("purpose", "")), 60)

    def submit(self) -> int:
        data = CouncilInput(
            self.name.text(),
            self.kind.currentText(),
            self.group.currentData(),
            self.parent_combo.currentData(),
            self.founded.text(),
            self.purpose.toPlainText(),
        )
        if self.council_id is None:
            self.council_id = self.councils.create_council(data)
        else:
            self.councils.update_council(self.council_id, data)
        return self.council_id


class TermDialog(FieldDialog):
    """添加成员: a resident (found through the household), a role and the day the term began."""

    def __init__(self, services: Services, council_id: int, parent: QWidget | None = None) -> None:
        super().__init__("添加理事会成员", parent, min_width=480)
        self.services, self.council_id = services, council_id
        self.picker = self.add_row("council_member", HouseholdPicker(services.households), "查找农户")
        self.picker.list.setMinimumHeight(60)
        self.picker.list.setMaximumHeight(100)
        self.person = self.add_row("honour_person", QComboBox(), "成员")
        self.picker.picked.connect(self._fill)
        self.role = self.combo("council_role", ROLES, "理事")
        self.started = self.date_field("council_started_on", services.councils.today())
        self.ended = self.date_field("council_ended_on", None, "仍在任则不填")

    def _fill(self, household_id: int | None) -> None:
        self.person.clear()
        if household_id is not None:
            for row in self.services.households.residents(household_id, include_ended=False):
                self.person.addItem(f"{row.values[0]}（{row.values[1] or '—'}）", row.id)

    def submit(self) -> int:
        data = MemberInput(
            self.person.currentData(), "", self.role.currentText(), self.started.text(), self.ended.text()
        )
        return self.services.councils.add_member(self.council_id, data)


class EndTermDialog(FieldDialog):
    def __init__(self, services: Services, term_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__("成员离任", parent, min_width=360)
        self.councils, self.term_id = services.councils, term_id
        self.set_intro(f"{name} 离任（任职记录保留）")
        self.ended = self.date_field("council_ended_on", self.councils.today())

    def submit(self) -> int:
        self.councils.end_member(self.term_id, self.ended.text())
        return self.term_id


class MeetingDialog(FieldDialog):
    """记录会议: the attendees are ticked among the members serving on the meeting day."""

    def __init__(self, services: Services, council_id: int, parent: QWidget | None = None) -> None:
        super().__init__("记录理事会会议", parent, min_width=520)
        self.councils, self.council_id = services.councils, council_id
        self.held = self.date_field("council_meeting_held_on", self.councils.today())
        self.place = self.line("council_meeting_place", "", "如 湾子文化广场", max_length=100)
        self.topic = self.line("council_meeting_topic", "", max_length=200)
        self.attendees = self.add_row("council_meeting_attendees", QListWidget())
        self.attendees.setMaximumHeight(130)
        self.guests = self.line("council_meeting_guests", "", "如 村党总支书记、网格员", max_length=200)
        self.minutes = self.text_box("council_meeting_minutes", "", 90)
        self.held.dateChanged.connect(self._fill)
        self._fill(self.councils.today())

    def _fill(self, day: date) -> None:
        ticked = set(self.attendee_ids())
        self.attendees.clear()
        for term in self.councils.terms(self.council_id, day):
            item = QListWidgetItem(f"{term.name}（{term.role}）")
            item.setData(Qt.ItemDataRole.UserRole, term.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if term.id in ticked or not ticked else Qt.CheckState.Unchecked)
            self.attendees.addItem(item)

    def attendee_ids(self) -> list[int]:
        found = []
        for row in range(self.attendees.count()):
            item = self.attendees.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return found

    def submit(self) -> int:
        data = MeetingInput(
            self.held.text(),
            self.place.text(),
            self.topic.text(),
            self.attendee_ids(),
            self.guests.text(),
            self.minutes.toPlainText(),
        )
        return self.councils.add_meeting(self.council_id, data)


class VersionDialog(FieldDialog):
    """A new version of the 村规民约 (``council_id`` None) or of a council's 章程; the current one
    is superseded on the day this one is adopted and stays readable."""

    def __init__(self, services: Services, council_id: int | None, parent: QWidget | None = None) -> None:
        what = VILLAGE_RULES if council_id is None else "章程"
        super().__init__(f"录入{what}新版本", parent, min_width=600)
        self.councils, self.council_id = services.councils, council_id
        current = next((v for v in self.councils.versions(council_id) if v.current), None)
        if current is not None:
            self.set_intro(
                f"现行第 {current.version_no} 版（{current.adopted_text()}）将于新版本通过之日废止，原文保留可查。"
            )
        self.title = self.line("charter_title", current.title if current else "", max_length=100)
        self.text = self.text_box("charter_text", current.text if current else "", 220)
        self.adopted_on = self.date_field("charter_adopted_on", None)
        bodies = ADOPTING_BODIES if council_id is None else (ADOPTING_BODIES[2], *ADOPTING_BODIES[:2])
        self.adopted_by = self.combo("charter_adopted_by", bodies, bodies[0], editable=True)
        self.meeting = QComboBox()
        if council_id is not None:
            meetings = [(f"{m.held_on} {m.topic}", m.id) for m in self.councils.meetings(council_id)]
            self.meeting = self.add_row("charter_meeting", _combo(meetings, None))
        self.matter = self.add_row("charter_matter", matter_combo(services, None))

    def submit(self) -> int:
        data = VersionInput(
            self.title.text(),
            self.text.toPlainText(),
            self.adopted_on.text(),
            self.adopted_by.currentText(),
            self.meeting.currentData() if self.council_id is not None else None,
            self.matter.currentData(),
        )
        return self.councils.adopt_version(self.council_id, data)


class VersionsDialog(QDialog):
    """Every version of the 村规民约 (or a 章程), current first; the text of the chosen one beside."""

    def __init__(self, services: Services, council_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.council_id = services, council_id
        self.setWindowTitle(VILLAGE_RULES if council_id is None else "理事会章程")
        self.resize(900, 560)
        self.list = QListWidget()
        self.list.setMaximumWidth(300)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.new_button = QPushButton("录入新版本…")
        self.new_button.clicked.connect(lambda _c=False: self.adopt())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.text, 1)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(body, 1)
        lay.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.versions: list[VersionView] = []
        self.reload()

    def reload(self) -> None:
        self.versions = self.services.councils.versions(self.council_id)
        self.list.clear()
        for v in self.versions:
            state = "现行" if v.current else f"已于 {v.superseded_on} 废止"
            self.list.addItem(f"第 {v.version_no} 版　{v.adopted_on}　{state}")
        if self.versions:
            self.list.setCurrentRow(0)
        else:
            self.heading.setText("还没有录入版本。点“录入新版本…”录入现行文本。")

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.versions):
            self.text.clear()
            return
        v = self.versions[row]
        self.heading.setText(f"<b>{v.title}</b>　第 {v.version_no} 版　{v.adopted_text()}")
        self.text.setPlainText(v.text)

    def run_dialog(self, dialog: QDialog) -> bool:
        """A seam the tests replace to drive the dialog without blocking."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def adopt(self) -> None:
        if self.run_dialog(VersionDialog(self.services, self.council_id, self)):
            self.reload()
