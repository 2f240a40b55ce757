"""The rules of a 民情 item, each case citing the rule it checks (govdesk.voices.rules)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdesk.errors import ValidationError
from govdesk.voices import rules
from govdesk.voices.rules import DEFAULT_CATEGORIES, NEEDS_REPLY, VoiceInput, check_item

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("received", "deadline", "why"),
    [
        (date(2026, 11, 10), date(2026, 11, 17), "答复期限：默认七天"),
        (date(2026, 12, 28), date(2027, 1, 4), "跨年也按七天"),
        (date(2024, 2, 25), date(2024, 3, 3), "闰年二月"),
    ],
)
def test_default_deadline_is_seven_days(received: date, deadline: date, why: str) -> None:
    assert rules.default_deadline(received) == deadline, why


@pytest.mark.parametrize(
    ("deadline", "status", "today", "days"),
    [
        (date(2026, 11, 17), "待办", date(2026, 11, 17), 0),  # 逾期从期限次日起算：期限当天不算
        (date(2026, 11, 17), "待办", date(2026, 11, 18), 1),
        (date(2026, 11, 17), "办理中", date(2026, 11, 23), 6),
        (date(2026, 11, 17), "已答复", date(2026, 11, 23), 0),  # 已答复的不再逾期
        (date(2026, 11, 17), "已办结", date(2026, 12, 23), 0),
        (date(2026, 11, 30), "待办", date(2026, 11, 23), 0),  # 期限未到
    ],
)
def test_overdue_counts_days_past_the_deadline_of_open_items(
    deadline: date, status: str, today: date, days: int
) -> None:
    assert rules.days_overdue(deadline, status, today) == days
    assert rules.is_overdue(deadline, status, today) == (days > 0)


@pytest.mark.parametrize(
    ("received", "replied", "deadline", "days", "late"),
    [
        (date(2026, 11, 1), date(2026, 11, 1), date(2026, 11, 8), 0, False),
        (date(2026, 11, 1), date(2026, 11, 8), date(2026, 11, 8), 7, False),
        (date(2026, 11, 1), date(2026, 11, 9), date(2026, 11, 8), 8, True),  # 超期答复
        (date(2026, 11, 1), None, date(2026, 11, 8), None, False),
    ],
)
def test_days_to_answer_and_late_answers(received, replied, deadline, days, late) -> None:  # type: ignore[no-untyped-def]
    assert rules.days_to_answer(received, replied) == days
    assert rules.answered_late(deadline, replied) is late


def _valid(**kw: object) -> VoiceInput:
    values: dict[str, object] = {
        "received_on": "2026-11-10",
        "channel": "来电",
        "raised_by_name": "王伟",
        "category": "水利",
        "content": "三组塘坝渗水",
    }
    values.update(kw)
    return VoiceInput(**values)  # type: ignore[arg-type]


def test_a_valid_item_gets_the_default_deadline_and_status() -> None:
    d = check_item(_valid(), TODAY, DEFAULT_CATEGORIES)
    assert (d.deadline, d.status, d.satisfaction) == (date(2026, 11, 17), "待办", "未回访")


@pytest.mark.parametrize("status", ["已答复", "已办结"])
def test_an_item_cannot_be_closed_without_a_reply(status: str) -> None:
    """事事有回应：没有答复内容、答复人、答复日期，不能办结。"""
    with pytest.raises(ValidationError) as err:
        check_item(_valid(status=status), TODAY, DEFAULT_CATEGORIES)
    assert err.value.for_field("voice_reply")[0].message == NEEDS_REPLY
    assert err.value.for_field("voice_replied_by")
    assert err.value.for_field("voice_replied_on")
    done = check_item(
        _valid(status=status, reply="已修好", replied_by="李主任", replied_on="2026-11-12"), TODAY, DEFAULT_CATEGORIES
    )
    assert done.status == status


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"received_on": ""}, "voice_received_on", "不能为空"),
        ({"received_on": "2026-12-01"}, "voice_received_on", "不能晚于今天"),
        ({"channel": "微信"}, "voice_channel", "应为：湾子夜话"),
        ({"raised_by_name": " "}, "voice_raised_by", "请选择居民、农户"),
        ({"category": "不存在"}, "voice_category", "应为：道路交通"),
        ({"content": ""}, "voice_content", "不能为空"),
        ({"deadline": "2026-11-01"}, "voice_deadline", "不能早于反映日期"),
        ({"status": "已关闭"}, "voice_status", "应为：待办"),
        (
            {"status": "已答复", "reply": "好", "replied_by": "李", "replied_on": "2026-11-01"},
            "voice_replied_on",
            "不能早于反映日期",
        ),
        ({"satisfaction": "一般"}, "voice_satisfaction", "应为：满意"),
    ],
)
def test_each_bad_field_gets_its_chinese_message(change: dict, field: str, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError) as err:
        check_item(_valid(**change), TODAY, DEFAULT_CATEGORIES)
    assert [e.field for e in err.value.errors] == [field]
    assert err.value.errors[0].message.startswith(message)


_any = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["2026-11-01", "已答复", "来电", "水利", ""]))


@settings(max_examples=300, deadline=None)
@given(
    received=_any,
    channel=_any,
    name=_any,
    category=_any,
    content=_any,
    deadline=_any,
    status=_any,
    reply=_any,
    replied_by=_any,
    replied_on=_any,
    satisfaction=_any,
)
def test_any_text_input_gives_an_item_or_a_chinese_message(**kw: object) -> None:
    data = VoiceInput(
        received_on=kw["received"],
        channel=kw["channel"],
        raised_by_name=kw["name"],
        category=kw["category"],
        content=kw["content"],
        deadline=kw["deadline"],
        status=kw["status"],
        reply=kw["reply"],
        replied_by=kw["replied_by"],
        replied_on=kw["replied_on"],
        satisfaction=kw["satisfaction"],
    )
    try:
        d = check_item(data, TODAY, DEFAULT_CATEGORIES)
    except ValidationError as exc:
        assert exc.errors
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in e.message) for e in exc.errors)
    else:
        assert d.content and d.deadline >= d.received_on
        assert not rules.is_closed(d.status) or (d.reply and d.replied_by and d.replied_on)
