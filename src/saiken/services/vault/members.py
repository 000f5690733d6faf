"""Members: add, list, change password, remove, change role (DESIGN §5).

Every change of membership is a statement in the signed membership log, signed by the acting admin, in the
same transaction as its `users` row and its audit entry (which names the statement); keys.json is written
last inside it, so a failed write rolls everything back.
- add: a new key pair for the member, wrapped under their password; the master key (and, for supervisors and
  admins, the organisation key) sealed to it.
- password change (own): the same key pair re-wrapped under the new password; nothing else changes.
- password reset (an admin, for someone else): a NEW key pair under a temporary password the member must
  change at next sign-in (the admin cannot unwrap the old one), announced by a `reset` statement.
- remove: the member's row kept inactive (for the audit log's references), a `remove` statement, and a new
  master key for everyone else (saiken.services.vault.rotation): nothing in the folder opens with the removed
  member's slot any more. When they held the organisation key, it is replaced too.
- role: a `role` statement; promoted to supervisor/admin → the organisation key is sealed to them; demoted
  from it → the organisation key is replaced (they may have kept a copy), sealed to the remaining holders.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, select

from saiken.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from saiken.domain.roles import Capability, Role
from saiken.security.keyfile import Slot, load_keyfile, make_slot, user_slot_id
from saiken.security.member_keys import MemberKeys
from saiken.security.membership import Member, Membership, org_key_body, public_body
from saiken.security.password_policy import problems as _policy_problems
from saiken.services.context import VaultSession, Work, read_session, unit_of_work
from saiken.services.vault import roster
from saiken.services.vault import slots as ks
from saiken.services.vault.org import deliver, new_org_key, org_key_id, session_org_key
from saiken.services.vault.rotation import RotationResult, rotate
from saiken.store.models import User

ROLE_NAMES = tuple(r.value for r in Role)


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    display_name: str
    role: str
    is_supervisor: bool
    active: bool


def _row(user: User) -> UserRow:
    return UserRow(user.id, user.name, user.display_name, user.role, user.is_supervisor, user.active)


def check_password_policy(
    password: str, user_name: str | None = None, *, other_names: tuple[str, ...] = ()
) -> list[str]:
    """Every problem with `password` as a sentence (empty list = acceptable). `other_names`: the user's
    display name (and the like), refused as the base of a password like the account name."""
    return _policy_problems(password, user_name=user_name, other_names=other_names)


def _require_policy(password: str, name: str, *, other_names: tuple[str, ...] = ()) -> None:
    found = check_password_policy(password, name, other_names=other_names)
    if found:
        raise ValidationError(" ".join(found))


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError(f"役割は {' / '.join(ROLE_NAMES)} のどれかを指定してください。") from None


def list_users(s: VaultSession, *, include_removed: bool = False) -> list[UserRow]:
    if not (s.user.can(Capability.MANAGE_USERS) or s.user.can(Capability.READ_AUDIT)):
        s.require(Capability.MANAGE_USERS)
    query = select(User).order_by(User.name)
    if not include_removed:
        query = query.where(User.active.is_(True))
    with read_session(s) as session:
        return [_row(u) for u in session.scalars(query)]


def _get(session: Any, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name, User.active.is_(True)))
    if user is None:
        raise NotFoundError(f"利用者「{name}」は見つかりません。名前を確かめてください。")
    return user


def _active_admins(session: Any) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(User).where(User.active.is_(True), User.role == Role.ADMIN.value)
        )
        or 0
    )


def _holder(role: str) -> bool:
    return role in (Role.ADMIN.value, Role.SUPERVISOR.value)


def add_user(
    s: VaultSession, name: str, *, role: str, password: str, display_name: str = "", must_change: bool = False
) -> UserRow:
    s.require(Capability.MANAGE_USERS)
    name = ks.normalise_user_name(name)
    if name in ks.RESERVED_NAMES:
        raise ValidationError(f"「{name}」は利用者名には使えません。")
    chosen = _role(role)
    display_name = (display_name or "").strip()
    _require_policy(password, name, other_names=(display_name,) if display_name else ())
    if len(display_name) > 100:
        raise ValidationError("表示名は 100 文字以内にしてください。")
    master = ks.session_master_key(s)
    keyfile = load_keyfile(s.folder)
    secret = ks.device_secret_for_new_slot(keyfile)
    org = session_org_key(s, keyfile)
    keys = MemberKeys.generate()
    with unit_of_work(s) as work:
        if work.session.scalar(select(User.id).where(User.name == name)) is not None:
            raise ValidationError(
                f"利用者名「{name}」はすでに使われています（削除済みの利用者を含む）。別の名前にしてください。"
            )
        user = User(
            name=name,
            display_name=display_name,
            role=chosen.value,
            is_supervisor=chosen == Role.SUPERVISOR,
            active=True,
            created_at=s.clock.now(),
        )
        work.session.add(user)
        work.session.flush()
        member = Member(user_slot_id(user.id), user.id, name, chosen.value, user.is_supervisor, keys.public)
        digest = roster.append_statement(work, "add", member.to_json())
        work.audit("user.add", target_type="user", target_id=user.id, role=chosen.value, statement=digest)
        slot = ks.new_member_slot(
            keyfile,
            user_id=user.id,
            user_name=name,
            secret_text=password,
            keys=keys,
            master_key=master,
            clock=s.clock,
            org=org,
            holder=_holder(chosen.value),
            must_change=must_change,
            device_secret=secret,
        )
        keyfile.put_slot(slot, master)
        keyfile.save(s.folder)
        return _row(user)


def change_password(s: VaultSession, name: str, *, old_password: str | None, new_password: str) -> None:
    """Your own password (old one required; the same keys re-wrapped), or an admin's reset of someone
    else's (new keys under a temporary password, changed at their next sign-in)."""
    name = ks.normalise_user_name(name)
    own = name == s.user.name
    if not own:
        s.require(Capability.MANAGE_USERS)
    if own and s.user.id == 0:
        raise ValidationError(
            "復旧キーは変えられません。新しい復旧キーを作るには saiken rekey --new-recovery-key を使ってください。"
        )
    _require_policy(new_password, name)
    keyfile = load_keyfile(s.folder)
    if own:
        if not old_password:
            raise ValidationError("今のパスワードを入力してください。")
        if old_password == new_password:
            raise ValidationError("新しいパスワードは今のものと違うものにしてください。")
        ks.unlock_user(keyfile, s.folder, name, old_password, s.clock)  # WrongPasswordError, counted
    master = ks.session_master_key(s)
    secret = ks.device_secret_for_new_slot(keyfile)
    with unit_of_work(s) as work:
        user = _get(work.session, name)
        if own:
            _rewrap_own(s, keyfile, user, new_password, secret, master)
            work.audit("user.password_change", target_type="user", target_id=user.id)
        else:
            keys = MemberKeys.generate()
            digest = roster.append_statement(work, "reset", public_body(user_slot_id(user.id), keys.public))
            work.audit("user.password_reset", target_type="user", target_id=user.id, statement=digest)
            slot = ks.new_member_slot(
                keyfile,
                user_id=user.id,
                user_name=name,
                secret_text=new_password,
                keys=keys,
                master_key=master,
                clock=s.clock,
                org=session_org_key(s, keyfile),
                holder=_holder(user.role),
                must_change=True,
                device_secret=secret,
            )
            keyfile.put_slot(slot, master)
        keyfile.save(s.folder)


