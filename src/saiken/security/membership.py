"""The signed membership log (DESIGN §5): who is a member, with which role and which public keys.

Each statement is canonical JSON, chained to the one before by hash and signed with Ed25519:

    {"v": 1, "vault_id", "seq", "prev", "at", "type", "by", "body"}
    signature = Ed25519(signer, "saiken membership v1" 0x00 || statement bytes)

    genesis  the founding statement, self-signed by the founding admin (`by`), seq 1. body: org_name,
             org_role, created_at, members [founder, recovery, and — for a vault upgraded from format 1 —
             every other member as *pending*], org_key (the organisation's Ed25519 public key), upgraded
             (null, or the legacy audit log's seq and head hash at the upgrade)
    add      a new member (id, user_id, name, role, supervisor, x25519, ed25519)       signed by an admin
    role     {id, role, supervisor}                                                  signed by an admin
    reset    {id, x25519, ed25519}: new keys after an admin reset the password       signed by an admin
    remove   {id}                                                                    signed by an admin
    org_key  {org_key, previous}: the organisation key replaced                      signed by an admin
    bind     {id, x25519, ed25519, legacy_slot}: a pending member's own first keys,  signed by those keys

The fingerprint of the genesis statement (`Membership.genesis`) names the log. It is pinned where a member
with the master key cannot rewrite it for anyone else: inside every member's own slot (authenticated by that
member's password), in the recovery slot, in the OS credential store's anchor, and on the printed recovery
sheet. See docs/security.md for the reasoning. `replay` walks the statements and returns the state, or
raises MembershipError naming the first statement that does not hold.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from saiken.domain.errors import IntegrityError
from saiken.security.audit_chain import canonical_json
from saiken.security.member_keys import MemberKeys, MemberPublic, verify_signature

VERSION = 1
GENESIS_PREV = "0" * 64
RECOVERY_ID = "recovery"
ROLES = ("admin", "supervisor", "handler", "viewer")
TYPES = ("genesis", "add", "role", "reset", "remove", "org_key", "bind")
_SIGNING_LABEL = b"saiken membership v1\x00"


class MembershipError(IntegrityError):
    """The membership log does not hold: a broken chain, a bad signature, a signer without the right."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class Member:
    """One principal as the log says: keys (None while pending), role, and whether still a member."""

    id: str
    user_id: int
    name: str
    role: str
    supervisor: bool
    public: MemberPublic | None
    legacy_slot: str | None = None
    active: bool = True

    @property
    def pending(self) -> bool:
        """Upgraded from format 1 and not signed in since: no key pair yet."""
        return self.public is None

    @property
    def is_admin(self) -> bool:
        return self.active and self.role == "admin"

    @property
    def holds_org_key(self) -> bool:
        """Supervisors and admins (the recovery principal included) hold the organisation key."""
        return self.active and self.role in ("admin", "supervisor")

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "user_id": self.user_id,
            "name": self.name,
            "role": self.role,
            "supervisor": self.supervisor,
        }
        if not self.active:
            data["active"] = False
        if self.public is None:
            data["pending"] = True
            data["legacy_slot"] = self.legacy_slot
        else:
            data["x25519"] = _b64(self.public.x25519)
            data["ed25519"] = _b64(self.public.ed25519)
        return data

    @classmethod
    def from_json(cls, data: object) -> Member:
        if not isinstance(data, dict):
            raise ValueError("member")
        role, supervisor, user_id = data["role"], data["supervisor"], data["user_id"]
        if role not in ROLES or not isinstance(supervisor, bool) or isinstance(user_id, bool):
            raise ValueError("member fields")
        if (
            not isinstance(user_id, int)
            or not isinstance(data["id"], str)
            or not isinstance(data["name"], str)
        ):
            raise ValueError("member fields")
        active = data.get("active", True)
        if not isinstance(active, bool):
            raise ValueError("active")
        if data.get("pending") is True:
            legacy = data["legacy_slot"]
            if not isinstance(legacy, str):
                raise ValueError("legacy slot")
            return cls(data["id"], user_id, data["name"], role, supervisor, None, legacy, active)
        public = MemberPublic(_unb64(data["x25519"]), _unb64(data["ed25519"]))
        return cls(data["id"], user_id, data["name"], role, supervisor, public, None, active)


