"""Typed SQLAlchemy models, one module per aggregate. Importing this package registers them all."""

from saiken.store.models.attachments import Attachment
from saiken.store.models.audit import AuditEntry
from saiken.store.models.bookings import Booking
from saiken.store.models.businesses import Business, BusinessSearch
from saiken.store.models.claims import Claim, ReceiptTranche
from saiken.store.models.conditions import SavedCondition
from saiken.store.models.consultations import Consultant, Consultation
from saiken.store.models.custody import LedgerEntry, Medium
from saiken.store.models.debtors import Debtor, DebtorTag, Tag
from saiken.store.models.dispatches import Advisor, Dispatch, DispatchNight, FeeStandard
from saiken.store.models.documents import DocumentSent
from saiken.store.models.engagements import Engagement
from saiken.store.models.erasures import ErasureCertificate
from saiken.store.models.inquiries import Inquiry
from saiken.store.models.instalments import InstalmentPlan, InstalmentRow
from saiken.store.models.letters import DocumentSequence, LetterBatch, LetterTemplate, TemplateVersion
from saiken.store.models.membership import MembershipStatement
from saiken.store.models.organisations import Organisation
from saiken.store.models.packages import HandoverPackage, SyncAcknowledged, SyncKey, SyncSent
from saiken.store.models.payments import Payment
from saiken.store.models.preferences import UserPreference
from saiken.store.models.record_digests import RecordDigest
from saiken.store.models.records import NegotiationRecord
from saiken.store.models.search import DebtorSearch
from saiken.store.models.seminars import Seminar, SeminarApplication
from saiken.store.models.settings import Setting
from saiken.store.models.users import User

__all__ = [
    "Advisor",
    "Attachment",
    "AuditEntry",
    "Booking",
    "Business",
    "BusinessSearch",
    "Claim",
    "Consultant",
    "Consultation",
    "Debtor",
    "DebtorSearch",
    "DebtorTag",
    "Dispatch",
    "DispatchNight",
    "DocumentSent",
    "DocumentSequence",
    "Engagement",
    "ErasureCertificate",
    "FeeStandard",
    "HandoverPackage",
    "Inquiry",
    "InstalmentPlan",
    "InstalmentRow",
    "LedgerEntry",
    "LetterBatch",
    "LetterTemplate",
    "Medium",
    "MembershipStatement",
    "NegotiationRecord",
    "Organisation",
    "Payment",
    "ReceiptTranche",
    "RecordDigest",
    "SavedCondition",
    "Seminar",
    "SeminarApplication",
    "Setting",
    "SyncAcknowledged",
    "SyncKey",
    "SyncSent",
    "Tag",
    "TemplateVersion",
    "User",
    "UserPreference",
]
