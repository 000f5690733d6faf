"""`saiken rekey --vault DIR [--yes] [--json]`: rotate the master key (admin; password: $SAIKEN_PASSWORD).

Makes a backup first, prints the NEW recovery key once and a one-time temporary password for every other
user (they must change it at next sign-in). Old slots and the old recovery key stop working.
See saiken.services.vault.rekey for the design.
"""

from __future__ import annotations

import argparse

from saiken.cli.common import Commands, confirm, print_json, secret_from_env, user_name
from saiken.services import vault


def register(commands: Commands) -> None:
    parser = commands.add(
        "rekey",
        help="金庫の鍵を更新する（管理者。新しい復旧キーとほかの利用者の一時パスワードを表示）",
        run=run,
        json=True,
        example=[
            "SAIKEN_PASSWORD=… saiken rekey --vault DIR --user kanri",
            "SAIKEN_RECOVERY_KEY=… saiken rekey --vault DIR --recovery --yes",
        ],
    )
    parser.add_argument("--yes", action="store_true", help="確認なしで実行する")


def run(args: argparse.Namespace) -> int:
    confirm(
        args,
        "金庫の鍵を更新します。ほかの利用者は一時パスワードでのサインインが必要になります。よろしいですか",
    )
    if args.recovery:
        secret = secret_from_env("SAIKEN_RECOVERY_KEY", "復旧キー: ")
        session = vault.open_with_recovery_key(args.vault, secret)
    else:
        name = user_name(args)
        secret = secret_from_env("SAIKEN_PASSWORD", f"{name} のパスワード: ")
        session = vault.open_vault(args.vault, name, secret)
    with session:
        result = vault.rekey(session, secret)
    if args.json:
        print_json(
            {
                "recovery_key": result.recovery_key,
                "temporary_passwords": result.temporary_passwords,
                "backup": result.backup.path if result.backup else None,
            }
        )
        return 0
    print("金庫の鍵を更新しました。")
    if result.backup:
        print(
            f"更新前のバックアップ: {result.backup.path}（古い鍵で開けます。保管の方針に従って扱ってください）"
        )
    print()
    print("新しい復旧キー（この一度しか表示しません。古い復旧キーの用紙は破棄してください）:")
    print(f"    {result.recovery_key}")
    if result.temporary_passwords:
        print()
        print("ほかの利用者の一時パスワード（本人に別々に渡してください。次のサインインで変更が必要です）:")
        for name, password in sorted(result.temporary_passwords.items()):
            print(f"    {name}\t{password}")
    return 0
