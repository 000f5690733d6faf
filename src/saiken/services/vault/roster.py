"""The signed membership log in the database (table `membership_log`; saiken.security.membership).

`append_statement(work, type, body)` signs the next statement with the signed-in member's key inside the
caller's unit of work and returns its hash, which the caller's audit entry names (`statement=`), so the
statement and its entry are one transaction. `membership(...)` replays and checks the whole log.
`users_mismatch(state, users)` names every difference between the `users` table and the log: sign-in refuses
a vault whose users or roles differ from the signed statements (DESIGN §5).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from saiken.domain.errors import IntegrityError, VaultError
from saiken.security.membership import (
    Membership,
    MembershipError,
    SignedStatement,
    next_statement,
    parse_statement,
    replay,
    sign_statement,
)
from saiken.services.context import Work
from saiken.store.models import MembershipStatement, User

ROSTER_REFUSED_HINT = (
    "誰かがデータベースを直接書き換えた疑いがあります。管理者に連絡し、バックアップから戻すか、"
    "管理者が saiken vault repair-members で署名された名簿に合わせてください。"
)


def read_statements(session: Session) -> list[SignedStatement]:
    rows = session.execute(
        select(
            MembershipStatement.seq, MembershipStatement.statement, MembershipStatement.signature
        ).order_by(MembershipStatement.seq)
    ).all()
    statements: list[SignedStatement] = []
    for seq, text, signature in rows:
        try:
            signed = parse_statement(text, signature)
        except (ValueError, KeyError, TypeError) as error:
            raise MembershipError(f"利用者名簿の記録 {seq} が壊れているか、書き換えられています。") from error
        if signed.statement.seq != seq:
            raise MembershipError(f"利用者名簿の記録 {seq} の番号が合いません（並べ替えの疑い）。")
        statements.append(signed)
    return statements


def membership(session: Session, vault_id: str) -> Membership:
    """The checked state of the signed log (MembershipError when it does not hold)."""
    return replay(read_statements(session), vault_id=vault_id)


def insert_statement(session: Session, signed: SignedStatement) -> None:
    session.add(
        MembershipStatement(
            seq=signed.statement.seq,
            statement=signed.text,
            signature=base64.b64encode(signed.signature).decode("ascii"),
            hash=signed.hash,
        )
    )
    session.flush()


def append_statement(work: Work, type: str, body: dict[str, Any], *, state: Membership | None = None) -> str:
    """Sign and store the next statement as the signed-in member. Returns its hash (for the audit entry)."""
    signer = work.vault.signer
    if signer is None:
        raise VaultError("署名の鍵がないため、利用者名簿を変えられません。もう一度サインインしてください。")
    state = state or membership(work.session, work.vault.vault_id)
    statement = next_statement(
        state,
        at=work.vault.clock.now().isoformat(timespec="seconds"),
        type=type,
        by=signer.principal,
        body=body,
    )
    signed = sign_statement(statement, signer.keys)
    state.apply(signed)  # the same check every later sign-in makes: refuse now rather than then
    insert_statement(work.session, signed)
    return signed.hash


def users_mismatch(state: Membership, users: Iterable[User]) -> list[str]:
    """Each difference between the `users` table and the signed log, as a sentence naming the account."""
    problems: list[str] = []
    by_id = {m.user_id: m for m in state.members.values() if m.id != "recovery"}
    seen: set[int] = set()
    for user in users:
        seen.add(user.id)
        member = by_id.get(user.id)
        if member is None:
            problems.append(f"利用者「{user.name}」は署名された名簿にありません（追加された疑い）。")
            continue
        if member.name != user.name:
            problems.append(f"利用者「{member.name}」の名前が名簿と違います（表では「{user.name}」）。")
        if member.active != bool(user.active):
            state_text = "有効" if member.active else "削除済み"
            problems.append(
                f"利用者「{member.name}」は名簿では{state_text}です（表が書き換えられています）。"
            )
        if member.role != user.role or member.supervisor != bool(user.is_supervisor):
            problems.append(
                f"利用者「{member.name}」の役割が名簿（{member.role}）と違います（表では {user.role}）。"
            )
    for user_id, member in by_id.items():
        if user_id not in seen:
            problems.append(f"利用者「{member.name}」が表から消えています。")
    return problems


class RosterRefusedError(IntegrityError):
    """Sign-in refused: the users table differs from the signed membership log."""


def require_matching_users(session: Session, state: Membership) -> None:
    problems = users_mismatch(state, session.scalars(select(User).order_by(User.id)))
    if problems:
        raise RosterRefusedError(
            "金庫の利用者と役割が、署名された利用者名簿と一致しないため、サインインできません。"
            + " ".join(problems[:5])
            + (f"（ほか {len(problems) - 5} 件）" if len(problems) > 5 else ""),
            hint=ROSTER_REFUSED_HINT,
        )
