"""The 设岗定责 page of 组织生活: the catalogue under qtmodeltester, dialogs that refuse beside the
field and write nothing, 上岗 / 离岗 from the page, the 公示表 from its print menu, and the
member's 岗位/状态 dialog with a 状态变更."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from govdesk.db import Database
from govdesk.services.bundle import Services
from govdesk.services.listing import ListQuery
from tests.window import page_on_its_own, shown_window
from ui.dialogs.post_dialogs import AssignDialog, EndAssignmentDialog, PostDialog, StatusChangeDialog
from ui.posts_page import PostsPage
from ui.table_model import PagedTableModel


@pytest.fixture
def services(demo_db: Database) -> Services:
    return Services.open(demo_db)


@pytest.fixture
def page(qtbot, services: Services) -> Iterator[PostsPage]:  # type: ignore[no-untyped-def]
    with page_on_its_own(qtbot, services, PostsPage) as widget:
        yield widget


def test_the_catalogue_passes_qtmodeltester(qtmodeltester, services: Services, page: PostsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.model.rowCount() == services.posts.count(ListQuery()) == 8
    qtmodeltester.check(page.model)
    model = PagedTableModel(services.posts, page_size=3)
    model.sort(3)  # 在岗人数
    qtmodeltester.check(model)
    page.search.setText("平安")
    page._apply_search()
    assert page.model.rowCount() == 1
    holder = services.posts.holders(services.posts.post_names()[0][0])[0].member
    page.search.setText(holder)  # found by a holder's name too
    page._apply_search()
    assert page.model.rowCount() >= 1


def test_the_page_is_in_party_life(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    with shown_window(qtbot, services) as win:
        area = win.select_area("组织生活")
        widget = area.page("posts")
        assert isinstance(widget, PostsPage) and widget.model.rowCount() == 8
        assert "设岗定责" in [area.tabText(i) for i in range(area.count())]


def test_a_duplicate_post_is_refused_beside_the_name(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = PostDialog(services)
    qtbot.addWidget(dialog)
    dialog.name.setText("政策宣传岗")
    dialog.accept()
    assert dialog.error_text("post_name") == "已有名为“政策宣传岗”的岗位"
    assert services.posts.count(ListQuery()) == 8
    dialog.name.setText("网格服务岗")
    dialog.duties.setPlainText("协助网格长入户走访\n收集社情民意")
    dialog.grid.setCurrentIndex(1)
    dialog.accept()
    view = services.posts.get_post(dialog.saved_id or 0)
    assert view.duties == "协助网格长入户走访\n收集社情民意" and view.serves == "第1网格"


def test_assign_and_end_from_the_page(qtbot, services: Services, page: PostsPage) -> None:  # type: ignore[no-untyped-def]
    post_id = page.model.row_id(0)
    assert post_id is not None
    before = len(services.posts.holders(post_id))
    dialog = AssignDialog(services, post_id)
    qtbot.addWidget(dialog)
    dialog.started.setText("2099-01-01")
    dialog.accept()
    assert (
        dialog.error_text("assignment_started_on") == "任岗日期不能晚于今天"
        and len(services.posts.holders(post_id)) == before
    )
    dialog.started.setText(date.today().isoformat())
    dialog.accept()
    assert len(services.posts.holders(post_id)) == before + 1
    page.table.selectRow(0)
    assert "在岗党员" in page.detail.text() and dialog.member.currentText() in page.detail.text()
    end = EndAssignmentDialog(services, post_id)
    qtbot.addWidget(end)
    end.ended.setText("2000-01-01")
    end.accept()
    assert "结束日期应晚于开始日期" in end.error_text("assignment_ended_on")
    end.ended.setText(date.today().isoformat())
    end.accept()
    assert len(services.posts.holders(post_id)) == before
    assert page.model.data(page.model.index(0, 3)) == str(before)  # the list re-read on the broadcast


def test_deleting_a_post_with_history_is_refused(page: PostsPage, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(page, "confirm", lambda _q: True)
    monkeypatch.setattr(page, "report", lambda exc: shown.append(str(exc)))
    page.table.selectRow(0)
    page.delete_current()
    assert shown and "任岗记录，不能删除" in shown[0] and page.model.rowCount() == 8


def test_print_the_wall_from_the_page(qtbot, page: PostsPage, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page.print_button.menu().actions()[0].trigger()
    request = page.print_button.requests[-1]  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: request.dialog is not None or request.error is not None, timeout=30_000)
    assert request.error is None
    qtbot.addWidget(request.dialog)
    assert "设岗定责公示表" in request.dialog.title
    request.dialog.save_as(str(tmp_path / "posts.pdf"))
    assert len(request.archived) == 1


def test_status_change_dialog_shows_history_and_records(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    member_id = next(i for i, _n in services.posts.active_members() if services.members.get(i).status == "预备党员")
    dialog = StatusChangeDialog(services, member_id)
    qtbot.addWidget(dialog)
    assert "党员状态历史" in dialog.history.text() and dialog.kind.currentText() == "转正"
    dialog.kind.setCurrentText("留党察看")
    dialog.accept()
    assert "只有正式党员可给予留党察看" in dialog.error.text()
    assert services.members.get(member_id).status == "预备党员"
    dialog.kind.setCurrentText("转正")
    dialog.on.setText(date.today().isoformat())
    dialog.accept()
    assert services.members.get(member_id).status == "正式党员"
    assert services.posts.status_history(member_id)[-1].note == "转正"
