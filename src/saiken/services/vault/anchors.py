"""Anchors (DESIGN §5): a signed checkpoint of the vault kept outside it, compared at every sign-in.

- `record_anchor(s)` signs (audit seq, head hash, membership head, founding statement) with the signed-in
  member's key and keeps it in this OS account's credential store; it runs at every close and lock
  (`VaultSession.on_close`) and when a vault is created or restored.
- `signed_checkpoint(s)` is the same signed checkpoint for packages and printed documents (`handover`,
  `letters`): `.checkpoint` is `SEQ:HASH` as printed, `.to_json()` what a manifest embeds.
- `check_anchor(db, state, anchor)` at sign-in: a vault whose audit log or membership log is shorter than
  the anchor's (a backup copied back, a deleted WAL) is *older*; one whose entry at the anchor's sequence
  number differs is *diverged* (history rewritten). Sign-in refuses both with `OlderThanAnchorError`,
  saying what happened and what to do; an admin may accept the state explicitly
  (`open_vault(..., accept_older_state=True)`, audited `vault.older_state_accepted`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.clock import JST
from saiken.domain.errors import IntegrityError
from saiken.security.anchor import Anchor, AnchorStore
from saiken.security.membership import Membership
from saiken.services.audit_writer import chain_tail
from saiken.services.context import VaultSession, read_session
from saiken.store.models import AuditEntry, MembershipStatement

STORE = AnchorStore()


@dataclass(frozen=True)
class AnchorCheck:
    status: str  # "ok", "none" (no anchor yet), "untrusted" (bad signature: ignored), "older", "diverged"
    anchor: Anchor | None = None
    found_seq: int = 0

    @property
    def refused(self) -> bool:
        return self.status in ("older", "diverged")


class OlderThanAnchorError(IntegrityError):
    """The vault is older than (or different from) what this OS account last saw. An admin may accept it."""

    def __init__(self, message: str, *, hint: str, check: AnchorCheck) -> None:
        super().__init__(message, hint=hint)
        self.check = check


def _membership_head(db: Session) -> tuple[int, str]:
    row = db.execute(
        select(MembershipStatement.seq, MembershipStatement.hash)
        .order_by(MembershipStatement.seq.desc())
        .limit(1)
    ).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


def _build(s: VaultSession, db: Session, state_genesis: str) -> Anchor:
    signer = s.signer
    assert signer is not None
    seq, head = chain_tail(db)
    membership_seq, membership_head = _membership_head(db)
    unsigned = Anchor(
        vault_id=s.vault_id,
        seq=seq,
        head=head,
        membership_seq=membership_seq,
        membership_head=membership_head,
        genesis=state_genesis,
        at=s.clock.now().astimezone(dt.UTC).isoformat(timespec="seconds"),
        signer=signer.principal,
    )
    return unsigned.signed_by(signer.keys)


def _genesis(db: Session) -> str:
    return str(db.scalar(select(MembershipStatement.hash).where(MembershipStatement.seq == 1)) or "")


def signed_checkpoint(s: VaultSession) -> Anchor:
    """The vault's current signed checkpoint (any member; nothing is written). For package manifests and
    printed documents: `anchor.checkpoint` ("SEQ:HASH"), `anchor.to_json()`, `anchor.verify(ed25519_public)`."""
    with read_session(s) as db:
        return _build(s, db, _genesis(db))


def record_anchor(s: VaultSession) -> Anchor | None:
    """Keep the current signed checkpoint in this OS account's store (at close, lock, creation, restore)."""
    if s.closed or s.signer is None or not s.vault_id or s.demo:
        return None  # the demo vault never touches the OS credential store
    anchor = signed_checkpoint(s)
    return anchor if STORE.save(anchor) else None


def check_anchor(db: Session, state: Membership, anchor: Anchor | None) -> AnchorCheck:
    if anchor is None:
        return AnchorCheck("none")
    signer = state.member(anchor.signer)
    if signer is None or signer.public is None or not anchor.verify(signer.public.ed25519):
        return AnchorCheck("untrusted", anchor)
    found_seq, _ = chain_tail(db)
    if anchor.genesis != state.genesis:
        return AnchorCheck("diverged", anchor, found_seq)
    entry = db.scalar(select(AuditEntry.hash).where(AuditEntry.seq == anchor.seq)) if anchor.seq else ""
    statement = db.scalar(
        select(MembershipStatement.hash).where(MembershipStatement.seq == anchor.membership_seq)
    )
    if (anchor.seq and entry is None) or statement is None:
        return AnchorCheck("older", anchor, found_seq)
    if (anchor.seq and entry != anchor.head) or statement != anchor.membership_head:
        return AnchorCheck("diverged", anchor, found_seq)
    return AnchorCheck("ok", anchor, found_seq)


def _when(anchor: Anchor) -> str:
    try:
        at = dt.datetime.fromisoformat(anchor.at).astimezone(JST)
    except ValueError:
        return "前回"
    return f"{at.year}年{at.month}月{at.day}日 {at.hour}:{at.minute:02d}"


ACCEPT_HINT = (
    "心当たりがなければ、金庫を使わずに管理者に連絡してください。"
    "バックアップを戻したなど理由が分かっている場合は、管理者がこの状態を受け入れて続けられます（監査ログに残ります）。"
)


def refuse(check: AnchorCheck) -> OlderThanAnchorError:
    anchor = check.anchor
    assert anchor is not None
    if check.status == "older":
        message = (
            f"この金庫は、この PC で最後に閉じたとき（{_when(anchor)}、監査ログ {anchor.seq} 件）より古い状態です"
            f"（今は {check.found_seq} 件）。バックアップのコピーが戻されたか、データベースの一部（WAL ファイル）が"
            "消えた可能性があります。"
        )
    else:
        message = (
            f"この金庫の記録は、この PC で最後に閉じたとき（{_when(anchor)}、監査ログ {anchor.seq} 件目）と"
            "食い違っています。記録が書き換えられたか、別の金庫のコピーが置かれた疑いがあります。"
        )
    return OlderThanAnchorError(message, hint=ACCEPT_HINT, check=check)
