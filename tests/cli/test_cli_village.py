"""``govdesk village``: a new installation names its village from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdesk.cli import main
from govdesk.db import Database
from govdesk.services.village import VillageService


def test_empty_database_says_how(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = str(tmp_path / "x.sqlite3")
    assert main(["--db", target, "village"]) == 1
    assert "govdesk village --name" in capsys.readouterr().out


def test_create_then_update_then_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = str(tmp_path / "x.sqlite3")
    assert main(["--db", target, "village", "--name", "竂堉村", "--township", "石门镇", "--phone", "0730-1234567"]) == 0
    assert "已建立村的信息" in capsys.readouterr().out
    assert main(["--db", target, "village", "--county", "平江县"]) == 0
    assert "已更新村的信息" in capsys.readouterr().out
    assert main(["--db", target, "village"]) == 0
    out = capsys.readouterr().out
    for text in ("村名：竂堉村", "乡镇（街道）：石门镇", "县（市、区）：平江县", "监督电话：0730-1234567"):
        assert text in out
    v = VillageService(Database(target)).village()
    assert (v.name, v.county, v.phone) == ("竂堉村", "平江县", "0730-1234567")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--township", "石门镇"], "村名：不能为空"),
        (["--name", "青山村", "--phone", "123"], "村联系电话："),
    ],
)
def test_refusals_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    target = str(tmp_path / "x.sqlite3")
    assert main(["--db", target, "village", *argv]) == 1
    assert message in capsys.readouterr().err
    assert not VillageService(Database(target)).has_village()
