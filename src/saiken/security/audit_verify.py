"""Verifying the audit log (DESIGN §5): the chain, every signature, and that each signer was — at that
moment, by the signed membership log — a member with the right the action needs.

The membership log and the audit log are walked together: every membership statement is written in the
same transaction as an audit entry whose details name it (`"statement": hash`), so the state of the
membership "at that time" is the state after the statements named by the entries before. The founding
statement (and a pending member's own `bind`) is applied before its entry is checked, because that entry
is signed by the key the statement brings; every other statement after, because its signer must have had
the right before it acted (an admin who demotes themselves signed as an admin).

Entries before a format-1 vault's upgrade are unsigned: they are accepted up to the sequence number and
head hash that the founding statement of the upgrade records (`upgraded`), and no further.
Problems name sequence numbers and account names only, never the content of an entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from saiken.domain.audit_rights import ORG_KEY_ACTIONS, required_right
from saiken.domain.roles import capabilities
from saiken.security.audit_chain import GENESIS, ChainEntry, ChainReport, head_problems, signing_bytes
from saiken.security.member_keys import verify_signature
from saiken.security.membership import Membership, MembershipError, SignedStatement

# Entries a member writes about someone else, as the application saw it (a failed sign-in is recorded by
# the next member who signs in successfully): the actor is the account tried, the signer the recorder.
REPORTED_ACTIONS = frozenset({"auth.sign_in_failed"})
_EARLY = ("genesis", "bind")


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    hash: str

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        """`SEQ:HASH` as printed on ledgers, certificates and backups. ValueError when it is not one."""
        seq_text, _, digest = text.strip().partition(":")
        seq = int(seq_text)
        digest = digest.strip().lower()
        if seq < 0 or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError("checkpoint")
        return cls(seq, digest)

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


class _Walk:
    def __init__(self, statements: Sequence[SignedStatement], vault_id: str) -> None:
        self.statements = list(statements)
        self.by_hash = {s.hash: s for s in self.statements}
        self.applied = 0
        self.state = Membership(vault_id=vault_id)
        self.broken = False
        self.problems: list[str] = []

    def apply(self, digest: str, seq: int) -> None:
        if self.broken:
            return
        expected = self.statements[self.applied] if self.applied < len(self.statements) else None
        if expected is None or expected.hash != digest:
            self.problems.append(
                f"通番 {seq}: 利用者名簿の記録と監査ログの順序が合いません（削除・差し替えの疑い）。"
            )
            self.broken = True
            return
        try:
            self.state.apply(expected)
        except MembershipError as error:
            self.problems.append(error.message)
            self.broken = True
            return
        self.applied += 1

    def kind(self, digest: str) -> str | None:
        found = self.by_hash.get(digest)
        return found.statement.type if found else None


def _signer_problem(entry: ChainEntry, state: Membership) -> str | None:
    member = state.member(entry.signer or "")
    where = f"通番 {entry.seq}"
    if member is None or not member.active or member.public is None:
        return f"{where}: 署名した人（{entry.signer}）は、その時点で利用者ではありません。"
    if entry.signature is None or not verify_signature(
        member.public.ed25519, signing_bytes(entry.hash), entry.signature
    ):
        return f"{where}: 署名が正しくありません（書き換えの疑い）。"
    if entry.actor != member.name and entry.action not in REPORTED_ACTIONS:
        return f"{where}: 記録の操作者（{entry.actor}）と署名した人（{member.name}）が違います。"
    right = required_right(entry.action)
    if right is not None and right not in capabilities(member.role, is_supervisor=member.supervisor):
        return f"{where}: 「{member.name}」には、その時点でこの操作（{entry.action}）の権限がありません。"
    if entry.action in ORG_KEY_ACTIONS and not member.holds_org_key:
        return f"{where}: 「{member.name}」は組織の鍵を持つ役割ではありません（{entry.action}）。"
    return None


def verify_audit(
    entries: Iterable[ChainEntry],
    statements: Sequence[SignedStatement],
    *,
    vault_id: str,
    genesis_pin: str | None = None,
    expected_count: int | None = None,
    expected_head: str | None = None,
    checkpoint: Checkpoint | None = None,
) -> tuple[ChainReport, Membership]:
    """Walk every entry in seq order. Returns the report and the membership state at the end."""
    walk = _Walk(statements, vault_id)
    problems, notices = walk.problems, []
    prev, count, last_seq, signed = GENESIS, 0, 0, 0
    checkpoint_seen = checkpoint is None or checkpoint.seq == 0
    for entry in entries:
        count += 1
        where = f"通番 {entry.seq}"
        if entry.seq != last_seq + 1:
            problems.append(f"通番 {last_seq + 1} の後が {entry.seq} です（削除・挿入・並べ替えの疑い）。")
        if entry.prev_hash != prev:
            problems.append(f"{where}: 前の記録とのつながりが切れています（削除・挿入・並べ替えの疑い）。")
        if entry.recomputed_hash() != entry.hash:
            problems.append(f"{where}: 内容が書き換えられています。")
        details = entry.details_dict()
        reference = details.get("statement") if isinstance(details.get("statement"), str) else None
        if entry.signer is None:
            if walk.state.head_seq or walk.applied:
                problems.append(f"{where}: 署名がありません（署名のない記録が後から加えられた疑い）。")
            elif reference:
                problems.append(f"{where}: 利用者名簿の記録を指す記録に署名がありません。")
        else:
            early = reference is not None and walk.kind(reference) in _EARLY
            if early:
                if walk.kind(reference or "") == "genesis":
                    upgraded = walk.statements[0].statement.body.get("upgraded") if walk.statements else None
                    if isinstance(upgraded, dict) and (
                        upgraded.get("audit_seq") != entry.seq - 1 or upgraded.get("audit_head") != prev
                    ):
                        problems.append(f"{where}: 旧形式の記録の終わりが、更新時の控えと一致しません。")
                    elif not isinstance(upgraded, dict) and entry.seq != 1:
                        problems.append(f"{where}: 創設の記録より前に記録があります（挿入の疑い）。")
                walk.apply(reference or "", entry.seq)
            problem = _signer_problem(entry, walk.state)
            if problem:
                problems.append(problem)
            else:
                signed += 1
            if reference and not early:
                walk.apply(reference, entry.seq)
        if entry.action == "audit.head_mismatch":
            problems.append(
                f"{where}: この記録の前で、監査ログの末尾が消されていました"
                f"（控え {details.get('expected_count')} 件、見つかったのは {details.get('found_count')} 件）。"
            )
        if entry.action == "vault.older_state_accepted":
            notices.append(
                f"{where}: 管理者が古い状態の金庫を受け入れました（控えの通番 {details.get('anchor_seq')}）。"
            )
        if checkpoint is not None and entry.seq == checkpoint.seq:
            checkpoint_seen = True
            if entry.hash != checkpoint.hash:
                problems.append(f"通番 {entry.seq} の記録が、チェックポイント {checkpoint} と一致しません。")
        prev, last_seq = entry.hash, entry.seq
    if not checkpoint_seen and checkpoint is not None:
        problems.append(
            f"チェックポイントの通番 {checkpoint.seq} までの記録がありません（末尾の削除の疑い）。"
        )
    if not walk.broken and walk.applied < len(walk.statements):
        missing = walk.statements[walk.applied].statement.seq
        problems.append(f"利用者名簿の記録 {missing} 以降に対応する監査ログの記録がありません。")
    if genesis_pin is not None and walk.state.genesis and walk.state.genesis != genesis_pin:
        problems.append("利用者名簿の創設の記録が、鍵スロットに記録されたものと違います（差し替えの疑い）。")
    problems += head_problems(count, prev, expected_count=expected_count, expected_head=expected_head)
    report = ChainReport(
        ok=not problems, count=count, head_hash=prev, problems=problems, signed=signed, notices=notices
    )
    return report, walk.state
