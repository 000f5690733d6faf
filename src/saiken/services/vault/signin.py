"""Signing in (password or recovery key) and locking (DESIGN §5; contract in docs/services.md).

Sign-in, in order: finish or discard an interrupted rotation; open the slot (the member's private keys,
which unseal the master key); open the database and run pending migrations (after a backup); check the
signed membership log (chain, signatures, founding statement = the one pinned in this member's own slot)
and refuse a vault whose `users` table differs from it; compare the vault with this OS account's anchor
(refuse an older or rewritten one unless an admin accepts it); then write the sign-in's audit entries,
signed with the member's key. The role comes from the signed log, never from the table alone.
A format-1 vault is upgraded at its admin's next sign-in (saiken.services.vault.upgrade); a member whose
slot is still the format-1 one binds a key pair of their own at their first sign-in after the upgrade.
A bound vault opened on an OS account without the device secret raises VaultError telling the user to
enrol this account (saiken.services.vault.device).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import PermissionDeniedError, SaikenError, VaultError, WrongPasswordError
from saiken.domain.roles import Role
from saiken.security import device_secret as devsec
from saiken.security import keyfile_v1
from saiken.security.keyfile import KeyFile, Slot, load_keyfile, make_slot
from saiken.security.member_keys import MemberKeys
from saiken.security.membership import Member, Membership, public_body
from saiken.security.signin_failures import FailureLog, principal_hash
from saiken.services.context import SignedInUser, Signer, VaultSession, unit_of_work
from saiken.services.record_digests import check_records, raw_connection
from saiken.services.vault import hold, roster
from saiken.services.vault import slots as ks
from saiken.services.vault.anchors import STORE, AnchorCheck, check_anchor, record_anchor, refuse
from saiken.services.vault.backup import DEFAULT_GENERATIONS, write_backup
from saiken.services.vault.founding import legacy_slot_hash
from saiken.services.vault.notices import sign_in_notices
from saiken.services.vault.org import deliver, session_org_key, state_of
from saiken.services.vault.rotation import finish_interrupted
from saiken.store import migrate
from saiken.store.engine import make_engine
from saiken.store.models import Setting
from saiken.store.vault_lock import VaultLockHandle

Unlock = Callable[[ks.AnyKeyFile], ks.Unlocked]
NOT_IN_ROSTER = "あなたの鍵スロットは、署名された利用者名簿にあるものと違います（差し替えられた疑い）。"


def _require_vault(folder: Path) -> None:
    if not (folder / ks.KEYS_NAME).is_file() and not (folder / ks.DB_NAME).is_file():
        raise VaultError(
            f"{folder} に金庫が見つかりません。フォルダを確かめるか、saiken init で作成してください。"
        )
    if not (folder / ks.DB_NAME).is_file():
        raise VaultError("金庫のデータベース（vault.db）が見つかりません。バックアップから戻してください。")


def open_engine(folder: Path, master_key: bytes) -> Engine:
    engine = make_engine(folder / ks.DB_NAME, master_key)
    try:
        engine.connect().close()
    except WrongPasswordError:
        engine.dispose()
        raise VaultError("鍵ファイルとデータベースが合いません。バックアップから戻してください。") from None
    return engine


def prepare(folder: Path, engine: Engine, key: bytes, clock: Clock) -> dict[str, Any] | None:
    """Run pending migrations, after a backup. Returns the details for `vault.migrate`, or None."""
    if not migrate.needs_upgrade(engine):
        return None
    before = migrate.current_revision(engine)
    details: dict[str, Any] = {"from_revision": before or "", "to_revision": migrate.head_revision()}
    if before is not None:
        write_backup(folder, key, clock=clock, reason="migration", generations=DEFAULT_GENERATIONS + 1)
        with Session(engine) as db:
            raw = raw_connection(db)
            if raw.execute("SELECT 1 FROM sqlite_master WHERE name = 'record_digests'").fetchone():
                details["records_changed_outside"] = len(check_records(raw))
            db.rollback()
    migrate.upgrade(engine)
    return details


def _settings(db: Session) -> dict[str, str]:
    return {k: v for k, v in db.execute(select(Setting.key, Setting.value))}


def _flush_failures(work, folder: Path, keyfile: ks.AnyKeyFile, principal: str, names: list[str]) -> None:
    """Failures this process saw, one entry each with the application's time; what the brake file says
    beyond that, as one unverified count for the account signing in (saiken.security.signin_failures)."""
    by_hash = {principal_hash(keyfile.vault_id, n): n for n in [*names, ks.RECOVERY_PRINCIPAL]}
    settled = FailureLog(folder, keyfile.vault_id).settle(principal)
    for failure in settled.seen:
        work.audit(
            "auth.sign_in_failed",
            actor=by_hash.get(failure.principal, "unknown"),
            target_type="user",
            at=failure.at.isoformat(timespec="seconds"),
        )
    if settled.elsewhere:
        work.audit(
            "auth.sign_in_failures_reported",
            target_type="user",
            count=settled.elsewhere,
            source="signin_failures.json",
            verified=False,
        )


def _check_pin(state: Membership, keyfile: KeyFile, unlocked: ks.Unlocked) -> None:
    """Before anything else the log says is believed: is it the log this member joined?"""
    slot = unlocked.slot
    if isinstance(slot, Slot) and slot.genesis != state.genesis:
        raise roster.RosterRefusedError(
            "金庫の利用者名簿は、あなたが加わった名簿ではありません（創設の記録が違います）。",
            hint=roster.ROSTER_REFUSED_HINT,
        )
    if keyfile.genesis != state.genesis:
        raise roster.RosterRefusedError(
            "金庫の利用者名簿の創設の記録が、鍵ファイルのものと違います（差し替えの疑い）。",
            hint=roster.ROSTER_REFUSED_HINT,
        )


def _member_for(state: Membership, keyfile: KeyFile, unlocked: ks.Unlocked) -> Member:
    """The signed log's member for the slot that opened, checked against the slot's keys."""
    slot = unlocked.slot
    member = state.member(slot.id)
    if member is None or not member.active:
        raise VaultError(
            "この利用者は削除されているか、署名された利用者名簿にありません。管理者に連絡してください。"
        )
    if isinstance(slot, Slot):
        if member.public != slot.public:
            raise roster.RosterRefusedError(NOT_IN_ROSTER, hint="管理者に連絡してください。")
    else:
        raw = keyfile.find_raw(slot_id=slot.id)
        body = {k: v for k, v in raw.items() if k != "slot_format"} if isinstance(raw, dict) else {}
        if not member.pending or member.legacy_slot != legacy_slot_hash(body):
            raise roster.RosterRefusedError(
                "あなたの旧形式の鍵スロットは、署名された利用者名簿のものと合いません。",
                hint="管理者に連絡して、パスワードを設定し直してもらってください。",
            )
    return member


def _anchor_decision(check: AnchorCheck, member: Member, accept: bool) -> bool:
    """True when an older state is being accepted; raises when it is refused."""
    if not check.refused:
        return False
    if not accept:
        raise refuse(check)
    if not member.is_admin:
        raise PermissionDeniedError(
            "古い状態の金庫を受け入れられるのは管理者だけです。管理者に連絡してください。"
        )
    return True


def _session(
    folder: Path,
    keyfile: KeyFile,
    unlocked: ks.Unlocked,
    clock: Clock,
    *,
    secret_text: str,
    accept: bool,
    handle: VaultLockHandle | None = None,
) -> VaultSession:
    engine = open_engine(folder, unlocked.master_key)
    try:
        migrated = prepare(folder, engine, unlocked.master_key, clock)
        with Session(engine) as db:
            state = roster.membership(db, keyfile.vault_id)
            _check_pin(state, keyfile, unlocked)
            roster.require_matching_users(db, state)
            member = _member_for(state, keyfile, unlocked)
            check = check_anchor(db, state, STORE.load(keyfile.vault_id))
            values = _settings(db)
            names = [m.name for m in state.members.values()]
            db.rollback()
        accepted = _anchor_decision(check, member, accept)
        binding = unlocked.keys is None  # a format-1 slot: the member's own key pair is made now
        keys = MemberKeys.generate() if binding else unlocked.keys
        assert keys is not None
        is_recovery = unlocked.slot.kind == "recovery"
        session = VaultSession(
            folder=folder,
            engine=engine,
            user=SignedInUser(
                id=member.user_id, name=member.name, role=Role(member.role), is_supervisor=member.supervisor
            ),
            clock=clock,
            org_name=values.get("org_name", ""),
            org_role=values.get("org_role", ""),
            demo=values.get("demo") == "1",
            signer=Signer(member.id, keys),
            vault_id=keyfile.vault_id,
            genesis=unlocked.slot.genesis if isinstance(unlocked.slot, Slot) else state.genesis,
        )
        with unit_of_work(session) as work:
            if migrated:
                work.audit("vault.migrate", target_type="vault", target_id=keyfile.vault_id, **migrated)
                work.baseline = True
            if binding:
                _bind(work, keyfile, state, member, keys, unlocked, secret_text, clock)
            if accepted and check.anchor is not None:
                work.audit(
                    "vault.older_state_accepted",
                    target_type="vault",
                    target_id=keyfile.vault_id,
                    status=check.status,
                    anchor_seq=check.anchor.seq,
                    anchor_hash=check.anchor.head,
                    found_seq=check.found_seq,
                )
            _flush_failures(work, folder, keyfile, member.name, names)
            hold.audit_takeover(work, handle)
            method = "recovery_key" if is_recovery else "password"
            work.audit("auth.sign_in", target_type="user", target_id=member.user_id, method=method)
        if accepted:
            record_anchor(session)  # the accepted state is what this OS account expects from now on
    except BaseException:
        engine.dispose()
        raise
    session.on_close.append(record_anchor)
    return session


def _bind(
    work: Any,
    keyfile: KeyFile,
    state: Membership,
    member: Member,
    keys: MemberKeys,
    unlocked: ks.Unlocked,
    secret_text: str,
    clock: Clock,
) -> None:
    """A member's first sign-in after the upgrade: their own key pair, signed into the log by themselves,
    wrapped in a new slot under the same password (or recovery key), in the same transaction."""
    body = {**public_body(member.id, keys.public), "legacy_slot": member.legacy_slot}
    digest = roster.append_statement(work, "bind", body, state=state)
    work.audit("member.bind", target_type="user", target_id=member.user_id, statement=digest)
    recovery = unlocked.slot.kind == "recovery"
    slot = ks.new_member_slot(
        keyfile,
        user_id=member.user_id,
        user_name=member.name,
        secret_text=secret_text,
        keys=keys,
        master_key=unlocked.master_key,
        clock=clock,
        org=None,  # the organisation key reaches them from a holder's next sign-in
        holder=False,
        must_change=bool(getattr(unlocked.slot, "must_change", False)),
        device_secret=unlocked.device_secret if unlocked.slot.bound else None,
        recovery=recovery,
    )
    keyfile.put_slot(slot, unlocked.master_key)
    keyfile.save(Path(work.vault.folder))  # last in the transaction: a failed write undoes the binding


def _maintain(session: VaultSession, unlocked: ks.Unlocked, password: str | None) -> None:
    """After sign-in, with the secret at hand: the slot follows the vault's binding setting, and a holder
    of the organisation key passes it to holders who lack it (and takes it from those who no longer are).
    keys.json is saved once; a read-only folder only postpones this to the next sign-in."""
    try:
        keyfile = load_keyfile(session.folder)
    except SaikenError:
        return
    changed = False
    slot = keyfile.slot(slot_id=unlocked.slot.id)
    if password and isinstance(slot, Slot) and slot.kind == "user" and slot.bound != keyfile.device_bound:
        secret = devsec.load_device_secret(keyfile.vault_id) if keyfile.device_bound else None
        if not keyfile.device_bound or secret is not None:
            keys = session.signer.keys if session.signer else None
            if keys is not None:
                fresh = make_slot(
                    keyfile.vault_id,
                    slot_id=slot.id,
                    kind=slot.kind,
                    user_id=slot.user_id,
                    user_name=slot.user_name,
                    secret_text=password,
                    keys=keys,
                    genesis=slot.genesis,
                    created_at=ks.iso(session.clock.now()),
                    device_secret=secret,
                    must_change=slot.must_change,
                )
                keyfile.put_slot(replace(fresh, master=slot.master, org=slot.org), unlocked.master_key)
                changed = True
    try:
        org = session_org_key(session, keyfile)
        if org is not None:
            changed = bool(deliver(keyfile, state_of(session), org, unlocked.master_key)) or changed
    except SaikenError:
        pass
    if changed:
        try:
            keyfile.save(session.folder)
        except VaultError:
            pass


def _open(
    folder: Path, unlock: Unlock, secret_text: str, clock: Clock, accept: bool, *, password: str | None
) -> VaultSession:
    folder = Path(folder)
    _require_vault(folder)
    with hold.held_for_session(folder, clock) as handle:  # VaultInUseError: open in another process
        finish_interrupted(folder)
        keyfile = ks.load_any_keyfile(folder)
        unlocked = unlock(keyfile)
        if isinstance(keyfile, keyfile_v1.KeyFile):
            from saiken.services.vault.upgrade import upgrade_legacy

            upgrade_legacy(folder, keyfile, unlocked, secret_text, clock)
            keyfile = load_keyfile(folder)
            unlocked = unlock(keyfile)
        assert isinstance(keyfile, KeyFile)
        session = _session(
            folder, keyfile, unlocked, clock, secret_text=secret_text, accept=accept, handle=handle
        )
        _maintain(session, unlocked, password)
        session.notices[:] = sign_in_notices(session)
        return hold.attach(session, handle)


def open_vault(
    folder: Path, user: str, password: str, *, clock: Clock = system_clock, accept_older_state: bool = False
) -> VaultSession:
    """Sign in. WrongPasswordError (counted), LockedOutError, CorruptFileError, VaultError,
    RosterRefusedError (users or roles differ from the signed log), OlderThanAnchorError (an admin may pass
    `accept_older_state=True` to go on, audited)."""

    def unlock(kf: ks.AnyKeyFile) -> ks.Unlocked:
        return ks.unlock_user(kf, Path(folder), user, password, clock)

    return _open(folder, unlock, password, clock, accept_older_state, password=password)


def open_with_recovery_key(
    folder: Path, recovery_key: str, *, clock: Clock = system_clock, accept_older_state: bool = False
) -> VaultSession:
    """Sign in as the `recovery` principal (admin rights) with the recovery key, on any PC."""
    from saiken.security.recovery_key import normalise_recovery_key

    canonical = normalise_recovery_key(recovery_key)

    def unlock(kf: ks.AnyKeyFile) -> ks.Unlocked:
        return ks.unlock_recovery(kf, Path(folder), canonical, clock)

    return _open(folder, unlock, canonical, clock, accept_older_state, password=None)


def lock(session: VaultSession) -> None:
    """Close the database and drop the key material (idle lock, Ctrl+L, sign-out); the anchor is kept."""
    session.close()


def password_change_required(session: VaultSession) -> bool:
    """True when the signed-in user holds a temporary password (after a reset by an admin)."""
    if session.user.id == 0 or session.signer is None:
        return False
    try:
        slot = load_keyfile(session.folder).slot(slot_id=session.signer.principal)
    except SaikenError:
        return False
    return bool(slot and slot.must_change)
