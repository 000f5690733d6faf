"""The signed membership log: founded by a self-signed statement; every change signed by an admin at that
time; a chain that cannot be cut, reordered or edited; pending members bind their own keys once."""

from __future__ import annotations

import dataclasses

import pytest

from saiken.security.member_keys import MemberKeys
from saiken.security.membership import (
    Member,
    MembershipError,
    genesis_statement,
    next_statement,
    parse_statement,
    public_body,
    replay,
    sign_statement,
)

VAULT = "v" * 32
AT = "2025-09-16T01:00:00+00:00"
FOUNDER, RECOVERY, VIEWER, ADMIN2 = (MemberKeys.generate() for _ in range(4))
ORG = MemberKeys.generate().public.ed25519


def _member(mid, uid, name, role, keys, supervisor=False):
    return Member(mid, uid, name, role, supervisor, keys.public)


def _founded():
    founder = _member("u1", 1, "kanri", "admin", FOUNDER, True)
    recovery = _member("recovery", 0, "recovery", "admin", RECOVERY)
    genesis = genesis_statement(
        vault_id=VAULT,
        at=AT,
        founder=founder,
        members=[founder, recovery],
        org_name="架空区",
        org_role="ward",
        org_key=ORG,
    )
    return [sign_statement(genesis, FOUNDER)]


def _append(log, keys, type, by, body):
    state = replay(log, vault_id=VAULT)
    signed = sign_statement(next_statement(state, at=AT, type=type, by=by, body=body), keys)
    return [*log, signed]


def _with_viewer():
    return _append(_founded(), FOUNDER, "add", "u1", _member("u2", 2, "etsuran", "viewer", VIEWER).to_json())


def test_a_founded_log_names_its_members_and_its_genesis():
    log = _with_viewer()
    state = replay(log, vault_id=VAULT)
    assert state.genesis == log[0].hash and state.head_seq == 2
    assert state.member("u2").role == "viewer" and state.member("u1").is_admin
    assert state.org_key == ORG and state.org_role == "ward"
    again = [parse_statement(s.text, __import__("base64").b64encode(s.signature).decode()) for s in log]
    assert replay(again, vault_id=VAULT).members == state.members


def test_a_viewer_cannot_make_itself_admin_or_add_an_admin():
    log = _with_viewer()
    with pytest.raises(MembershipError, match="管理者ではありません"):
        replay(
            _append(log, VIEWER, "role", "u2", {"id": "u2", "role": "admin", "supervisor": False}),
            vault_id=VAULT,
        )
    evil = _member("u9", 9, "evil", "admin", MemberKeys.generate())
    with pytest.raises(MembershipError, match="管理者ではありません"):
        replay(_append(log, VIEWER, "add", "u2", evil.to_json()), vault_id=VAULT)


def test_a_statement_signed_by_someone_else_than_it_says_is_refused():
    log = _with_viewer()
    forged = _append(log, VIEWER, "role", "u1", {"id": "u2", "role": "admin", "supervisor": False})
    with pytest.raises(MembershipError, match="署名が正しくありません"):
        replay(forged, vault_id=VAULT)


def test_edits_cuts_and_reorders_are_found():
    log = _append(_with_viewer(), FOUNDER, "role", "u1", {"id": "u2", "role": "handler", "supervisor": False})
    edited = dataclasses.replace(log[1].statement, body={**log[1].statement.body, "role": "admin"})
    with pytest.raises(MembershipError, match="署名"):
        replay([log[0], dataclasses.replace(log[1], statement=edited), log[2]], vault_id=VAULT)
    with pytest.raises(MembershipError, match="つながり"):
        replay([log[0], log[2]], vault_id=VAULT)
    with pytest.raises(MembershipError, match="つながり"):
        replay([log[0], log[2], log[1]], vault_id=VAULT)
    with pytest.raises(MembershipError):
        replay([], vault_id=VAULT)
    with pytest.raises(MembershipError, match="別の金庫"):
        replay(log, vault_id="x" * 32)


def test_a_second_genesis_is_another_log_not_a_continuation():
    other = _founded()
    with pytest.raises(MembershipError):
        replay([*_with_viewer(), other[0]], vault_id=VAULT)
    impostor = MemberKeys.generate()
    founder = _member("u1", 1, "kanri", "admin", impostor, True)
    recovery = _member("recovery", 0, "recovery", "admin", RECOVERY)
    forged = genesis_statement(
        vault_id=VAULT,
        at=AT,
        founder=founder,
        members=[founder, recovery],
        org_name="架空区",
        org_role="ward",
        org_key=ORG,
    )
    forged_log = [sign_statement(forged, impostor)]
    assert (
        replay(forged_log, vault_id=VAULT).genesis != replay(other, vault_id=VAULT).genesis
    )  # the pin tells them apart


def test_removal_reset_and_org_key_are_admin_statements():
    log = _append(_with_viewer(), FOUNDER, "add", "u1", _member("u3", 3, "kanri2", "admin", ADMIN2).to_json())
    log = _append(log, ADMIN2, "remove", "u3", {"id": "u2"})
    new_viewer_keys = MemberKeys.generate()
    with pytest.raises(MembershipError, match="削除"):
        replay(
            _append(log, FOUNDER, "reset", "u1", public_body("u2", new_viewer_keys.public)), vault_id=VAULT
        )
    new_org = MemberKeys.generate().public.ed25519
    log = _append(
        log,
        FOUNDER,
        "org_key",
        "u1",
        {"org_key": __import__("base64").b64encode(new_org).decode(), "previous": "x"},
    )
    state = replay(log, vault_id=VAULT)
    assert not state.member("u2").active and state.org_key == new_org and state.retired_org_keys == [ORG]
    with pytest.raises(MembershipError):
        replay(_append(log, FOUNDER, "remove", "u1", {"id": "recovery"}), vault_id=VAULT)


def test_a_pending_member_binds_its_own_keys_once_and_only_from_its_legacy_slot():
    founder = _member("u1", 1, "kanri", "admin", FOUNDER, True)
    pending = Member("u2", 2, "tanto", "handler", False, None, legacy_slot="h" * 64)
    recovery = Member("recovery", 0, "recovery", "admin", False, None, legacy_slot="r" * 64)
    log = [
        sign_statement(
            genesis_statement(
                vault_id=VAULT,
                at=AT,
                founder=founder,
                members=[founder, pending, recovery],
                org_name="架空区",
                org_role="ward",
                org_key=ORG,
                upgraded={"audit_seq": 10, "audit_head": "0" * 64},
            ),
            FOUNDER,
        )
    ]
    keys = MemberKeys.generate()
    body = {**public_body("u2", keys.public), "legacy_slot": "h" * 64}
    bound = _append(log, keys, "bind", "u2", body)
    state = replay(bound, vault_id=VAULT)
    assert state.member("u2").public == keys.public and state.upgraded["audit_seq"] == 10
    with pytest.raises(MembershipError, match="旧スロット"):
        replay(_append(bound, keys, "bind", "u2", body), vault_id=VAULT)  # only once
    with pytest.raises(MembershipError, match="旧スロット"):
        replay(_append(log, keys, "bind", "u2", {**body, "legacy_slot": "x" * 64}), vault_id=VAULT)
    with pytest.raises(MembershipError, match="旧スロット"):
        replay(
            _append(log, keys, "bind", "u1", {**public_body("u1", keys.public), "legacy_slot": None}),
            vault_id=VAULT,
        )


def test_a_stored_statement_that_is_not_canonical_is_refused():
    signed = _founded()[0]
    with pytest.raises(ValueError):
        parse_statement(signed.text.replace(",", ", ", 1), "AAAA")
