"""`saiken demo --vault DIR [--role ward|contractor]`: a demo vault of fictional data (marked DEMO)."""

from __future__ import annotations

import argparse

from saiken.cli.common import add_vault_argument, print_json
from saiken.services.demo import create_demo_vault


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("demo", help="架空のデータでデモ用の金庫を作る")
    add_vault_argument(parser)
    parser.add_argument("--role", default="contractor", choices=("ward", "contractor"))
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    credentials = create_demo_vault(args.vault, org_role=args.role)
    if args.json:
        print_json(
            {"vault": args.vault, "user": credentials.user, "password": credentials.password, "demo": True}
        )
        return 0
    print(f"デモの金庫を作成しました（架空のデータのみ）: {args.vault}")
    print(f"利用者: {credentials.user}　パスワード: {credentials.password}")
    return 0
