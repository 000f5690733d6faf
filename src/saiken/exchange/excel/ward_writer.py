"""Writer of workbooks in the ward's extraction format (滞納者一覧), from fictional debtors.

Used by tests, demos and benchmarks to make the workbooks real people send: `WardWorkbookVariant`
switches on title rows, header synonyms and spaces, column order, 和暦 or text dates, amounts as text
or as formulas (with their computed values stored, as Excel does), postal codes with 〒, readings in
hiragana or half-width kana, padded names, blank, total and note rows, extra and mailing columns.
The default variant is the layout of the ward's sample (19 columns, header in row 1).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from saiken.domain import wareki
from saiken.domain.fictional import KIND_INDIVIDUAL, FictionalDebtor
from saiken.exchange.excel.xlsx_write import safe
from saiken.fsutil import atomic_write_bytes


@dataclass(frozen=True, slots=True)
class WardWorkbookVariant:
    title_rows: int = 0  # lines of title above the header row
    headers: str = "standard"  # standard (the sample's) | synonyms (名称, ふりがな, 返還金額（円）, 〒 …)
    header_spaces: bool = False  # a space (half- or full-width) inside every header
    column_order: str = "standard"  # standard | reversed | shuffled
    dates: str = "excel"  # excel | iso | slash | wareki | wareki_short | wareki_zero
    amounts: str = "number"  # number | commas | yen | fullwidth | formula
    cache_formulas: bool = True  # with amounts=formula: store the computed values (as Excel does)
    postal: str = "hyphen"  # hyphen | plain | mark | fullwidth
    readings: str = "katakana"  # katakana | hiragana | halfwidth
    padded_names: bool = False  # spaces around names, doubled inside
    blank_rows: bool = False  # a blank row after every 7 debtors
    total_row: bool = False  # 合計 under the data
    note_rows: bool = False  # ※ and 備考 lines under the data
    extra_columns: bool = False  # 担当 and 未納額, which the reader ignores
    mailing: bool = False  # 送付先郵便番号 / 送付先住所
    omit_due: bool = False  # no 納期限 column: the reader takes 返還命令日 + 20 days
    sheet_title: str = "滞納者一覧"


PRESETS = {
    "standard": WardWorkbookVariant(),
    "messy": WardWorkbookVariant(
        title_rows=3,
        headers="synonyms",
        header_spaces=True,
        column_order="shuffled",
        dates="wareki",
        amounts="yen",
        postal="mark",
        readings="hiragana",
        padded_names=True,
        blank_rows=True,
        total_row=True,
        note_rows=True,
        extra_columns=True,
        mailing=True,
    ),
}

_HALF_WIDTH = {unicodedata.normalize("NFKC", chr(code)): chr(code) for code in range(0xFF66, 0xFF9E)}
_HALF_WIDTH.update({"\u3099": "\uff9e", "\u309a": "\uff9f", "\u3000": " ", "ー": "ｰ"})
_FULL_WIDTH_DIGITS = str.maketrans("0123456789,-", "０１２３４５６７８９，－")


def _reading(text: str, style: str) -> str:
    if style == "hiragana":
        return "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in text)
    if style == "halfwidth":
        return "".join(_HALF_WIDTH.get(ch, ch) for ch in unicodedata.normalize("NFD", text))
    return text


def _date(day: dt.date | None, style: str) -> object:
    if day is None:
        return None
    if style == "iso":
        return day.isoformat()
    if style == "slash":
        return f"{day.year}/{day.month}/{day.day}"
    if style == "wareki":
        return wareki.format_wareki(day)
    if style == "wareki_short":
        return wareki.format_wareki(day, "short")
    if style == "wareki_zero":
        era = wareki.era_of(day)
        return f"{era.letter}{era.year_of(day):02d}/{day.month:02d}/{day.day:02d}"
    return day


def _amount(value: int, style: str, index: int) -> object:
    if style == "commas":
        return f"{value:,}"
    if style == "yen":
        return f"￥{value:,}" if index % 2 else f"{value:,}円"
    if style == "fullwidth":
        return f"{value:,}".translate(_FULL_WIDTH_DIGITS)
    if style == "formula":
        rest = value % 1000
        return f"={value - rest}+{rest}"
    return value


def _postal(code: str, style: str) -> str:
    if style == "plain":
        return code.replace("-", "")
    if style == "mark":
        return "〒" + code
    if style == "fullwidth":
        return code.translate(_FULL_WIDTH_DIGITS)
    return code


def _name(text: str, padded: bool) -> str:
    return f"  {text.replace(chr(0x3000), chr(0x3000) * 2)}\u3000" if padded else text


Column = tuple[str, str, Callable[[FictionalDebtor, WardWorkbookVariant, int], object]]

_COLUMNS: tuple[Column, ...] = (
    ("管理番号", "管理No.", lambda d, v, i: d.management_no),
    ("区分", "法人・個人", lambda d, v, i: "個人事業主" if d.kind == KIND_INDIVIDUAL else "法人"),
    ("事業者名", "名称", lambda d, v, i: _name(d.name, v.padded_names)),
    ("事業者名フリガナ", "ふりがな", lambda d, v, i: _reading(d.name_kana, v.readings)),
    ("代表者氏名", "代表者名", lambda d, v, i: _name(d.representative, v.padded_names)),
    ("代表者フリガナ", "代表者カナ", lambda d, v, i: _reading(d.representative_kana, v.readings)),
    ("郵便番号", "〒", lambda d, v, i: _postal(d.postal_code, v.postal)),
    ("住所", "所在地", lambda d, v, i: d.address),
    ("電話番号", "TEL", lambda d, v, i: d.phone),
    ("メールアドレス", "E-mail", lambda d, v, i: d.email),
    ("交付年度", "年度", lambda d, v, i: wareki.format_fiscal_year(d.fiscal_year)),
    ("交付決定日", "交付決定年月日", lambda d, v, i: _date(d.decision_date, v.dates)),
    ("交付額", "交付決定額", lambda d, v, i: _amount(d.grant_amount, v.amounts, i)),
    ("受領日", "受領年月日", lambda d, v, i: _date(d.received_date, v.dates)),
    ("返還命令日", "返還命令年月日", lambda d, v, i: _date(d.order_date, v.dates)),
    ("返還金額", "返還金額（円）", lambda d, v, i: _amount(d.principal, v.amounts, i)),
    ("納期限", "納付期限", lambda d, v, i: _date(d.due_date, v.dates)),
    ("既納付額", "納付済額", lambda d, v, i: _amount(d.paid, v.amounts, i)),
    ("経過", "備考", lambda d, v, i: d.notes),
)
_EXTRA: tuple[Column, ...] = (
    ("担当", "担当", lambda d, v, i: "甲野"),
    ("未納額", "未納額", lambda d, v, i: d.balance),
)
_MAILING: tuple[Column, ...] = (
    ("送付先郵便番号", "送付先〒", lambda d, v, i: "169-0075" if i % 5 == 0 else None),
    ("送付先住所", "送付先住所", lambda d, v, i: "東京都新宿区高田馬場1丁目1番1号" if i % 5 == 0 else None),
)


def _columns(variant: WardWorkbookVariant) -> list[Column]:
    columns = [c for c in _COLUMNS if not (variant.omit_due and c[0] == "納期限")]
    if variant.mailing:
        columns[8:8] = _MAILING
    if variant.extra_columns:
        columns[3:3] = _EXTRA[:1]
        columns.extend(_EXTRA[1:])
    if variant.column_order == "reversed":
        columns.reverse()
    elif variant.column_order == "shuffled":
        random.Random(7).shuffle(columns)
    return columns


def _header(column: Column, variant: WardWorkbookVariant, index: int) -> str:
    text = column[1] if variant.headers == "synonyms" else column[0]
    if variant.header_spaces and len(text) > 1:
        middle = len(text) // 2
        text = text[:middle] + ("\u3000" if index % 2 else " ") + text[middle:]
    return text


def _cell(sheet: Any, value: object) -> object:
    if hasattr(value, "isoformat") and not isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy/mm/dd"
        return cell
    if isinstance(value, str) and value.startswith("=") and re.fullmatch(r"=\d+\+\d+", value):
        return value  # our own formula (amounts="formula")
    return safe(value)


_FORMULA_XML_RE = re.compile(rb"<f>(\d+)\+(\d+)</f><v\s*/>")


def add_cached_values(xlsx: bytes) -> bytes:
    """Store the result of every `=a+b` formula in the workbook, as Excel does when it saves."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = _FORMULA_XML_RE.sub(
                    lambda m: b"<f>%s+%s</f><v>%d</v>" % (m[1], m[2], int(m[1]) + int(m[2])), data
                )
            target.writestr(info, data)
    return output.getvalue()


