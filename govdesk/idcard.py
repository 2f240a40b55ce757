"""公民身份号码 (GB 11643) checks.

stdnum.cn.ric computes the check character and the birth date, but its ``validate()`` also
refuses area codes that did not exist in the birth year. That is wrong for real villagers
(the code is where the number was issued, often decades after birth), so the area code is
only ever a warning here, never a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from govdesk.fullwidth import to_ascii
from govdesk.models.people import SEX_FEMALE, SEX_MALE


class IdNumberError(ValueError):
    """The number cannot be a valid 18-character citizen ID; the message is for the clerk."""


@dataclass(frozen=True)
class IdNumberInfo:
    number: str
    birth_date: date
    sex: str
    area_code: str
    warnings: list[str] = field(default_factory=list)


def normalize(text: str) -> str:
    """Full-width digits to ASCII, lowercase x to X, spaces (also 　) removed."""
    cleaned = to_ascii(str(text))
    return "".join(cleaned.split()).replace("\u3000", "").upper()


@lru_cache(maxsize=65536)
def _birth_date(yyyymmdd: str) -> date | None:
    """The birth date in an ID number, or None when no such day exists (cached: dates repeat)."""
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


def parse(number: str, today: date | None = None) -> tuple[date, str]:
    """Fast core check of an already ``normalize``d number: (birth date, sex) or ``IdNumberError``.

    No area-code lookup (that is only ever a warning): importers call this 200,000 times.
    """
    if not number:
        raise IdNumberError("不能为空")
    if len(number) == 15 and number.isdigit():
        raise IdNumberError("这是旧的 15 位身份证号码，请填写现行的 18 位公民身份号码")
    if len(number) != 18:
        raise IdNumberError(f"应为 18 位，现为 {len(number)} 位")
    body = number[:17]
    if not (body.isascii() and body.isdigit()) or not (number[17].isdigit() or number[17] == "X"):
        raise IdNumberError("前 17 位应为数字，最后一位为数字或 X")
    birth = _birth_date(number[6:14])
    if birth is None:
        raise IdNumberError(f"出生日期 {number[6:10]}-{number[10:12]}-{number[12:14]} 不存在")
    if birth > (today or date.today()):
        raise IdNumberError(f"出生日期 {birth.isoformat()} 晚于今天")
    if birth.year < 1880:
        raise IdNumberError(f"出生日期 {birth.isoformat()} 不合理")
    # GB 11643 / ISO 7064 MOD 11-2, as stdnum computes it: the weights 2^(17-i) mod 11 are the
    # digits of the body read in base 13 (13 ≡ 2 mod 11), so one C-level int() does the sum.
    checksum = (1 - 2 * int(body, 13)) % 11
    expected = "X" if checksum == 10 else str(checksum)
    if expected != number[17]:
        raise IdNumberError(f"校验位错误：最后一位应为 {expected}，填的是 {number[17]}")
    return birth, (SEX_MALE if int(number[16]) % 2 == 1 else SEX_FEMALE)


def check(text: str) -> IdNumberInfo:
    """Validate an ID number and read the birth date and sex from it.

    Raises ``IdNumberError`` with a Chinese message saying exactly what is wrong.
    """
    number = normalize(text)
    birth, sex = parse(number)
    warnings: list[str] = []
    from stdnum.cn import ric  # its area-code tables load when a clerk's entry is checked, not at start-up

    try:
        ric.get_birth_place(number)
    except Exception:  # unknown or anachronistic area code: the number is still real
        warnings.append(f"地区码 {number[:6]} 未知或设立晚于出生年份（号码按签发地编制，仅提示）")
    return IdNumberInfo(number=number, birth_date=birth, sex=sex, area_code=number[:6], warnings=warnings)


def make_number(area_code: str, birth: date, sequence: int) -> str:
    """Build a valid number (for the demo village and tests): sequence odd = male, even = female."""
    from stdnum.cn import ric

    body = f"{area_code}{birth:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")
