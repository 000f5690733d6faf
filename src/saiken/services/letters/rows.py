"""What the letter services return and take: plain frozen rows, never ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class VersionRow:
    id: int
    template_id: int
    version: int
    state: str  # draft / approved / retired
    state_label: str  # 下書き / 承認済み / 廃止
    source: str  # default / editor / package
    note: str
    created_by: str
    created_at: dt.datetime
    approved_by: str | None
    approved_at: dt.datetime | None
    retired_at: dt.datetime | None


@dataclass(frozen=True)
class TemplateRow:
    id: int
    kind: str  # demand / notice / agreement / pledge / reissue
    kind_label: str  # 督促状 …
    name: str
    versions: tuple[VersionRow, ...]  # newest first

    @property
    def approved(self) -> VersionRow | None:
        return next((v for v in self.versions if v.state == "approved"), None)

    @property
    def latest(self) -> VersionRow:
        return self.versions[0]


@dataclass(frozen=True)
class TemplateText:
    """One version with its text (what the editor opens and `saiken template show` prints)."""

    template: TemplateRow
    version: VersionRow
    text: str


@dataclass(frozen=True)
class TemplateChange:
    """What a template action changed (for the screens to refresh)."""

    template_id: int
    version_id: int
    version: int
    state: str
    retired_version_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class BatchRequest:
    """One batch of letters. Debtors come from `debtor_ids` (a selection in the list, or one card) or from
    the saved extraction condition `condition`; a version is chosen by `template_version_id`, or else the
    approved version of the kind (which must then be the only approved template of that kind)."""

    kind: str
    debtor_ids: tuple[int, ...] = ()
    management_nos: tuple[str, ...] = ()  # the same, by 管理番号 (the CLI's --debtor)
    condition: str | None = None
    letter_date: dt.date | None = None  # default: today
    pay_by: dt.date | None = None  # default: letter date + the letterhead's pay-by days
    method: str = "特定記録"
    template_version_id: int | None = None
    include_difficult: bool = False
    include_returned: bool = False

    @property
    def source(self) -> str:
        if self.condition:
            return "condition"
        return "card" if len(self.debtor_ids) + len(self.management_nos) == 1 else "selection"


@dataclass(frozen=True)
class SkippedDebtor:
    debtor_id: int
    management_no: str
    reason: str


@dataclass(frozen=True)
class LetterMade:
    debtor_id: int
    management_no: str
    document_number: str
    document_id: int | None  # the documents-sent entry (None in a preview)
    pages: int
    limitation_event: str | None  # the event the rules give the letter (statutory_demand, demand) or None


@dataclass(frozen=True)
class BatchResult:
    """A batch: the PDF (in memory, never written by the service), one row per letter, the debtors left out
    with their reason, and warnings (settings still empty). `batch_id` is None for a preview."""

    batch_id: int | None
    kind: str
    template_version_id: int
    letter_date: dt.date
    pay_by: dt.date
    method: str
    pdf: bytes
    letters: tuple[LetterMade, ...]
    skipped: tuple[SkippedDebtor, ...]
    warnings: tuple[str, ...] = ()
    mail_list_pdf: bytes = b""
    mail_list_xlsx: bytes = b""
    labels_pdf: bytes = b""

    @property
    def pages(self) -> int:
        return sum(letter.pages for letter in self.letters)

    @property
    def document_numbers(self) -> tuple[str, ...]:
        return tuple(letter.document_number for letter in self.letters)

    def summary(self) -> dict[str, object]:
        """The CLI's `--json` keys (DESIGN §9, issue 8); a debtor's `id` is its 管理番号, as in `saiken debtors`."""
        return {
            "letters": len(self.letters),
            "pages": self.pages,
            "skipped": [{"id": s.management_no, "reason": s.reason} for s in self.skipped],
            "document_numbers": list(self.document_numbers),
        }


@dataclass(frozen=True)
class BatchRow:
    id: int
    kind: str
    kind_label: str
    template_version_id: int
    template_name: str
    version: int
    letter_date: dt.date
    pay_by: dt.date
    method: str
    source: str
    condition_name: str
    letters: int
    pages: int
    skipped: int
    created_by: str
    created_at: dt.datetime
    returned: int = 0


@dataclass(frozen=True)
class SentRow:
    """One letter of a batch, as the batch screen lists it (tracking numbers, returns)."""

    document_id: int
    debtor_id: int
    management_no: str
    name: str
    document_number: str
    method: str
    tracking_no: str
    returned_on: dt.date | None
    returned_reason: str
    pages: int


@dataclass(frozen=True)
class LetterheadRow:
    """The sender details (差出人情報) with the days from letter date to pay-by date and the window offset."""

    values: dict[str, str] = field(default_factory=dict)
    pay_by_days: int = 14
    window_x_mm: float = 0.0
    window_y_mm: float = 0.0
