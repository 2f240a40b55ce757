"""Is the database on a network share or a removable drive? SQLite's own advice is not to keep a
database there: network file systems get locking wrong (two PCs writing corrupt the file) and a
USB stick pulled out mid-write loses the last changes. govdesk still opens such a file — the clerk
may have no other disk — but says so once.

Detection is conservative: a warning only when the path itself says so (a UNC path), the drive
type does (Windows: DRIVE_REMOTE, DRIVE_REMOVABLE), or the mount table does (Linux: an nfs, cifs,
sshfs… mount, or a mount under /media or /run/media, where desktops put USB sticks; macOS:
/Volumes). Unknown means no warning. The pure ``classify`` takes the facts as arguments, so it is
tested table-driven; ``storage_warning`` gathers them for the running system.
"""

from __future__ import annotations

import os
import sys
from pathlib import PurePath, PurePosixPath, PureWindowsPath

NETWORK = "network"
REMOVABLE = "removable"

NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smbfs",
        "smb3",
        "sshfs",
        "fuse.sshfs",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "davfs",
        "fuse.davfs2",
        "fuse.rclone",
        "9p",
        "ncpfs",
        "lustre",
    }
)
REMOVABLE_MOUNT_ROOTS = ("/media/", "/run/media/", "/Volumes/")
# Windows GetDriveTypeW results.
DRIVE_REMOVABLE, DRIVE_REMOTE = 2, 4

Mount = tuple[str, str]  # (mount point, file-system type)


def classify(
    path: str,
    *,
    windows: bool,
    mounts: list[Mount] | None = None,
    drive_type: int | None = None,
) -> str | None:
    """``NETWORK``, ``REMOVABLE`` or ``None`` for ``path`` (absolute), from the facts given:
    Windows — the path and its drive's type; elsewhere — the mount table."""
    if windows:
        p = PureWindowsPath(path)
        if p.drive.startswith(("\\\\", "//")):  # \\server\share\… (UNC)
            return NETWORK
        if drive_type == DRIVE_REMOTE:
            return NETWORK
        if drive_type == DRIVE_REMOVABLE:
            return REMOVABLE
        return None
    mount = _mount_of(PurePosixPath(path), mounts or [])
    if mount is None:
        return None
    point, fstype = mount
    if fstype.lower() in NETWORK_FILESYSTEMS:
        return NETWORK
    if any((point + "/").startswith(root) and point + "/" != root for root in REMOVABLE_MOUNT_ROOTS):
        return REMOVABLE
    return None


def _mount_of(path: PurePath, mounts: list[Mount]) -> Mount | None:
    """The mount holding ``path``: the longest mount point that is ``path`` or one of its parents."""
    best: Mount | None = None
    for point, fstype in mounts:
        mp = PurePosixPath(point)
        if (mp == path or mp in path.parents) and (best is None or len(point) > len(best[0])):
            best = (point, fstype)
    return best


def _linux_mounts() -> list[Mount]:
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3:
            mounts.append((parts[1].replace("\\040", " "), parts[2]))
    return mounts


def _windows_drive_type(path: str) -> int | None:
    """The drive type Windows reports for the path's drive (a documented API call, read-only)."""
    import ctypes

    drive = PureWindowsPath(path).drive
    if not drive:
        return None
    try:
        return int(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\"))  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None


def storage_kind(path: str | os.PathLike[str]) -> str | None:
    """``classify`` for the running system."""
    full = os.path.abspath(path)
    if sys.platform == "win32":
        return classify(full, windows=True, drive_type=_windows_drive_type(full))
    mounts = _linux_mounts()
    if sys.platform == "darwin" and full.startswith("/Volumes/"):
        mounts.append(("/Volumes/" + full.split("/")[2], "unknown"))
    return classify(full, windows=False, mounts=mounts)


MESSAGES = {
    NETWORK: "数据库位于网络共享文件夹上（{path}）：SQLite 在网络驱动器上可能因多台电脑同时写入而损坏数据。"
    "请把数据库放在本机硬盘上，网络文件夹只用来存放备份",
    REMOVABLE: "数据库位于 U 盘或移动硬盘上（{path}）：写入时拔出可能丢失或损坏数据。"
    "请把数据库放在本机硬盘上，U 盘只用来存放备份",
}


def storage_warning(path: str | os.PathLike[str]) -> str | None:
    """The clerk's warning for a database on a network share or removable drive, or ``None``."""
    kind = storage_kind(path)
    return MESSAGES[kind].format(path=os.fspath(path)) if kind else None
