"""Printed decision notices and registration sheets: text (pypdf), masking, fonts, CLI, archive."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from govdesk.cli import main
from govdesk.db import Database
from govdesk.decisions.inputs import MeetingInput
from govdesk.errors import RefusedError
from govdesk.services.decisions import DecisionService
from govdesk.services.decisions_print import DecisionPrinter, PrintOptions

TODAY = date(2026, 11, 23)


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages).replace(" ", "").replace("\n", "")


def _fonts_embedded(pdf: bytes) -> bool:
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            desc = font.get_object()
            if "/DescendantFonts" in desc:
                desc = desc["/DescendantFonts"][0].get_object()
            fd = desc.get("/FontDescriptor")
            if fd is None or not any(k in fd.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                return False
    return True


def test_resolution_notice_text(demo_db: Database) -> None:
    info = DecisionPrinter(demo_db).render_number("2026-009", "resolution", today=TODAY)
    text = _text(info.pdf)
    assert "关于集体山林承包经营权流转的决议公告" in text
    assert "台账编号2026-009" in text
    assert "流转期限十五年" in text  # the corrected decided text, not the original
    assert "450,000.00元" in text
    assert "村民代表会议应到" in text and "赞成" in text
    assert "2026年11月20日至2026年11月26日（共7天）" in text and "村务公开栏" in text
    assert "监督电话0579-87654321" in text
    assert "中共青山村总支部委员会" in text and "青山村村民委员会" in text
    assert _fonts_embedded(info.pdf) and not info.internal


def test_resolution_notice_before_posting_uses_given_day_and_period(demo_db: Database) -> None:
    info = DecisionPrinter(demo_db).render_number(
        "2026-008", "resolution", PrintOptions(posted_on=date(2026, 11, 24), days=10), today=TODAY
    )
    assert "2026年11月24日至2026年12月3日（共10天）" in _text(info.pdf)


def test_result_notice_text(demo_db: Database) -> None:
    text = _text(DecisionPrinter(demo_db).render_number("2026-002", "result", today=TODAY).pdf)
    assert "关于村文化礼堂修缮实施结果的公告" in text
    assert "预算120,000.00元" in text and "实际支出117,800.00元" in text
    assert "桃源镇鑫安建筑队" in text
    assert "完工日期" in text and "验收日期" in text and "验收合格" in text


def test_prints_refused_before_their_stage(demo_db: Database) -> None:
    printer = DecisionPrinter(demo_db)
    with pytest.raises(RefusedError, match="尚未作出决议"):
        printer.render_number("2026-014", "resolution", today=TODAY)
    with pytest.raises(RefusedError, match="尚未竣工验收"):
        printer.render_number("2026-009", "result", today=TODAY)


def test_registration_sheet(demo_db: Database) -> None:
    info = DecisionPrinter(demo_db).render_number("2026-006", "sheet", today=TODAY)
    text = _text(info.pdf)
    assert info.pages == 4  # 提议, 商议, the failed 党员大会, the re-held 党员大会
    assert "党员大会审议登记表" in text and "应到/实到/比例" in text
    assert "到会比例" in text and "未通过" in text and "差1人" in text
    assert "主持人（签字）" in text and "记录人（签字）" in text


def test_public_notice_masks_a_mobile_typed_into_the_text(demo_db: Database) -> None:
    svc = DecisionService(demo_db)
    mid = svc.find("2026-010")  # waiting for the representatives' resolution
    seats = svc.should_attend("representatives", TODAY)
    data = MeetingInput(
        TODAY, "村部", "蔡玲艳", "", [s.key for s in seats], len(seats), 0, 0, "同意，联系人张三13812345678"
    )
    svc.record_meeting(mid, 5, data)
    printer = DecisionPrinter(demo_db)
    public = _text(printer.render(mid, "resolution", today=TODAY).pdf)
    assert "13812345678" not in public and "138****5678" in public
    internal = printer.render(mid, "resolution", PrintOptions(full=True), today=TODAY)
    assert internal.internal and "13812345678" in _text(internal.pdf) and "内部资料" in _text(internal.pdf)


def test_cli_prints_and_archives(demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "notice.pdf"
    args = ["--db", demo_db.describe(), "print", "decision", "2026-001", "--notice", "result", "--out", str(out)]
    assert main(args) == 0
    assert out.read_bytes().startswith(b"%PDF")
    said = capsys.readouterr().out
    assert "实施结果的公告" in said and "已存档" in said
    assert main(["--db", demo_db.describe(), "print", "decision", "2099-001", "--out", str(out)]) == 1
    assert main(["--db", demo_db.describe(), "print", "decision", "2026-014", "--out", str(out)]) == 1
    assert "尚未作出决议" in capsys.readouterr().err
