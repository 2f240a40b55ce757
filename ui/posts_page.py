"""组织生活 → 设岗定责: the post catalogue (SQL-paged, searchable by post, duty or holder), the
selected post's duties and holders (now and before) below, and the actions — 新增 / 修改 / 删除 a
post, 上岗, 离岗, and the 设岗定责公示表 (公开版 archived when printed, 内部版 with full phones)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import qtawesome as qta
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QWidget

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services
from ui.areas import Navigate
from ui.areas.pages import PageSpec
from ui.areas.party_life import PAGES
from ui.dialogs.post_dialogs import AssignDialog, EndAssignmentDialog, PostDialog
from ui.jobs import JobRunner
from ui.list_tab import ListTab, set_column_widths, stretch_column
from ui.print_actions import PrintRequest, preview_document

COLUMN_WIDTHS = {"post_name": 8, "post_duties": 22, "post_serves": 7, "post_holder_count": 4}
HINT = "<span style='color:#777'>选中一个岗位，在这里查看岗位职责和在岗党员（含以往在岗）。</span>"


class PostsPage(ListTab):
    count_noun = "个岗位"
    shows = Changes.POSTS | Changes.MEMBERS  # holders' names and who is on the roster

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, jobs, services.posts, parent, search_hint="岗位名称 / 职责 / 在岗党员姓名")
        self.show_ended.hide()  # posts are not ended; past holders show below
        self.add_filter("vacant", "在岗情况", [("暂无党员在岗", True)])
        self.add_action("新增岗位", "fa5s.plus", self.add_post)
        self.add_action("修改", "fa5s.edit", self.edit_current, needs_row=True)
        self.add_action("删除", "fa5s.trash-alt", self.delete_current, needs_row=True)
        self.add_action("上岗", "fa5s.user-plus", self.assign_current, needs_row=True)
        self.add_action("离岗", "fa5s.user-minus", self.end_current, needs_row=True)
        self.print_button = QPushButton(qta.icon("fa5s.print"), "打印")
        self.print_button.setToolTip("设岗定责公示表：公开版电话隐去中间四位并自动存档；内部版标“内部资料”")
        self.print_button.requests = []  # type: ignore[attr-defined]
        menu = QMenu(self.print_button)
        menu.addAction("设岗定责公示表（公开版，张贴）…", lambda: self.print_wall(False))
        menu.addAction("设岗定责公示表（内部版，完整电话）…", lambda: self.print_wall(True))
        self.print_button.setMenu(menu)
        self.add_first_action(self.print_button)
        self.table.setObjectName("posts.table")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)
        stretch_column(self.table, keys.index("post_holders"))

        splitter = self.finish_with_detail("posts", self.show_detail, (3, 2))
        splitter.setSizes([360, 240])  # the duties and holders of the selected post fit without scrolling
        self.show_detail()

    # --- reading ---------------------------------------------------------------------------
    def show_detail(self) -> None:
        """The selected post: what it serves, its duties line by line, who is on it and who was."""
        post_id = self.current_id()
        if post_id is None:
            self.detail.setText(HINT)
            return
        try:
            post = self.services.posts.get_post(post_id)
            holders = self.services.posts.holders(post_id, include_ended=True)
        except GovdeskError:
            self.detail.setText("")
            return
        serves = f"　服务范围：{escape(post.serves)}" if post.serves else "　服务范围：全村"
        parts = [f"<b>{escape(post.name)}</b>{serves}", "<b>岗位职责：</b>"]
        parts += [f"　{n}. {escape(line)}" for n, line in enumerate(post.duties.splitlines(), start=1) if line.strip()]
        now = [h for h in holders if h.ended_on is None]
        before = [h for h in holders if h.ended_on is not None]
        parts.append(f"<b>在岗党员（{len(now)} 人）：</b>" + ("" if now else "暂无"))
        parts += [f"　{escape(h.member)}　{escape(h.phone)}　{h.started_on:%Y-%m-%d} 上岗" for h in now]
        if before:
            parts.append("<b>以往在岗：</b>")
            parts += [
                f"<span style='color:#777'>　{escape(h.member)}　{h.span}"
                f"{'　' + escape(h.note) if h.note else ''}</span>"
                for h in before
            ]
        self.detail.setText("<br>".join(parts))

    # --- actions ---------------------------------------------------------------------------
    def add_post(self) -> None:
        self.open_dialog(lambda: PostDialog(self.services, None, self), lambda d: d.saved_id)  # type: ignore[attr-defined]

    def edit_current(self) -> None:
        self.edit_selected(lambda pid: PostDialog(self.services, pid, self))

    def assign_current(self) -> None:
        self.edit_selected(lambda pid: AssignDialog(self.services, pid, self))

    def end_current(self) -> None:
        self.edit_selected(lambda pid: EndAssignmentDialog(self.services, pid, self))

    def delete_current(self) -> None:
        post_id = self.current_id()
        if post_id is None or not self.confirm("删除这个岗位？（只有从未有人上岗的岗位可以删除）"):
            return
        try:
            self.services.posts.delete_post(post_id)
        except GovdeskError as exc:
            self.report(exc)

    def confirm(self, question: str) -> bool:
        """Asks before a deletion; a seam the tests replace."""
        answer = QMessageBox.question(self, "设岗定责", question)
        return answer == QMessageBox.StandardButton.Yes

    def print_wall(self, full: bool) -> PrintRequest:
        """Preview the 设岗定责公示表; the public copy is archived when printed or saved."""
        from govdesk.services.posts_print import ARCHIVE_POSTS

        request = preview_document(
            self, self.services, self.jobs, _wall_builder(self.services, full), ARCHIVE_POSTS, label="正在生成公示表…"
        )
        self.print_button.requests.append(request)  # type: ignore[attr-defined]
        return request


def _wall_builder(services: Services, full: bool) -> Callable[[object], object]:
    def build(_progress: object) -> object:
        from govdesk.services.posts_print import wall_pdf  # reportlab only when printing

        return wall_pdf(services.db, full=full)

    return build


def build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    return PostsPage(services, jobs)


PAGES.register(PageSpec("posts", "设岗定责", 40, build))
