"""Printing: the registers (花名册) as PDFs, and the print archive (打印存档).

Register rows are streamed with column selects in print order — a township roster has 5,000+
members and 200,000 residents, far too many ORM objects to load for a printout. The household
register reads the one resident register query (``govdesk.resident_register``) the Excel export
reads too.

Every *public* print that leaves the desk is archived: time, operator, what was printed, the
file's SHA-256 and a copy of the PDF under ``paths.archive_dir()``. ``reprint`` hands the copy
back only if its hash still matches. Other capabilities (duty roster, decision notices, points
wall) render with ``govdesk.printing`` and then call ``printed(info, kind)``.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select

from govdesk import audit, paths
from govdesk.actor import check_write
from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import GovdeskError, NotFoundError, RefusedError
from govdesk.files import file_target, write_file_whole
from govdesk.labels import label
from govdesk.models import Grid, Household, Member, PrintArchive, Resident, Village, VillagerGroup
from govdesk.resident_register import resident_register
from govdesk.services.listing import ColumnSpec, ListQuery, Row
from govdesk.services.people_common import BRANCH, PARTY_GROUP, member_org_select

if TYPE_CHECKING:  # the PDF engine (reportlab) is loaded when something prints, not with the window
    from govdesk.printing.register_layouts import RegisterSpec
    from govdesk.printing.table_document import Progress
    from govdesk.printing.templates import BuildInfo

# What the archive list shows for the kinds this module prints; other capabilities add theirs.
KIND_LABELS: dict[str, str] = {
    "register.households": "农户花名册",
    "register.members": "党员花名册",
}


def register_print_kind(kind: str, label_text: str) -> None:
    """Other capabilities name their prints for the archive list, e.g. ("roster.month", "值班表")."""
    KIND_LABELS[kind] = label_text


ARCHIVE_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("printed_at", label("printed_at"), sortable=False),
    ColumnSpec("printed_by", label("printed_by"), sortable=False),
    ColumnSpec("print_kind", label("print_kind"), sortable=False),
    ColumnSpec("print_title", label("print_title"), sortable=False),
    ColumnSpec("page_count", label("page_count"), sortable=False),
    ColumnSpec("sha256", label("sha256"), sortable=False),
)


def current_operator() -> str:
    """The login name of whoever sits at the PC (the desk PC often has one shared account)."""
    try:
        return getpass.getuser() or "未知用户"
    except (OSError, KeyError, ImportError):
        return "未知用户"


@dataclass(frozen=True)
class PrintedDocument:
    """A rendered print: the PDF plus what the archive needs to know about it."""

    kind: str
    title: str
    pdf: bytes
    pages: int
    internal: bool
    rows: int = 0


@dataclass(frozen=True)
class ArchiveEntry:
    id: int
    printed_at: datetime
    printed_by: str
    kind: str
    title: str
    sha256: str
    path: Path
    page_count: int


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class PrintService:
    """Registers as PDFs and the print archive. Also a ``Listing`` over the archive for the window."""

    columns = ARCHIVE_COLUMNS

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- register rows ----------------------------------------------------------------
    @staticmethod
    def _register_select(kind: str) -> Select[Any]:
        from govdesk.printing.register_layouts import HOUSEHOLDS, MEMBERS, REGISTERS

        if kind == HOUSEHOLDS:
            return resident_register(
                Household.number,
                Resident.name,
                Resident.relation,
                Resident.sex,
                Resident.birth_date,
                Resident.id_number,
                Resident.ethnicity,
                VillagerGroup.name,
                Grid.name,
                Resident.phone,
            )
        if kind == MEMBERS:
            return (
                member_org_select(
                    Member.name,
                    Member.sex,
                    Member.birth_date,
                    Member.id_number,
                    Member.status,
                    BRANCH.name,
                    PARTY_GROUP.name,
                    Member.joined_on,
                    Member.full_on,
                    Member.phone,
                    Member.post,
                )
                .where(Member.ended_on.is_(None))
                .order_by(
                    BRANCH.sort_order, BRANCH.id, PARTY_GROUP.sort_order, PARTY_GROUP.id, Member.joined_on, Member.id
                )
            )
        raise GovdeskError(f"没有这种花名册：{kind}（可选：{'、'.join(REGISTERS)}）")

    def register_rows(self, kind: str) -> Iterator[tuple[Any, ...]]:
        """The rows of a register in print order, streamed (column order = the register's columns)."""
        stmt = self._register_select(kind).execution_options(yield_per=1000)
        with self.db.session() as s:
            for row in s.execute(stmt):
                yield tuple(row)

    def register_count(self, kind: str) -> int:
        sub = self._register_select(kind).order_by(None).subquery()
        with self.db.session() as s:
            return int(s.scalar(select(func.count()).select_from(sub)) or 0)

    def village_name(self) -> str:
        with self.db.session() as s:
            name = s.scalar(select(Village.name).order_by(Village.id).limit(1))
        return name or ""

    def render_register(
        self,
        kind: str,
        *,
        full: bool = False,
        today: date | None = None,
        progress: Progress | None = None,
    ) -> PrintedDocument:
        """The household register or member roster as a PDF; public (masked) unless ``full``."""
        if full:  # ID numbers and phones in the clear: for administrators only (refused before any work)
            check_write(self.db.actor, admin=True, what="打印不隐去身份证号和电话的内部版")
        from govdesk.printing.masking import policy_for
        from govdesk.printing.register_layouts import REGISTERS
        from govdesk.printing.table_document import TableDocument
        from govdesk.printing.templates import chinese_date

        spec: RegisterSpec | None = REGISTERS.get(kind)
        if spec is None:
            raise GovdeskError(f"没有这种花名册：{kind}（可选：{'、'.join(REGISTERS)}）")
        title = f"{self.village_name()}{spec.title_suffix}"
        day = today or date.today()
        doc = TableDocument(
            title,
            spec.columns,
            self.register_rows(kind),
            policy=policy_for(full, sensitive=spec.sensitive),
            subtitle=f"截至{chinese_date(day)}",
            group_by=spec.group_by,
        )
        info = doc.build(progress)
        return PrintedDocument(spec.archive_kind, title, info.pdf, info.pages, info.internal, doc.row_count)

    def save_register(
        self,
        kind: str,
        out: str | Path,
        *,
        full: bool = False,
        today: date | None = None,
        progress: Progress | None = None,
    ) -> PrintedDocument:
        """Render a register into the PDF file ``out`` (see ``render_register``).

        The file appears only complete: it is written beside ``out`` under a temporary name and
        renamed at the end, so a cancelled or failed print leaves no half-written PDF behind
        (and an older file of that name untouched).
        """
        doc = self.render_register(kind, full=full, today=today, progress=progress)
        write_file_whole(Path(out), doc.pdf)
        return doc

    # --- archive ----------------------------------------------------------------------
    @writes(Changes.PRINTS)
    def archive(
        self,
        pdf: bytes,
        *,
        kind: str,
        title: str,
        pages: int = 0,
        user: str | None = None,
        when: datetime | None = None,
    ) -> ArchiveEntry:
        """Keep a copy of a printed PDF with its hash; returns the archive entry."""
        when = (when or datetime.now()).replace(microsecond=0)
        digest = sha256_of(pdf)
        folder = paths.archive_dir() / f"{when:%Y}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{when:%Y%m%d-%H%M%S}-{digest[:12]}.pdf"
        copied = not target.exists()  # the same PDF archived twice in one second shares one copy
        write_file_whole(target, pdf)
        relative = target.relative_to(paths.archive_dir()).as_posix()
        operator = (user or "").strip() or self.db.actor.name
        try:
            return self._add_entry(when, operator, kind, title, digest, relative, pages, len(pdf))
        except BaseException:
            if copied:  # no archive copy without its row
                target.unlink(missing_ok=True)
            raise

    def _add_entry(
        self, when: datetime, operator: str, kind: str, title: str, digest: str, relative: str, pages: int, size: int
    ) -> ArchiveEntry:
        with self.db.transaction() as s:
            entry = PrintArchive(
                printed_at=when,
                printed_by=operator[:100],
                kind=kind[:60],
                title=title[:300],
                sha256=digest,
                file_name=relative,
                page_count=pages,
                size_bytes=size,
            )
            s.add(entry)
            s.flush()
            return self._entry(entry)

    @writes(Changes.NONE)
    def record_internal_print(self, title: str) -> None:
        """An internal copy is not archived; the audit names who printed it (an unmasked register is
        for administrators only, refused before it is rendered: ``render_register``)."""
        with self.db.transaction() as s:
            said = f"打印内部版《{title}》（不隐去身份证号和电话，不存档）"
            audit.record(s, self.db.actor, audit.PRINTED, "print_internal", summary=said)

    def printed(
        self, doc: PrintedDocument | BuildInfo, kind: str | None = None, user: str | None = None
    ) -> ArchiveEntry | None:
        """Call after a print left the desk: public prints are archived, internal copies are not."""
        if doc.internal:  # not archived, but who printed the unmasked copy is in the audit
            self.record_internal_print(doc.title)
            return None
        doc_kind = kind or getattr(doc, "kind", None)
        if not doc_kind:
            raise GovdeskError("存档需要说明打印的类别")
        return self.archive(doc.pdf, kind=doc_kind, title=doc.title, pages=doc.pages, user=user)

    def publish(
        self, doc: PrintedDocument | BuildInfo, out: str | Path, kind: str | None = None, user: str | None = None
    ) -> ArchiveEntry | None:
        """Save a print to ``out`` with its archive row as one unit: the PDF gets its name only after
        the row committed, so no public PDF leaves the desk unknown to the archive (a locked database
        leaves no file). Internal copies are just written whole. Returns the archive entry, if any."""
        target = file_target(Path(out))
        pending = target.with_name(f"{target.name}.part")
        try:
            pending.write_bytes(doc.pdf)
            entry = self.printed(doc, kind, user)
            os.replace(pending, target)
        finally:
            pending.unlink(missing_ok=True)
        return entry

    @staticmethod
    def _entry(a: PrintArchive) -> ArchiveEntry:
        return ArchiveEntry(
            a.id, a.printed_at, a.printed_by, a.kind, a.title, a.sha256, paths.archive_dir() / a.file_name, a.page_count
        )

    def get_archived(self, archive_id: int) -> ArchiveEntry:
        with self.db.session() as s:
            a = s.get(PrintArchive, archive_id)
            if a is None:
                raise NotFoundError(f"找不到编号为 {archive_id} 的打印存档")
            return self._entry(a)

    def reprint(self, archive_id: int) -> bytes:
        """The archived PDF, byte for byte — refused if the file is missing or its hash changed."""
        entry = self.get_archived(archive_id)
        if not entry.path.exists():
            raise NotFoundError(f"存档文件不见了：{entry.path}（“{entry.title}”），无法重新打印")
        data = entry.path.read_bytes()
        if sha256_of(data) != entry.sha256:
            raise RefusedError(
                f"存档文件“{entry.title}”已被改动或损坏（SHA-256 校验值不符），不能作为原件重新打印：{entry.path}"
            )
        return data

    def verify(self, archive_id: int) -> bool:
        try:
            self.reprint(archive_id)
        except GovdeskError:
            return False
        return True

    # --- archive listing (Listing protocol) -------------------------------------------
    def count(self, query: ListQuery | None = None) -> int:
        with self.db.session() as s:
            stmt = select(func.count(PrintArchive.id))
            text = (query.text if query else "").strip()
            if text:
                stmt = stmt.where(PrintArchive.title.contains(text))
            return int(s.scalar(stmt) or 0)

    def page(self, query: ListQuery | None, offset: int, limit: int) -> list[Row]:
        """Newest first."""
        stmt = select(
            PrintArchive.id,
            PrintArchive.printed_at,
            PrintArchive.printed_by,
            PrintArchive.kind,
            PrintArchive.title,
            PrintArchive.page_count,
            PrintArchive.sha256,
        ).order_by(PrintArchive.printed_at.desc(), PrintArchive.id.desc())
        text = (query.text if query else "").strip()
        if text:
            stmt = stmt.where(PrintArchive.title.contains(text))
        with self.db.session() as s:
            rows = s.execute(stmt.offset(offset).limit(limit)).all()
        return [
            Row(r[0], (r[1].strftime("%Y-%m-%d %H:%M:%S"), r[2], KIND_LABELS.get(r[3], r[3]), r[4], r[5], r[6][:16]))
            for r in rows
        ]

    def archived(self, limit: int = 100) -> Sequence[ArchiveEntry]:
        """The newest archive entries (for scripts and tests)."""
        with self.db.session() as s:
            rows = s.scalars(
                select(PrintArchive).order_by(PrintArchive.printed_at.desc(), PrintArchive.id.desc()).limit(limit)
            ).all()
            return [self._entry(a) for a in rows]


def check_archive(db: Database) -> list[str]:
    """For ``govdesk check`` (EXTRA_CHECKS "govdesk.services.printing:check_archive"): archived prints
    whose file is missing or no longer matches its SHA-256."""
    service = PrintService(db)
    problems: list[str] = []
    with db.session() as s:
        ids = s.scalars(select(PrintArchive.id).order_by(PrintArchive.id)).all()
    for archive_id in ids:
        try:
            service.reprint(archive_id)
        except GovdeskError as exc:
            problems.append(f"打印存档 #{archive_id}：{exc}")
    return problems
