"""A long register printed from the window (issue F): laid out in the JobRunner with the pages
counted in the progress dialog, cancellable, saved to a file that appears only whole."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

import ui.print_actions as actions
from govdesk.db import Database
from govdesk.services.bundle import Services
from ui.jobs import JobCancelled, JobRunner


@pytest.fixture
def jobs(qtbot) -> Iterator[JobRunner]:  # type: ignore[no-untyped-def]
    runner = JobRunner()
    yield runner
    runner.shutdown()


def _progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]


def test_cancel_mid_way_leaves_no_file(qtbot, demo_db: Database, jobs: JobRunner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(demo_db)
    render = services.printing.render_register

    def paced(*args, progress, **kwargs):  # type: ignore[no-untyped-def]
        """Each page takes a moment, so 取消 always lands mid-way however busy the machine is."""

        def slow(done: int, total: int, text: str) -> None:
            time.sleep(0.05)
            progress(done, total, text)

        return render(*args, progress=slow, **kwargs)

    services.printing.render_register = paced  # type: ignore[method-assign]
    target = tmp_path / "out" / "农户花名册.pdf"
    request = actions.save_register_pdf(None, services, jobs, "households", True, target)
    seen: list[tuple[int, int, str]] = []

    def pages_reported() -> bool:
        for dialog in _progress_dialogs():  # finished jobs' dialogs are reset (value -1)
            if dialog.value() >= 2 and "页" in dialog.labelText():
                seen.append((dialog.value(), dialog.maximum(), dialog.labelText()))
                return True
        return False

    qtbot.waitUntil(pages_reported, timeout=60_000)
    assert request.handle is not None
    request.handle.cancel()
    qtbot.waitUntil(lambda: request.error is not None or request.saved is not None, timeout=60_000)
    assert isinstance(request.error, JobCancelled), "the print ran to its end before 取消 reached it"
    done, total, text = seen[0]
    assert 2 <= done < total and f"共 {total} 页" in text  # pages done of the planned total
    assert not target.exists()
    assert not target.parent.exists() or list(target.parent.iterdir()) == []
    assert request.archived == [] and services.printing.count() == 0


def test_saved_register_is_whole_archived_and_counted(
    qtbot, demo_db: Database, jobs: JobRunner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(demo_db)
    target = tmp_path / "hh.pdf"
    request = actions.save_register_pdf(None, services, jobs, "households", False, target)
    qtbot.waitUntil(lambda: request.saved is not None or request.error is not None, timeout=120_000)
    assert request.error is None and request.saved == target
    assert request.notice is not None and "页" in request.notice.text()
    request.notice.close()
    pages = len(pypdf.PdfReader(target).pages)
    assert f"{pages} 页" in request.notice.text()
    assert [e.kind for e in request.archived] == ["register.households"]
    assert services.printing.reprint(request.archived[0].id) == target.read_bytes()


def test_long_register_goes_to_a_file_not_the_preview(
    qtbot, demo_db: Database, jobs: JobRunner, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    services = Services.open(demo_db)
    monkeypatch.setattr(actions, "PREVIEW_MAX_ROWS", 10)
    asked: list[str] = []

    def ask(_parent: object, suggested: str) -> str:
        asked.append(suggested)
        return str(tmp_path / "members.pdf")

    request = actions.print_register(None, services, jobs, "members", True, ask_path=ask)
    qtbot.waitUntil(lambda: request.saved is not None or request.error is not None, timeout=60_000)
    assert request.error is None and request.dialog is None
    assert asked == ["党员花名册（内部版）.pdf"] and (tmp_path / "members.pdf").exists()
    assert request.archived == []  # the internal copy is not archived
    request.notice.close()  # type: ignore[union-attr]
    closed = actions.print_register(None, services, jobs, "members", True, ask_path=lambda *_: "")
    assert closed.handle is None  # the clerk closed the file dialog: nothing started
