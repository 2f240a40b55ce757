"""``govdesk print register households|members [--full] --out FILE.pdf``."""

from __future__ import annotations

from pathlib import Path

from print_pdfcheck import page_texts

from govdesk.cli import main
from govdesk.db import Database
from govdesk.services.printing import PrintService


def test_print_register_public_and_full(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "members.pdf"
    assert main(["--db", db_path, "print", "register", "members", "--out", str(out), "--operator", "李文书"]) == 0
    assert "已存档" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF")
    full = tmp_path / "full.pdf"
    assert main(["--db", db_path, "print", "register", "households", "--full", "--out", str(full)]) == 0
    assert "内部资料" in page_texts(full.read_bytes())[0]
    entries = PrintService(Database(db_path)).archived()
    assert [(e.kind, e.printed_by) for e in entries] == [("register.members", "李文书")]


def test_unknown_register_is_a_usage_error(tmp_path: Path) -> None:
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "x.sqlite3"), "print", "register", "cadres", "--out", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2


def test_missing_out_is_a_usage_error(tmp_path: Path) -> None:
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "x.sqlite3"), "print", "register", "members"])
    assert exit_info.value.code == 2
