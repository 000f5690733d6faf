"""What the ward workbook reader returns: clean debtor rows and the list of problems found."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class DebtorRow:
    source_row: int  # the worksheet row number as Excel shows it
    management_no: str
    kind: str  # 法人 / 個人
    name: str
    name_kana: str | None
    representative: str | None
    representative_kana: str | None
    postal_code: str | None
    address: str | None
    mailing_postal_code: str | None
    mailing_address: str | None
    phone: str | None
    email: str | None
    fiscal_year: int | None
    decision_date: dt.date | None
    grant_amount: int | None
    received_date: dt.date | None
    order_date: dt.date | None
    principal: int
    due_date: dt.date
    paid: int
    notes: str | None
    due_date_derived: bool = False

    @property
    def balance(self) -> int:
        return self.principal - self.paid


@dataclass(frozen=True, slots=True)
class RowError:
    row: int  # worksheet row number as Excel shows it
    column: str  # the column header as written in the file ("" for the row as a whole)
    value: str  # the cell as a person sees it
    message: str  # what is wrong and what to do, in Japanese


@dataclass(slots=True)
class WardExtraction:
    file_name: str
    sheet_name: str
    header_row: int
    columns: dict[str, str]  # field → header as written
    rows: list[DebtorRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)  # total and note rows left out
    protection: str | None = None  # the file was Office-encrypted: "agile" or "standard"
    notes: list[RowError] = field(default_factory=list)  # read, but worth telling (a date past its era)

    @property
    def ok(self) -> bool:
        return not self.errors
