"""The log file: one file per desk, rolled over at start-up once it is past its size (govdesk.logs)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from govdesk import logs


@pytest.mark.parametrize(
    ("size", "older", "rolled", "after"),
    [
        (10, [], False, ["govdesk.log"]),  # small: written on
        (101, [], True, ["govdesk.log.1"]),  # past the size: becomes .1, a new file starts
        (101, [1, 2], True, ["govdesk.log.1", "govdesk.log.2", "govdesk.log.3"]),  # each older one a number up
        (101, [1, 2, 3], True, ["govdesk.log.1", "govdesk.log.2", "govdesk.log.3"]),  # beyond KEPT: dropped
    ],
)
def test_the_log_rolls_over_past_its_size(
    tmp_path: Path, size: int, older: list[int], rolled: bool, after: list[str]
) -> None:
    target = tmp_path / "govdesk.log"
    target.write_text("x" * size)
    for n in older:
        (tmp_path / f"govdesk.log.{n}").write_text(f"old {n}")
    assert logs.roll_over(target, max_bytes=100, kept=3) is rolled
    assert sorted(p.name for p in tmp_path.iterdir()) == after
    if rolled and older:
        assert (tmp_path / "govdesk.log.2").read_text() == "old 1"  # the newest old one moved up


def test_a_missing_log_is_not_rolled(tmp_path: Path) -> None:
    assert logs.roll_over(tmp_path / "govdesk.log") is False


def test_setup_writes_to_the_log_file_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(logs, "_configured", None)
    root = logging.getLogger("govdesk")
    before = list(root.handlers)
    try:
        path = logs.setup_logging()
        assert logs.setup_logging() == path  # idempotent
        assert sum(isinstance(h, logs._GovdeskLogFile) for h in root.handlers) == 1
        logging.getLogger("govdesk.test").info("写入日志：𠮷")
        for h in root.handlers:
            h.flush()
        assert "写入日志：𠮷" in path.read_text(encoding="utf-8")
    finally:
        for h in [h for h in root.handlers if h not in before]:
            root.removeHandler(h)
            h.close()
