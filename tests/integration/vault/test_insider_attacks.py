"""Issue 6, as an insider would try it: a viewer holds the master key (every member unseals it) and can
write to the folder. With a short script they edit `users.role`, add an admin, forge a founding statement,
rewrite or cut the audit log. Each attempt is found; none gains them anything. Each of these succeeded on
commit 9130a90 (roles were plain rows, the audit chain unsigned, keys.json MACed with the shared key)."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
from vault_people import ADMIN, ADMIN_PW, HANDLER, HANDLER_PW, VIEWER, VIEWER_PW

from saiken.domain.errors import CorruptFileError, PermissionDeniedError
from saiken.security import keyfile as kf
from saiken.security.audit_chain import entry_hash, signing_bytes
from saiken.security.member_keys import MemberKeys
from saiken.security.membership import (
    Member,
    MembershipError,
    genesis_statement,
    next_statement,
    parse_statement,
    replay,
    sign_statement,
)
from saiken.services import audit, users, vault
from saiken.store.engine import connect_raw, engine_key


@pytest.fixture
def team(admin):
    users.add_user(admin, HANDLER, role="handler", password=HANDLER_PW)
    users.add_user(admin, VIEWER, role="viewer", password=VIEWER_PW)
    admin.close()


def _viewer_loot(folder, clock):
    """What the viewer's script has: the master key and the viewer's own private keys."""
    session = vault.open_vault(folder, VIEWER, VIEWER_PW, clock=clock)
    master, keys = engine_key(session.engine), session.signer.keys
    session.close()
    return master, keys


def _sql(folder, master, statement, params=()):
    connection = connect_raw(folder / "vault.db", master)  # the script's own connection: none of ours
    try:
        connection.execute("BEGIN")
        result = connection.execute(statement, params).fetchall()
        connection.execute("COMMIT")
        return result
    finally:
        connection.close()


def test_a_viewer_who_edits_users_role_gains_nothing(made_vault, team, fixed_clock):
    folder = made_vault.folder
    master, _ = _viewer_loot(folder, fixed_clock)
    _sql(folder, master, "UPDATE users SET role = 'admin' WHERE name = ?", (VIEWER,))
    with pytest.raises(vault.RosterRefusedError) as caught:
        vault.open_vault(folder, VIEWER, VIEWER_PW, clock=fixed_clock)
    message = str(caught.value)
    assert f"利用者「{VIEWER}」の役割が名簿（viewer）と違います" in message and "repair-members" in message
    with pytest.raises(vault.RosterRefusedError):  # the vault is refused to everyone until repaired
        vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)

    repaired = vault.repair_members(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    assert repaired.changed == [VIEWER]
    session = vault.open_vault(folder, VIEWER, VIEWER_PW, clock=fixed_clock)
    assert session.user.role == "viewer"
    session.close()
    with pytest.raises(PermissionDeniedError):
        vault.repair_members(folder, VIEWER, VIEWER_PW, clock=fixed_clock)


def test_a_viewer_script_that_adds_an_admin_gains_nothing(made_vault, team, fixed_clock):
    folder = made_vault.folder
    master, viewer_keys = _viewer_loot(folder, fixed_clock)
    evil_keys = MemberKeys.generate()
    # a users row, a slot in keys.json with the master key sealed to the new keys, the header re-MACed …
    _sql(
        folder,
        master,
        "INSERT INTO users (name, display_name, role, is_supervisor, active, created_at) "
        "VALUES ('evil', '', 'admin', 1, 1, '2025-09-16T01:00:00.000000+00:00')",
    )
    evil_id = _sql(folder, master, "SELECT id FROM users WHERE name = 'evil'")[0][0]
    keyfile = kf.load_keyfile(folder)
    slot = kf.make_slot(
        keyfile.vault_id,
        slot_id=f"u{evil_id}",
        kind="user",
        user_id=evil_id,
        user_name="evil",
        secret_text="悪意のある長い合言葉です",
        keys=evil_keys,
        genesis=keyfile.genesis,
        created_at="2025-09-16T01:00:00+00:00",
    )
    keyfile.put_slot(kf.seal_master(keyfile.vault_id, slot, epoch=keyfile.epoch, master_key=master), master)
    keyfile.save(folder)
    with pytest.raises(vault.RosterRefusedError, match="evil"):
        vault.open_vault(folder, "evil", "悪意のある長い合言葉です", clock=fixed_clock)

    # … and a membership statement adding "evil", signed with the viewer's own key
    connection = connect_raw(folder / "vault.db", master)
    try:
        rows = connection.execute(
            "SELECT seq, statement, signature FROM membership_log ORDER BY seq"
        ).fetchall()
        state = replay([parse_statement(t, s) for _, t, s in rows], vault_id=keyfile.vault_id)
        member = Member(f"u{evil_id}", evil_id, "evil", "admin", True, evil_keys.public)
        forged = sign_statement(
            next_statement(state, at="2025-09-16T02:00:00+00:00", type="add", by="u3", body=member.to_json()),
            viewer_keys,
        )
        connection.execute(
            "INSERT INTO membership_log (seq, statement, signature, hash) VALUES (?, ?, ?, ?)",
            (forged.statement.seq, forged.text, base64.b64encode(forged.signature).decode(), forged.hash),
        )
    finally:
        connection.close()
    with pytest.raises(MembershipError, match="管理者ではありません"):
        vault.open_vault(folder, "evil", "悪意のある長い合言葉です", clock=fixed_clock)
    with pytest.raises(MembershipError):
        vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)


def test_a_forged_founding_statement_is_found_by_every_other_member(made_vault, team, fixed_clock):
    """The viewer writes a whole new membership log founded by themselves, as admin, and re-pins their own
    slot to it (they know their own password). Everyone else's slot still pins the real founding statement."""
    folder = made_vault.folder
    master, viewer_keys = _viewer_loot(folder, fixed_clock)
    keyfile = kf.load_keyfile(folder)
    viewer_slot = keyfile.slot(user_name=VIEWER)
    me = Member(viewer_slot.id, viewer_slot.user_id, VIEWER, "admin", True, viewer_keys.public)
    recovery = Member("recovery", 0, "recovery", "admin", False, MemberKeys.generate().public)
    forged_org = MemberKeys.generate().public.ed25519
    genesis = sign_statement(
        genesis_statement(
            vault_id=keyfile.vault_id,
            at="2025-09-16T01:00:00+00:00",
            founder=me,
            members=[me, recovery],
            org_name="架空法律事務所",
            org_role="contractor",
            org_key=forged_org,
        ),
        viewer_keys,
    )
    _sql(folder, master, "DELETE FROM membership_log")
    _sql(
        folder,
        master,
        "INSERT INTO membership_log (seq, statement, signature, hash) VALUES (1, ?, ?, ?)",
        (genesis.text, base64.b64encode(genesis.signature).decode(), genesis.hash),
    )
    _sql(folder, master, "UPDATE users SET role = 'admin', is_supervisor = 1 WHERE name = ?", (VIEWER,))
    _sql(folder, master, "DELETE FROM users WHERE name <> ?", (VIEWER,))
    keyfile.header["genesis"] = genesis.hash
    repinned = kf.make_slot(
        keyfile.vault_id,
        slot_id=viewer_slot.id,
        kind="user",
        user_id=viewer_slot.user_id,
        user_name=VIEWER,
        secret_text=VIEWER_PW,
        keys=viewer_keys,
        genesis=genesis.hash,
        created_at=viewer_slot.created_at,
    )
    keyfile.put_slot(
        kf.seal_master(keyfile.vault_id, repinned, epoch=keyfile.epoch, master_key=master), master
    )
    keyfile.save(folder)

    for name, password in ((ADMIN, ADMIN_PW), (HANDLER, HANDLER_PW)):
        with pytest.raises(vault.RosterRefusedError, match="創設の記録"):
            vault.open_vault(folder, name, password, clock=fixed_clock)
    with pytest.raises(vault.RosterRefusedError, match="創設の記録"):
        vault.open_with_recovery_key(folder, made_vault.recovery_key, clock=fixed_clock)
    # in their forged world the viewer is an "admin" whose organisation key is not the organisation's
    session = vault.open_vault(folder, VIEWER, VIEWER_PW, clock=fixed_clock, accept_older_state=True)
    assert vault.org_public_key(session) == forged_org
    session.close()


