"""Money: integer yen only. Formatting (1,234,567円) and reading amounts as people and Excel give them.

Results are always `int`. A float from Excel is accepted only when it has no fractional part
(Excel stores every number as a float); a fraction of a yen is refused, never rounded.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction

from saiken.domain.errors import ValidationError

_EXAMPLE = "1,234,567 や 1234567円 のように入力してください。"
_GROUPED_RE = re.compile(r"^\d{1,3}(,\d{3})+$")
_PLAIN_RE = re.compile(r"^\d+$")
_NEGATIVE_MARKS = ("-", "−", "△", "▲")


def format_yen(amount: int) -> str:
    """1234567 → `1,234,567円`; -1234 → `-1,234円`."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        if isinstance(amount, Fraction) and amount.denominator == 1:
            amount = int(amount)
        else:
            raise TypeError(f"format_yen needs an int, got {type(amount).__name__}")
    return f"{amount:,}円"


def _from_number(value: int | float | Decimal | Fraction) -> int:
    if isinstance(value, bool):
        raise ValidationError(f"「{value}」は金額として読めません。{_EXAMPLE}")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(f"「{value}」は金額として読めません。{_EXAMPLE}")
        if not value.is_integer():
            raise ValidationError(f"「{value}」に1円未満の端数があります。円単位の整数で入力してください。")
        return int(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValidationError(f"「{value}」は金額として読めません。{_EXAMPLE}")
        if value != value.to_integral_value():
            raise ValidationError(f"「{value}」に1円未満の端数があります。円単位の整数で入力してください。")
        return int(value)
    if value.denominator != 1:
        raise ValidationError(f"「{value}」に1円未満の端数があります。円単位の整数で入力してください。")
    return int(value)


def _from_text(value: str) -> int:
    shown = value.strip()
    text = unicodedata.normalize("NFKC", value)
    text = re.sub(r"\s+", "", text)
    if not text:
        raise ValidationError(f"金額が空です。{_EXAMPLE}")
    negative = False
    if text.startswith(_NEGATIVE_MARKS):
        negative, text = True, text[1:]
    for mark in ("¥", "\\", "￥"):
        if text.startswith(mark):
            text = text[1:]
            break
    if not negative and text.startswith(_NEGATIVE_MARKS):  # ¥-1,234
        negative, text = True, text[1:]
    if text.endswith("円"):
        text = text[:-1]
    zero_fraction = re.fullmatch(r"([\d,]+)\.0+", text)
    if zero_fraction:  # 1234.00 from a text cell
        text = zero_fraction.group(1)
    if "." in text:
        if re.fullmatch(r"[\d,]+\.\d+", text):
            raise ValidationError(f"「{shown}」に1円未満の端数があります。円単位の整数で入力してください。")
        raise ValidationError(f"「{shown}」は金額として読めません。{_EXAMPLE}")
    if _PLAIN_RE.match(text) or _GROUPED_RE.match(text):
        amount = int(text.replace(",", ""))
        return -amount if negative else amount
    if re.fullmatch(r"[\d,]+", text):
        raise ValidationError(f"「{shown}」の桁区切り（,）の位置が正しくありません。{_EXAMPLE}")
    raise ValidationError(f"「{shown}」は金額として読めません。{_EXAMPLE}")


def parse_yen(value: object) -> int:
    """An amount in whole yen from an int, a float or Decimal with no fraction, or text.

    Text may carry full-width digits, spaces, a leading ¥/￥, a trailing 円 and commas in their proper
    places; a leading -, −, △ or ▲ makes it negative (the caller decides whether negatives are allowed).
    Raises ValidationError with a message naming the value; the caller adds the row and column.
    """
    if value is None:
        raise ValidationError(f"金額が空です。{_EXAMPLE}")
    if isinstance(value, int | float | Decimal | Fraction):
        return _from_number(value)
    if isinstance(value, str):
        return _from_text(value)
    raise ValidationError(f"「{value}」は金額として読めません。{_EXAMPLE}")


def format_exact(value: Fraction | int, places: int = 4) -> str:
    """An exact amount for a statement: `92,222.1549`; a value that needs more than `places` decimals is
    cut (not rounded) and marked with `…`: Fraction(13748735, 365) → `37,667.7671…`."""
    value = Fraction(value)
    sign = "-" if value < 0 else ""
    value = abs(value)
    whole = value.numerator // value.denominator
    rest = value - whole
    scaled = rest * 10**places
    digits = scaled.numerator // scaled.denominator
    exact = scaled.denominator == 1
    decimals = f"{digits:0{places}d}".rstrip("0") if exact else f"{digits:0{places}d}"
    text = f"{sign}{whole:,}"
    if decimals:
        text += f".{decimals}"
    return text if exact else text + "…"


def format_exact_yen(value: Fraction | int, places: int = 4) -> str:
    """`format_exact` followed by 円: `92,222.1549円`, `15,150円`, `37,667.7671…円`."""
    return f"{format_exact(value, places)}円"


def format_fixed(value: Fraction | int, places: int = 4) -> str:
    """An exact amount with exactly `places` decimals, the rest cut (never rounded), for a column whose
    figures line up on the decimal point: Fraction(13748735, 365) → `37,667.7671`, 15150 → `15,150.0000`.
    A statement that uses it says that the figures are cut for display and the sum is exact."""
    value = Fraction(value)
    sign = "-" if value < 0 else ""
    value = abs(value)
    whole = value.numerator // value.denominator
    scaled = (value - whole) * 10**places
    digits = scaled.numerator // scaled.denominator
    return f"{sign}{whole:,}.{digits:0{places}d}" if places else f"{sign}{whole:,}"


def is_cut(value: Fraction | int, places: int = 4) -> bool:
    """True when `format_fixed(value, places)` had to cut decimals away."""
    scaled: Fraction = Fraction(value) * 10**places
    return scaled.denominator != 1
