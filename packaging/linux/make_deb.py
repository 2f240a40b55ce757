"""Build govdesk_<version>_<arch>.deb from the PyInstaller bundle with dpkg-deb.

Layout of the package: the bundle under /opt/govdesk, ``govdesk`` (the window) and ``govdesk-cli``
(the console) on the PATH as relative /usr/bin links — relative so that the package unpacked into a
scratch root (``dpkg -x``, the smoke test) runs its own program, not one installed on the machine —
the .desktop entry and the icon. The clerk's data stays in platformdirs' folders under the home
directory, which no package removal touches.

Usage: ``python packaging/linux/make_deb.py BUNDLE_DIR OUT_DIR`` (tests/package/build.py calls ``build_deb``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = "govdesk"
INSTALL_DIR = Path("opt") / PACKAGE
EXECUTABLES = ("govdesk", "govdesk-cli")
ICON_SIZE = 256  # resources/icons/govdesk.png is 256×256

# Libraries the bundle expects from the system (PyInstaller leaves out libc, OpenGL and the X/xcb
# libraries; Qt 6's xcb platform plugin needs xcb-cursor and xkbcommon-x11).
DEPENDS = (
    "libc6, libgl1, libegl1, libfontconfig1, libfreetype6, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, "
    "libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, "
    "libxcb-xinerama0, libxcb-xkb1, libx11-xcb1, libdbus-1-3"
)


def project_version() -> str:
    """The version written in pyproject.toml, read the way the program reads it."""
    sys.path.insert(0, str(ROOT))
    try:
        from govdesk import __version__
    finally:
        sys.path.remove(str(ROOT))
    return __version__


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()


def control_text(version: str, arch: str, installed_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {DEPENDS}\n"
        "Maintainer: govdesk <govdesk@localhost>\n"
        "Description: village Party-and-people service center desk register\n"
        " 村党群服务中心桌面台账：党员、农户、值班、五议两公开。\n"
        " The window (govdesk) and the batch commands (govdesk-cli: import, export,\n"
        " print, backup, check) of one program; data stays in the user's folders.\n"
    )


def tree_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) // 1024 + 1


def stage(bundle: Path, root: Path) -> None:
    """Lay the package's files out under ``root`` as they will be installed."""
    missing = [name for name in EXECUTABLES if not (bundle / name).is_file()]
    if missing or not (bundle / "_internal").is_dir():
        raise SystemExit(f"{bundle} is not a govdesk bundle (missing {missing or ['_internal']}): run pyinstaller")
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in EXECUTABLES:
        target = Path(os.path.relpath(root / INSTALL_DIR / name, bin_dir))
        (bin_dir / name).symlink_to(target)
    applications = root / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(HERE / "govdesk.desktop", applications / "govdesk.desktop")
    icons = root / "usr" / "share" / "icons" / "hicolor" / f"{ICON_SIZE}x{ICON_SIZE}" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / "govdesk.png", icons / "govdesk.png")
    pixmaps = root / "usr" / "share" / "pixmaps"
    pixmaps.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / "govdesk.png", pixmaps / "govdesk.png")
    for path in root.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)


def build_deb(bundle: Path, out_dir: Path, version: str | None = None) -> Path:
    """Stage the bundle and pack it; returns the .deb's path."""
    version = version or project_version()
    arch = architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir / "deb-root"
    if root.exists():
        shutil.rmtree(root)
    stage(bundle, root)
    debian = root / "DEBIAN"
    debian.mkdir(mode=0o755)
    (debian / "control").write_text(control_text(version, arch, tree_kib(root)), encoding="utf-8")
    deb = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z3", "--build", str(root), str(deb)],
        check=True,
        capture_output=True,
    )
    shutil.rmtree(root)
    return deb


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(build_deb(Path(sys.argv[1]), Path(sys.argv[2])))
