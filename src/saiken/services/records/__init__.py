"""The 交渉記録 area's services: every negotiation record across debtors (`search_records` with a
`RecordFilter`), and the 交渉記録報告書 for a period and handler (`report_document` for the preview,
`save_negotiation_report` for the file, `record_report_printed`). Adding and correcting a record is the
debtor card's business (`saiken.services.debtors.add_record`, `correct_record`)."""

from saiken.services.records.report import (
    ReportDocument,
    ReportScope,
    record_report_printed,
    report_document,
    report_rows,
    save_negotiation_report,
)
from saiken.services.records.search import (
    MAX_PAGE,
    PROMISES,
    UNASSIGNED,
    RecordFilter,
    RecordListRow,
    RecordPage,
    search_records,
)

__all__ = [
    "MAX_PAGE",
    "PROMISES",
    "UNASSIGNED",
    "RecordFilter",
    "RecordListRow",
    "RecordPage",
    "ReportDocument",
    "ReportScope",
    "record_report_printed",
    "report_document",
    "report_rows",
    "save_negotiation_report",
    "search_records",
]