def _rewrite_entry(folder, master, seq, *, action=None, actor=None, keys=None, signer=None):
    """Change entry `seq` and recompute every later hash (a script that knows the chain format)."""
    rows = _sql(
        folder,
        master,
        "SELECT seq, at, actor, action, target_type, target_id, details, prev_hash, hash, signer, signature, "
        "records FROM audit_log WHERE seq >= ? ORDER BY seq",
        (seq,),
    )
    prev = rows[0][7]
    for row in rows:
        fields = dict(
            zip(("seq", "at", "actor", "action", "target_type", "target_id", "details"), row[:7], strict=True)
        )
        if row[0] == seq:
            fields["action"] = action or fields["action"]
            fields["actor"] = actor or fields["actor"]
        row_signer = signer if (row[0] == seq and signer) else row[9]
        digest = entry_hash(
            **{**fields, "at": dt.datetime.fromisoformat(fields["at"])},
            prev_hash=prev,
            signer=row_signer,
            records=row[11],
        )
        signature = row[10]
        if row[0] == seq and keys is not None:
            signature = base64.b64encode(keys.sign(signing_bytes(digest))).decode()
        _sql(
            folder,
            master,
            "UPDATE audit_log SET actor = ?, action = ?, prev_hash = ?, hash = ?, signer = ?, signature = ? "
            "WHERE seq = ?",
            (fields["actor"], fields["action"], prev, digest, row_signer, signature, row[0]),
        )
        prev = digest
    _sql(
        folder,
        master,
        "UPDATE settings SET value = ? WHERE key = 'audit_head'",
        (json.dumps({"count": rows[-1][0], "hash": prev}),),
    )


