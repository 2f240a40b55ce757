"""Where govdesk keeps its files.

Everything comes from platformdirs so the clerk's Windows PC gets the usual
``%LOCALAPPDATA%\\govdesk`` folders; ``GOVDESK_HOME`` overrides all of them (tests, portable
installs on a USB stick).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "govdesk"
HOME_ENV = "GOVDESK_HOME"


def _override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    """Folder for the database, backups and attachments (created on demand)."""
    base = _override()
    path = base / "data" if base else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """Folder for the log file (rolled over at start-up, govdesk.logs)."""
    base = _override()
    path = base / "logs" if base else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Folder for the window's remembered state (selected area, column widths, 字号)."""
    base = _override()
    path = base / "config" if base else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The real register: the clerk's own database."""
    return data_dir() / "govdesk.sqlite3"


def demo_db_path() -> Path:
    """The demo village lives beside the real file so fake people never mix with real ones."""
    return data_dir() / "govdesk-demo.sqlite3"


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def attachments_dir() -> Path:
    path = data_dir() / "attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def archive_dir() -> Path:
    """Printed public notices are archived here (打印存档)."""
    path = data_dir() / "print-archive"
    path.mkdir(parents=True, exist_ok=True)
    return path
