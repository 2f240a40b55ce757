"""What kind of records a write changed, reported one way (after Anki's OpChanges).

A service method that writes declares, where it is defined, which kinds of record it changes::

    @writes(Changes.HOUSEHOLDS | Changes.RESIDENTS)
    def create(self, data: HouseholdInput) -> int: ...

It keeps returning what it returns; when it succeeds (its transaction committed) the kinds are
published to the listeners of the service's database. The window listens once and broadcasts
them on one signal, and each area refreshes what it shows when the change concerns it. A write
that fails publishes nothing: the transaction rolled back and nothing changed.

Writes nested inside another declared write (a service calling another) are published once, by
the outermost call, as the union of the kinds. Listeners run in the thread that wrote (a job's
worker thread for long writes): a listener that touches widgets must hand over to its own thread.
"""

from __future__ import annotations

import enum
import functools
import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any, ParamSpec, Protocol, TypeVar

from govdesk.actor import check_write

log = logging.getLogger("govdesk.changes")

P = ParamSpec("P")
R = TypeVar("R")


class Changes(enum.Flag):
    """Kinds of records; a write's changes are a combination (``Changes.HOUSEHOLDS | Changes.RESIDENTS``)."""

    NONE = 0
    MEMBERS = enum.auto()  # 党员 and their links, plaques
    HOUSEHOLDS = enum.auto()  # 农户, categories, stars, 中心户 relays
    RESIDENTS = enum.auto()  # 居民 in the households
    ORGANISATION = enum.auto()  # branches, party groups, villager groups, grids, cadres
    VILLAGE = enum.auto()  # the village's own name and details
    ROSTER = enum.auto()  # duty rosters, holidays, leave, the weekly meeting
    DUTY_LOG = enum.auto()  # 值班日志 entries
    DECISIONS = enum.auto()  # 五议两公开 matters and their bodies' seats
    PRINTS = enum.auto()  # the print archive (打印存档)
    VOICES = enum.auto()  # 民情台账 items and their categories
    POSTS = enum.auto()  # 设岗定责 posts, members' posts and status history
    POINTS = enum.auto()  # 积分 rules, entries, year-end assessments
    MEETINGS = enum.auto()  # 三会一课 / 主题党日 meetings and their attendance
    DUES = enum.auto()  # 党费 rates and payments
    USERS = enum.auto()  # users, roles, settings (and the audit trail they write)
    VILLAGE_LIFE = enum.auto()  # 村务: volunteer teams, honours, 五星支部 scores, councils, 村规民约

    @classmethod
    def everything(cls) -> Changes:
        result = cls.NONE
        for kind in cls:
            result |= kind
        return result


Listener = Callable[[Changes], None]


class ChangeFeed:
    """The listeners of one database and the writes in progress (per thread, for nesting)."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._local = threading.local()

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Adds a listener; returns the function that removes it again."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def publish(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def run(self, changes: Changes, call: Callable[[], R]) -> R:
        """Run one declared write; publish its kinds (with those of nested writes) when it succeeds."""
        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            self._local.pending = Changes.NONE
        self._local.depth = depth + 1
        try:
            result = call()
            self._local.pending |= changes
        finally:
            self._local.depth = depth
        if depth == 0 and self._local.pending:
            pending, self._local.pending = self._local.pending, Changes.NONE
            self.publish(pending)
        return result


_feeds: weakref.WeakKeyDictionary[object, ChangeFeed] = weakref.WeakKeyDictionary()
_feeds_lock = threading.Lock()


def feed_of(db: object) -> ChangeFeed:
    """The feed of a database: whoever holds the Database can listen to what is written through it."""
    with _feeds_lock:
        feed = _feeds.get(db)
        if feed is None:
            feed = _feeds[db] = ChangeFeed()
        return feed


class _HasDatabase(Protocol):
    db: Any


def writes(
    changes: Changes, *, admin: bool = False, anyone: bool = False
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare the kinds of records a service method writes (the service has ``self.db``).

    It is also the one place a role is checked (``govdesk.actor.check_write``): a 查看 user is
    refused every declared write, and writes of users and settings (``Changes.USERS``) or marked
    ``admin=True`` (restore, unmasked prints) need a 管理员 — refused before anything is written.
    ``anyone=True``: no role check (logging in, changing one's own password: the password is the check)."""
    admin_only = admin or bool(changes & Changes.USERS)

    def decorate(method: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(method)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            service: _HasDatabase = args[0]  # type: ignore[assignment]
            actor = getattr(service.db, "actor", None)
            if actor is not None and not anyone:
                check_write(actor, admin=admin_only)
            return feed_of(service.db).run(changes, lambda: method(*args, **kwargs))

        wrapper.writes = changes  # type: ignore[attr-defined]  # readable by tests and tools
        wrapper.admin_only = admin_only  # type: ignore[attr-defined]
        return wrapper

    return decorate
