"""Device binding: enrolling an OS account for a bound vault, and switching binding per vault.

A bound vault's user slots need the vault's device secret, kept in each OS account's credential store.
An account is enrolled once, either
- with the recovery key (`enrol_device(folder, recovery_key)`), or
- by an admin: the admin, signed in on an enrolled account, shows a one-time enrolment code
  (`device_enrolment_code(s)`, audited); on the new account the user types it with their own name and
  password (`enrol_device(folder, code=…, user=…, password=…)`). The code is checked by opening that
  user's slot with it before anything is stored. The code alone opens nothing: it is only the device
  half of the slot key; the password is still needed.
"""

from __future__ import annotations

import base64
import binascii
import unicodedata
from pathlib import Path

from sqlalchemy import select

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import ValidationError, VaultError, WrongPasswordError
from saiken.domain.roles import Capability
from saiken.security import device_secret as devsec
from saiken.security.keyfile import KeyFile, load_keyfile, open_slot
from saiken.security.signin_failures import FailureLog
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.vault import signin
from saiken.services.vault import slots as ks
from saiken.store.models import Setting

_WRONG_CODE = "利用者名・パスワード・端末登録コードのどれかが違います。"
_CODE_REMOVABLE = {" ", "-", "\u3000", "ー", "‐", "−", "_", "\n", "\t"}


def _stored_secret(session: VaultSession) -> bytes | None:
    with read_session(session) as db:
        return devsec.decode_secret(
            db.scalar(select(Setting.value).where(Setting.key == "device_secret")) or ""
        )


def _format_code(secret: bytes) -> str:
    text = base64.b32encode(secret).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _parse_code(code: str) -> bytes:
    text = "".join(ch for ch in unicodedata.normalize("NFKC", code).upper() if ch not in _CODE_REMOVABLE)
    text = text.replace("0", "O").replace("1", "I")
    try:
        secret = base64.b32decode(text + "=" * (-len(text) % 8))
    except (binascii.Error, ValueError):
        secret = b""
    if len(secret) != devsec.SECRET_BYTES:
        raise ValidationError(
            "端末登録コードの形が正しくありません。管理者が表示したコードをもう一度確かめてください。"
        )
    return secret


def _check_code(
    keyfile: KeyFile, folder: Path, user: str, password: str, secret: bytes, clock: Clock
) -> None:
    """Prove the code belongs to this vault before storing it: with the password it must open the slot."""
    name = ks.normalise_user_name(user)
    log = FailureLog(folder, keyfile.vault_id)
    ks.check_lockout(log, name, clock)
    slot = keyfile.slot(user_name=name)
    if slot is None:
        raise ks.count_failure(log, name, clock, _WRONG_CODE)
    try:
        master = open_slot(keyfile.vault_id, slot, password, device_secret=secret)
    except WrongPasswordError:
        raise ks.count_failure(log, name, clock, _WRONG_CODE) from None
    keyfile.verify(master, slot)


def device_enrolment_code(s: VaultSession) -> str:
    """The code an admin hands over so another OS account can be enrolled (audited)."""
    s.require(Capability.MANAGE_USERS)
    keyfile = load_keyfile(s.folder)
    secret = _stored_secret(s)
    if not keyfile.device_bound or secret is None:
        raise VaultError("この金庫は端末に結び付けられていないため、端末の登録は要りません。")
    with unit_of_work(s) as work:
        work.audit("device.enrolment_code", target_type="vault", target_id=keyfile.vault_id)
    return _format_code(secret)


def enrol_device(
    folder: Path,
    recovery_key: str | None = None,
    *,
    code: str | None = None,
    user: str | None = None,
    password: str | None = None,
    clock: Clock = system_clock,
) -> None:
    """Give this OS account the device secret of a bound vault: with the recovery key, or with an admin's
    enrolment code plus the user's own name and password."""
    folder = Path(folder)
    if code is not None:
        if not (user and password):
            raise ValidationError("端末登録コードを使うときは、利用者名とパスワードも入力してください。")
        secret = _parse_code(code)
        keyfile = load_keyfile(folder)
        if not keyfile.device_bound:
            raise VaultError("この金庫は端末に結び付けられていないため、端末の登録は要りません。")
        slot = keyfile.slot(user_name=ks.normalise_user_name(user))
        if (
            slot is not None and slot.bound
        ):  # an unbound slot opens without it; the vault's copy is stored below
            _check_code(keyfile, folder, user, password, secret, clock)
            devsec.store_device_secret(keyfile.vault_id, secret)
        session = signin.open_vault(folder, user, password, clock=clock)
        method = "code"
    elif recovery_key:
        session = signin.open_with_recovery_key(folder, recovery_key, clock=clock)
        method = "recovery_key"
    else:
        raise ValidationError("端末の登録には、復旧キーか、管理者の端末登録コードが必要です。")
    try:
        keyfile = load_keyfile(folder)
        if not keyfile.device_bound:
            raise VaultError("この金庫は端末に結び付けられていないため、端末の登録は要りません。")
        secret_in_vault = _stored_secret(session)
        if secret_in_vault is None:
            raise VaultError(
                "金庫に端末鍵が記録されていません。管理者が端末の結び付けを設定し直してください。"
            )
        devsec.store_device_secret(keyfile.vault_id, secret_in_vault)
        with unit_of_work(session) as work:
            work.audit("device.enrol", target_type="vault", target_id=keyfile.vault_id, method=method)
    finally:
        session.close()


def set_device_binding(s: VaultSession, enabled: bool) -> bool:
    """Switch device binding for the vault (admin). Users' slots follow at their next sign-in."""
    s.require(Capability.MANAGE_USERS)
    master = ks.session_master_key(s)
    keyfile = load_keyfile(s.folder)
    secret: bytes | None = None
    if enabled:
        if not devsec.keyring_available():
            raise VaultError("この PC には鍵の保管場所（キーリング）がないため、端末に結び付けられません。")
        secret = (
            devsec.load_device_secret(keyfile.vault_id) or _stored_secret(s) or devsec.new_device_secret()
        )
        devsec.store_device_secret(keyfile.vault_id, secret)
    with unit_of_work(s) as work:
        if secret is not None:
            work.session.merge(Setting(key="device_secret", value=devsec.encode_secret(secret)))
        work.session.merge(Setting(key="device_binding", value="1" if enabled else "0"))
        work.audit("vault.device_binding", target_type="vault", target_id=keyfile.vault_id, enabled=enabled)
        keyfile.header["device_bound"] = bool(enabled)
        keyfile.seal(master)
        keyfile.save(s.folder)
    return enabled
