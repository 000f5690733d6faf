"""`saiken demo [--vault DIR] [--role ward|contractor]`: a demo vault of fictional data (marked DEMO).

Without --vault the demo goes to the application's own demo folder, the only one it ever replaces; a
--vault folder must not hold a vault yet.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from saiken.cli.common import Commands, print_json
from saiken.services.demo import create_demo_vault
from saiken.services.vault_info import default_demo_dir


def register(commands: Commands) -> None:
    parser = commands.add(
        "demo",
        help="架空のデータでデモ用の金庫を作る（DEMO と表示。作り直すのはアプリのデモ用フォルダの金庫だけ）",
        run=run,
        vault=None,
        json=True,
        example="saiken demo --role ward",
    )
    parser.add_argument(
        "--vault",
        type=Path,
        default=None,
        metavar="DIR",
        help="金庫のないフォルダに作る（省略時はアプリのデモ用フォルダ。作り直せるのはそこだけ）",
    )
    parser.add_argument(
        "--role",
        default="contractor",
        choices=("ward", "contractor"),
        help="組織の役割: ward（区）または contractor（受託者、既定）",
    )


def run(args: argparse.Namespace) -> int:
    folder = args.vault or default_demo_dir()
    credentials = create_demo_vault(folder, org_role=args.role)
    if args.json:
        print_json(
            {
                "vault": folder,
                "user": credentials.user,
                "password": credentials.password,
                "demo": True,
                "kept": credentials.kept,
            }
        )
        return 0
    print(f"デモの金庫を作成しました（架空のデータのみ）: {folder}")
    print(f"利用者: {credentials.user}　パスワード: {credentials.password}")
    if credentials.kept is not None:
        print(
            f"デモ用フォルダにあった、デモではない金庫は {credentials.kept} に移しました（削除していません）。"
        )
    return 0
