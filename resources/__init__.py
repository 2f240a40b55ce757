"""Bundled data files (fonts with their licences, icons, templates).

Found through importlib.resources so the same code works from a checkout, an installed
wheel and the PyInstaller bundle (build.spec lists every file here).
"""

from __future__ import annotations

from importlib import resources as _res
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Absolute path of a bundled file, e.g. ``resource_path("fonts", "x.ttf")``."""
    ref = _res.files(__name__).joinpath(*parts)
    return Path(str(ref))
