"""The window's one worker (ui.jobs): jobs with a progress dialog end safely in any order with the GUI thread."""

from __future__ import annotations

from ui.jobs import JobRunner

JOBS = 40


def test_jobs_with_a_progress_dialog_release_nothing_of_qt_on_the_worker(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Regression: the dialog's 取消 was connected to the job context's bound method. PySide keeps
    a helper QObject for such a receiver and deletes it when the context dies; the worker dropped
    the context's last reference after the GUI thread had delivered the result, so the helper was
    deleted on the worker: a segfault in about half of the backups from the window."""
    runner = JobRunner()
    done: list[int] = []
    try:
        for n in range(JOBS):
            runner.submit(lambda _ctx, n=n: n, done.append, progress_label="正在备份数据库…")
            qtbot.waitUntil(lambda n=n: len(done) == n + 1, timeout=5000)
    finally:
        runner.shutdown()
    assert done == list(range(JOBS))
