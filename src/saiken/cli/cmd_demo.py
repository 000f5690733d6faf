"""`saiken demo [--vault DIR] [--role ward|contractor]`: a demo vault of fictional data (marked DEMO).

Without --vault the demo goes to the application's own demo folder, the only one it ever replaces; a
--vault folder must not hold a vault yet.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from saiken.cli.common import print_json
from saiken.services.demo import create_demo_vault
from saiken.services.vault_info import default_demo_dir


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "demo",
        help="架空のデータでデモ用の金庫を作る（既定はアプリのデモ用フォルダ。作り直せるのはそこだけ）",
    )
    parser.add_argument(
        "--vault", type=Path, default=None, metavar="DIR", help="金庫のないフォルダ（省略時はデモ用フォルダ）"
    )
    parser.add_argument("--role", default="contractor", choices=("ward", "contractor"))
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run)


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