def test_a_rewritten_audit_history_does_not_verify(made_vault, team, fixed_clock):
    folder = made_vault.folder
    master, _ = _viewer_loot(folder, fixed_clock)
    # an entry of the admin's edited, the chain recomputed: the admin's signature no longer fits
    _rewrite_entry(folder, master, 3, action="debtor.view")
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock, accept_older_state=True)
    report = audit.verify(session)
    assert not report.ok and any("通番 3: 署名が正しくありません" in p for p in report.problems)
    session.close()


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"actor": ADMIN}, "記録の操作者（kanri）と署名した人（etsuran）が違います"),
        ({"action": "user.add"}, "この操作（user.add）の権限がありません"),
    ],
)
def test_entries_the_viewer_signs_themselves_are_found(made_vault, team, fixed_clock, change, expected):
    folder = made_vault.folder
    master, viewer_keys = _viewer_loot(folder, fixed_clock)
    last = _sql(folder, master, "SELECT max(seq) FROM audit_log WHERE actor = ?", (VIEWER,))[0][0]
    _rewrite_entry(folder, master, last, keys=viewer_keys, signer="u3", **change)
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock, accept_older_state=True)
    report = audit.verify(session)
    assert not report.ok and any(expected in p for p in report.problems), report.problems
    session.close()


def test_a_cut_off_tail_is_found_by_audit_verify_itself(made_vault, team, fixed_clock, memory_keyring):
    """Today `audit verify` signed in first and its own entry overwrote the head: a cut tail verified OK."""
    folder = made_vault.folder
    master, _ = _viewer_loot(folder, fixed_clock)
    count = _sql(folder, master, "SELECT max(seq) FROM audit_log")[0][0]
    _sql(folder, master, "DELETE FROM audit_log WHERE seq > ?", (count - 2,))
    memory_keyring.store = {k: v for k, v in memory_keyring.store.items() if k[0] != "saiken-desk-anchor"}
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)  # no anchor on this account
    report = audit.verify(session)
    session.close()
    assert not report.ok
    assert any("末尾が消されていました" in p and f"控え {count} 件" in p for p in report.problems), (
        report.problems
    )


def test_a_cut_tail_with_a_rewritten_head_is_refused_by_the_anchor(made_vault, team, fixed_clock):
    folder = made_vault.folder
    master, _ = _viewer_loot(folder, fixed_clock)  # the viewer's close wrote an anchor on this account
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    checkpoint = vault.signed_checkpoint(session).checkpoint
    session.close()
    count = _sql(folder, master, "SELECT max(seq) FROM audit_log")[0][0]
    head = _sql(folder, master, "SELECT hash FROM audit_log WHERE seq = ?", (count - 3,))[0][0]
    _sql(folder, master, "DELETE FROM audit_log WHERE seq > ?", (count - 3,))
    _sql(
        folder,
        master,
        "UPDATE settings SET value = ? WHERE key = 'audit_head'",
        (json.dumps({"count": count - 3, "hash": head}),),
    )
    with pytest.raises(vault.OlderThanAnchorError, match="古い状態"):
        vault.open_vault(folder, HANDLER, HANDLER_PW, clock=fixed_clock)
    session = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock, accept_older_state=True)
    report = audit.verify(session, checkpoint=checkpoint)  # the checkpoint printed before the cut
    assert not report.ok and any("チェックポイント" in p for p in report.problems)
    assert report.notices  # the acceptance is in the log for every later verification
    session.close()


def test_a_deleted_recovery_slot_is_reported_to_an_admin_at_sign_in(made_vault, team, fixed_clock):
    folder = made_vault.folder
    document = json.loads((folder / "keys.json").read_text())
    document["slots"] = [s for s in document["slots"] if s["id"] != "recovery"]
    (folder / "keys.json").write_text(json.dumps(document))
    handler = vault.open_vault(folder, HANDLER, HANDLER_PW, clock=fixed_clock)
    assert handler.notices == []
    handler.close()
    admin = vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
    assert any("復旧キーの鍵スロットが鍵ファイルから消されています" in n for n in admin.notices), (
        admin.notices
    )
    result = vault.rekey(admin, new_recovery_key=True)  # what the notice tells the admin to do
    admin.close()
    vault.open_with_recovery_key(folder, result.recovery_key, clock=fixed_clock).close()


def test_forged_argon2_parameters_cannot_make_sign_in_hang(made_vault, fixed_clock):
    folder = made_vault.folder
    document = json.loads((folder / "keys.json").read_text())
    slot = next(s for s in document["slots"] if s["user_name"] == ADMIN)
    slot["kdf"]["memory_kib"] = 4 * 1024 * 1024  # 4 GiB: accepted by commit 9130a90
    slot["check"] = kf._check(slot)
    (folder / "keys.json").write_text(json.dumps(document))
    with pytest.raises(CorruptFileError, match="鍵導出"):
        vault.open_vault(folder, ADMIN, ADMIN_PW, clock=fixed_clock)
