"""What sign-in tells an admin to act on (`VaultSession.notices`, shown by the GUI and on the CLI's stderr):
the slot list against the slots (a deleted recovery slot is found now, not on the day it is needed),
members who have not signed in since the upgrade, holders still waiting for the organisation key."""

from __future__ import annotations

from saiken.domain.errors import SaikenError
from saiken.domain.roles import Capability
from saiken.security.keyfile import KeyFile, Slot, load_keyfile
from saiken.security.membership import RECOVERY_ID, Membership
from saiken.services.context import VaultSession
from saiken.services.vault.org import org_key_id, state_of

_KINDS = {
    "missing": "鍵ファイルから消されています",
    "unlisted": "鍵ファイルの一覧にない鍵スロットです（後から加えられた疑い）",
    "stale": "古い鍵スロットに置き換えられています",
    "broken": "壊れています",
}


def slot_lines(keyfile: KeyFile, state: Membership) -> list[str]:
    """The slot list against the slots and the signed log, one sentence per problem (also `vault check`)."""
    names = {m.id: ("復旧キー" if m.id == RECOVERY_ID else f"「{m.name}」") for m in state.members.values()}
    problems = keyfile.slot_list_problems()
    lines = [f"{names.get(p.slot_id, p.slot_id)}の鍵スロットが{_KINDS[p.kind]}。" for p in problems]
    present = {slot.id: slot for slot in keyfile.slots()}
    named = {p.slot_id for p in problems}
    if RECOVERY_ID not in present and RECOVERY_ID not in named:
        lines.append("復旧キーの鍵スロットがありません。")
    for member in state.active_members():
        if member.id in named or member.id == RECOVERY_ID or member.pending:
            continue
        if member.id not in present:
            lines.append(f"「{member.name}」の鍵スロットがありません。パスワードを設定し直してください。")
    return lines


def sign_in_notices(s: VaultSession) -> list[str]:
    """Sentences for an admin (empty for everyone else, and when all is well)."""
    if not s.user.can(Capability.MANAGE_USERS):
        return []
    try:
        keyfile = load_keyfile(s.folder)
        state = state_of(s)
    except SaikenError:
        return []
    notices = slot_lines(keyfile, state)
    present = {slot.id: slot for slot in keyfile.slots()}
    recovery = present.get(RECOVERY_ID)
    if recovery is None or not isinstance(recovery, Slot):
        notices.append(
            "復旧キーを作り直してください（saiken rekey --new-recovery-key）。新しい用紙には組織の鍵と創設の記録の"
            "指紋も印刷されます。"
        )
    key_id = org_key_id(state.org_key)
    for member in state.active_members():
        slot = present.get(member.id)
        if member.id == RECOVERY_ID:
            continue
        if member.pending:
            notices.append(
                f"「{member.name}」は形式の更新後まだサインインしていません（次のサインインで鍵が作られます）。"
            )
        elif member.holds_org_key and isinstance(slot, Slot) and (slot.org is None or slot.org.key != key_id):
            notices.append(
                f"「{member.name}」にはまだ組織の鍵が渡っていません（組織の鍵を持つ人のサインインで渡ります）。"
            )
    return notices
