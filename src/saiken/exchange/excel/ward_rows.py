"""One data row of the ward's extraction: skip it (total, note), or check every cell and build a DebtorRow.

See `ward_reader` for the rules. `RowReader.read` collects every problem of a row, not just the first,
and remembers management numbers across rows to catch duplicates.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Callable, Sequence

from openpyxl.utils import get_column_letter

from saiken.domain.errors import ValidationError
from saiken.domain.text_limits import cell_too_long, too_long
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


def _key_text(value: object) -> str:
    if value is None:
        return ""
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
        fiscal_year = functools.lru_cache(maxsize=256)(cells.fiscal_year)  # few distinct values per workbook
        self._optional = [
            (key, fiscal_year if key == h.FISCAL_YEAR else convert)
            for key, convert in _OPTIONAL
            if key in mapping
        ]
        # a header repeated inside the data (printed lists often repeat it on every page)
        self._header_key = (_key_text(headers.get(h.MANAGEMENT_NO)), _key_text(headers.get(h.NAME)))

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
            if isinstance(value, str) and (reason := cell_too_long(value)) is not None:
                column = self._by_column.get(index) or get_column_letter(index + 1) + "列"
                found.append(RowError(row, column, value[:40] + "…", reason))
        return found

    def read(self, row: int, values: Sequence[object]) -> bool | None:
        """None: skipped (total or note row); True: a good row was added; False: its problems were added."""
        oversized = self._oversized(row, values)
        if oversized:
            self._errors.extend(oversized)
            return False
        if self._skippable(values):
            return None
        problems: list[tuple[int, RowError]] = []

        def fail(key: str, raw: object, message: str) -> None:
            error = RowError(row, self._headers.get(key, h.LABELS[key]), cells.shown(raw), message)
            problems.append((self._columns.get(key, -1), error))

        def note(key: str, raw: object, message: str) -> None:
            self._notes.append(
                RowError(row, self._headers.get(key, h.LABELS[key]), cells.shown(raw), message)
            )

        def read(key: str, convert: Callable[[object], object], missing: str | None = None) -> object:
            column = self._columns.get(key)
            raw = values[column] if column is not None and column < len(values) else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                formula = (
                    self._unsaved.get((row, column + 1)) if column is not None and self._unsaved else None
                )
                if formula is not None and column is not None:
                    fail(key, formula, _UNSAVED_FORMULA.format(cell=f"{get_column_letter(column + 1)}{row}"))
                    return _FAILED
                if missing is not None:
                    fail(key, raw, missing)
                    return _FAILED
                return None
            try:
                value = convert(raw)
            except ValidationError as error:
                fail(key, raw, error.message)
                return _FAILED
            if isinstance(value, str) and (reason := too_long(key, value)) is not None:
                fail(key, raw, reason)
                return _FAILED
            if convert is cells.date and (remark := cells.era_note(raw)) is not None:
                note(key, raw, remark)
            return value

        number = read(
            h.MANAGEMENT_NO, cells.management_no, "管理番号がありません。区の管理番号を入力してください。"
        )
        name = read(h.NAME, cells.text, "氏名・名称がありません。事業者名（個人は氏名）を入力してください。")
        kind_raw = self._get(values, h.KIND)
        kind: object
        try:
            kind = cells.kind(kind_raw, name if isinstance(name, str) else "")
        except ValidationError as error:
            fail(h.KIND, kind_raw, error.message)
            kind = _FAILED
        got = dict.fromkeys(_OPTIONAL_KEYS)
        for key, convert in self._optional:
            got[key] = read(key, convert)
        principal = read(
            h.PRINCIPAL, cells.amount, "返還金額がありません。返還を命じた金額を入力してください。"
        )
        order, due = got[h.ORDER_DATE], got[h.DUE_DATE]
        derived = False
        if due is None and order is None:
            key = h.DUE_DATE if h.DUE_DATE in self._columns else h.ORDER_DATE
            fail(key, None, "納期限も返還命令日もありません。どちらかを入力してください。")
        elif due is None and isinstance(order, dt.date):
            due, derived = order + dt.timedelta(days=DUE_DAYS_AFTER_ORDER), True
        elif isinstance(due, dt.date) and isinstance(order, dt.date) and due < order:
            fail(
                h.DUE_DATE,
                self._get(values, h.DUE_DATE),
                f"納期限が返還命令日（{order.isoformat()}）より前です。日付を確かめてください。",
            )
        paid = 0 if got[h.PAID] is None else got[h.PAID]
        if isinstance(paid, int) and isinstance(principal, int) and paid > principal:
            fail(
                h.PAID,
                self._get(values, h.PAID),
                f"既納付額が返還金額（{principal:,}円）を超えています。加算金・延滞金への納付は含めず、"
                "返還金額以下で入力してください。",
            )
        if isinstance(number, str):
            first = self._seen.setdefault(number, row)
            if first != row:
                fail(
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
