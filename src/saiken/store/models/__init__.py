"""Typed SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from saiken.store.models.attachments import Attachment
from saiken.store.models.audit import AuditEntry
from saiken.store.models.claims import Claim, ReceiptTranche
from saiken.store.models.conditions import SavedCondition
from saiken.store.models.debtors import Debtor, DebtorTag, Tag
from saiken.store.models.documents import DocumentSent
from saiken.store.models.engagements import Engagement
from saiken.store.models.inquiries import Inquiry
from saiken.store.models.instalments import InstalmentPlan, InstalmentRow
from saiken.store.models.payments import Payment
from saiken.store.models.preferences import UserPreference
from saiken.store.models.records import NegotiationRecord
from saiken.store.models.search import DebtorSearch
from saiken.store.models.settings import Setting
from saiken.store.models.users import User

__all__ = [
    "Attachment",
    "AuditEntry",
    "Claim",
    "Debtor",
    "DebtorSearch",
    "DebtorTag",
    "DocumentSent",
    "Engagement",
    "Inquiry",
    "InstalmentPlan",
    "InstalmentRow",
    "NegotiationRecord",
    "Payment",
    "ReceiptTranche",
    "SavedCondition",
    "Setting",
    "Tag",
    "User",
    "UserPreference",
]
