"""The Qt binding itself: a release that breaks the window on the Python we ship is kept out."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

EMITS = 200


class _Probe(QObject):
    fired = Signal(object)


def test_signal_emit_keeps_every_reference_to_true() -> None:
    """PySide6 6.12.0 drops a reference to True on every ``Signal.emit()`` (its return value). On
    Python 3.11, where True is not immortal, the window then dies with "bool_dealloc" after about
    a thousand emits — a morning at the desk. pyproject.toml keeps that release out on 3.11; this
    fails if an install brings it (or a later one like it) back."""
    probe = _Probe()
    probe.fired.emit(1)  # the first emit may set up what the next ones reuse
    before = sys.getrefcount(True)
    for _ in range(EMITS):
        probe.fired.emit(1)
    after = sys.getrefcount(True)
    assert after == before
