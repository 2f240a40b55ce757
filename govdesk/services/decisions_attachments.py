"""Scans attached to a meeting entry (签到表, 会议记录): copied into the data folder under their
SHA-256, so the log entry can name the exact file it was recorded with and the same scan
attached twice is stored once."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from govdesk import paths
from govdesk.decisions.inputs import ATTACHMENT_KINDS
from govdesk.errors import FieldError, ValidationError
from govdesk.labels import label

# (kind, original file name, path relative to the attachments folder, sha256, size in bytes)
StoredAttachment = tuple[str, str, str, str, int]


def store_attachments(files: list[tuple[str, str]]) -> list[StoredAttachment]:
    """Copy scans into the data folder under their SHA-256 (the same scan twice is stored once)."""
    out: list[StoredAttachment] = []
    for kind, path_text in files:
        src = Path(path_text)
        if kind not in ATTACHMENT_KINDS:
            raise ValidationError(
                [FieldError("attachment", label("attachment"), "类别应为：" + "、".join(ATTACHMENT_KINDS))]
            )
        if not src.is_file():
            raise ValidationError([FieldError("attachment", label("attachment"), f"找不到文件 {src}")])
        digest = hashlib.sha256(src.read_bytes()).hexdigest()
        rel = f"decisions/{digest[:2]}/{digest}{src.suffix.lower()}"
        dest = paths.attachments_dir() / rel
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
        out.append((kind, src.name, rel, digest, src.stat().st_size))
    return out
