"""Excel import and export: the ward's extraction reader, the negotiation report and the debtor list."""

from saiken.exchange.excel.ward_model import DebtorRow, RowError, WardExtraction
from saiken.exchange.excel.ward_reader import DEFAULT_MAX_ROWS, read_ward_workbook
from saiken.exchange.excel.xlsx_guard import DEFAULT_MAX_BYTES

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ROWS",
    "DebtorRow",
    "RowError",
    "WardExtraction",
    "read_ward_workbook",
]
