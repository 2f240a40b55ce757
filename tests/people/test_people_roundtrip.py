"""Export → import round trip loses nothing (rare characters included); importing people who
already exist updates them and never duplicates them."""

from __future__ import annotations

from datetime import date

from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from govdesk.db import Database
from govdesk.importing import export_households, export_members, export_template, import_households, import_members
from govdesk.models import Household, HouseholdCategory, Member, Resident, StarRating
from govdesk.services.household_details import HouseholdDetailsService
from govdesk.services.households import HouseholdService, ResidentInput
from govdesk.services.listing import ListQuery
from govdesk.services.village import VillageService
from tests.people.conftest import make_id

RARE = ["竂堉", "䶮明", "𠮷祥", "单竂"]


def _residents(db: Database) -> list[tuple]:
    with db.session() as s:
        rows = s.execute(
            select(
                Household.number,
                Resident.name,
                Resident.relation,
                Resident.sex,
                Resident.birth_date,
                Resident.id_number,
                Resident.ethnicity,
                Resident.phone,
                Resident.notes,
                Resident.ended_on,
                Resident.end_reason,
            ).join(Household)
        ).all()
    return sorted(tuple(r) for r in rows)


def _add_rare_people(db: Database) -> None:
    hs = HouseholdService(db)
    hid = hs.page(ListQuery(), 0, 1)[0].id
    for i, name in enumerate(RARE):
        hs.add_resident(
            hid, ResidentInput(name=name, id_number=make_id(date(1950 + i, 2, 3), 31 + 2 * i), relation="孙子")
        )


def test_people_export_import_round_trip(demo_db, tmp_path) -> None:
    _add_rare_people(demo_db)
    details = HouseholdDetailsService(demo_db)
    hid = HouseholdService(demo_db).page(ListQuery(), 0, 1)[0].id
    details.add_category(hid, "残疾", date(2019, 5, 1), date(2022, 1, 1))
    details.set_star_rating(hid, 2025, 9)
    path = tmp_path / "households.xlsx"
    n = export_households(demo_db, path)

    data = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert len(data) == n + 1
    names = {row[1] for row in data[1:]}
    assert set(RARE) <= names  # rare characters survive the file

    fresh = Database(tmp_path / "fresh.sqlite3")
    VillageService(fresh).create_village("青山村")
    report = import_households(fresh, path)
    assert report.problems == [] and report.created == n
    assert _residents(fresh) == _residents(demo_db)
    with fresh.session() as s:
        cats = s.execute(
            select(HouseholdCategory.category, HouseholdCategory.started_on, HouseholdCategory.ended_on)
        ).all()
        stars = s.scalar(select(func.count(StarRating.id)))
        central = s.scalar(select(func.count(Household.id)).where(Household.is_central.is_(True)))
    with demo_db.session() as s:
        assert sorted(cats) == sorted(
            s.execute(
                select(HouseholdCategory.category, HouseholdCategory.started_on, HouseholdCategory.ended_on)
            ).all()
        )
        assert stars == s.scalar(select(func.count(StarRating.id)))
        assert central == s.scalar(select(func.count(Household.id)).where(Household.is_central.is_(True)))
    # search finds the rare names in the imported database
    hs = HouseholdService(fresh)
    assert hs.count(ListQuery(text="竂")) >= 1 and hs.count(ListQuery(text="𠮷")) >= 1

    # importing the same file again updates everyone and duplicates no one
    again = import_households(fresh, path)
    assert (again.created, again.updated, again.unchanged) == (0, n, n)
    with fresh.session() as s:
        assert s.scalar(select(func.count(Resident.id))) == n
        assert s.scalar(select(func.count(Household.id))) == len({r[0] for r in _residents(demo_db)})
    assert hs.count(ListQuery(text="竂")) == HouseholdService(demo_db).count(ListQuery(text="竂"))


def test_people_members_round_trip_and_update(demo_db, tmp_path) -> None:
    path = tmp_path / "members.xlsx"
    n = export_members(demo_db, path)
    report = import_members(demo_db, path)
    assert report.problems == [] and (report.created, report.updated) == (0, n)
    with demo_db.session() as s:
        assert s.scalar(select(func.count(Member.id))) == n


def test_people_blank_template_imports_as_nothing(tmp_path, db) -> None:
    VillageService(db).create_village("青山村")
    path = export_template(tmp_path / "t.xlsx", "households")
    report = import_households(db, path)
    assert report.rows_read == 0 and report.problems == []


def test_people_updated_person_moves_household(village_db, write_xlsx) -> None:
    pid = make_id(date(1980, 1, 1), 11)
    other = make_id(date(1982, 1, 1), 13)
    head = ["户号", "姓名", "与户主关系", "公民身份号码"]
    import_households(village_db, write_xlsx([head, ["01", "甲", "户主", pid], ["02", "乙", "户主", other]]))
    report = import_households(village_db, write_xlsx([head, ["02", "甲", "长子", pid]]))
    assert report.problems == [] and report.updated == 1 and report.created == 0
    with village_db.session() as s:
        number = s.scalar(select(Household.number).join(Resident).where(Resident.id_number == pid))
    assert number == "02"
    from govdesk.models import ResidentMove

    with village_db.session() as s:
        assert s.scalar(select(func.count(ResidentMove.id))) == 1
