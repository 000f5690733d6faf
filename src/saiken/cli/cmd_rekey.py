"""`saiken rekey --vault DIR [--new-recovery-key] [--new-org-key] [--yes] [--json]`: rotate the master key
(admin; password: $SAIKEN_PASSWORD, asked again as a confirmation).

A new master key is sealed to every member's own key: nobody needs a new or temporary password. The database
and every backup are re-encrypted; nothing in the folder opens with the old key any more. With
--new-recovery-key a new recovery key is printed once (the old sheet stops working); with --new-org-key the
organisation key is replaced too (tell the counterparts the new fingerprint). See
saiken.services.vault.rotation for the design.
"""

from __future__ import annotations

import argparse

from saiken.cli.common import Commands, confirm, print_json, secret_from_env, user_name
from saiken.services import vault


def register(commands: Commands) -> None:
    parser = commands.add(
        "rekey",
        help="金庫の鍵を更新する（管理者。全員の鍵に新しい鍵を封入し、パスワードは変わりません）",
        run=run,
        json=True,
        example=[
            "SAIKEN_PASSWORD=… saiken rekey --vault DIR --user kanri --yes",
            "SAIKEN_PASSWORD=… saiken rekey --vault DIR --user kanri --new-recovery-key --yes",
            "SAIKEN_RECOVERY_KEY=… saiken rekey --vault DIR --recovery --yes",
        ],
    )
    parser.add_argument("--new-recovery-key", action="store_true", help="復旧キーも作り直す（一度だけ表示）")
    parser.add_argument(
        "--new-org-key", action="store_true", help="組織の鍵も作り直す（相手方に新しい指紋を伝える）"
    )
    parser.add_argument("--yes", action="store_true", help="確認なしで実行する")


def run(args: argparse.Namespace) -> int:
    confirm(
        args,
        "金庫の鍵を更新します。データベースとバックアップをすべて新しい鍵で暗号化し直します。よろしいですか",
    )
    if args.recovery:
        secret = secret_from_env("SAIKEN_RECOVERY_KEY", "復旧キー: ")
        session = vault.open_with_recovery_key(args.vault, secret)
    else:
        name = user_name(args)
        secret = secret_from_env("SAIKEN_PASSWORD", f"{name} のパスワード: ")
        session = vault.open_vault(args.vault, name, secret)
    with session:
        result = vault.rekey(
            session, secret, new_recovery_key=args.new_recovery_key, new_org_key=args.new_org_key
        )
        fingerprint = vault.org_fingerprint(session) if result.org_key_replaced else None
    if args.json:
        print_json(
            {
                "recovery_key": result.recovery_key,
                "backup": result.backup.path if result.backup else None,
                "backups_reencrypted": result.backups_reencrypted,
                "needs_reset": result.needs_reset,
                "org_key_replaced": result.org_key_replaced,
                "org_fingerprint": fingerprint,
            }
        )
        return 0
    print("金庫の鍵を更新しました。全員これまでのパスワードでサインインできます。")
    print(f"新しい鍵で暗号化し直したバックアップ: {result.backups_reencrypted} 件")
    if result.recovery_key:
        print()
        print("新しい復旧キー（この一度しか表示しません。古い復旧キーの用紙は破棄してください）:")
        print(f"    {result.recovery_key}")
    if fingerprint:
        print()
        print(f"組織の鍵を作り直しました。新しい指紋: {fingerprint}")
        print("相手方には、電話か書面でこの指紋を伝えて登録し直してもらってください。")
    if result.needs_reset:
        print()
        print("次の利用者は形式の更新後まだサインインしていなかったため、パスワードの再設定が必要です:")
        for name in result.needs_reset:
            print(f"    {name}")
    return 0
