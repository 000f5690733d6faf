"""`saiken demo --vault DIR [--role ward|contractor]`: a demo vault of fictional data (marked DEMO)."""

from __future__ import annotations

import argparse

from saiken.cli.common import FOLDER, Commands, print_json
from saiken.services.demo import create_demo_vault


def register(commands: Commands) -> None:
    parser = commands.add(
        "demo",
        help="架空のデータでデモ用の金庫を作る（DEMO と表示されます。前のデモの金庫は作り直します）",
        run=run,
        vault=FOLDER,
        json=True,
        example="saiken demo --vault /tmp/saiken-demo --role ward",
    )
    parser.add_argument(
        "--role",
        default="contractor",
        choices=("ward", "contractor"),
        help="組織の役割: ward（区）または contractor（受託者、既定）",
    )


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
