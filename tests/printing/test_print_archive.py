"""The print archive (打印存档): public prints kept with time, operator, what, SHA-256 and a copy;
reprint verifies the hash; internal copies are not archived. Schema: migration equals models."""

from __future__ import annotations

from datetime import datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from govdesk import paths
from govdesk.db import Database
from govdesk.errors import NotFoundError, RefusedError
from govdesk.models import Base
from govdesk.services.bundle import Services
from govdesk.services.printing import PrintService, sha256_of


def test_migrated_schema_equals_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_public_print_is_archived_and_reprinted(demo_db: Database) -> None:
    service = Services.open(demo_db).printing
    doc = service.render_register("members")
    entry = service.printed(doc, user="王文书")
    assert entry is not None
    assert entry.printed_by == "王文书"
    assert entry.kind == "register.members" and entry.title == "青山村党员花名册"
    assert entry.sha256 == sha256_of(doc.pdf)
    assert entry.path.is_file() and entry.path.is_relative_to(paths.archive_dir())
    assert entry.page_count == doc.pages
    assert service.reprint(entry.id) == doc.pdf
    assert service.verify(entry.id)
    assert service.count() == 1
    row = service.page(None, 0, 10)[0]
    assert row.id == entry.id and row.values[1] == "王文书" and row.values[2] == "党员花名册"


def test_internal_copy_is_not_archived(demo_db: Database) -> None:
    service = PrintService(demo_db)
    assert service.printed(service.render_register("members", full=True)) is None
    assert service.count() == 0


def test_operator_defaults_to_login_name(db: Database) -> None:
    entry = PrintService(db).archive(b"%PDF-1.4 x", kind="notice.test", title="测试")
    assert entry.printed_by


def test_tampered_archive_is_refused(db: Database) -> None:
    service = PrintService(db)
    entry = service.archive(b"%PDF-1.4 original", kind="notice.test", title="公示", when=datetime(2026, 11, 23, 9))
    entry.path.write_bytes(b"%PDF-1.4 changed")
    with pytest.raises(RefusedError, match="校验值不符"):
        service.reprint(entry.id)
    assert not service.verify(entry.id)
    entry.path.unlink()
    with pytest.raises(NotFoundError, match="不见了"):
        service.reprint(entry.id)


def test_archive_list_is_newest_first(db: Database) -> None:
    service = PrintService(db)
    for hour in (8, 10, 9):
        service.archive(f"pdf {hour}".encode(), kind="k", title=f"第{hour}时", when=datetime(2026, 11, 23, hour))
    titles = [r.values[3] for r in service.page(None, 0, 10)]
    assert titles == ["第10时", "第9时", "第8时"]
    assert [e.title for e in service.archived()] == titles


def test_check_archive_reports_missing_and_changed_files(db: Database) -> None:
    from govdesk.services.printing import check_archive

    service = PrintService(db)
    good = service.archive(b"%PDF good", kind="k", title="好", when=datetime(2026, 11, 23, 8))
    bad = service.archive(b"%PDF bad", kind="k", title="坏", when=datetime(2026, 11, 23, 9))
    gone = service.archive(b"%PDF gone", kind="k", title="丢", when=datetime(2026, 11, 23, 10))
    bad.path.write_bytes(b"changed")
    gone.path.unlink()
    problems = check_archive(db)
    assert len(problems) == 2
    assert f"#{bad.id}" in problems[0] and "校验值不符" in problems[0]
    assert f"#{gone.id}" in problems[1] and "不见了" in problems[1]
    assert all(f"#{good.id}：" not in p for p in problems)
