"""govdesk — the desk program of a village Party-and-people service center.

This package is the domain: models, services, validation, import/export and the CLI.
It never imports Qt or ``ui`` (a test enforces that), so every rule can be used and
tested without a screen.

The version is written once, in pyproject.toml. A checkout (and the frozen bundle, which
carries pyproject.toml beside the package — see build.spec) reads it from that file; an
installed wheel asks importlib.metadata. Start-up stays cheap: the file is scanned line by
line for the two keys of its ``[project]`` table (tomllib would cost ~4 ms of regex
compiling), and importlib.metadata is imported only where there is no pyproject.toml.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_NAME = "govdesk"


def _project_table(pyproject_text: str) -> dict[str, str]:
    """The plain ``key = "string"`` entries of the ``[project]`` table of a pyproject.toml."""
    entries: dict[str, str] = {}
    in_project = False
    for raw in pyproject_text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_project = line == "[project]"
        elif in_project and "=" in line:
            key, _, value = line.partition("=")
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                entries[key.strip()] = value[1:-1]
    return entries


def _read_version() -> str:
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        text = ""
    project = _project_table(text)
    if project.get("name") == PROJECT_NAME and project.get("version"):
        return project["version"]
    from importlib import metadata

    try:
        return metadata.version(PROJECT_NAME)
    except metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = _read_version()