@dataclass(frozen=True)
class Statement:
    vault_id: str
    seq: int
    prev: str
    at: str
    type: str
    by: str
    body: dict[str, Any]

    def to_bytes(self) -> bytes:
        payload = {
            "v": VERSION,
            "vault_id": self.vault_id,
            "seq": self.seq,
            "prev": self.prev,
            "at": self.at,
            "type": self.type,
            "by": self.by,
            "body": self.body,
        }
        return canonical_json(payload).encode("utf-8")

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.to_bytes()).hexdigest()


@dataclass(frozen=True)
class SignedStatement:
    statement: Statement
    signature: bytes

    @property
    def hash(self) -> str:
        return self.statement.hash

    @property
    def text(self) -> str:
        return self.statement.to_bytes().decode("utf-8")


def sign_statement(statement: Statement, keys: MemberKeys) -> SignedStatement:
    return SignedStatement(statement, keys.sign(_SIGNING_LABEL + statement.to_bytes()))


def parse_statement(text: str, signature: str) -> SignedStatement:
    """A stored statement (canonical JSON text and base64 signature). ValueError when it is not canonical."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("v") != VERSION:
        raise ValueError("statement version")
    seq = data["seq"]
    if isinstance(seq, bool) or not isinstance(seq, int) or not isinstance(data["body"], dict):
        raise ValueError("statement fields")
    statement = Statement(
        vault_id=str(data["vault_id"]),
        seq=seq,
        prev=str(data["prev"]),
        at=str(data["at"]),
        type=str(data["type"]),
        by=str(data["by"]),
        body=data["body"],
    )
    if statement.to_bytes().decode("utf-8") != text:
        raise ValueError("not canonical")
    return SignedStatement(statement, _unb64(signature))


@dataclass
class Membership:
    """The state the log arrives at. `genesis` is the founding statement's hash (the log's name)."""

    vault_id: str
    genesis: str = ""
    members: dict[str, Member] = field(default_factory=dict)
    org_key: bytes = b""
    retired_org_keys: list[bytes] = field(default_factory=list)
    org_name: str = ""
    org_role: str = ""
    upgraded: dict[str, Any] | None = None
    head_seq: int = 0
    head_hash: str = GENESIS_PREV

    def member(self, principal: str) -> Member | None:
        return self.members.get(principal)

    def active_members(self) -> list[Member]:
        return [m for m in self.members.values() if m.active]

    def by_name(self, name: str) -> Member | None:
        for member in self.members.values():
            if member.name == name:
                return member
        return None

    # --- applying one statement -------------------------------------------------------------------------
    def apply(self, signed: SignedStatement) -> None:
        """Check `signed` against the state and apply it. MembershipError (Japanese, names the seq)."""
        s = signed.statement
        where = f"利用者名簿の記録 {s.seq}"
        if s.vault_id != self.vault_id:
            raise MembershipError(f"{where} は別の金庫のものです。")
        if s.seq != self.head_seq + 1 or s.prev != self.head_hash:
            raise MembershipError(
                f"{where}: 前の記録とのつながりが切れています（削除・挿入・並べ替えの疑い）。"
            )
        if s.type not in TYPES or (s.type == "genesis") != (s.seq == 1):
            raise MembershipError(f"{where}: 種類が正しくありません。")
        try:
            signer = self._signer_key(s)
            if not verify_signature(signer, _SIGNING_LABEL + s.to_bytes(), signed.signature):
                raise MembershipError(f"{where}: 署名が正しくありません（書き換えの疑い）。")
            getattr(self, f"_apply_{s.type}")(s)
        except (KeyError, TypeError, ValueError, binascii.Error) as error:
            raise MembershipError(f"{where}: 内容の形が正しくありません。") from error
        self.head_seq, self.head_hash = s.seq, s.hash
        if s.type == "genesis":
            self.genesis = s.hash

    def _admin(self, s: Statement) -> Member:
        signer = self.members.get(s.by)
        if signer is None or not signer.is_admin or signer.public is None:
            raise MembershipError(
                f"利用者名簿の記録 {s.seq}: 署名した人（{s.by}）は、その時点で管理者ではありません。"
            )
        return signer

    def _signer_key(self, s: Statement) -> bytes:
        if s.type == "genesis":
            founder = next(m for m in (Member.from_json(x) for x in s.body["members"]) if m.id == s.by)
            if founder.public is None or founder.role != "admin":
                raise MembershipError(f"利用者名簿の記録 {s.seq}: 創設者が管理者ではありません。")
            return founder.public.ed25519
        if s.type == "bind":
            return _unb64(s.body["ed25519"])
        return self._admin(s).public.ed25519  # type: ignore[union-attr]  # _admin checked it

    def _target(self, s: Statement) -> Member:
        target = self.members.get(str(s.body["id"]))
        if target is None or not target.active:
            raise MembershipError(
                f"利用者名簿の記録 {s.seq}: 対象の利用者がいないか、すでに削除されています。"
            )
        return target

    def _apply_genesis(self, s: Statement) -> None:
        members = [Member.from_json(x) for x in s.body["members"]]
        if len({m.id for m in members}) != len(members) or RECOVERY_ID not in {m.id for m in members}:
            raise ValueError("members")
        founder = next(m for m in members if m.id == s.by)
        if not founder.active:
            raise ValueError("founder")
        self.members = {m.id: m for m in members}
        self.org_key = _unb64(s.body["org_key"])
        self.org_name, self.org_role = str(s.body["org_name"]), str(s.body["org_role"])
        upgraded = s.body["upgraded"]
        self.upgraded = dict(upgraded) if isinstance(upgraded, dict) else None

    def _apply_add(self, s: Statement) -> None:
        member = Member.from_json(s.body)
        taken = member.id in self.members or self.by_name(member.name) is not None
        if taken or member.public is None or not member.active:
            raise MembershipError(f"利用者名簿の記録 {s.seq}: 同じ利用者がすでにいます。")
        self.members[member.id] = member

    def _apply_role(self, s: Statement) -> None:
        target = self._target(s)
        role, supervisor = s.body["role"], s.body["supervisor"]
        if role not in ROLES or not isinstance(supervisor, bool) or target.id == RECOVERY_ID:
            raise ValueError("role")
        self.members[target.id] = replace(target, role=role, supervisor=supervisor)

    def _apply_reset(self, s: Statement) -> None:
        target = self._target(s)
        public = MemberPublic(_unb64(s.body["x25519"]), _unb64(s.body["ed25519"]))
        self.members[target.id] = replace(target, public=public, legacy_slot=None)

    def _apply_remove(self, s: Statement) -> None:
        target = self._target(s)
        if target.id == RECOVERY_ID:
            raise ValueError("the recovery principal is not removed")
        self.members[target.id] = replace(target, active=False)

    def _apply_org_key(self, s: Statement) -> None:
        new_key = _unb64(s.body["org_key"])
        if len(new_key) != 32 or new_key == self.org_key:
            raise ValueError("org key")
        self.retired_org_keys.append(self.org_key)
        self.org_key = new_key

    def _apply_bind(self, s: Statement) -> None:
        target = self._target(s)
        if s.by != target.id or not target.pending or s.body["legacy_slot"] != target.legacy_slot:
            raise MembershipError(
                f"利用者名簿の記録 {s.seq}: 「{target.name}」の鍵の登録が、本人の旧スロットと合いません。"
            )
        public = MemberPublic(_unb64(s.body["x25519"]), _unb64(s.body["ed25519"]))
        self.members[target.id] = replace(target, public=public, legacy_slot=None)


def replay(statements: Iterable[SignedStatement], *, vault_id: str) -> Membership:
    """The state after every statement, checked one by one (MembershipError at the first that fails)."""
    state = Membership(vault_id=vault_id)
    for signed in statements:
        state.apply(signed)
    if state.head_seq == 0:
        raise MembershipError("利用者名簿（署名された記録）がありません。")
    return state


def next_statement(state: Membership, *, at: str, type: str, by: str, body: dict[str, Any]) -> Statement:
    """The statement that follows `state`'s head (sign it with `sign_statement`, then `state.apply` it)."""
    return Statement(state.vault_id, state.head_seq + 1, state.head_hash, at, type, by, body)


def genesis_statement(
    *,
    vault_id: str,
    at: str,
    founder: Member,
    members: list[Member],
    org_name: str,
    org_role: str,
    org_key: bytes,
    upgraded: dict[str, Any] | None = None,
) -> Statement:
    body = {
        "org_name": org_name,
        "org_role": org_role,
        "created_at": at,
        "members": [m.to_json() for m in members],
        "org_key": _b64(org_key),
        "upgraded": upgraded,
    }
    return Statement(vault_id, 1, GENESIS_PREV, at, "genesis", founder.id, body)


def public_body(member_id: str, public: MemberPublic) -> dict[str, Any]:
    return {"id": member_id, "x25519": _b64(public.x25519), "ed25519": _b64(public.ed25519)}


def org_key_body(new_key: bytes, previous_fingerprint: str) -> dict[str, Any]:
    return {"org_key": _b64(new_key), "previous": previous_fingerprint}
