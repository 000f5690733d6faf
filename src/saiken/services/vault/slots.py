"""Private helpers shared by the vault, users, backup and rekey services: unlocking a slot (with the
failed sign-in brake), the master key of an open session and writing keys.json."""

from __future__ import annotations

import datetime as dt
import math
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from saiken.domain.clock import Clock
from saiken.domain.errors import LockedOutError, ValidationError, VaultError, WrongPasswordError
from saiken.security import device_secret as devsec
from saiken.security.keyfile import RECOVERY_SLOT, KeyFile, Slot, make_slot, open_slot, user_slot_id
from saiken.security.recovery_key import normalise_recovery_key
from saiken.security.signin_failures import FailureLog
from saiken.services.context import VaultSession
from saiken.services.vault_info import DB_NAME as DB_NAME  # re-exported: ks.DB_NAME, ks.KEYS_NAME
from saiken.services.vault_info import KEYS_NAME as KEYS_NAME
from saiken.store.engine import engine_key

PENDING_KEYS_NAME = "keys.next.json"  # written before a rekey, promoted after it
RECOVERY_PRINCIPAL = "recovery"
RESERVED_NAMES = frozenset({RECOVERY_PRINCIPAL, "system", "unknown"})
_WRONG = "利用者名またはパスワードが違います。"


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def normalise_user_name(name: str) -> str:
    """NFKC, trimmed; 1-32 characters without spaces, control characters or path separators."""
    text = unicodedata.normalize("NFKC", name or "").strip()
    if not text or len(text) > 32 or any(ch.isspace() or ord(ch) < 32 or ch in "/\\:" for ch in text):
        raise ValidationError("利用者名は空白を含まない 1〜32 文字にしてください。")
    return text


def session_master_key(session: VaultSession) -> bytes:
    return engine_key(session.require_open())


@dataclass(frozen=True)
class Unlocked:
    master_key: bytes
    slot: Slot
    device_secret: bytes | None


def check_lockout(log: FailureLog, principal: str, clock: Clock) -> None:
    wait = log.retry_after(principal, clock.now())
    if wait > 0:
        seconds = math.ceil(wait)
        raise LockedOutError(
            f"サインインの失敗が続いたため、あと {seconds} 秒待ってからもう一度試してください。",
            retry_after_seconds=float(seconds),
            hint="パスワードを忘れた場合は管理者に再設定を依頼してください。データは失われません。",
        )


def count_failure(log: FailureLog, principal: str, clock: Clock, message: str) -> WrongPasswordError:
    count = log.record_failure(principal, clock.now())
    remaining = max(0, 5 - count)
    hint = (
        f"あと {remaining} 回失敗すると、しばらく待たないと試せなくなります。"
        if 0 < remaining <= 2
        else "続けて失敗したため、次に試せるまで待ち時間があります。"
        if remaining == 0
        else None
    )
    return WrongPasswordError(message, hint=hint)


def unlock_user(keyfile: KeyFile, folder: Path, user: str, password: str, clock: Clock) -> Unlocked:
    """Open `user`'s slot. Counts failures; LockedOutError while the brake is on."""
    name = normalise_user_name(user)
    log = FailureLog(folder, keyfile.vault_id)
    check_lockout(log, name, clock)
    slot = keyfile.slot(user_name=name)  # CorruptFileError for a damaged slot (not a failure of the person)
    if slot is None:
        raise count_failure(log, name, clock, _WRONG)
    secret = None
    if slot.bound:
        secret = devsec.load_device_secret(keyfile.vault_id)
        if secret is None:
            raise VaultError(
                "この PC（この OS アカウント）には金庫の端末鍵がありません。",
                hint="復旧キーでこの PC を登録するか（saiken user enrol-device）、管理者に端末の結び付けを解除してもらってください。",
            )
    try:
        master = open_slot(keyfile.vault_id, slot, password, device_secret=secret)
    except WrongPasswordError:
        raise count_failure(log, name, clock, _WRONG) from None
    keyfile.verify(master, slot)
    return Unlocked(master, slot, secret)


def unlock_recovery(keyfile: KeyFile, folder: Path, recovery_key: str, clock: Clock) -> Unlocked:
    canonical = normalise_recovery_key(recovery_key)
    log = FailureLog(folder, keyfile.vault_id)
    check_lockout(log, RECOVERY_PRINCIPAL, clock)
    slot = keyfile.slot(slot_id=RECOVERY_SLOT)
    if slot is None:
        raise VaultError("この金庫には復旧キーの鍵スロットがありません。")
    try:
        master = open_slot(keyfile.vault_id, slot, canonical, device_secret=None)
    except WrongPasswordError:
        raise count_failure(
            log, RECOVERY_PRINCIPAL, clock, "復旧キーが違います。用紙の文字をもう一度確かめてください。"
        ) from None
    keyfile.verify(master, slot)
    return Unlocked(master, slot, None)


def device_secret_for_new_slot(keyfile: KeyFile) -> bytes | None:
    """The secret to mix into a new user slot: the vault's, when binding is on and this PC holds it."""
    if not keyfile.device_bound:
        return None
    secret = devsec.load_device_secret(keyfile.vault_id)
    if secret is None:
        raise VaultError(
            "この PC には金庫の端末鍵がないため、鍵スロットを作れません。",
            hint="端末を登録した PC で操作するか、復旧キーで端末を登録してください。",
        )
    return secret


def new_user_slot(
    keyfile: KeyFile,
    *,
    user_id: int,
    user_name: str,
    password: str,
    master_key: bytes,
    clock: Clock,
    must_change: bool = False,
    device_secret: bytes | None = None,
) -> Slot:
    return make_slot(
        keyfile.vault_id,
        slot_id=user_slot_id(user_id),
        kind="user",
        user_id=user_id,
        user_name=user_name,
        secret_text=password,
        master_key=master_key,
        created_at=iso(clock.now()),
        device_secret=device_secret,
        must_change=must_change,
    )


def new_recovery_slot(keyfile: KeyFile, *, recovery_key: str, master_key: bytes, clock: Clock) -> Slot:
    return make_slot(
        keyfile.vault_id,
        slot_id=RECOVERY_SLOT,
        kind="recovery",
        user_id=0,
        user_name=RECOVERY_PRINCIPAL,
        secret_text=normalise_recovery_key(recovery_key),
        master_key=master_key,
        created_at=iso(clock.now()),
    )


def remove_stale_pending(folder: Path) -> None:
    try:
        os.unlink(Path(folder) / PENDING_KEYS_NAME)
    except FileNotFoundError:
        pass
