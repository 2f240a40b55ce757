"""Offscreen screenshots of issue H parts 3 and 5 on a fresh demo village (not collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots_limits.py [OUT_DIR]   # default /tmp/govdesk-shots

The import dialog's report naming invisible characters by code point (with the 超过 120 岁 option),
the resident form refusing U+200B in a name, the form asking about an age over 120, and the
文件 menu with 恢复备份….
"""

from __future__ import annotations

import os
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GOVDESK_HOME"] = tempfile.mkdtemp(prefix="govdesk-shots-")

from openpyxl import Workbook  # noqa: E402

from govdesk import idcard  # noqa: E402
from tests.perf.screenshots import demo_window, save, settle, shots_dir  # noqa: E402
from ui.app import application  # noqa: E402
from ui.dialogs.resident_dialog import ResidentDialog  # noqa: E402
from ui.import_dialog import ImportDialog  # noqa: E402


def _register(folder: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "公民身份号码", "住址", "备注"])
    ws.append(["Z-1", "李ZW四", "户主", idcard.make_number("330784", date(1980, 1, 1), 11), "青山村1组", "备注BEL"])
    ws.append(["Z-2", "张" * 40, "户主", idcard.make_number("330784", date(1981, 1, 1), 13), "地址RLO", ""])
    ws.append(["Z-3", "寿星", "户主", idcard.make_number("330784", date(1890, 3, 1), 15), "", ""])
    plain = folder / "plain.xlsx"
    wb.save(plain)
    out = folder / "有问题的花名册.xlsx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            for old, new in {"ZW": "\u200b", "BEL": "_x0007_", "RLO": "\u202e"}.items():
                data = data.replace(old.encode(), new.encode())
            zout.writestr(item, data)
    return out


def main() -> int:
    out = shots_dir()
    app = application()
    db, services, window = demo_window(app)
    dialog = ImportDialog(services, window.jobs, "households", window)
    dialog.path.setText(str(_register(Path(tempfile.mkdtemp()))))
    dialog.show()
    dialog.start()
    window.jobs.wait_idle()
    settle(app)
    save(dialog, out, "limits-import-report")
    dialog.close()
    form = ResidentDialog(services.households, 1, parent=window)
    form.show()
    for key, text in (("name", "李\u200b四"), ("relation", "次子")):
        widget = form.widget(key)
        widget.setText(text) if hasattr(widget, "setText") else widget.setCurrentText(text)
        form._touch(key)
    form.validate_now()
    settle(app)
    save(form, out, "limits-name-invisible")
    form.widget("name").setText("寿星")
    form.widget("id_number").setText(idcard.make_number("330784", date(1890, 3, 1), 211))
    form._touch("id_number")
    form.validate_now()
    settle(app)
    save(form, out, "limits-age-warning")
    form.close()
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
