"""Device binding: enrolling an OS account for a bound vault, and switching binding per vault.

A bound vault's user slots need the vault's device secret, kept in each OS account's credential store.
An account is enrolled once, either
- with the recovery key (`enrol_device(folder, recovery_key)`), or
- by an admin: the admin, signed in on an enrolled account, shows a one-time enrolment code that expires
  (`device_enrolment_code(s, for_user=None, hours=8)`, audited; saiken.services.vault.enrolment); on the
  new account the user types it with their own name and password (`enrol_device(folder, code=…, user=…,
  password=…)`). The code opens a sealed copy of the device secret, which is checked by opening that
  user's slot before anything is stored; after the sign-in the vault's own record of the code must say
  unused and unexpired, and the code is marked used. The code alone opens nothing: the password is
  still needed.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import ValidationError, VaultError, WrongPasswordError
from saiken.domain.roles import Capability
from saiken.security import device_secret as devsec
from saiken.security.enrolment_codes import normalise_code
from saiken.security.signin_failures import FailureLog
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.vault import enrolment, signin
from saiken.services.vault import slots as ks
from saiken.store.models import Setting

_WRONG_CODE = enrolment.WRONG_CODE


def _stored_secret(session: VaultSession) -> bytes | None:
    with read_session(session) as db:
        return devsec.decode_secret(
            db.scalar(select(Setting.value).where(Setting.key == "device_secret")) or ""
        )


def _check_code(
    keyfile: ks.AnyKeyFile, folder: Path, user: str, password: str, secret: bytes, clock: Clock
) -> None:
    """Prove the code belongs to this vault before storing it: with the password it must open the slot."""
    name = ks.normalise_user_name(user)
    log = FailureLog(folder, keyfile.vault_id)
    ks.check_lockout(log, name, clock)
    slot = keyfile.slot(user_name=name)
    if slot is None:
        raise ks.count_failure(log, name, clock, _WRONG_CODE)
    try:
        unlocked = ks.open_any(keyfile, slot, password, secret)
    except WrongPasswordError:
        raise ks.count_failure(log, name, clock, _WRONG_CODE) from None
    keyfile.verify(unlocked.master_key, slot)  # type: ignore[arg-type]


def device_enrolment_code(
    s: VaultSession, *, for_user: str | None = None, hours: int = enrolment.DEFAULT_HOURS
) -> enrolment.EnrolmentCode:
    """A one-time code, valid `hours` (default 8), that an admin hands over so another OS account can be
    enrolled — by anyone of the vault, or only by `for_user` (audited `device.enrolment_code`)."""
    s.require(Capability.MANAGE_USERS)
    keyfile = ks.load_any_keyfile(s.folder)
    secret = _stored_secret(s)
    if not keyfile.device_bound or secret is None:
        raise VaultError("この金庫は端末に結び付けられていないため、端末の登録は要りません。")
    return enrolment.issue(s, keyfile, secret, for_user=for_user, hours=hours)


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
    one-time enrolment code plus the user's own name and password."""
    folder = Path(folder)
    entry = None
    had_secret = True
    if code is not None:
        if not (user and password):
            raise ValidationError("端末登録コードを使うときは、利用者名とパスワードも入力してください。")
        code = normalise_code(code)
        keyfile = ks.load_any_keyfile(folder)
        if not keyfile.device_bound:
            raise VaultError("この金庫は端末に結び付けられていないため、端末の登録は要りません。")
        entry, secret = enrolment.secret_for_code(folder, keyfile, code, user, clock)
        had_secret = devsec.load_device_secret(keyfile.vault_id) is not None
        slot = keyfile.slot(user_name=ks.normalise_user_name(user))
        if (
            slot is not None and slot.bound
        ):  # an unbound slot opens without it; the vault's copy is stored below
            _check_code(keyfile, folder, user, password, secret, clock)
            devsec.store_device_secret(keyfile.vault_id, secret)
        try:
            session = signin.open_vault(folder, user, password, clock=clock)
        except BaseException:
            if not had_secret:
                devsec.forget_device_secret(keyfile.vault_id)
            raise
        method = "code"
    elif recovery_key:
        session = signin.open_with_recovery_key(folder, recovery_key, clock=clock)
        method = "recovery_key"
    else:
        raise ValidationError("端末の登録には、復旧キーか、管理者の端末登録コードが必要です。")
    try:
        keyfile = ks.load_any_keyfile(folder)
        if not keyfile.device_bound:
            raise VaultError("この金庫は端末に結び付けられていないため、端末の登録は要りません。")
        secret_in_vault = _stored_secret(session)
        if secret_in_vault is None:
            raise VaultError(
                "金庫に端末鍵が記録されていません。管理者が端末の結び付けを設定し直してください。"
            )
        with unit_of_work(session) as work:
            details = {"method": method}
            if entry is not None:
                enrolment.consume(work, entry)  # used or expired: refused, nothing stored
                details["code_id"] = entry.code_id
            work.audit("device.enrol", target_type="vault", target_id=keyfile.vault_id, **details)
        devsec.store_device_secret(keyfile.vault_id, secret_in_vault)
    except BaseException:
        if not had_secret:
            devsec.forget_device_secret(keyfile.vault_id)
        raise
    finally:
        if entry is not None:
            enrolment.discard(folder, entry, clock)
        session.close()


def set_device_binding(s: VaultSession, enabled: bool) -> bool:
    """Switch device binding for the vault (admin). Users' slots follow at their next sign-in."""
    s.require(Capability.MANAGE_USERS)
    master = ks.session_master_key(s)
    keyfile = ks.load_any_keyfile(s.folder)
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
