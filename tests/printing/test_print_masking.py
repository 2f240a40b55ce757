"""Masking of public prints — DOMAIN.md, "Printed notices": never a full ID number (at most the first
and last character, or the column left out), mobiles as 138****5678, no bank accounts, names stay
(张*明 on sensitive lists); landlines keep the area code only (issue C)."""

from __future__ import annotations

import pytest

from govdesk.printing.masking import (
    INTERNAL,
    PUBLIC,
    PUBLIC_SENSITIVE,
    FieldKind,
    MaskPolicy,
    mask_free_text,
    policy_for,
)

ID = "330784196501020017"
K = FieldKind


@pytest.mark.parametrize(
    ("policy", "kind", "value", "shown", "rule"),
    [
        (PUBLIC, K.ID_NUMBER, ID, "3****************7", "ID: first and last character at most"),
        (PUBLIC, K.ID_NUMBER, "33078419650102001X", "3****************X", "ID with check letter X"),
        (PUBLIC, K.ID_NUMBER, "330784650102001", "3*************1", "old 15-digit ID"),
        (MaskPolicy(omit_id_numbers=True), K.ID_NUMBER, ID, "", "or the ID column left out"),
        (PUBLIC, K.PHONE, "13812345678", "138****5678", "mobile as 138****5678"),
        (PUBLIC, K.PHONE, "+86 138-1234-5678", "138****5678", "mobile written with +86 and dashes"),
        (PUBLIC, K.PHONE, "0579-87654321", "0579-********", "landline keeps the area code only"),
        (PUBLIC, K.PHONE, "057987654321", "0579-********", "landline without a dash"),
        (PUBLIC, K.PHONE, "010-12345678", "010-********", "three-digit area code"),
        (PUBLIC, K.PHONE, "(0579)87654321", "0579-********", "area code in brackets"),
        (PUBLIC, K.PHONE, "87654321", "********", "landline without area code: nothing left"),
        (PUBLIC, K.PHONE, "13812345678，0579-87654321", "138****5678，0579-********", "two phones in one cell"),
        (PUBLIC, K.PHONE, "", "", "no phone stays blank"),
        (PUBLIC, K.BANK_ACCOUNT, "6228480402564890018", "", "bank accounts never shown"),
        (PUBLIC, K.NAME, "张小明", "张小明", "names stay on ordinary lists"),
        (PUBLIC_SENSITIVE, K.NAME, "张小明", "张*明", "sensitive lists (低保, 残疾): 张*明"),
        (PUBLIC_SENSITIVE, K.NAME, "王𠮷", "王*", "two-character name, rare character counted as one"),
        (PUBLIC_SENSITIVE, K.NAME, "欧阳小明", "欧**明", "four-character name"),
        (PUBLIC, K.TEXT, f"身份证{ID}", "身份证3****************7", "an ID inside free text is masked too"),
        (PUBLIC, K.TEXT, "电话13812345678", "电话138****5678", "a mobile inside free text is masked"),
        (INTERNAL, K.ID_NUMBER, ID, ID, "internal copy shows everything"),
        (INTERNAL, K.PHONE, "13812345678", "13812345678", "internal copy shows everything"),
        (INTERNAL, K.BANK_ACCOUNT, "6228480402564890018", "6228480402564890018", "internal copy shows everything"),
        (INTERNAL, K.NAME, "张小明", "张小明", "internal copy shows everything"),
    ],
)
def test_mask_rule(policy: MaskPolicy, kind: FieldKind, value: str, shown: str, rule: str) -> None:
    assert policy.show(kind, value) == shown, rule


@pytest.mark.parametrize(
    ("policy", "kind", "visible"),
    [
        (PUBLIC, K.BANK_ACCOUNT, False),
        (PUBLIC, K.ID_NUMBER, True),
        (MaskPolicy(omit_id_numbers=True), K.ID_NUMBER, False),
        (PUBLIC, K.PHONE, True),
        (INTERNAL, K.BANK_ACCOUNT, True),
    ],
)
def test_columns_left_out(policy: MaskPolicy, kind: FieldKind, visible: bool) -> None:
    assert policy.shows_column(kind) is visible


def test_free_text_keeps_office_landline() -> None:
    """Supervision and office numbers printed on notices are meant to be called."""
    assert mask_free_text("监督电话0579-87654321") == "监督电话0579-87654321"


def test_policy_for() -> None:
    assert policy_for(True) is INTERNAL and INTERNAL.edition == "内部资料"
    assert policy_for(False) is PUBLIC and not PUBLIC.internal
    assert policy_for(False, sensitive=True).mask_names
