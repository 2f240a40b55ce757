"""Files the desk hands out (PDFs, Excel registers) appear whole or not at all."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def file_target(target: Path) -> Path:
    """The file a save goes to, its folder made: a name that is a folder is refused before any work."""
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def write_file_whole(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that it is either complete or not there: a temporary file
    in the same folder, renamed over ``target`` at the end (removed if anything fails)."""
    tmp = file_target(target).with_name(f"{target.name}.part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
