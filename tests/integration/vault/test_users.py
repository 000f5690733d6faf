"""Users: roles, password changes that re-wrap only one slot, admin resets, protections."""

from __future__ import annotations

import json

import pytest
from vault_people import ADMIN, ADMIN_PW, HANDLER, HANDLER_PW, VIEWER, VIEWER_PW

from saiken.domain.errors import (
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
    VaultError,
    WrongPasswordError,
)
from saiken.services import audit, users, vault


def _slots(folder) -> dict[str, dict]:
    return {s["user_name"]: s for s in json.loads((folder / "keys.json").read_text())["slots"]}


def test_add_and_list_users_with_roles(admin):
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW, display_name="架空 一郎")
    users.add_user(admin, VIEWER, role="viewer", password=VIEWER_PW)
    rows = {u.name: u for u in users.list_users(admin)}
    assert {n: (u.role, u.is_supervisor) for n, u in rows.items()} == {
        ADMIN: ("admin", True),
        HANDLER: ("handler", False),
        VIEWER: ("viewer", False),
    }
    entry = audit.list_entries(admin, action="user.add")[0]
    statement = entry.details.pop("statement")  # the signed membership statement it was written with
    assert entry.details == {"role": "viewer"} and entry.target_id == str(rows[VIEWER].id)
    assert len(statement) == 64


def test_bad_new_users_are_refused_and_nothing_changes(admin, made_vault):
    before = (made_vault.folder / "keys.json").read_bytes()
    with pytest.raises(ValidationError, match="役割"):
        users.add_user(admin, HANDLER, role="boss", password=HANDLER_PW)
    with pytest.raises(ValidationError, match="よく使われる"):
        users.add_user(admin, HANDLER, role="handler", password="1qaz2wsx3edc")
    with pytest.raises(ValidationError, match="利用者名と同じ"):
        users.add_user(admin, "kakuu-taro-1", role="handler", password="kakuu-taro-1")
    with pytest.raises(ValidationError, match="利用者名"):
        users.add_user(admin, "two words", role="handler", password=HANDLER_PW)
    with pytest.raises(ValidationError, match="すでに使われて"):
        users.add_user(admin, ADMIN, role="handler", password=HANDLER_PW)
    assert (made_vault.folder / "keys.json").read_bytes() == before
    assert [u.name for u in users.list_users(admin)] == [ADMIN]


def test_own_password_change_rewraps_only_that_slot(admin, made_vault, fixed_clock):
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    before = _slots(made_vault.folder)
    session = vault.open_vault(made_vault.folder, HANDLER, HANDLER_PW, clock=fixed_clock)
    with pytest.raises(WrongPasswordError):
        users.change_password(
            session, HANDLER, old_password="ちがう長い合言葉ですよ", new_password="新しくてとても長い合言葉"
        )
    users.change_password(session, HANDLER, old_password=HANDLER_PW, new_password="新しくてとても長い合言葉")
    session.close()
    after = _slots(made_vault.folder)
    assert after[ADMIN] == before[ADMIN] and after["recovery"] == before["recovery"]
    assert after[HANDLER]["wrapped"] != before[HANDLER]["wrapped"]
    with pytest.raises(WrongPasswordError):
        vault.open_vault(made_vault.folder, HANDLER, HANDLER_PW, clock=fixed_clock)
    session = vault.open_vault(made_vault.folder, HANDLER, "新しくてとても長い合言葉", clock=fixed_clock)
    assert not vault.password_change_required(session)
    session.close()


def test_admin_reset_gives_a_temporary_password_that_must_be_changed(admin, made_vault, fixed_clock):
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    users.change_password(admin, HANDLER, old_password=None, new_password="一時的な長い合言葉です")
    session = vault.open_vault(made_vault.folder, HANDLER, "一時的な長い合言葉です", clock=fixed_clock)
    assert vault.password_change_required(session)
    users.change_password(
        session, HANDLER, old_password="一時的な長い合言葉です", new_password="自分で決めた長い合言葉"
    )
    assert not vault.password_change_required(session)
    session.close()
    assert [e.action for e in audit.list_entries(admin, actor=HANDLER)][:1] == ["user.password_change"]


def test_only_admins_manage_users_and_the_last_admin_stays(admin, made_vault, fixed_clock):
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    handler = vault.open_vault(made_vault.folder, HANDLER, HANDLER_PW, clock=fixed_clock)
    with pytest.raises(PermissionDeniedError, match="権限"):
        users.add_user(handler, VIEWER, role="viewer", password=VIEWER_PW)
    with pytest.raises(PermissionDeniedError):
        users.change_password(handler, ADMIN, old_password=None, new_password="乗っ取りの長い合言葉")
    handler.close()
    with pytest.raises(PermissionDeniedError, match="自分自身"):
        users.remove_user(admin, ADMIN)
    with pytest.raises(ValidationError, match="最後の管理者"):
        users.set_role(admin, ADMIN, "viewer")
    with pytest.raises(NotFoundError):
        users.remove_user(admin, "nobody")
    row = users.set_role(admin, HANDLER, "supervisor")
    assert (row.role, row.is_supervisor) == ("supervisor", True)
    details = audit.list_entries(admin, action="user.set_role")[0].details
    assert len(details.pop("statement")) == 64
    assert details == {"before": "handler", "after": "supervisor"}
    session = vault.open_vault(made_vault.folder, HANDLER, HANDLER_PW, clock=fixed_clock)
    assert session.user.can(users.Capability.EXPORT)
    session.close()
    assert vault.open_vault(made_vault.folder, ADMIN, ADMIN_PW, clock=fixed_clock).user.role == "admin"


def test_password_policy_is_offered_to_the_gui():
    assert users.check_password_policy("short") != []
    assert users.check_password_policy("ながくて覚えやすい文") == []


def test_a_failed_key_file_write_changes_nothing(admin, made_vault):
    """keys.json is written last inside the transaction: when the write fails (here: a file size limit, so
    it fails even for root) the new user is not in the database and the old key file is intact."""
    import resource
    import signal

    before = (made_vault.folder / "keys.json").read_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 100, hard))
    try:
        with pytest.raises(VaultError, match="書き込めません"):
            users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert (made_vault.folder / "keys.json").read_bytes() == before
    assert [u.name for u in users.list_users(admin)] == [ADMIN]
    assert [p.name for p in made_vault.folder.iterdir() if p.name.startswith(".")] == []
    assert audit.verify(admin).ok and not audit.list_entries(admin, action="user.add")
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)  # works again afterwards


def test_a_password_made_of_the_new_members_display_name_is_refused(admin):
    """Issue 6 item 8: the user's own name, with digits appended, is an obvious variant."""
    from saiken.domain.errors import ValidationError as Refused

    with pytest.raises(Refused, match="名前"):
        users.add_user(admin, "yt01", role="viewer", password="山田太郎2025!!", display_name="山田 太郎")
    users.add_user(
        admin, "yt01", role="viewer", password="山田さんの長い合言葉です", display_name="山田 太郎"
    )
