"""The packaging pieces that can be checked in seconds: the version's one home, the Linux desktop
entry, the .deb's layout and the Windows installer script compiled against a bundle-shaped folder.

The full build (bundle, .deb, installer, smoke test of the installed program) is
``python tests/package/build.py``, outside the quick run.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

import govdesk
from govdesk.cli import main

ROOT = Path(__file__).resolve().parents[1]
NSIS_SCRIPT = ROOT / "packaging" / "windows" / "govdesk.nsi"
DESKTOP_ENTRY = ROOT / "packaging" / "linux" / "govdesk.desktop"


def load_make_deb():
    spec = importlib.util.spec_from_file_location("make_deb", ROOT / "packaging" / "linux" / "make_deb.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_version_comes_from_pyproject(capsys):
    assert govdesk.__version__ == pyproject_version()
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"govdesk {pyproject_version()}"


def test_version_reader_takes_only_the_project_table():
    text = (
        '[tool.other]\nversion = "9.9.9"\n'
        '[project]\nname = "govdesk"\nversion = "1.2.3"\ndependencies = [\n  "a>=1",\n]\n'
        '[tool.setuptools]\nversion = "0.0.1"\n'
    )
    assert govdesk._project_table(text) == {"name": "govdesk", "version": "1.2.3"}


def test_no_other_file_writes_the_version():
    written = re.compile(r"""^\s*(__version__|VERSION|version)\s*=\s*["']\d+\.\d+""", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("govdesk", "ui", "resources", "packaging")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".nsi", ".desktop"} and written.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-validate not installed")
def test_desktop_entry_validates():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_desktop_entry_starts_the_window_from_the_path():
    entry = dict(line.split("=", 1) for line in DESKTOP_ENTRY.read_text(encoding="utf-8").splitlines() if "=" in line)
    assert entry["Exec"] == "govdesk"
    assert entry["Icon"] == "govdesk"


def fake_bundle(folder: Path, *, suffix: str) -> Path:
    """A folder shaped like build.spec's output (the installer script checks the shape, not the bytes)."""
    (folder / "_internal" / "PySide6").mkdir(parents=True)
    (folder / "_internal" / "PySide6" / "QtCore.pyd").write_bytes(b"x")
    (folder / "_internal" / "资源.txt").write_text("中文文件名", encoding="utf-8")
    for name in ("govdesk", "govdesk-cli"):
        (folder / f"{name}{suffix}").write_bytes(b"MZ")
        (folder / f"{name}{suffix}").chmod(0o755)
    return folder


def test_deb_layout_puts_the_program_under_opt_with_relative_links(tmp_path):
    make_deb = load_make_deb()
    bundle = fake_bundle(tmp_path / "bundle", suffix="")
    root = tmp_path / "root"
    make_deb.stage(bundle, root)
    for name in ("govdesk", "govdesk-cli"):
        link = root / "usr" / "bin" / name
        assert link.is_symlink() and not Path(link.readlink()).is_absolute()
        assert link.resolve() == (root / "opt" / "govdesk" / name).resolve()
    assert (root / "opt" / "govdesk" / "_internal" / "资源.txt").is_file()
    assert (root / "usr" / "share" / "applications" / "govdesk.desktop").is_file()
    assert (root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "govdesk.png").is_file()


def compile_installer(bundle: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            "makensis",
            "-V2",
            f"-DVERSION={pyproject_version()}",
            f"-DBUNDLE_DIR={bundle}",
            f"-DOUT_FILE={out}",
            "-DCOMPRESSOR=zlib",
            str(NSIS_SCRIPT),
        ],
        capture_output=True,
        text=True,
    )


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) not installed")
def test_installer_script_compiles_against_a_bundle_folder(tmp_path):
    setup = tmp_path / "setup.exe"
    done = compile_installer(fake_bundle(tmp_path / "bundle", suffix=".exe"), setup)
    assert done.returncode == 0, done.stdout + done.stderr
    assert setup.read_bytes()[:2] == b"MZ"


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) not installed")
def test_installer_script_refuses_a_bundle_without_the_console_program(tmp_path):
    bundle = fake_bundle(tmp_path / "bundle", suffix=".exe")
    (bundle / "govdesk-cli.exe").unlink()
    done = compile_installer(bundle, tmp_path / "setup.exe")
    assert done.returncode != 0
    assert "govdesk-cli.exe" in done.stdout + done.stderr
    assert not (tmp_path / "setup.exe").exists()


def test_uninstaller_never_removes_the_data_folder():
    """The uninstaller deletes named program files only; nothing recursive outside $INSTDIR\\_internal."""
    script = NSIS_SCRIPT.read_text(encoding="utf-8")
    recursive = re.findall(r"RMDir\s+/r\s+(\S+)", script)
    assert recursive == ['"$INSTDIR\\_internal"']
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in script
