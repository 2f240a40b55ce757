"""设岗定责 dialogs: a post of the catalogue, a member taking a post (上岗) or leaving it (离岗),
and a member's posts and status history with a 状态变更. Each 确定 calls one service method; the
domain's Chinese refusal stays in the dialog with the input, and nothing is written."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from govdesk.posts.rules import CHANGE_KINDS, change_named
from govdesk.services.bundle import Services
from govdesk.services.posts import PostInput
from ui.dialogs.common import FieldDialog


def _choice_combo(choices: list[tuple[Any, str]], current: Any, empty: str | None = "（不填）") -> QComboBox:
    combo = QComboBox()
    if empty is not None:
        combo.addItem(empty, None)
    for value, text in choices:
        combo.addItem(text, value)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    return combo


class PostDialog(FieldDialog):
    """新增 / 修改 a post: name, duties (one per line), the villager group or grid it serves."""

    def __init__(self, services: Services, post_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__("修改岗位" if post_id else "新增岗位", parent, min_width=520)
        self.posts, self.post_id = services.posts, post_id
        view = self.posts.get_post(post_id) if post_id else None
        self.saved_id: int | None = post_id
        self.set_intro("岗位职责每行写一条，公示表照此分行印出。服务范围可不填（全村）。")
        self.name = self.line("post_name", view.name if view else "", "如：政策宣传岗", max_length=100)
        self.duties = self.text_box("post_duties", view.duties if view else "", 120)
        village = services.village
        self.group = self.add_row(
            "villager_group_id",
            _choice_combo(
                [(g.id, g.name) for g in village.villager_groups()], view.villager_group_id if view else None
            ),
        )
        self.grid = self.add_row(
            "grid_id", _choice_combo([(g.id, g.name) for g in village.grids()], view.grid_id if view else None)
        )

    def submit(self) -> int:
        data = PostInput(
            name=self.name.text(),
            duties=self.duties.toPlainText(),
            villager_group_id=self.group.currentData(),
            grid_id=self.grid.currentData(),
        )
        if self.post_id is None:
            self.saved_id = self.posts.create_post(data)
        else:
            self.posts.update_post(self.post_id, data)
        return self.saved_id or 0


class AssignDialog(FieldDialog):
    """上岗: a member on the roster takes the post from a day."""

    def __init__(self, services: Services, post_id: int, parent: QWidget | None = None) -> None:
        self.posts, self.post_id = services.posts, post_id
        post = self.posts.get_post(post_id)
        super().__init__(f"上岗：{post.name}", parent, min_width=420)
        holding = {h.member_id for h in self.posts.holders(post_id)}
        choices = [(i, n) for i, n in self.posts.active_members() if i not in holding]
        self.member = self.add_row("assignment_member", _choice_combo(choices, None, empty=None))
        self.member.setEditable(True)  # type to find a name among a hundred members
        self.member.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.member.setMinimumWidth(240)
        self.started = self.date_field("assignment_started_on", self.posts.today())
        self.note = self.line("assignment_note", "", max_length=200)

    def submit(self) -> int:
        member_id = self.member.itemData(self.member.findText(self.member.currentText()))
        if member_id is None:
            from govdesk.errors import RefusedError

            raise RefusedError("请从名单中选择一名党员")
        return self.posts.assign(self.post_id, member_id, self.started.text(), self.note.text())


class EndAssignmentDialog(FieldDialog):
    """离岗: one of the post's current holders leaves it on a day (the record stays)."""

    def __init__(self, services: Services, post_id: int, parent: QWidget | None = None) -> None:
        self.posts = services.posts
        post = self.posts.get_post(post_id)
        super().__init__(f"离岗：{post.name}", parent, min_width=420)
        holders = self.posts.holders(post_id)
        if not holders:
            from govdesk.errors import RefusedError

            raise RefusedError(f"“{post.name}”目前没有在岗党员")
        self.holder = self.add_row(
            "assignment_member",
            _choice_combo([(h.id, f"{h.member}（{h.started_on:%Y-%m-%d} 上岗）") for h in holders], None, empty=None),
        )
        self.ended = self.date_field("assignment_ended_on", self.posts.today())

    def submit(self) -> None:
        self.posts.end_assignment(self.holder.currentData(), self.ended.text())


def standing_html(services: Services, member_id: int) -> str:
    """A member's posts (current and past) and status history, as the details show them."""
    posts = services.posts.member_posts(member_id)
    history = services.posts.status_history(member_id)
    lines = ["<b>设岗定责</b>"]
    if not posts:
        lines.append("<span style='color:#777'>未上岗</span>")
    for h in posts:
        style = "" if h.ended_on is None else " style='color:#777'"
        note = f"（{escape(h.note)}）" if h.note else ""
        lines.append(f"<span{style}>{escape(h.post)}　{h.span}{note}</span>")
    lines.append("<b>党员状态历史</b>")
    for p in reversed(history):
        decided = f"　决定日期 {p.decided_on:%Y-%m-%d}" if p.decided_on and p.note != "转正" else ""
        note = f"　{escape(p.note)}" if p.note else ""
        style = "" if p.ended_on is None else " style='color:#777'"
        lines.append(f"<span{style}>{escape(p.status)}　{p.span}{decided}{note}</span>")
    return "<br>".join(lines)


class StatusChangeDialog(FieldDialog):
    """状态变更: the member's posts and status history above, the change to record below."""

    def __init__(self, services: Services, member_id: int, parent: QWidget | None = None) -> None:
        self.posts, self.member_id = services.posts, member_id
        member = services.members.get(member_id)
        super().__init__(f"岗位与状态：{member.name}（现为{member.status}）", parent, min_width=520)
        self.history = QLabel(standing_html(services, member_id))
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setWordWrap(True)
        self.body.insertWidget(0, self.history)
        self.set_intro("转正填转正日期；留党察看、恢复党员权利须填上级批准的决定日期。原状态记录保留在历史中。")
        self.kind = self.combo("status_change", CHANGE_KINDS, _likely_change(member.status))
        self.on = self.date_field("status_changed_on", self.posts.today())
        self.decided = self.date_field("status_decided_on", None, "留党察看、恢复党员权利时必填")
        self.note = self.line("status_note", "", "如：外出务工（浙江宁波）", max_length=200)

    def submit(self) -> None:
        self.posts.change_status(
            self.member_id, self.kind.currentText(), self.on.text(), self.decided.text(), self.note.text()
        )


def _likely_change(status: str) -> str:
    """The change a member in this status most likely needs (预备 → 转正 …), preselected."""
    for kind in CHANGE_KINDS:
        change = change_named(kind)
        if change is not None and status in change.from_statuses:
            return kind
    return CHANGE_KINDS[0]
