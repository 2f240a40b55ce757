"""What the roster services hand to the window, the CLI and the prints (plain, frozen data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from govdesk.roster.calendar import WEEKDAY_NAMES

STATUS_NONE = "未生成"


@dataclass(frozen=True)
class CadreRef:
    id: int
    name: str
    post: str
    phone: str


@dataclass(frozen=True)
class MeetingInfo:
    weekday: int  # 0 = Monday
    time: str
    title: str
    place: str

    def text(self) -> str:
        where = f"（{self.place}）" if self.place else ""
        return f"每周{WEEKDAY_NAMES[self.weekday]} {self.time} {self.title}{where}"

    def falls_on(self, day: date) -> bool:
        """The weekly meeting is held on this day (its weekday)."""
        return day.weekday() == self.weekday


@dataclass(frozen=True)
class RosterDay:
    day: date
    kind: str
    holiday_name: str
    adjusted: bool
    cadre: CadreRef | None
    fixed: bool = False
    swap_note: str = ""  # "原 张三，3月2日换班" when changed after sign-off
    meeting: str = ""  # "8:00 两委例会" on meeting days

    @property
    def cadre_name(self) -> str:
        return self.cadre.name if self.cadre else ""


@dataclass(frozen=True)
class SwapRecord:
    id: int
    day_a: date
    cadre_a: str
    day_b: date
    cadre_b: str
    requested_by: str
    reason: str
    recorded_at: datetime | None

    def text(self) -> str:
        return (
            f"{self.day_a.month}月{self.day_a.day}日 {self.cadre_a} 与 {self.day_b.month}月{self.day_b.day}日 "
            f"{self.cadre_b} 换班（{self.requested_by}：{self.reason}）"
        )


@dataclass(frozen=True)
class TallyRow:
    """One cadre's counts per kind: before this month, in it, after — the explanation panel."""

    cadre: CadreRef
    before: dict[str, int]
    period: dict[str, int]
    after: dict[str, int]


@dataclass(frozen=True)
class RosterView:
    year: int
    month: int
    status: str
    signed_by: str
    signed_on: date | None
    days: list[RosterDay]
    tallies: list[TallyRow]
    notes: list[str]
    swaps: list[SwapRecord]
    warning: str | None
    meeting: MeetingInfo
    village_name: str = ""
    village_phone: str = ""
    cadres: list[CadreRef] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def exists(self) -> bool:
        return self.status != STATUS_NONE

    def day(self, d: date) -> RosterDay | None:
        for rd in self.days:
            if rd.day == d:
                return rd
        return None


@dataclass(frozen=True)
class LogRow:
    id: int
    day: date
    duty_cadre: str
    visitor: str
    matter: str
    handling: str
    passed_to: str
    owner_id: int | None
    owner: str
    due_on: date | None
    closed_on: date | None
    closing_note: str
    carried: bool = False  # an open item from an earlier day

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def overdue(self, today: date) -> bool:
        return self.closed_on is None and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class DutyLogView:
    day: date
    on_duty: CadreRef | None
    entries: list[LogRow]  # recorded that day
    carried: list[LogRow]  # still open from earlier days: the person on duty sees them first