def write_ward_workbook(
    path: Path | str, debtors: Iterable[FictionalDebtor], *, variant: WardWorkbookVariant | str = "standard"
) -> None:
    """Write `debtors` as the ward would send them, in the layout `variant` describes."""
    if isinstance(variant, str):
        variant = PRESETS[variant]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(variant.sheet_title)
    titles = ["令和7年度 経営力強化支援事業補助金返還金 滞納者一覧", "作成: 産業振興課（架空のデータ）"]
    for line in range(variant.title_rows):
        sheet.append([titles[line]] if line < len(titles) else [])
    columns = _columns(variant)
    sheet.append([_header(column, variant, index) for index, column in enumerate(columns)])
    principal_total = paid_total = 0
    for index, debtor in enumerate(debtors):
        sheet.append([_cell(sheet, column[2](debtor, variant, index)) for column in columns])
        principal_total += debtor.principal
        paid_total += debtor.paid
        if variant.blank_rows and index % 7 == 6:
            sheet.append([])
    if variant.total_row:
        totals = {"管理番号": "合計", "返還金額": principal_total, "既納付額": paid_total}
        sheet.append([totals.get(column[0]) for column in columns])
    if variant.note_rows:
        sheet.append([])
        sheet.append(["※ 金額の単位は円です。"])
        sheet.append(["備考: 既納付額は令和7年8月31日現在です。"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if variant.amounts == "formula" and variant.cache_formulas:
        data = add_cached_values(data)
    atomic_write_bytes(Path(path), data)
