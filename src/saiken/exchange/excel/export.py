"""The Excel exports in one place: the negotiation report and the debtor list.

`DebtorListItem` is another name for `DebtorListRow` (the services use it).
"""

from saiken.exchange.excel.debtor_list import DebtorListRow, write_debtor_list
from saiken.exchange.excel.negotiation_report import NegotiationReportRow, write_negotiation_report
from saiken.exchange.excel.xlsx_write import neutralise

DebtorListItem = DebtorListRow

__all__ = [
    "DebtorListItem",
    "DebtorListRow",
    "NegotiationReportRow",
    "neutralise",
    "write_debtor_list",
    "write_negotiation_report",
]
