"""The vault's services (DESIGN §5; contract in docs/services.md): creating, signing in, key slots, members,
device enrolment, rekey, backups and restore. Every public function is listed here, so callers write
`from saiken.services import vault` and `vault.open_vault(...)`.

Modules (each imports its siblings directly, never this package, so any one of them can be imported on its
own; an import-linter contract keeps the siblings acyclic):
  slots    unlocking a key slot with the failed sign-in brake, new slots, user-name rules
  backup   consistent encrypted copies, their manifest and verification
  create   create_vault, the recovery sheet's audit entry, removing the demo vault's files
  signin   open_vault, open_with_recovery_key, lock, finishing an interrupted rekey
  members  users and their slots: add, list, change password, remove, change role
  device   device binding and enrolling another OS account
  rekey    rotating the master key
  restore  putting a backup back in place
`saiken.services.vault_info` (what the sign-in screen needs before sign-in) stays a light module outside
this package: importing anything in here loads SQLAlchemy, SQLCipher and cryptography.
"""

from saiken.security import device_secret as _devsec
from saiken.security.keyfile import RECOVERY_SLOT
from saiken.services.vault.anchors import OlderThanAnchorError, record_anchor, signed_checkpoint
from saiken.services.vault.backup import (
    BackupInfo,
    BackupReport,
    backups_dir,
    create_backup,
    list_backups,
    verify_backup,
)
from saiken.services.vault.check import CheckItem, VaultCheckReport, check_vault
from saiken.services.vault.create import (
    ORG_ROLES,
    VaultCreated,
    create_vault,
    record_recovery_sheet_saved,
    remove_vault_files,
)
from saiken.services.vault.device import device_enrolment_code, enrol_device, set_device_binding
from saiken.services.vault.members import (
    ROLE_NAMES,
    UserRow,
    add_user,
    change_password,
    check_password_policy,
    list_users,
    remove_user,
    set_role,
)
from saiken.services.vault.org import (
    genesis_fingerprint,
    org_fingerprint,
    org_public_key,
    sign_as_organisation,
    verify_organisation_signature,
)
from saiken.services.vault.recovery import recovery_sheet
from saiken.services.vault.rekey import RekeyResult, rekey
from saiken.services.vault.repair import RepairResult, repair_members
from saiken.services.vault.restore import RestoreInfo, restore_backup
from saiken.services.vault.roster import RosterRefusedError
from saiken.services.vault.rotation import RotationResult
from saiken.services.vault.signatures import (
    MemberSignature,
    member_public_key,
    org_signed_checkpoint,
    sign_as_member,
    verify_member_signature,
    verify_org_checkpoint,
)
from saiken.services.vault.signin import lock, open_vault, open_with_recovery_key, password_change_required
from saiken.services.vault_info import (
    APP_NAME,
    VaultInfo,
    default_demo_dir,
    default_vault_dir,
    read_vault_info,
    vault_exists,
)

keyring_available = _devsec.keyring_available

__all__ = [
    "APP_NAME",
    "ORG_ROLES",
    "RECOVERY_SLOT",
    "ROLE_NAMES",
    "BackupInfo",
    "BackupReport",
    "CheckItem",
    "MemberSignature",
    "OlderThanAnchorError",
    "RekeyResult",
    "RepairResult",
    "RestoreInfo",
    "RosterRefusedError",
    "RotationResult",
    "UserRow",
    "VaultCheckReport",
    "VaultCreated",
    "VaultInfo",
    "add_user",
    "backups_dir",
    "change_password",
    "check_password_policy",
    "check_vault",
    "create_backup",
    "create_vault",
    "default_demo_dir",
    "default_vault_dir",
    "device_enrolment_code",
    "enrol_device",
    "genesis_fingerprint",
    "keyring_available",
    "list_backups",
    "list_users",
    "lock",
    "member_public_key",
    "open_vault",
    "open_with_recovery_key",
    "org_fingerprint",
    "org_public_key",
    "org_signed_checkpoint",
    "password_change_required",
    "read_vault_info",
    "record_anchor",
    "record_recovery_sheet_saved",
    "recovery_sheet",
    "rekey",
    "remove_user",
    "remove_vault_files",
    "repair_members",
    "restore_backup",
    "set_device_binding",
    "set_role",
    "sign_as_member",
    "sign_as_organisation",
    "signed_checkpoint",
    "vault_exists",
    "verify_backup",
    "verify_member_signature",
    "verify_org_checkpoint",
    "verify_organisation_signature",
]
