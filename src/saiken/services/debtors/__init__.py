"""Debtor files (債務者カード) and the debtor list — the service API of docs/services.md, "Debtor files".

Every function takes a `VaultSession`, runs ONE transaction, writes its audit entry there with ids and
counts only, and returns plain frozen rows. Writes need Capability.EDIT, reads Capability.READ. Dates that
default to "today" come from the session's clock (Japan time).

Modules: `edits` (creating a debtor file, claims, the debtor's own fields, status, handler, tags, notes),
`card` (the card and the charge statement), `payments`, `records` (negotiation records and their versions),
`plans` (instalments), `inquiries` (inquiries and documents sent), `attachments`, `search` (the list, saved
conditions) over `search_index` / `search_query`, `rows` (the frozen rows), `common` (lookups, input checks,
the denormalised totals), `demo` (fictional debtors for the demo vault). The rules themselves — charges,
payment allocation, the card totals, limitation events, instalments — are in `saiken.domain`.
"""

from saiken.services.debtors.attachments import MAX_ATTACHMENT_BYTES, add_attachment, read_attachment
from saiken.services.debtors.card import charge_statement, get_card
from saiken.services.debtors.consequences import LimitationChange, limitation_if_paid, limitation_if_pledged
from saiken.services.debtors.edits import (
    KINDS,
    STATUSES,
    add_claim,
    add_debtor,
    assign_handler,
    handler_names,
    set_status,
    set_tags,
    update_debtor,
    update_notes,
)
from saiken.services.debtors.inquiries import (
    DOCUMENT_KINDS,
    add_inquiry,
    answer_inquiry,
    log_document_sent,
    mark_document_returned,
)
from saiken.services.debtors.listing import Listing, filter_summary, list_debtors
from saiken.services.debtors.payments import add_payment, correct_payment, reverse_payment
from saiken.services.debtors.plans import accelerate_plan, create_instalment_plan
from saiken.services.debtors.records import add_record, correct_record, record_history
from saiken.services.debtors.rows import (
    AttachmentRow,
    ClaimRow,
    DebtorCard,
    DebtorCreated,
    DocumentSentRow,
    HandlerChoice,
    InquiryRow,
    LimitationRow,
    PaymentRow,
    PlanItemRow,
    PlanRow,
    RecordRow,
    TagRow,
    Totals,
    TrancheRow,
)
from saiken.services.debtors.search import (
    MAX_PAGE,
    UNASSIGNED,
    DebtorFilter,
    DebtorListRow,
    DebtorPage,
    delete_condition,
    list_conditions,
    save_condition,
    search_debtors,
)

__all__ = [
    "DOCUMENT_KINDS",
    "KINDS",
    "MAX_ATTACHMENT_BYTES",
    "MAX_PAGE",
    "STATUSES",
    "UNASSIGNED",
    "AttachmentRow",
    "ClaimRow",
    "DebtorCard",
    "DebtorCreated",
    "DebtorFilter",
    "DebtorListRow",
    "DebtorPage",
    "DocumentSentRow",
    "HandlerChoice",
    "InquiryRow",
    "LimitationChange",
    "LimitationRow",
    "Listing",
    "PaymentRow",
    "PlanItemRow",
    "PlanRow",
    "RecordRow",
    "TagRow",
    "Totals",
    "TrancheRow",
    "accelerate_plan",
    "add_attachment",
    "add_claim",
    "add_debtor",
    "add_inquiry",
    "add_payment",
    "add_record",
    "answer_inquiry",
    "assign_handler",
    "charge_statement",
    "correct_payment",
    "correct_record",
    "create_instalment_plan",
    "delete_condition",
    "filter_summary",
    "get_card",
    "handler_names",
    "limitation_if_paid",
    "limitation_if_pledged",
    "list_conditions",
    "list_debtors",
    "log_document_sent",
    "mark_document_returned",
    "read_attachment",
    "record_history",
    "reverse_payment",
    "save_condition",
    "search_debtors",
    "set_status",
    "set_tags",
    "update_debtor",
    "update_notes",
]
