"""Offscreen screenshots of 村务 → 评先评优 and 理事会/村规民约 on a fresh demo village, and PNGs of
their prints (not collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots_honours.py [OUT_DIR]   # default /tmp/govdesk-shots

The honours ledger (last year's awards, the one decided by the decision log selected), the
nomination dialog refusing a household honour without a household, a household's page with its
honours beside the star ratings, the councils page with a meeting's minutes, the 村规民约 versions,
and the 光荣榜 and 村规民约 prints (pdftoppm -r 60). 1366×768 like the other shots.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GOVDESK_HOME"] = tempfile.mkdtemp(prefix="govdesk-shots-")

from sqlalchemy import select  # noqa: E402

from govdesk.models import HonourAward, Household, StarRating  # noqa: E402
from tests.perf.screenshots import demo_window, save, settle, shots_dir  # noqa: E402
from ui.app import application  # noqa: E402
from ui.dialogs.council_dialogs import VersionsDialog  # noqa: E402
from ui.dialogs.honour_dialogs import HonourDialog  # noqa: E402


def _pdf_png(pdf: bytes, out: Path, name: str) -> None:
    path = out / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(out / name)], check=True)
    path.unlink()
    print(out / f"{name}-1.png")


def main() -> int:
    out = shots_dir()
    app = application()
    db, services, window = demo_window(app)
    area = window.select_area("村务")
    area.setCurrentIndex(area._index_of("honours"))
    honours = area.page("honours")
    year = services.honours.today().year - 1
    honours._filters["year"].setCurrentIndex(honours._filters["year"].findData(year))
    linked = next(r for r in range(honours.model.rowCount()) if honours.model.row_at(r).values[8])  # type: ignore[union-attr]
    honours.table.selectRow(linked)
    settle(app)
    save(window, out, "honours-ledger")
    dialog = HonourDialog(services, None, window)
    dialog.show()
    dialog.accept()  # refused: 最美家庭 goes to a household, none chosen
    settle(app)
    save(dialog, out, "honours-nominate-refused")
    dialog.close()

    area.setCurrentIndex(area._index_of("councils"))
    councils = area.page("councils")
    councils.table.selectRow(0)
    councils.details.setCurrentIndex(1)
    councils.meetings_view.selectRow(0)
    settle(app)
    save(window, out, "councils-meetings")
    councils.details.setCurrentIndex(0)
    settle(app)
    save(window, out, "councils-members")
    rules = VersionsDialog(services, None, window)
    rules.show()
    rules.list.setCurrentRow(1)
    settle(app)
    save(rules, out, "village-rules-versions")
    rules.close()

    households = window.select_area("农户")
    with db.session() as s:  # a household honoured, with star ratings too when the demo has one
        honoured = select(HonourAward.household_id).where(HonourAward.household_id.is_not(None))
        number = s.scalar(
            select(Household.number)
            .join(StarRating, StarRating.household_id == Household.id)
            .where(Household.id.in_(honoured))
            .limit(1)
        ) or s.scalar(select(Household.number).where(Household.id.in_(honoured)).limit(1))
    households.apply_filters({"text": number})
    households.table.selectRow(0)
    settle(app)
    save(window, out, "household-honours")

    from govdesk.services.charters_print import CharterPrints
    from govdesk.services.honours_print import HonourPrints

    _pdf_png(HonourPrints(db).roll_pdf(year).pdf, out, "print-honour-roll")
    _pdf_png(CharterPrints(db).village_rules_pdf().pdf, out, "print-village-rules")
    _pdf_png(CharterPrints(db).village_rules_pdf(1).pdf, out, "print-village-rules-v1")
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
