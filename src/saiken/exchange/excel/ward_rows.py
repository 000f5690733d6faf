"""One data row of the ward's extraction: skip it (total, note), or check every cell and build a DebtorRow.

See `ward_reader` for the rules. `RowReader.read` collects every problem of a row, not just the first,
and remembers management numbers across rows to catch duplicates.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Sequence
from typing import NamedTuple

from openpyxl.utils import get_column_letter

from saiken.domain.errors import ValidationError
from saiken.domain.text_limits import EXCEL_CELL_MAX, TEXT_LIMITS, cell_too_long, too_long
from saiken.exchange.excel import ward_cells as cells
from saiken.exchange.excel import ward_headers as h
from saiken.exchange.excel.ward_model import DebtorRow, RowError

DUE_DAYS_AFTER_ORDER = 20

_TOTAL_WORDS = frozenset({"計", "合計", "小計", "総計", "累計", "総合計", "合計額", "件数"})
_TOTAL_PREFIXES = ("合計", "小計", "総計", "総合計")
_NOTE_PREFIXES = ("※", "*", "備考", "注:", "注)", "(注", "注記", "注意", "出典", "作成日", "作成者", "以上")
_AMOUNT_FIELDS = (h.PRINCIPAL, h.PAID, h.GRANT_AMOUNT)
_UNSAVED_FORMULA = (
    "セル{cell}の数式の計算結果がファイルに保存されていません。Excel で開いて再計算し、保存し直してください。"
)
_FAILED = object()
_NO_NUMBER = "管理番号がありません。区の管理番号を入力してください。"
_NO_NAME = "氏名・名称がありません。事業者名（個人は氏名）を入力してください。"
_NO_PRINCIPAL = "返還金額がありません。返還を命じた金額を入力してください。"
_OPTIONAL: tuple[tuple[str, Callable[[object], object]], ...] = (
    (h.NAME_KANA, cells.reading),
    (h.REPRESENTATIVE, cells.text),
    (h.REPRESENTATIVE_KANA, cells.reading),
    (h.POSTAL_CODE, cells.postal_code),
    (h.ADDRESS, cells.text),
    (h.MAILING_POSTAL_CODE, cells.postal_code),
    (h.MAILING_ADDRESS, cells.text),
    (h.PHONE, cells.phone),
    (h.EMAIL, cells.email),
    (h.FISCAL_YEAR, cells.fiscal_year),
    (h.DECISION_DATE, cells.date),
    (h.GRANT_AMOUNT, cells.amount),
    (h.RECEIVED_DATE, cells.date),
    (h.ORDER_DATE, cells.date),
    (h.DUE_DATE, cells.date),
    (h.PAID, cells.amount),
    (h.NOTES, cells.notes),
)
_OPTIONAL_KEYS = tuple(key for key, _ in _OPTIONAL)


class _Field(NamedTuple):
    key: str
    column: int  # 0-based
    label: str  # the header as written in the file, else our name for the field
    convert: Callable[[object], object]
    limit: int | None  # the longest text the field may hold (text_limits), None for no limit
    is_date: bool  # a date is also checked for an era past its end (a note, not an error)
    missing: str | None  # what to tell the person when the cell of a required field is empty


def _key_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and value.isascii():  # NFKC leaves ASCII as it is
        return "".join(value.split())
    return "".join(unicodedata.normalize("NFKC", str(value)).split())


def _is_total(text: str) -> bool:
    return text in _TOTAL_WORDS or text.startswith(_TOTAL_PREFIXES)


class RowReader:
    def __init__(
        self,
        mapping: dict[str, int],
        headers: dict[str, str],
        unsaved_formulas: dict[tuple[int, int], str],
        rows: list[DebtorRow],
        errors: list[RowError],
        notes: list[RowError] | None = None,
    ) -> None:
        self._columns = mapping
        self._headers = headers
        self._notes = notes if notes is not None else []
        self._by_column = {column: headers.get(key, h.LABELS.get(key, "")) for key, column in mapping.items()}
        self._unsaved = unsaved_formulas
        self._rows = rows
        self._errors = errors
        self._seen: dict[str, int] = {}
        self._amount_columns = {mapping[key] for key in _AMOUNT_FIELDS if key in mapping}
        # what a message calls each field: its header as written, else our name for it
        self._labels = {key: headers.get(key, label) for key, label in h.LABELS.items()}
        fiscal_year = functools.lru_cache(maxsize=256)(cells.fiscal_year)  # few distinct values per workbook
        # everything about a column that is the same on every row, decided once; read in this order
        self._fields = [
            self._field(h.MANAGEMENT_NO, cells.management_no, _NO_NUMBER),
            self._field(h.NAME, cells.text, _NO_NAME),
            *(
                self._field(key, fiscal_year if key == h.FISCAL_YEAR else convert)
                for key, convert in _OPTIONAL
                if key in mapping
            ),
            self._field(h.PRINCIPAL, cells.amount, _NO_PRINCIPAL),
        ]
        self._blank = dict.fromkeys((h.MANAGEMENT_NO, h.NAME, *_OPTIONAL_KEYS, h.PRINCIPAL))
        self._kind_column = mapping.get(h.KIND)
        self._kinds: dict[str, str] = {}  # 区分 as written → 法人 / 個人 (a few values in a whole workbook)
        # a header repeated inside the data (printed lists often repeat it on every page)
        self._header_key = (_key_text(headers.get(h.MANAGEMENT_NO)), _key_text(headers.get(h.NAME)))

    def _field(self, key: str, convert: Callable[[object], object], missing: str | None = None) -> _Field:
        limit = TEXT_LIMITS.get(key)
        return _Field(
            key, self._columns[key], self._labels[key], convert, limit, convert is cells.date, missing
        )

    def _get(self, values: Sequence[object], key: str) -> object:
        column = self._columns.get(key)
        if column is None or column >= len(values):
            return None
        return values[column]

    def _skippable(self, values: Sequence[object]) -> bool:
        number = _key_text(self._get(values, h.MANAGEMENT_NO))
        name = _key_text(self._get(values, h.NAME))
        if (number, name) == self._header_key:
            return True
        for text in (number, name):
            if text and (_is_total(text) or text.startswith(_NOTE_PREFIXES)):
                return True
        if number or name:
            return False
        texts = [_key_text(value) for value in values if isinstance(value, str)]
        if any(_is_total(text) or text.startswith(_NOTE_PREFIXES) for text in texts):
            return True
        if cells.is_blank(self._get(values, h.PRINCIPAL)):
            return True  # text elsewhere, no number, no name, no amount: a note
        filled = {index for index, value in enumerate(values) if not cells.is_blank(value)}
        return filled <= self._amount_columns  # only amounts: an unlabelled total

    def _oversized(self, row: int, values: Sequence[object]) -> list[RowError]:
        """Cells longer than Excel itself allows, in any column of the row."""
        found = []
        for index, value in enumerate(values):
            if isinstance(value, str) and len(value) > EXCEL_CELL_MAX:
                column = self._by_column.get(index) or get_column_letter(index + 1) + "列"
                found.append(RowError(row, column, value[:40] + "…", cell_too_long(value) or ""))
        return found

    def _empty(self, row: int, raw: object, field: _Field, problems: list[tuple[int, RowError]]) -> object:
        """An empty cell: a formula whose result was never saved, a required value missing, or None."""
        column, label = field.column, field.label
        formula = self._unsaved.get((row, column + 1)) if self._unsaved else None
        if formula is not None:
            message = _UNSAVED_FORMULA.format(cell=f"{get_column_letter(column + 1)}{row}")
            problems.append((column, RowError(row, label, cells.shown(formula), message)))
            return _FAILED
        if field.missing is not None:
            problems.append((column, RowError(row, label, cells.shown(raw), field.missing)))
            return _FAILED
        return None

    def _fail(
        self, problems: list[tuple[int, RowError]], row: int, key: str, raw: object, message: str
    ) -> None:
        error = RowError(row, self._labels[key], cells.shown(raw), message)
        problems.append((self._columns.get(key, -1), error))

    def read(self, row: int, values: Sequence[object]) -> bool | None:
        """None: skipped (total or note row); True: a good row was added; False: its problems were added."""
        for value in values:
            if isinstance(value, str) and len(value) > EXCEL_CELL_MAX:
                self._errors.extend(self._oversized(row, values))
                return False
        if self._skippable(values):
            return None
        problems: list[tuple[int, RowError]] = []
        got = self._blank.copy()
        count = len(values)
        for field in self._fields:
            key, column, label, convert, limit, is_date, missing = field
            raw = values[column] if column < count else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                if missing is not None or self._unsaved:
                    got[key] = self._empty(row, raw, field, problems)
                continue
            try:
                value = convert(raw)
            except ValidationError as error:
                problems.append((column, RowError(row, label, cells.shown(raw), error.message)))
                got[key] = _FAILED
                continue
            if limit is not None and isinstance(value, str) and len(value) > limit:
                problems.append((column, RowError(row, label, cells.shown(raw), too_long(key, value) or "")))
                got[key] = _FAILED
                continue
            if is_date and isinstance(raw, str) and (remark := cells.era_note(raw)) is not None:
                self._notes.append(RowError(row, label, cells.shown(raw), remark))
            got[key] = value
        number, name, principal = got[h.MANAGEMENT_NO], got[h.NAME], got[h.PRINCIPAL]
        # 区分 after the name it may be decided from (problems are put in column order below)
        kind_column = self._kind_column
        kind_raw = values[kind_column] if kind_column is not None and kind_column < count else None
        kind: object = self._kinds.get(kind_raw) if isinstance(kind_raw, str) else None
        if kind is None:
            try:
                kind = decided = cells.kind(kind_raw, name if isinstance(name, str) else "")
            except ValidationError as error:
                self._fail(problems, row, h.KIND, kind_raw, error.message)
                kind = _FAILED
            else:
                if isinstance(kind_raw, str) and not cells.is_blank(kind_raw):
                    self._kinds[kind_raw] = decided  # a written 区分 decides alone, whatever the name
        order, due = got[h.ORDER_DATE], got[h.DUE_DATE]
        derived = False
        if due is None and order is None:
            key = h.DUE_DATE if h.DUE_DATE in self._columns else h.ORDER_DATE
            self._fail(
                problems, row, key, None, "納期限も返還命令日もありません。どちらかを入力してください。"
            )
        elif due is None and isinstance(order, dt.date):
            due, derived = order + dt.timedelta(days=DUE_DAYS_AFTER_ORDER), True
        elif isinstance(due, dt.date) and isinstance(order, dt.date) and due < order:
            self._fail(
                problems,
                row,
                h.DUE_DATE,
                self._get(values, h.DUE_DATE),
                f"納期限が返還命令日（{order.isoformat()}）より前です。日付を確かめてください。",
            )
        paid = 0 if got[h.PAID] is None else got[h.PAID]
        if isinstance(paid, int) and isinstance(principal, int) and paid > principal:
            self._fail(
                problems,
                row,
                h.PAID,
                self._get(values, h.PAID),
                f"既納付額が返還金額（{principal:,}円）を超えています。加算金・延滞金への納付は含めず、"
                "返還金額以下で入力してください。",
            )
        if isinstance(number, str):
            first = self._seen.setdefault(number, row)
            if first != row:
                self._fail(
                    problems,
                    row,
                    h.MANAGEMENT_NO,
                    self._get(values, h.MANAGEMENT_NO),
                    f"管理番号が{first}行目と重複しています。1つの管理番号は1行にまとめてください。",
                )
        if problems:
            problems.sort(key=lambda item: item[0])  # left to right, as the person reads the row
            self._errors.extend(error for _, error in problems)
            return False
        # a row without problems has every required value, of its type
        assert isinstance(number, str) and isinstance(kind, str) and isinstance(name, str)
        assert isinstance(principal, int) and isinstance(paid, int) and due is not None
        self._rows.append(
            DebtorRow(
                source_row=row,
                management_no=number,
                kind=kind,
                name=name,
                name_kana=got[h.NAME_KANA],
                representative=got[h.REPRESENTATIVE],
                representative_kana=got[h.REPRESENTATIVE_KANA],
                postal_code=got[h.POSTAL_CODE],
                address=got[h.ADDRESS],
                mailing_postal_code=got[h.MAILING_POSTAL_CODE],
                mailing_address=got[h.MAILING_ADDRESS],
                phone=got[h.PHONE],
                email=got[h.EMAIL],
                fiscal_year=got[h.FISCAL_YEAR],
                decision_date=got[h.DECISION_DATE],
                grant_amount=got[h.GRANT_AMOUNT],
                received_date=got[h.RECEIVED_DATE],
                order_date=order,
                principal=principal,
                due_date=due,
                paid=paid,
                notes=got[h.NOTES],
                due_date_derived=derived,
            )
        )
        return True
