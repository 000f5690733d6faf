"""Excel import and export: the ward's extraction reader, the negotiation report and the debtor list."""

from saiken.exchange.excel.debtor_list import DebtorSheetRow, debtor_list_bytes, write_debtor_list
from saiken.exchange.excel.negotiation_report import (
    NegotiationReportRow,
    negotiation_report_bytes,
    write_negotiation_report,
)
from saiken.exchange.excel.ward_model import DebtorRow, RowError, WardExtraction
from saiken.exchange.excel.ward_reader import DEFAULT_MAX_ROWS, read_ward_workbook
from saiken.exchange.excel.ward_writer import WardWorkbookVariant, write_ward_workbook
from saiken.exchange.excel.xlsx_guard import DEFAULT_MAX_BYTES
from saiken.exchange.excel.xlsx_write import neutralise

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ROWS",
    "DebtorRow",
    "DebtorSheetRow",
    "NegotiationReportRow",
    "RowError",
    "WardExtraction",
    "WardWorkbookVariant",
    "debtor_list_bytes",
    "negotiation_report_bytes",
    "neutralise",
    "read_ward_workbook",
    "write_debtor_list",
    "write_negotiation_report",
    "write_ward_workbook",
]
