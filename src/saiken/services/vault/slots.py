"""Key slots for the vault's services: unlocking a slot (with the failed sign-in brake) into the member's
keys and the master key, making and re-sealing slots, user-name rules and the master key of a session.

A slot opens in one of three ways: a format-2 slot gives the member's private keys, which unseal the master
key of the current epoch; a format-1 slot kept in a format-2 file (a member who has not signed in since the
upgrade) and every slot of a format-1 file give the master key directly (`Unlocked.keys` is None)."""

from __future__ import annotations

import datetime as dt
import math
import os
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from saiken.domain.clock import Clock
from saiken.domain.errors import LockedOutError, ValidationError, VaultError, WrongPasswordError
from saiken.security import device_secret as devsec
from saiken.security import keyfile_v1
from saiken.security.keyfile import (
    RECOVERY_SLOT,
    AnySlot,
    KeyFile,
    Slot,
    make_slot,
    open_slot,
    parse_keyfile,
    seal_master,
    seal_org,
    unseal_master,
    user_slot_id,
)
from saiken.security.keyfile_document import parse_document, read_document_bytes
from saiken.security.member_keys import MemberKeys
from saiken.security.recovery_key import normalise_recovery_key
from saiken.security.signin_failures import FailureLog
from saiken.services.context import VaultSession
from saiken.services.vault_info import DB_NAME as DB_NAME  # re-exported: ks.DB_NAME, ks.KEYS_NAME
from saiken.services.vault_info import KEYS_NAME as KEYS_NAME
from saiken.store.engine import engine_key

PENDING_KEYS_NAME = "keys.next.json"  # a format-1 rekey's pending file (finished at sign-in)
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


AnyKeyFile = KeyFile | keyfile_v1.KeyFile


def load_any_keyfile(folder: Path, name: str = KEYS_NAME) -> AnyKeyFile:
    """keys.json in whichever format it is (format 1 is read to open and upgrade an older vault)."""
    data = read_document_bytes(folder, name)
    if parse_document(data).legacy:
        return keyfile_v1.parse_keyfile(data)
    return parse_keyfile(data)


@dataclass(frozen=True)
class Unlocked:
    master_key: bytes
    slot: AnySlot
    device_secret: bytes | None
    keys: MemberKeys | None = None  # None for a format-1 slot (no key pairs yet)

    @property
    def legacy(self) -> bool:
        return self.keys is None


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


def open_any(keyfile: AnyKeyFile, slot: AnySlot, secret: str, device_secret: bytes | None) -> Unlocked:
    """WrongPasswordError when the secret does not fit; CorruptFileError for a slot that cannot be used."""
    if isinstance(slot, keyfile_v1.Slot):
        master = keyfile_v1.open_slot(keyfile.vault_id, slot, secret, device_secret=device_secret)
        return Unlocked(master, slot, device_secret)
    if not isinstance(keyfile, KeyFile):  # a format-2 slot in a format-1 file
        raise VaultError(
            "鍵ファイル（keys.json）の形式とスロットが合いません。", hint="管理者に連絡してください。"
        )
    keys = open_slot(keyfile.vault_id, slot, secret, device_secret=device_secret)
    master = unseal_master(keyfile.vault_id, slot, keys, epoch=keyfile.epoch)
    return Unlocked(master, slot, device_secret, keys)


def unlock_user(keyfile: AnyKeyFile, folder: Path, user: str, password: str, clock: Clock) -> Unlocked:
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
        unlocked = open_any(keyfile, slot, password, secret)
    except WrongPasswordError:
        raise count_failure(log, name, clock, _WRONG) from None
    keyfile.verify(unlocked.master_key, slot)  # type: ignore[arg-type]
    return unlocked


def unlock_recovery(keyfile: AnyKeyFile, folder: Path, recovery_key: str, clock: Clock) -> Unlocked:
    canonical = normalise_recovery_key(recovery_key)
    log = FailureLog(folder, keyfile.vault_id)
    check_lockout(log, RECOVERY_PRINCIPAL, clock)
    slot = keyfile.slot(slot_id=RECOVERY_SLOT)
    if slot is None:
        raise VaultError(
            "この金庫には復旧キーの鍵スロットがありません（消された疑い）。",
            hint="管理者がサインインし、復旧キーを作り直してください（saiken rekey --new-recovery-key）。",
        )
    try:
        unlocked = open_any(keyfile, slot, canonical, None)
    except WrongPasswordError:
        raise count_failure(
            log, RECOVERY_PRINCIPAL, clock, "復旧キーが違います。用紙の文字をもう一度確かめてください。"
        ) from None
    keyfile.verify(unlocked.master_key, slot)  # type: ignore[arg-type]
    return unlocked


def device_secret_for_new_slot(keyfile: AnyKeyFile) -> bytes | None:
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


@dataclass(frozen=True)
class OrgKey:
    """The organisation's private key as unsealed from a holder's slot, with its id (key fingerprint)."""

    key_id: str
    private: bytes


def seal_into(
    vault_id: str, slot: Slot, *, epoch: int, master_key: bytes, org: OrgKey | None, holder: bool
) -> Slot:
    """`slot` with the master key of `epoch` sealed in, and the organisation key when `holder`."""
    sealed = seal_master(vault_id, slot, epoch=epoch, master_key=master_key)
    if holder and org is not None:
        return seal_org(vault_id, sealed, key_id=org.key_id, org_private=org.private)
    return replace(sealed, org=None)


def new_member_slot(
    keyfile: KeyFile,
    *,
    user_id: int,
    user_name: str,
    secret_text: str,
    keys: MemberKeys,
    master_key: bytes,
    clock: Clock,
    org: OrgKey | None,
    holder: bool,
    must_change: bool = False,
    device_secret: bytes | None = None,
    recovery: bool = False,
) -> Slot:
    """A format-2 slot for a member (or the recovery principal), sealed for the file's current epoch."""
    slot = make_slot(
        keyfile.vault_id,
        slot_id=RECOVERY_SLOT if recovery else user_slot_id(user_id),
        kind="recovery" if recovery else "user",
        user_id=0 if recovery else user_id,
        user_name=RECOVERY_PRINCIPAL if recovery else user_name,
        secret_text=normalise_recovery_key(secret_text) if recovery else secret_text,
        keys=keys,
        genesis=keyfile.genesis,
        created_at=iso(clock.now()),
        device_secret=None if recovery else device_secret,
        must_change=must_change,
    )
    return seal_into(
        keyfile.vault_id, slot, epoch=keyfile.epoch, master_key=master_key, org=org, holder=holder
    )


def remove_stale_pending(folder: Path) -> None:
    try:
        os.unlink(Path(folder) / PENDING_KEYS_NAME)
    except FileNotFoundError:
        pass
