"""The last line of defence: an uncaught exception becomes a logged report and a dialog.

Without this, PySide6 prints the traceback to a console the clerk never sees and the window
may simply vanish. The handler logs the full traceback to the rotating log file and tells
the clerk, in Chinese, where that file is so it can be sent to whoever maintains the PC.
Expected faults that escaped (a locked or damaged database, a full disk) are not crashes: they
get the same Chinese message as everywhere else (``govdesk.faults.explain``) in a warning.
It never recurses (an error while reporting is only printed) and works without a
QApplication (e.g. during start-up), where it just logs and prints.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from govdesk.faults import explain
from govdesk.logs import log_file

log = logging.getLogger("govdesk.ui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

_installed: CrashHandler | None = None


def crash_message(exc: BaseException, log_path: str) -> str:
    """The text the clerk reads: what happened, that work is saved, and where the log is."""
    return (
        "程序遇到了一个意外错误，刚才的操作可能没有完成。\n"
        "已经保存的数据不会丢失。\n\n"
        f"错误：{type(exc).__name__}: {exc}\n\n"
        f"详细记录已写入日志文件：\n{log_path}\n\n"
        "请把这个文件发给维护人员。"
    )


class CrashHandler:
    """``sys.excepthook`` replacement; keeps the previous hook for KeyboardInterrupt."""

    def __init__(self, previous: ExceptHook | None = None) -> None:
        self.previous: ExceptHook = previous or sys.__excepthook__
        self.last_message: str | None = None
        self._busy = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        if self._busy:  # an error while reporting an error: print it and stop there
            traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
            return
        self._busy = True
        try:
            expected = explain(exc)  # a locked or damaged database, a full disk: words, not a crash
            if expected is not None:
                log.warning("failed: %s", expected, exc_info=(exc_type, exc, tb))
                self.last_message = str(expected)
                self.show_warning(self.last_message)
                return
            log.error("uncaught exception", exc_info=(exc_type, exc, tb))
            path = str(log_file())
            self.last_message = crash_message(exc, path)
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            self.show_dialog(self.last_message, details)
        except Exception:  # noqa: BLE001 - the reporter itself failed; keep the program alive
            traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
        finally:
            self._busy = False

    def show_warning(self, message: str) -> None:
        """An expected fault (``govdesk.faults.explain``): the clerk's message, no traceback."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            print(f"govdesk: {message}", file=sys.stderr)
            return
        QMessageBox.warning(None, "无法完成", message)

    def show_dialog(self, message: str, details: str) -> None:
        """A modal message box when a QApplication exists; stderr otherwise."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None:
            print(message, file=sys.stderr)
            print(details, file=sys.stderr)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "govdesk 出错了", message)
        box.setDetailedText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        ok = box.button(QMessageBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("知道了")
        box.exec()


def install() -> CrashHandler:
    """Install the handler once; calling again returns the installed one."""
    global _installed
    if _installed is not None and sys.excepthook is _installed:
        return _installed
    _installed = CrashHandler(sys.excepthook if sys.excepthook is not sys.__excepthook__ else None)
    sys.excepthook = _installed
    return _installed
