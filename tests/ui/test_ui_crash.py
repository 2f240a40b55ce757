"""An uncaught exception is logged and reported with the log path, never a silent exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govdesk.logs import log_file, setup_logging
from ui.crash import CrashHandler, install

ROOT = Path(__file__).resolve().parents[2]


def _raise_and_handle(handler: CrashHandler) -> None:
    try:
        raise RuntimeError("测试用的意外错误")
    except RuntimeError:
        handler(*sys.exc_info())


def test_crash_message_names_the_log_file_and_the_log_has_the_traceback(monkeypatch, qapp) -> None:
    setup_logging()
    shown: list[tuple[str, str]] = []
    handler = CrashHandler()
    monkeypatch.setattr(handler, "show_dialog", lambda message, details: shown.append((message, details)))
    _raise_and_handle(handler)
    assert len(shown) == 1
    message, details = shown[0]
    assert str(log_file()) in message
    assert "意外错误" in message and "RuntimeError" in details
    for h in __import__("logging").getLogger("govdesk").handlers:
        h.flush()
    assert "测试用的意外错误" in log_file().read_text(encoding="utf-8")


def test_real_dialog_is_a_message_box_with_the_path(monkeypatch, qapp) -> None:
    from PySide6.QtWidgets import QMessageBox

    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: texts.append(self.text()) or 0)
    handler = CrashHandler()
    _raise_and_handle(handler)
    assert texts and str(log_file()) in texts[0]
    assert handler.last_message == texts[0]


def test_a_failing_reporter_does_not_recurse_or_raise(monkeypatch, capsys, qapp) -> None:
    handler = CrashHandler()

    def broken(_m: str, _d: str) -> None:
        raise OSError("磁盘已满")

    monkeypatch.setattr(handler, "show_dialog", broken)
    _raise_and_handle(handler)  # must not raise
    err = capsys.readouterr().err
    assert "测试用的意外错误" in err and "磁盘已满" in err


def test_keyboard_interrupt_goes_to_the_previous_hook() -> None:
    seen: list[type[BaseException]] = []
    handler = CrashHandler(lambda t, e, tb: seen.append(t))
    handler(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]


def test_install_replaces_sys_excepthook_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    monkeypatch.setattr("ui.crash._installed", None)
    first = install()
    assert sys.excepthook is first
    assert install() is first


def test_without_a_qapplication_it_prints_the_path(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from ui.crash import CrashHandler\n"
        "h = CrashHandler()\n"
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    h(*sys.exc_info())\n"
        "import PySide6.QtWidgets as w\n"
        "print('app', w.QApplication.instance())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GOVDESK_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "logs" in result.stderr and "govdesk.log" in result.stderr
    assert "ZeroDivisionError" in result.stderr
    assert "app None" in result.stdout
