"""What sign-in tells an admin to act on (`VaultSession.notices`, shown by the GUI and on the CLI's stderr):
the slot list against the slots (a deleted recovery slot is found now, not on the day it is needed),
members who have not signed in since the upgrade, holders still waiting for the organisation key."""

from __future__ import annotations

from saiken.domain.errors import SaikenError
from saiken.domain.roles import Capability
from saiken.security.keyfile import Slot, load_keyfile
from saiken.security.membership import RECOVERY_ID
from saiken.services.context import VaultSession
from saiken.services.vault.org import org_key_id, state_of

_KINDS = {
    "missing": "鍵ファイルから消されています",
    "unlisted": "鍵ファイルの一覧にない鍵スロットです（後から加えられた疑い）",
    "stale": "古い鍵スロットに置き換えられています",
    "broken": "壊れています",
}


def sign_in_notices(s: VaultSession) -> list[str]:
    """Sentences for an admin (empty for everyone else, and when all is well)."""
    if not s.user.can(Capability.MANAGE_USERS):
        return []
    try:
        keyfile = load_keyfile(s.folder)
        state = state_of(s)
    except SaikenError:
        return []
    names = {m.id: ("復旧キー" if m.id == RECOVERY_ID else f"「{m.name}」") for m in state.members.values()}
    notices: list[str] = []
    for problem in keyfile.slot_list_problems():
        who = names.get(problem.slot_id, problem.slot_id)
        notices.append(f"{who}の鍵スロットが{_KINDS[problem.kind]}。")
    present = {slot.id: slot for slot in keyfile.slots()}
    recovery = present.get(RECOVERY_ID)
    if recovery is None and not any(p.slot_id == RECOVERY_ID for p in keyfile.slot_list_problems()):
        notices.append("復旧キーの鍵スロットがありません。")
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
        elif slot is None:
            notices.append(f"「{member.name}」の鍵スロットがありません。パスワードを設定し直してください。")
    return notices
