"""Signing in (password or recovery key), locking, and finishing an interrupted rekey at sign-in.

A bound vault opened on an OS account without the device secret raises VaultError telling the user to
enrol this account (saiken.services.vault.device). Each user's slot follows the vault's binding setting at
their next sign-in (`_rebind`). Pending migrations run after a backup. Contract: docs/services.md.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from saiken.domain.clock import Clock, system_clock
from saiken.domain.errors import SaikenError, VaultError, WrongPasswordError
from saiken.domain.roles import Role
from saiken.security import device_secret as devsec
from saiken.security.keyfile import KeyFile, load_keyfile, user_slot_id
from saiken.security.signin_failures import FailureLog, principal_hash
from saiken.services.context import SignedInUser, VaultSession, read_session, unit_of_work
from saiken.services.vault import hold
from saiken.services.vault import slots as ks
from saiken.services.vault.backup import DEFAULT_GENERATIONS, write_backup
from saiken.store import migrate
from saiken.store.engine import make_engine
from saiken.store.models import Setting, User


def _require_vault(folder: Path) -> None:
    if not (folder / ks.KEYS_NAME).is_file() and not (folder / ks.DB_NAME).is_file():
        raise VaultError(
            f"{folder} に金庫が見つかりません。フォルダを確かめるか、saiken init で作成してください。"
        )
    if not (folder / ks.DB_NAME).is_file():
        raise VaultError("金庫のデータベース（vault.db）が見つかりません。バックアップから戻してください。")


def _engine_for(folder: Path, keyfile: KeyFile, unlocked: ks.Unlocked, retry) -> tuple:
    """A keyed engine; finishes an interrupted rekey (keys.next.json) when the DB is already re-keyed."""
    engine = make_engine(folder / ks.DB_NAME, unlocked.master_key)
    try:
        engine.connect().close()
    except WrongPasswordError:
        engine.dispose()
        pending = folder / ks.PENDING_KEYS_NAME
        if not pending.is_file():
            raise VaultError(
                "鍵ファイルとデータベースが合いません。バックアップから戻してください。"
            ) from None
        next_file = load_keyfile(folder, ks.PENDING_KEYS_NAME)
        unlocked = retry(next_file)
        engine = make_engine(folder / ks.DB_NAME, unlocked.master_key)
        engine.connect().close()
        next_file.save(folder)  # the rekey had finished the database: promote the new key file
        ks.remove_stale_pending(folder)
        return engine, next_file, unlocked
    ks.remove_stale_pending(folder)  # a rekey that stopped before touching the database
    return engine, keyfile, unlocked


def _prepare(folder: Path, engine, key: bytes, clock: Clock) -> dict[str, str] | None:
    """Run pending migrations, after a backup. Returns the revisions for the audit log, or None."""
    if not migrate.needs_upgrade(engine):
        return None
    before = migrate.current_revision(engine)
    if before is not None:
        write_backup(folder, key, clock=clock, reason="migration", generations=DEFAULT_GENERATIONS + 1)
    migrate.upgrade(engine)
    return {"from_revision": before or "", "to_revision": migrate.head_revision()}


def _settings(engine) -> dict[str, str]:
    with engine.connect() as connection:
        return {k: v for k, v in connection.execute(select(Setting.key, Setting.value))}


def _flush_failures(work, folder: Path, keyfile: KeyFile, principal: str, names: list[str]) -> None:
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


def _session(
    folder: Path, keyfile: KeyFile, unlocked: ks.Unlocked, clock: Clock, retry, handle=None
) -> VaultSession:
    engine, keyfile, unlocked = _engine_for(folder, keyfile, unlocked, retry)
    try:
        migrated = _prepare(folder, engine, unlocked.master_key, clock)
        values = _settings(engine)
        slot = unlocked.slot
        if slot.kind == "recovery":
            user = SignedInUser(id=0, name=ks.RECOVERY_PRINCIPAL, role=Role.ADMIN, is_supervisor=False)
        else:
            with engine.connect() as connection:
                row = connection.execute(select(User).where(User.id == slot.user_id)).first()
            if row is None or row.name != slot.user_name or not row.active:
                raise VaultError("この利用者は削除されているか無効です。管理者に連絡してください。")
            user = SignedInUser(
                id=row.id, name=row.name, role=Role(row.role), is_supervisor=row.is_supervisor
            )
        session = VaultSession(
            folder=folder,
            engine=engine,
            user=user,
            clock=clock,
            org_name=values.get("org_name", ""),
            org_role=values.get("org_role", ""),
            demo=values.get("demo") == "1",
        )
        with read_session(session) as db:
            names = list(db.scalars(select(User.name)))
        with unit_of_work(session) as work:
            if migrated:
                work.audit("vault.migrate", target_type="vault", target_id=keyfile.vault_id, **migrated)
            _flush_failures(work, folder, keyfile, user.name, names)
            hold.audit_takeover(work, handle)
            method = "recovery_key" if slot.kind == "recovery" else "password"
            work.audit("auth.sign_in", target_type="user", target_id=user.id, method=method)
    except BaseException:
        engine.dispose()
        raise
    return session


def _rebind(folder: Path, keyfile: KeyFile, unlocked: ks.Unlocked, password: str, clock: Clock) -> None:
    """Bring a user's slot in line with the vault's binding setting, now that we have the password."""
    slot = unlocked.slot
    if slot.kind != "user" or slot.bound == keyfile.device_bound:
        return
    secret = devsec.load_device_secret(keyfile.vault_id) if keyfile.device_bound else None
    if keyfile.device_bound and secret is None:
        return
    fresh = load_keyfile(folder)
    fresh.put_slot(
        ks.new_user_slot(
            fresh,
            user_id=slot.user_id,
            user_name=slot.user_name,
            password=password,
            master_key=unlocked.master_key,
            clock=clock,
            must_change=slot.must_change,
            device_secret=secret,
        ),
        unlocked.master_key,
    )
    try:
        fresh.save(folder)
    except VaultError:
        pass  # read-only folder: the slot keeps working as it is; the next sign-in tries again


def open_vault(folder: Path, user: str, password: str, *, clock: Clock = system_clock) -> VaultSession:
    """Sign in. WrongPasswordError (counted), LockedOutError, CorruptFileError, VaultError."""
    folder = Path(folder)
    _require_vault(folder)
    with hold.held_for_session(folder, clock) as handle:  # VaultInUseError: open in another process
        keyfile = load_keyfile(folder)

        def unlock(kf: KeyFile) -> ks.Unlocked:
            return ks.unlock_user(kf, folder, user, password, clock)

        unlocked = unlock(keyfile)
        session = _session(folder, keyfile, unlocked, clock, unlock, handle)
        _rebind(folder, load_keyfile(folder), unlocked, password, clock)
        return hold.attach(session, handle)


def open_with_recovery_key(folder: Path, recovery_key: str, *, clock: Clock = system_clock) -> VaultSession:
    """Sign in as the `recovery` principal (admin rights) with the recovery key, on any PC."""
    folder = Path(folder)
    _require_vault(folder)
    with hold.held_for_session(folder, clock) as handle:
        keyfile = load_keyfile(folder)

        def unlock(kf: KeyFile) -> ks.Unlocked:
            return ks.unlock_recovery(kf, folder, recovery_key, clock)

        session = _session(folder, keyfile, unlock(keyfile), clock, unlock, handle)
        return hold.attach(session, handle)


def lock(session: VaultSession) -> None:
    """Close the database and drop the key material (idle lock, Ctrl+L, sign-out)."""
    session.close()


def password_change_required(session: VaultSession) -> bool:
    """True when the signed-in user holds a temporary password (after a reset or a rekey)."""
    if session.user.id == 0:
        return False
    try:
        slot = load_keyfile(session.folder).slot(slot_id=user_slot_id(session.user.id))
    except SaikenError:
        return False
    return bool(slot and slot.must_change)
