"""The recovery sheet of an open vault (after a new recovery key was made): the same A4 sheet as at
creation, with the organisation key's and the founding statement's fingerprints. Rendered in memory; the
caller prints it or saves it (then `record_recovery_sheet_saved`)."""

from __future__ import annotations

from saiken.domain.roles import Capability
from saiken.exchange.pdf.recovery_sheet import render_recovery_sheet
from saiken.services.context import VaultSession
from saiken.services.vault.org import genesis_fingerprint, org_fingerprint


def recovery_sheet(s: VaultSession, recovery_key: str) -> bytes:
    """The printable sheet for `recovery_key` (admin: the only one shown a recovery key)."""
    s.require(Capability.MANAGE_USERS)
    return render_recovery_sheet(
        org_name=s.org_name,
        vault_id=s.vault_id,
        recovery_key=recovery_key,
        created_at=s.clock.now(),
        created_by=s.user.name,
        org_fingerprint=org_fingerprint(s),
        genesis_fingerprint=genesis_fingerprint(s),
    )
