"""The window's areas (党员, 农户, 值班, 五议两公开, …): each one registers itself here.

An area is one module in this package that calls ``register_area`` with an ``AreaSpec``: its
stable key (for the remembered state), its name and icon in the navigation list, its place in
the list, and the factory that builds its widget from the services bundle and the job runner.
The factory imports the area's widget module itself, so nothing of an area is imported before
the area is first shown. Adding an area (issues G, I, J) is adding a module and its name to
``AREA_MODULES``.

An area's widget has ``on_changes(changes)``: the window calls it with the kinds of records
written anywhere (govdesk.changes), when the area is visible or else when it is next shown, and
the area refreshes what it shows if the change concerns it.

Opening one area from another (首页: click 低保户 → 农户 filtered to 低保户) goes through the
window, so no area knows another's widget:

- every factory gets ``navigate(key, filters)`` (the window's ``MainWindow.show_area``); an area
  that links elsewhere calls it with an area key and a filter dict (``{"category": "低保户"}``),
  the others simply ignore it;
- ``show_area`` selects the area and, when ``filters`` is not empty and the area is a
  ``FilterableArea``, calls its ``apply_filters(filters)``. A filterable area: a list sets
  exactly these filters (the others back to 全部; ``text`` is its search box, ``id`` selects
  a record), the decision log takes ``state`` or ``matter_id``, the roster ``day``. Unknown
  keys are ignored.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from govdesk.changes import Changes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner

# Listed by name so the window imports only these small modules at start-up; PyInstaller
# collects them with the rest of ``ui``. Order in the list does not matter: ``AreaSpec.order`` does.
AREA_MODULES: tuple[str, ...] = (
    "ui.areas.home",
    "ui.areas.members",
    "ui.areas.households",
    "ui.areas.roster",
    "ui.areas.decisions",
    "ui.areas.voices",
    "ui.areas.village_affairs",
)


class AreaWidget(Protocol):
    """What the window needs of an area's widget besides being a QWidget."""

    def on_changes(self, changes: Changes) -> None: ...


@runtime_checkable
class FilterableArea(Protocol):
    """An area that can be opened with its list filtered (see the module docstring)."""

    def apply_filters(self, filters: dict[str, Any]) -> None: ...


Navigate = Callable[[str, dict[str, Any]], object]  # show that area, its list filtered (MainWindow.show_area)
AreaFactory = Callable[["Services", "JobRunner", Navigate], "QWidget"]


@dataclass(frozen=True)
class AreaSpec:
    key: str  # stable, for the remembered state: "households"
    name: str  # what the navigation list shows: 农户
    icon: str  # a qtawesome icon name
    order: int  # place in the list: 首页 10, 党员 20, 组织生活 30, 农户 40, 值班 50, 五议两公开 60, 民情 70, 村务 80
    factory: AreaFactory  # picks what it needs from the services bundle (and navigate, if it links)


_registry: dict[str, AreaSpec] = {}


def register_area(spec: AreaSpec) -> AreaSpec:
    """Called once by each area module when it is imported."""
    if spec.key in _registry:
        raise ValueError(f"area {spec.key!r} registered twice")
    _registry[spec.key] = spec
    return spec


def registered_areas() -> list[AreaSpec]:
    """Every area in navigation order (imports the area modules on first use)."""
    for name in AREA_MODULES:
        importlib.import_module(name)
    return sorted(_registry.values(), key=lambda spec: (spec.order, spec.key))
