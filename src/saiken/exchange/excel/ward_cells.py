"""Cell values of the ward's extraction turned into clean field values.

Each converter takes what openpyxl gives (str, int, float, datetime, None) and returns the value in
its canonical form, or raises `ValidationError` with a Japanese reason that says what to write instead.
The reader adds the row number, the column header and the value; messages here never repeat the value
for long texts, so that a person reads "what is wrong" and "what to do".

Dates go through `saiken.domain.wareki.parse_date`, amounts through `saiken.domain.money.parse_yen`,
readings through `saiken.domain.textfold.to_katakana`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils.datetime import from_excel

from saiken.domain import money, textfold, wareki
from saiken.domain.errors import ValidationError

KIND_CORPORATE = "法人"
KIND_INDIVIDUAL = "個人"
_CORPORATE_MARKS = (
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "法人",
    "(株)",
    "(有)",
    "(同)",
)
_HYPHEN_TABLE = {ord(ch): "-" for ch in textfold.HYPHENS}
_SPACE_RUN_RE = re.compile(r"(\s+)")
_POSTAL_RE = re.compile(r"^(\d{3})-?(\d{4})$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_NOT_A_READING_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f々〆]")
# full-width katakana and ー, parts joined by one U+3000: to_katakana gives such a text back unchanged
_KATAKANA_READING_RE = re.compile("[\u30a1-\u30fa\u30fc]+(?:\u3000[\u30a1-\u30fa\u30fc]+)*")
_ERROR_CODES = frozenset(ERROR_CODES)
_WEEKDAYS = "月火水木金土日"
_WEEKDAY_RE = re.compile(r"\s*\(\s*([月火水木金土日])(?:曜日?)?\s*\)\s*$")  # 令和7年9月16日(火), after NFKC
_EXCEL_SERIAL_RANGE = (20_000, 80_000)  # 1954 … 2119: a date typed into a cell formatted as a number


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: object) -> str:
    """The value as a person would see it in the error list."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _formula_error(value: object) -> None:
    if isinstance(value, str) and value.strip() in _ERROR_CODES:
        raise ValidationError(f"数式の結果がエラー（{value.strip()}）です。ブックの数式を直してください。")


def _dashes(text: str) -> str:
    """Every dash made `-`. The table changes no ASCII character (its one ASCII key is `-` itself)."""
    return text if text.isascii() else text.translate(_HYPHEN_TABLE)


