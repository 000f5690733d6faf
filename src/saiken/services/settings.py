"""Vault-wide settings kept in the encrypted database (idle lock, clipboard clearing, backups …)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import select

from saiken.domain.errors import ValidationError
from saiken.domain.roles import Capability
from saiken.services.changes import Area, Changed, Changes
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.store.models import Setting

# Keys that are not user settings and never leave the database through this module.
PRIVATE_KEYS = frozenset({"device_secret", "audit_head"})
_LIMITS = {
    "idle_lock_minutes": (1, 240, "アイドル時に自動でロックするまでの分数"),
    "clipboard_clear_seconds": (5, 600, "コピーした文字を消すまでの秒数"),
    "backup_generations": (1, 50, "残すバックアップの世代数"),
}


@dataclass(frozen=True)
class VaultSettings:
    idle_lock_minutes: int = 10
    clipboard_clear_seconds: int = 30
    backup_generations: int = 3
    org_name: str = ""
    org_role: str = ""
    demo: bool = False
    vault_id: str = ""
    device_binding: bool = False


def _read(s: VaultSession) -> dict[str, str]:
    with read_session(s) as session:
        return {row.key: row.value for row in session.scalars(select(Setting)) if row.key not in PRIVATE_KEYS}


def get_settings(s: VaultSession) -> VaultSettings:
    values = _read(s)
    defaults = VaultSettings()
    numbers = {}
    for name in _LIMITS:
        try:
            numbers[name] = int(values.get(name, getattr(defaults, name)))
        except ValueError:
            numbers[name] = getattr(defaults, name)
    return VaultSettings(
        **numbers,
        org_name=values.get("org_name", ""),
        org_role=values.get("org_role", ""),
        demo=values.get("demo") == "1",
        vault_id=values.get("vault_id", ""),
        device_binding=values.get("device_binding") == "1",
    )


def update_settings(s: VaultSession, **changes: int) -> Changed[VaultSettings]:
    """Change idle_lock_minutes, clipboard_clear_seconds and/or backup_generations (admin)."""
    s.require(Capability.MANAGE_USERS)
    known = {f.name for f in fields(VaultSettings)}
    for name, value in changes.items():
        if name not in _LIMITS:
            what = "この画面からは変えられない設定" if name in known else "知らない設定"
            raise ValidationError(f"「{name}」は{what}です。")
        low, high, label = _LIMITS[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(f"{label}は {low}〜{high} の整数で指定してください。")
    with unit_of_work(s) as work:
        for name, value in changes.items():
            work.session.merge(Setting(key=name, value=str(value)))
        work.audit("settings.change", target_type="settings", changed=sorted(changes))
    return Changed(get_settings(s), Changes.of(Area.SETTINGS))
