"""Logging: one file in the platformdirs log folder, rolled over at start-up, one named logger per area.

The file is rolled over when the program starts and finds it past ``MAX_BYTES`` (govdesk.log →
govdesk.log.1 → … → .5, the oldest dropped), not while it is written: ``logging.handlers``'
RotatingFileHandler would bring sockets, pickling and queues into every start (some 10 ms before
the window can paint), and a day at the desk writes far less than ``MAX_BYTES``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from govdesk import paths

LOG_FILE_NAME = "govdesk.log"
MAX_BYTES = 2_000_000
KEPT = 5  # older files: govdesk.log.1 (the newest) … govdesk.log.5
_configured: Path | None = None


class _GovdeskLogFile(logging.FileHandler):
    """The program's log file (told apart from handlers a host program may have added)."""


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def roll_over(target: Path, max_bytes: int = MAX_BYTES, kept: int = KEPT) -> bool:
    """Move ``target`` to ``target.1`` (and each older one a number up) when it is past
    ``max_bytes``; returns whether it did. A file that cannot be moved (open in another program on
    Windows) is simply written on."""
    try:
        if target.stat().st_size <= max_bytes:
            return False
        for n in range(kept - 1, 0, -1):
            older = target.with_name(f"{target.name}.{n}")
            if older.exists():
                older.replace(target.with_name(f"{target.name}.{n + 1}"))
        target.replace(target.with_name(f"{target.name}.1"))
    except OSError:
        return False
    return True


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach the log file once; returns its path (shown in crash dialogs)."""
    global _configured
    target = log_file()
    if _configured == target:
        return target
    root = logging.getLogger("govdesk")
    for h in list(root.handlers):
        if isinstance(h, _GovdeskLogFile):
            root.removeHandler(h)
            h.close()
    roll_over(target)
    handler = _GovdeskLogFile(target, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    _configured = target
    return target