def _rewrap_own(
    s: VaultSession, keyfile: Any, user: User, password: str, secret: bytes | None, master: bytes
) -> None:
    slot = keyfile.slot(slot_id=user_slot_id(user.id))
    if not isinstance(slot, Slot) or s.signer is None:
        raise ValidationError(
            "鍵スロットを更新できません。サインインし直してから、もう一度変更してください。"
        )
    fresh = make_slot(
        keyfile.vault_id,
        slot_id=slot.id,
        kind=slot.kind,
        user_id=slot.user_id,
        user_name=slot.user_name,
        secret_text=password,
        keys=s.signer.keys,
        genesis=slot.genesis,
        created_at=ks.iso(s.clock.now()),
        device_secret=secret,
        must_change=False,
    )
    keyfile.put_slot(replace(fresh, master=slot.master, org=slot.org), master)


def remove_user(s: VaultSession, name: str) -> RotationResult:
    """Remove a member and rotate the master key (and the organisation key if they held it). Returns what
    the rotation did: backups re-encrypted, members whose old-format slot needs a reset."""
    s.require(Capability.MANAGE_USERS)
    name = ks.normalise_user_name(name)
    if name == s.user.name:
        raise PermissionDeniedError("自分自身は削除できません。別の管理者に依頼してください。")
    with read_session(s) as db:
        user = _get(db, name)
        if user.role == Role.ADMIN.value and _active_admins(db) <= 1:
            raise ValidationError("最後の管理者は削除できません。先に別の管理者を追加してください。")
        user_id, was_holder = user.id, _holder(user.role)

    def change(work: Work, state: Membership) -> None:
        row = work.session.get(User, user_id)
        assert row is not None
        row.active = False
        row.removed_at = s.clock.now()
        digest = roster.append_statement(work, "remove", {"id": user_slot_id(user_id)}, state=state)
        work.audit("user.remove", target_type="user", target_id=user_id, statement=digest)

    return rotate(s, reason="remove", change=change, rotate_org=was_holder)


def set_role(s: VaultSession, name: str, role: str) -> UserRow:
    s.require(Capability.MANAGE_USERS)
    name = ks.normalise_user_name(name)
    chosen = _role(role)
    master = ks.session_master_key(s)
    keyfile = load_keyfile(s.folder)
    org = session_org_key(s, keyfile)
    with unit_of_work(s) as work:
        user = _get(work.session, name)
        if user.role == Role.ADMIN.value and chosen != Role.ADMIN and _active_admins(work.session) <= 1:
            raise ValidationError("最後の管理者の役割は変えられません。先に別の管理者を追加してください。")
        before, was_holder = user.role, _holder(user.role)
        user.is_supervisor = chosen == Role.SUPERVISOR or (chosen == Role.ADMIN and user.is_supervisor)
        user.role = chosen.value
        state = roster.membership(work.session, s.vault_id)
        body = {"id": user_slot_id(user.id), "role": chosen.value, "supervisor": bool(user.is_supervisor)}
        digest = roster.append_statement(work, "role", body, state=state)
        work.audit(
            "user.set_role",
            target_type="user",
            target_id=user.id,
            before=before,
            after=chosen.value,
            statement=digest,
        )
        if was_holder and not _holder(chosen.value):
            org = _replace_org_key(work, state)
        if org is not None:
            deliver(keyfile, state, org, master)
            keyfile.save(s.folder)
        return _row(user)


def _replace_org_key(work: Work, state: Membership) -> ks.OrgKey:
    """A new organisation key (the demoted member may have kept the old one), announced by an admin."""
    org, public = new_org_key()
    previous = org_key_id(state.org_key)
    digest = roster.append_statement(work, "org_key", org_key_body(public, previous), state=state)
    work.audit(
        "org.key_rotated",
        target_type="vault",
        target_id=work.vault.vault_id,
        statement=digest,
        previous=previous[:16],
    )
    return org
