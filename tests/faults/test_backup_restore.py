"""Issue H part 5: automatic backups beside the database, rotation, and restore — a good, a damaged
and a newer-schema backup through ``govdesk restore`` (exit codes, messages, the current file
byte-for-byte unchanged when refused) — and the network-share / removable-drive warning."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from govdesk.backups import BEFORE_RESTORE, DAILY, automatic_backups, backups_folder, daily_backup, make_backup
from govdesk.db import Database
from govdesk.services.backup import BACKUPS_KEPT, BackupService
from govdesk.services.settings import SettingsService
from govdesk.services.village import VillageService
from govdesk.storage import DRIVE_REMOTE, DRIVE_REMOVABLE, NETWORK, REMOVABLE, classify
from tests.faults.conftest import checkpointed, run_govdesk


def _village_name(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        name = conn.execute("SELECT name FROM villages").fetchone()[0]
    conn.close()
    return str(name)


def _rename_village(path: Path, name: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE villages SET name = ?", (name,))
    conn.close()
    checkpointed(path)


@pytest.fixture
def backup_of(village_db: Path, tmp_path: Path) -> Path:
    """A backup of the village (青山村), after which the village is renamed 绿水村."""
    out = tmp_path / "usb" / "青山村备份.sqlite3"
    db = Database(village_db, create=False)
    BackupService(db).backup_to(out)
    db.dispose()
    _rename_village(village_db, "绿水村")
    return out


def test_restore_from_a_good_backup(village_db: Path, backup_of: Path) -> None:
    result = run_govdesk("--db", str(village_db), "restore", str(backup_of))
    assert result.returncode == 0, result.stderr
    assert "已从备份" in result.stdout and "恢复前的数据库已备份到" in result.stdout
    assert _village_name(village_db) == "青山村"
    kept = [p for p in automatic_backups(village_db) if BEFORE_RESTORE in p.name]
    assert len(kept) == 1 and _village_name(kept[0]) == "绿水村"  # the file as it was, kept
    assert run_govdesk("--db", str(village_db), "check").returncode == 0
    with sqlite3.connect(village_db) as con:  # the restored file says who restored it, from what
        restored = con.execute("SELECT summary FROM audit_entries WHERE action = '恢复'").fetchall()
    assert len(restored) == 1 and backup_of.name in restored[0][0]


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):  # every page but the first: tables and indexes
        data[start + 8 : start + page - 8] = bytes((i * 37 + 11) % 256 for i in range(page - 16))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (_damage, "已损坏"),
        (
            lambda p: _sql(p, "UPDATE alembic_version SET version_num = '9999_from_the_future'"),
            "这个数据库来自更新版本的 govdesk，请先升级程序",
        ),
        (lambda p: p.write_text("姓名,身份证\n张三,1\n", encoding="utf-8"), "不是 govdesk 数据库"),
        (lambda p: _sql(p, "DROP TABLE alembic_version"), "不是 govdesk 数据库"),
        (lambda p: p.write_bytes(b""), "是空的"),
    ],
)
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    village_db: Path, backup_of: Path, spoil, message: str
) -> None:
    spoil(backup_of)
    before = checkpointed(village_db).read_bytes()
    result = run_govdesk("--db", str(village_db), "restore", str(backup_of))
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr
    assert village_db.read_bytes() == before
    assert not any(BEFORE_RESTORE in p.name for p in automatic_backups(village_db))
    assert not village_db.with_name(village_db.name + ".restoring").exists()


def _sql(path: Path, statement: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(statement)
    conn.close()
    checkpointed(path)


def test_restore_of_a_missing_backup_names_it(village_db: Path, tmp_path: Path) -> None:
    result = run_govdesk("--db", str(village_db), "restore", str(tmp_path / "nope.sqlite3"))
    assert result.returncode == 1 and "找不到备份文件" in result.stderr
    usage = run_govdesk("--db", str(village_db), "restore")
    assert usage.returncode == 2


def test_restore_over_a_damaged_database_keeps_its_bytes(village_db: Path, backup_of: Path) -> None:
    _damage(village_db)
    damaged = village_db.read_bytes()
    result = run_govdesk("--db", str(village_db), "restore", str(backup_of))
    assert result.returncode == 0, result.stderr
    assert _village_name(village_db) == "青山村"
    kept = [p for p in automatic_backups(village_db) if BEFORE_RESTORE in p.name]
    assert len(kept) == 1 and kept[0].read_bytes()[100:] == damaged[100:]  # every page as it was


def test_restore_while_the_database_is_open_elsewhere(village_db: Path, backup_of: Path) -> None:
    """The window restores with another reader open: the reader then sees the restored file whole."""
    reader = sqlite3.connect(village_db)
    assert reader.execute("SELECT name FROM villages").fetchone() == ("绿水村",)
    db = Database(village_db, create=False)
    previous = BackupService(db).restore_from(backup_of)
    assert previous is not None
    assert reader.execute("SELECT name FROM villages").fetchone() == ("青山村",)
    reader.close()
    again = Database(village_db, create=False)  # the window reopens its services
    assert VillageService(again).village().name == "青山村"
    again.dispose()


def test_restore_into_a_missing_database_places_the_backup(backup_of: Path, tmp_path: Path) -> None:
    target = tmp_path / "new-pc" / "govdesk.sqlite3"
    result = run_govdesk("--db", str(target), "restore", str(backup_of))
    assert result.returncode == 0, result.stderr
    assert _village_name(target) == "青山村"


def test_daily_backup_once_a_day_and_rotation(village_db: Path) -> None:
    day = datetime(2026, 11, 1, 8, 0, 0)
    made = []
    for n in range(6):
        made.append(daily_backup(village_db, keep=3, now=day + timedelta(days=n)))
        assert daily_backup(village_db, keep=3, now=day + timedelta(days=n, hours=5)) is None  # once a day
    kept = automatic_backups(village_db)
    assert kept == made[-3:]
    assert all(DAILY in p.name and p.parent == backups_folder(village_db) for p in kept)
    stranger = backups_folder(village_db) / "我的备份.sqlite3"
    shutil.copy(kept[0], stranger)
    make_backup(village_db, BEFORE_RESTORE, keep=2, now=day + timedelta(days=9))
    assert len(automatic_backups(village_db)) == 2 and stranger.exists()  # only our own files rotate


def test_commands_back_up_on_the_first_start_of_the_day_keeping_the_setting(village_db: Path) -> None:
    db = Database(village_db, create=False)
    SettingsService(db).put(BACKUPS_KEPT, 2)
    db.dispose()
    folder = backups_folder(village_db)
    for n in range(4):  # earlier days' backups, older than the setting keeps
        make_backup(village_db, DAILY, keep=10, now=datetime(2026, 1, 1 + n))
    assert run_govdesk("--db", str(village_db), "check").returncode == 0
    today = datetime.now().strftime("%Y%m%d")
    names = sorted(p.name for p in automatic_backups(village_db))
    assert len(names) == 2 and today in names[-1]
    assert run_govdesk("--db", str(village_db), "check").returncode == 0
    assert sorted(p.name for p in automatic_backups(village_db)) == names
    assert folder.is_dir()


def test_a_new_database_gets_no_daily_backup(tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite3"
    assert run_govdesk("--db", str(target), "village", "--name", "青山村").returncode == 0
    assert not backups_folder(target).exists()


@pytest.mark.parametrize(
    ("path", "windows", "mounts", "drive", "kind"),
    [
        (r"\\server\share\govdesk.sqlite3", True, None, None, NETWORK),
        ("//nas/村委/govdesk.sqlite3", True, None, None, NETWORK),
        (r"Z:\govdesk.sqlite3", True, None, DRIVE_REMOTE, NETWORK),
        (r"E:\govdesk.sqlite3", True, None, DRIVE_REMOVABLE, REMOVABLE),
        (r"C:\Users\clerk\govdesk.sqlite3", True, None, 3, None),
        (r"C:\Users\clerk\govdesk.sqlite3", True, None, None, None),  # unknown: no warning
        ("/home/clerk/govdesk.sqlite3", False, [("/", "ext4"), ("/home", "ext4")], None, None),
        ("/mnt/nas/govdesk.sqlite3", False, [("/", "ext4"), ("/mnt/nas", "nfs4")], None, NETWORK),
        ("/srv/smb/a/govdesk.sqlite3", False, [("/", "ext4"), ("/srv/smb", "cifs")], None, NETWORK),
        ("/srv/smbx/govdesk.sqlite3", False, [("/", "ext4"), ("/srv/smb", "cifs")], None, None),  # not a parent
        ("/media/clerk/U盘/govdesk.sqlite3", False, [("/", "ext4"), ("/media/clerk/U盘", "vfat")], None, REMOVABLE),
        ("/run/media/c/DISK/g.sqlite3", False, [("/", "ext4"), ("/run/media/c/DISK", "exfat")], None, REMOVABLE),
        ("/media/data/g.sqlite3", False, [("/", "ext4")], None, None),  # a plain folder under /, not a mount
        ("/home/clerk/g.sqlite3", False, [], None, None),
        ("/Volumes/USB/g.sqlite3", False, [("/", "apfs"), ("/Volumes/USB", "msdos")], None, REMOVABLE),
    ],
)
def test_storage_detection(path: str, windows: bool, mounts, drive, kind) -> None:
    assert classify(path, windows=windows, mounts=mounts, drive_type=drive) == kind


def test_restore_from_the_cli_is_for_an_administrator_once_users_exist(village_db: Path, backup_of: Path) -> None:
    """Issue H: restore is a 管理员's act (roles); a 工作人员 is refused and nothing changes."""
    import os

    from govdesk.services.users import UserService

    db = Database(village_db, create=False)
    users = UserService(db)
    users.add("admin", "Admin-2026!", "管理员")
    users.add("clerk", "Clerk-2026!", "工作人员")
    db.dispose()
    os.environ["GOVDESK_PASSWORD"] = "Clerk-2026!"
    try:
        refused = run_govdesk("--db", str(village_db), "--user", "clerk", "restore", str(backup_of))
        assert refused.returncode == 1 and "只有管理员可以做这件事" in refused.stderr
        assert "Traceback" not in refused.stderr
        assert _village_name(village_db) == "绿水村"  # not restored (only the log-in is on record)
        os.environ["GOVDESK_PASSWORD"] = "Admin-2026!"
        done = run_govdesk("--db", str(village_db), "--user", "admin", "restore", str(backup_of))
        assert done.returncode == 0, done.stderr
        assert _village_name(village_db) == "青山村"
    finally:
        os.environ.pop("GOVDESK_PASSWORD", None)
    with sqlite3.connect(village_db) as con:
        who = con.execute("SELECT user_name FROM audit_entries WHERE action = '恢复'").fetchall()
    assert who == [("admin",)]
