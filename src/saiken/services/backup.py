"""Backups of the vault. Kept under this name for the screens and commands that import
`saiken.services.backup`; the code lives in `saiken.services.vault.backup` and `.restore`."""

from saiken.services.vault.backup import (
    BACKUPS_DIR,
    DEFAULT_GENERATIONS,
    MANIFEST,
    REPLACED_PREFIX,
    BackupInfo,
    BackupReport,
    backups_dir,
    create_backup,
    list_backups,
    prune_backups,
    verify_backup,
    write_backup,
)
from saiken.services.vault.restore import RestoreInfo, restore_backup

__all__ = [
    "BACKUPS_DIR",
    "DEFAULT_GENERATIONS",
    "MANIFEST",
    "REPLACED_PREFIX",
    "BackupInfo",
    "BackupReport",
    "RestoreInfo",
    "backups_dir",
    "create_backup",
    "list_backups",
    "prune_backups",
    "restore_backup",
    "verify_backup",
    "write_backup",
]
