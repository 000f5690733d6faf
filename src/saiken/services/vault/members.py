"""Users and their key slots: add, list, change password, remove, change role.

Each change runs in ONE transaction with its audit entry; keys.json is written last inside it, so a
failed write rolls the database back. A password change re-wraps only that user's slot; an admin's reset
gives the user a temporary password they must change at next sign-in (`must_change` in the slot);
removing a user deletes their slot (their password no longer opens the vault) and marks the row inactive
(kept for the audit log's references).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from saiken.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from saiken.domain.roles import Capability, Role
from saiken.security.keyfile import load_keyfile, user_slot_id
from saiken.security.password_policy import problems as _policy_problems
from saiken.services.context import VaultSession, read_session, unit_of_work
from saiken.services.vault import slots as ks
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


def _get(session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name, User.active.is_(True)))
    if user is None:
        raise NotFoundError(f"利用者「{name}」は見つかりません。名前を確かめてください。")
    return user


def _active_admins(session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(User).where(User.active.is_(True), User.role == Role.ADMIN.value)
        )
        or 0
    )


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
        work.audit("user.add", target_type="user", target_id=user.id, role=chosen.value)
        keyfile.put_slot(
            ks.new_user_slot(
                keyfile,
                user_id=user.id,
                user_name=name,
                password=password,
                master_key=master,
                clock=s.clock,
                must_change=must_change,
                device_secret=secret,
            ),
            master,
        )
        keyfile.save(s.folder)
        return _row(user)


def change_password(s: VaultSession, name: str, *, old_password: str | None, new_password: str) -> None:
    """Your own password (old one required), or an admin's reset of someone else's (temporary)."""
    name = ks.normalise_user_name(name)
    own = name == s.user.name
    if not own:
        s.require(Capability.MANAGE_USERS)
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
        action = "user.password_change" if own else "user.password_reset"
        work.audit(action, target_type="user", target_id=user.id)
        keyfile.put_slot(
            ks.new_user_slot(
                keyfile,
                user_id=user.id,
                user_name=name,
                password=new_password,
                master_key=master,
                clock=s.clock,
                must_change=not own,
                device_secret=secret,
            ),
            master,
        )
        keyfile.save(s.folder)


def remove_user(s: VaultSession, name: str) -> None:
    s.require(Capability.MANAGE_USERS)
    name = ks.normalise_user_name(name)
    if name == s.user.name:
        raise PermissionDeniedError("自分自身は削除できません。別の管理者に依頼してください。")
    master = ks.session_master_key(s)
    keyfile = load_keyfile(s.folder)
    with unit_of_work(s) as work:
        user = _get(work.session, name)
        if user.role == Role.ADMIN.value and _active_admins(work.session) <= 1:
            raise ValidationError("最後の管理者は削除できません。先に別の管理者を追加してください。")
        user.active = False
        user.removed_at = s.clock.now()
        work.audit("user.remove", target_type="user", target_id=user.id)
        keyfile.drop_slot(user_slot_id(user.id), master)
        keyfile.save(s.folder)


def set_role(s: VaultSession, name: str, role: str) -> UserRow:
    s.require(Capability.MANAGE_USERS)
    name = ks.normalise_user_name(name)
    chosen = _role(role)
    with unit_of_work(s) as work:
        user = _get(work.session, name)
        if user.role == Role.ADMIN.value and chosen != Role.ADMIN and _active_admins(work.session) <= 1:
            raise ValidationError("最後の管理者の役割は変えられません。先に別の管理者を追加してください。")
        before = user.role
        user.is_supervisor = chosen == Role.SUPERVISOR or (chosen == Role.ADMIN and user.is_supervisor)
        user.role = chosen.value
        work.audit("user.set_role", target_type="user", target_id=user.id, before=before, after=chosen.value)
        return _row(user)
