"""Background work off the GUI thread (Anki's CollectionOp pattern).

One single-worker executor runs database and PDF jobs in order; each job reports back
through success/failure callbacks that Qt delivers on the GUI thread, so no widget is
ever touched from the worker. Long jobs get a cancellable progress dialog.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from govdesk.faults import explain

log = logging.getLogger("govdesk.ui.jobs")
T = TypeVar("T")


class JobCancelled(Exception):
    """Raised inside a job by ``JobContext.check()`` after the user pressed 取消."""


class JobContext:
    """Handed to every job: report progress, notice cancellation."""

    def __init__(self, runner: JobRunner, job_id: int) -> None:
        self._runner = runner
        self._job_id = job_id
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise JobCancelled()

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Thread-safe: queued to the GUI thread."""
        self._runner._progress.emit(self._job_id, done, total, text)


class JobHandle(Generic[T]):
    def __init__(self, future: Future[T], ctx: JobContext) -> None:
        self.future = future
        self.context = ctx

    def cancel(self) -> None:
        self.context.cancel()


class JobRunner(QObject):
    """The one background executor of the window."""

    _finished = Signal(int, object, object)  # job id, result, error
    _progress = Signal(int, int, int, str)  # job id, done, total, text
    idle_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="govdesk-job")
        self.closed = False  # shut down: no more jobs (a timer firing after the window closed asks nothing)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]] = {}
        self._dialogs: dict[int, QProgressDialog] = {}
        self._reads: set[int] = set()  # jobs that only read for a page: closing need not wait for them
        self._next_id = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """Work the user started is running or queued (a page's read does not count)."""
        return any(job_id not in self._reads for job_id in self._callbacks)

    def submit(
        self,
        fn: Callable[[JobContext], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress_label: str | None = None,
        parent: QWidget | None = None,
        read_only: bool = False,
    ) -> JobHandle[T]:
        """Run ``fn(ctx)`` on the worker; call ``on_success(result)`` or ``on_failure(error)`` on the GUI thread.

        Without ``on_failure`` an expected error (GovdeskError) is shown as a message box and anything
        else goes to the crash handler. With ``progress_label`` a cancellable progress dialog is shown.
        ``read_only``: the job only reads for a page (首页), so closing the window does not ask about it.
        """
        self._next_id += 1
        job_id = self._next_id
        ctx = JobContext(self, job_id)
        self._callbacks[job_id] = (on_success, on_failure)
        if read_only:
            self._reads.add(job_id)
        if progress_label is not None:
            dlg = QProgressDialog(progress_label, "取消", 0, 0, parent)
            dlg.setWindowTitle("请稍候")
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.setMinimumDuration(300)
            # A lambda, not the bound ctx.cancel: PySide deletes the helper QObject behind a bound
            # method's connection when its object dies, and the worker often drops ctx last — a
            # QObject deleted off the GUI thread, a segfault (tests/ui/test_ui_jobs.py).
            dlg.canceled.connect(lambda: ctx.cancel())
            self._dialogs[job_id] = dlg
        if len(self._callbacks) == 1:
            self.idle_changed.emit(False)

        def work() -> T:
            try:
                result = fn(ctx)
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, not swallowed
                self._finished.emit(job_id, None, exc)
                raise
            self._finished.emit(job_id, result, None)
            return result

        return JobHandle(self._executor.submit(work), ctx)

    def _show_progress(self, job_id: int, done: int, total: int, text: str) -> None:
        dlg = self._dialogs.get(job_id)
        if dlg is None:
            return
        dlg.setMaximum(max(total, 0))
        dlg.setValue(min(done, total) if total > 0 else 0)
        if text:
            dlg.setLabelText(text)

    def _deliver(self, job_id: int, result: Any, error: BaseException | None) -> None:
        on_success, on_failure = self._callbacks.pop(job_id)
        self._reads.discard(job_id)
        dlg = self._dialogs.pop(job_id, None)
        if dlg is not None:
            dlg.reset()
            dlg.deleteLater()
        if not self._callbacks:
            self.idle_changed.emit(True)
        if error is None:
            on_success(result)
        elif on_failure is not None:
            on_failure(error)
        else:
            show_error(error, None)

    def wait_idle(self, timeout: float = 30.0) -> None:
        """For tests and shutdown: block until queued work has run."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        self.closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)


def show_error(error: BaseException, parent: QWidget | None) -> None:
    """Expected errors (``govdesk.faults.explain``) become a clear message; cancellation is silent;
    bugs go to the crash handler."""
    if isinstance(error, JobCancelled):
        return
    message = explain(error)  # the same words as the CLI: a damaged or busy database, a full disk…
    if message is not None:
        if message is not error:
            log.warning("failed: %s", message, exc_info=error)
        QMessageBox.warning(parent, "无法完成", str(message))
        return
    sys.excepthook(type(error), error, error.__traceback__)
