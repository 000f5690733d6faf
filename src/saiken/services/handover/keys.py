"""Where the handover services meet the vault's keys (branch trust, issue 6): the organisation key that
signs packages and certificates, the signed audit checkpoint a manifest carries, and the members' keys
that sign custody-ledger entries. Everything key-related the handover area needs goes through here.

Pending trust's member and organisation keys (docs/services.md §Vault trust, not on main yet): ledger
entries are chained but not yet signed (`sign_ledger_entry` gives "", and the check accepts only that).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from saiken.security.ledger_chain import LedgerRecord
from saiken.services.context import Work


def sign_ledger_entry(work: Work, entry_hash: str) -> str:
    """The recording member's signature of a ledger entry's hash (hex); "" until member keys exist."""
    return ""


def ledger_signature_checker(session: Session) -> Callable[[LedgerRecord], bool]:
    """A check of each entry's signature against the key its signer held when it was recorded."""

    def check(record: LedgerRecord) -> bool:
        return record.signature == ""

    return check
