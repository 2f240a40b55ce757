"""Logging: one rotating file in the platformdirs log folder, one named logger per area."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from govdesk import paths

LOG_FILE_NAME = "govdesk.log"
_configured: Path | None = None


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach the rotating file handler once; returns the log file's path (shown in crash dialogs)."""
    global _configured
    target = log_file()
    if _configured == target:
        return target
    root = logging.getLogger("govdesk")
    for h in list(root.handlers):
        if isinstance(h, logging.handlers.RotatingFileHandler):
            root.removeHandler(h)
            h.close()
    handler = logging.handlers.RotatingFileHandler(target, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    _configured = target
    return target
