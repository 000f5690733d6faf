"""Enrolment codes that are really one-time and expire (issue 6 item 8; saiken.security.enrolment_codes).

An admin issues a code (`issue`, audited `device.enrolment_code` with its id, expiry and intended account):
a fresh random code, a sealed copy of the device secret in `device_enrolment.json`, and the authoritative
record in the vault's settings (`device_enrolment_codes`: issued, expires, for whom, used). On the new
account, `secret_for_code` opens the sealed copy before sign-in (a wrong, used or unknown code counts as a
failed sign-in); after the sign-in `consume` checks the record in the database — issued here, not used,
not expired, for this account — and marks it used, in the same transaction as `device.enrol`. The sealed
copy is then deleted; expired ones are deleted whenever a code is issued or tried.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from saiken.domain.clock import JST, Clock
from saiken.domain.errors import ValidationError, WrongPasswordError
from saiken.security.enrolment_codes import SealedSecret, SealedSecrets, new_code, seal
from saiken.security.signin_failures import FailureLog
from saiken.services.context import VaultSession, Work, read_session, unit_of_work
from saiken.services.vault import slots as ks
from saiken.store.models import Setting, User

DEFAULT_HOURS = 8  # a working day
MAX_HOURS = 72
RECORDS_KEY = "device_enrolment_codes"
WRONG_CODE = "利用者名・パスワード・端末登録コードのどれかが違うか、コードが使用済み・期限切れです。"
USED_OR_EXPIRED = (
    "この端末登録コードは使用済みか期限切れです（一回限り・有効期限つき）。"
    "管理者に新しいコードを出してもらってください。"
)


@dataclass(frozen=True)
class EnrolmentCode:
    """What the admin hands over: the code, until when it works, and for whom (None = any account)."""

    code: str
    expires_at: dt.datetime
    for_user: str | None = None

    def __str__(self) -> str:
        return self.code

    @property
    def expires_text(self) -> str:
        local = self.expires_at.astimezone(JST)
        return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def _records(db: Any) -> dict[str, dict[str, Any]]:
    text = db.scalar(select(Setting.value).where(Setting.key == RECORDS_KEY))
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def _save_records(work: Work, records: dict[str, dict[str, Any]]) -> None:
    work.session.merge(Setting(key=RECORDS_KEY, value=json.dumps(records, sort_keys=True)))


def _expired(record: dict[str, Any], now: dt.datetime) -> bool:
    try:
        return now >= dt.datetime.fromisoformat(str(record["expires_at"]))
    except (KeyError, ValueError):
        return True


def issue(
    s: VaultSession, keyfile: ks.AnyKeyFile, secret: bytes, *, for_user: str | None, hours: int
) -> EnrolmentCode:
    if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= MAX_HOURS:
        raise ValidationError(f"端末登録コードの有効時間は 1〜{MAX_HOURS} 時間で指定してください。")
    now = s.clock.now()
    name = ks.normalise_user_name(for_user) if for_user else ""
    if name:
        with read_session(s) as db:
            if db.scalar(select(User.id).where(User.name == name, User.active.is_(True))) is None:
                raise ValidationError(f"利用者「{name}」は見つかりません。名前を確かめてください。")
    code = new_code()
    entry = seal(keyfile.vault_id, code, secret, expires_at=now + dt.timedelta(hours=hours), for_user=name)
    with unit_of_work(s) as work:
        records = {
            k: v for k, v in _records(work.session).items() if not _expired(v, now) or v.get("used_at")
        }
        records[entry.code_id] = {
            "issued_at": now.isoformat(timespec="seconds"),
            "issued_by": s.user.name,
            "expires_at": entry.expires_at.isoformat(timespec="seconds"),
            "for_user": name,
            "used_at": None,
        }
        _save_records(work, records)
        work.audit(
            "device.enrolment_code",
            target_type="vault",
            target_id=keyfile.vault_id,
            code_id=entry.code_id,
            expires_at=entry.expires_at.isoformat(timespec="seconds"),
            for_user=name or None,
        )
        SealedSecrets(s.folder).add(entry, now=now)  # inside: if it cannot be written, nothing is issued
    return EnrolmentCode(code=code, expires_at=entry.expires_at, for_user=name or None)


def secret_for_code(
    folder: Path, keyfile: ks.AnyKeyFile, code: str, user: str, clock: Clock
) -> tuple[SealedSecret, bytes]:
    """Before sign-in: the device secret sealed for `code` (WrongPasswordError, counted, otherwise)."""
    name = ks.normalise_user_name(user)
    log = FailureLog(folder, keyfile.vault_id)
    ks.check_lockout(log, name, clock)
    sealed = SealedSecrets(folder)
    found = sealed.find(keyfile.vault_id, code)
    now = clock.now()
    if found is None:
        sealed.remove(set(), now=now)
        raise ks.count_failure(log, name, clock, WRONG_CODE)
    entry, secret = found
    if entry.expired(now):
        sealed.remove({entry.code_id}, now=now)
        raise ValidationError(USED_OR_EXPIRED)
    if entry.for_user and entry.for_user != name:
        raise ks.count_failure(log, name, clock, WRONG_CODE)
    return entry, secret


def consume(work: Work, entry: SealedSecret) -> None:
    """After sign-in, inside the `device.enrol` transaction: the database's record must say the code was
    issued in this vault, is unused, unexpired and for this account; it is marked used."""
    now = work.vault.clock.now()
    records = _records(work.session)
    record = records.get(entry.code_id)
    intended = record.get("for_user") if record else None
    if record is None or record.get("used_at") or _expired(record, now):
        raise WrongPasswordError(USED_OR_EXPIRED)
    if intended and intended != work.vault.user.name:
        raise WrongPasswordError(WRONG_CODE)
    record["used_at"] = now.isoformat(timespec="seconds")
    record["used_by"] = work.vault.user.name
    _save_records(work, records)


def discard(folder: Path, entry: SealedSecret, clock: Clock) -> None:
    """Delete the sealed copy of a used (or refused) code, and every expired one."""
    SealedSecrets(folder).remove({entry.code_id}, now=clock.now())
