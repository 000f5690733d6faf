"""Re-keying the vault: a new master key sealed to every member's public key (DESIGN §5).

Since format 2 nobody needs a temporary password: each member's slot keeps their own key pair, and the new
master key is sealed to its public half (saiken.services.vault.rotation does the work, crash-safe, and
re-encrypts every backup). Optionally the recovery key is replaced too (`new_recovery_key=True`: shown
once; the old sheet stops working) and the organisation key (`new_org_key=True`). Members whose slot is still
the format-1 one from before the upgrade cannot receive the new key and are listed for a reset.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from saiken.domain.errors import PermissionDeniedError
from saiken.domain.roles import Capability
from saiken.security.keyfile import load_keyfile
from saiken.services.context import VaultSession
from saiken.services.vault import slots as ks
from saiken.services.vault.backup import BackupInfo
from saiken.services.vault.rotation import RotationResult, rotate


@dataclass(frozen=True)
class RekeyResult:
    recovery_key: str | None  # a new recovery key (show once), or None when the old one still holds
    backup: BackupInfo | None = None
    needs_reset: list[str] = field(default_factory=list)  # members whose old-format slot lost access
    backups_reencrypted: int = 0
    org_key_replaced: bool = False
    rotation: RotationResult | None = None


def rekey(
    s: VaultSession, password: str | None = None, *, new_recovery_key: bool = False, new_org_key: bool = False
) -> RekeyResult:
    """Rotate the master key (admin, or the recovery principal). Not allowed on the demo vault.
    `password` (the signed-in admin's, or the recovery key), when given, is checked first like a sign-in
    (a confirmation before a large change; WrongPasswordError, counted)."""
    s.require(Capability.MANAGE_USERS)
    if s.demo:
        raise PermissionDeniedError("デモの金庫では鍵の更新はできません。")
    if password is not None:
        keyfile = load_keyfile(s.folder)
        if s.user.id == 0:
            ks.unlock_recovery(keyfile, s.folder, password, s.clock)
        else:
            ks.unlock_user(keyfile, s.folder, s.user.name, password, s.clock)
    result = rotate(s, reason="rekey", new_recovery=new_recovery_key, rotate_org=new_org_key)
    return RekeyResult(
        recovery_key=result.recovery_key,
        backup=result.backup,
        needs_reset=result.needs_reset,
        backups_reencrypted=result.backups_reencrypted,
        org_key_replaced=result.org_key_replaced,
        rotation=result,
    )