def tidy(value: object) -> str:
    """NFKC text, trimmed; each run of spaces inside becomes one space, full-width if the run had one."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.isascii():  # NFKC leaves ASCII as it is, and no run of spaces in it holds U+3000
        return " ".join(text.split())
    parts = text.split()  # the pieces between runs of spaces (str.split and \s agree on what a space is)
    if len(parts) == 1:  # no space inside
        return unicodedata.normalize("NFKC", text)
    for space in ("\u3000", " "):
        if space.join(parts) == text:  # every run is this one space, which it stays
            return space.join([unicodedata.normalize("NFKC", part) for part in parts])
    pieces = _SPACE_RUN_RE.split(text)
    return "".join(
        unicodedata.normalize("NFKC", piece) if index % 2 == 0 else ("\u3000" if "\u3000" in piece else " ")
        for index, piece in enumerate(pieces)
    )


def text(value: object) -> str:
    _formula_error(value)
    return tidy(value)


def notes(value: object) -> str:
    """Free text kept as the ward wrote it (no NFKC: ；、（ stay), each line trimmed, empty lines dropped."""
    _formula_error(value)
    lines = [line.strip() for line in str(value).splitlines()]
    return "\n".join(line for line in lines if line)


def management_no(value: object) -> str:
    _formula_error(value)
    return _dashes("".join(tidy(value).split())).upper()


def reading(value: object) -> str:
    if isinstance(value, str) and _KATAKANA_READING_RE.fullmatch(value):
        return value  # already what to_katakana makes of it, and no kanji in it
    _formula_error(value)
    result = textfold.to_katakana(str(value))
    if _NOT_A_READING_RE.search(result):
        raise ValidationError(
            "フリガナに漢字が含まれています。カタカナ（またはひらがな）で入力してください。"
        )
    return result


def kind(value: object, name: str) -> str:
    """法人 or 個人; an empty cell is decided from the name (株式会社 … → 法人)."""
    if is_blank(value):
        return KIND_CORPORATE if any(mark in name for mark in _CORPORATE_MARKS) else KIND_INDIVIDUAL
    _formula_error(value)
    word = "".join(tidy(value).split())
    if "個人" in word:
        return KIND_INDIVIDUAL
    if "法人" in word or "会社" in word:
        return KIND_CORPORATE
    raise ValidationError("区分は「法人」か「個人」（個人事業主）で入力してください。")


def postal_code(value: object) -> str:
    """`160-0023`, `1600023`, `〒160-0023`, full-width digits → `160-0023`."""
    _formula_error(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        digits = str(int(value)).zfill(7) if float(value).is_integer() else ""
    else:
        digits = _dashes("".join(tidy(value).split())).lstrip("〒")
    match = _POSTAL_RE.match(digits)
    if not match:
        raise ValidationError("郵便番号は7桁の数字で入力してください（例: 160-0023）。")
    return f"{match[1]}-{match[2]}"


def phone(value: object) -> str:
    """Kept as written (NFKC, any dash made `-`); at least 10 digits. A number cell gets its leading 0 back."""
    _formula_error(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        result = str(int(value))
        if len(result) in (9, 10):
            result = "0" + result
    else:
        result = _dashes(tidy(value))
    if len(textfold.digits_only(result)) < 10:
        raise ValidationError("電話番号の桁が足りません。市外局番から入力してください（例: 03-1234-5678）。")
    return result


def email(value: object) -> str:
    _formula_error(value)
    result = "".join(tidy(value).split())
    if not _EMAIL_RE.match(result):
        raise ValidationError("メールアドレスの形式が正しくありません（例: info@example.jp）。")
    return result


def fiscal_year(value: object) -> int:
    _formula_error(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return wareki.parse_fiscal_year(value)
    return wareki.parse_fiscal_year(str(value))


def date(value: object) -> dt.date:
    """An Excel date, an ISO / slash / 和暦 text, or a serial number or 20250916 in a number cell."""
    _formula_error(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 19_000_101 <= value <= 21_001_231:
            return wareki.parse_date(str(int(value)))
        if _EXCEL_SERIAL_RANGE[0] <= value <= _EXCEL_SERIAL_RANGE[1] and float(value).is_integer():
            day: dt.date = from_excel(value).date()
            return day
        raise ValidationError(
            "日付として読めません。2025-09-16、2025/9/16、令和7年9月16日 のように入力してください。"
        )
    if isinstance(value, dt.time | dt.timedelta):
        raise ValidationError("時刻ではなく日付を入力してください（例: 令和7年9月16日）。")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    weekday = _WEEKDAY_RE.search(text)
    if weekday is None:
        return wareki.parse_date(text)
    result = wareki.parse_date(text[: weekday.start()])
    if _WEEKDAYS[result.weekday()] != weekday[1]:
        raise ValidationError(
            f"日付と曜日が合いません（{result.month}月{result.day}日は{_WEEKDAYS[result.weekday()]}曜日です）。"
            "日付を確かめてください。"
        )
    return result


def era_note(value: object) -> str | None:
    """What to tell the person about a date written in an era past that era's end (平成31年5月1日,
    平成32年4月1日, as old forms still print them): it was read as that same day, as the government does."""
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    weekday = _WEEKDAY_RE.search(text)
    if weekday is not None:
        text = text[: weekday.start()]
    try:
        return wareki.read_date(text).note
    except ValidationError:
        return None


def amount(value: object) -> int:
    """Whole yen, never negative: numbers, `1,234,567`, `1234567円`, `￥1,234,567`, full-width digits."""
    if type(value) is int:  # what parse_yen gives back as it is (a bool is not an int here)
        result = value
    else:
        _formula_error(value)
        result = money.parse_yen(value)
    if result < 0:
        raise ValidationError("金額がマイナスです。0以上の金額を入力してください。")
    return result
