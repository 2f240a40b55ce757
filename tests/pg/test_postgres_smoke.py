"""``--db`` may be a PostgreSQL URL: migrations, the demo village, checks, lists and prints work there too.

A throw-away cluster is started on a Unix socket (no TCP port) when PostgreSQL's server programs
are installed (.ci/run installs them); elsewhere these tests are skipped.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("psycopg")

from alembic.autogenerate import compare_metadata  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402

from govdesk.cli import main  # noqa: E402
from govdesk.db import Database  # noqa: E402
from govdesk.models import Base  # noqa: E402
from govdesk.services.bundle import Services  # noqa: E402
from govdesk.services.listing import ListQuery  # noqa: E402

PORT = 5497


def _server_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(args: list[str]) -> subprocess.CompletedProcess[str]:
    """initdb refuses to run as root: run the server programs as the postgres system user."""
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    bindir = _server_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server programs are not installed")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("no postgres system user to run the server as")
    folder = Path(tempfile.mkdtemp(prefix="govdesk-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    init = _as_postgres([str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "govdesk", "-E", "UTF8"])
    assert init.returncode == 0, init.stderr
    opts = f"-p {PORT} -k {folder} -c listen_addresses=''"
    log_file = str(folder / "log")
    start = _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", log_file, "-w", "start"])
    assert start.returncode == 0, start.stderr
    try:
        created = _as_postgres([str(bindir / "createdb"), "-h", str(folder), "-p", str(PORT), "-U", "govdesk", "desk"])
        assert created.returncode == 0, created.stderr
        yield f"postgresql+psycopg://govdesk@/desk?host={folder}&port={PORT}"
    finally:
        _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


def test_schema_migrates_to_head_on_postgres(pg_url: str) -> None:
    db = Database(pg_url)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    db.dispose()


def test_demo_check_lists_and_prints_on_postgres(pg_url: str, tmp_path: Path) -> None:
    assert main(["--db", pg_url, "demo", "--no-window"]) == 0
    assert main(["--db", pg_url, "check"]) == 0
    services = Services.open(Database(pg_url))
    assert services.households.count(ListQuery()) == 300
    assert services.members.count(ListQuery(text="zsf")) >= 0
    rows = services.households.page(ListQuery(text="竂", sort_key="head"), 0, 50)
    assert all(r.id for r in rows)
    for argv in (
        ["print", "register", "members", "--out", str(tmp_path / "m.pdf")],
        ["print", "roster", "--month", "2026-12", "--out", str(tmp_path / "r.pdf")],
    ):
        assert main(["--db", pg_url, *argv]) == 0, argv
    assert (tmp_path / "m.pdf").stat().st_size > 1000
    services.db.dispose()
