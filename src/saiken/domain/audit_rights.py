"""The right each audited action needs (DESIGN §5), for audit verification: an entry is only genuine when its
signer was, at that moment, a member whose role grants this right. The services check the same rights
before they act (`session.require`); this table is what a verifier checks afterwards, independently.

Exact names first, then the part before the first dot ("export." needs EXPORT), else membership alone.
Areas adding actions add them here (one line each)."""

from __future__ import annotations

from saiken.domain.roles import Capability

C = Capability
EXACT: dict[str, Capability | None] = {
    "auth.sign_in": None,
    "auth.sign_in_failed": None,
    "audit.head_mismatch": None,
    "vault.migrate": None,
    "vault.create": C.MANAGE_USERS,
    "vault.upgrade": C.MANAGE_USERS,
    "vault.rekey": C.MANAGE_USERS,
    "vault.device_binding": C.MANAGE_USERS,
    "vault.recovery_sheet_saved": C.MANAGE_USERS,
    "vault.recovery_key_replaced": C.MANAGE_USERS,
    "vault.older_state_accepted": C.MANAGE_USERS,
    "vault.membership_repaired": C.MANAGE_USERS,
    "vault.check": None,
    "user.password_change": None,
    "member.bind": None,
    "org.key_delivered": None,
    "device.enrol": None,
    "device.enrolment_code": C.MANAGE_USERS,
    "backup.create": C.BACKUP,
    "backup.verify": None,
    "backup.restore": C.MANAGE_USERS,
    "settings.change": C.MANAGE_USERS,
    "demo.populate": None,
    "debtor.view": C.READ,
    "debtor.charge_statement": C.READ,
    "record.history": C.READ,
    "attachment.read": C.READ,
    "import.excel": C.EDIT,
}
# Actions only a holder of the organisation key (a supervisor or an admin) can perform.
ORG_KEY_ACTIONS = frozenset({"org.sign", "org.key_rotated"})
BY_AREA: dict[str, Capability | None] = {
    "user": C.MANAGE_USERS,
    "audit": C.READ_AUDIT,
    "search": C.READ,
    "export": C.EXPORT,
    "erase": C.ERASE,
    "template": C.APPROVE_TEMPLATES,
    "debtor": C.EDIT,
    "claim": C.EDIT,
    "payment": C.EDIT,
    "record": C.EDIT,
    "plan": C.EDIT,
    "inquiry": C.EDIT,
    "document": C.EDIT,
    "attachment": C.EDIT,
}


def required_right(action: str) -> Capability | None:
    """The capability `action` needs, or None when being a member is enough."""
    if action in EXACT:
        return EXACT[action]
    return BY_AREA.get(action.split(".", 1)[0])
