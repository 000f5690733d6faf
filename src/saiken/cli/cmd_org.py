"""`saiken org export-key|add|confirm|list|sheet|fingerprint --vault DIR`: the organisations that exchange
handover packages.

export-key --out FILE     our organisation's public key and fingerprint (give it to the counterpart)
add --key FILE [--name N] register the counterpart's key file (then compare fingerprints on paper)
confirm ID --yes          the fingerprints on both printed sheets are the same
list [--json]             the counterparts and whether they are confirmed
sheet [ID] --out FILE.pdf the fingerprint sheet to print for the comparison
fingerprint               our organisation's key fingerprint, in groups to read aloud
"""

from __future__ import annotations

import argparse
from pathlib import Path

from saiken.cli.common import Commands, confirm, print_json, sign_in
from saiken.domain.errors import ValidationError
from saiken.fsutil import atomic_write_bytes
from saiken.services import handover


def register(commands: Commands) -> None:
    group = commands.group(
        "org",
        help="受渡の相手方の組織と鍵（登録・照合）",
        example=[
            "SAIKEN_PASSWORD=… saiken org add --vault DIR --user yamada --name 架空法律事務所 --key 事務所の鍵.json",
            "SAIKEN_PASSWORD=… saiken org confirm --vault DIR --user yamada 1 --yes",
        ],
    )
    export = group.add(
        "export-key",
        help="当方の組織の公開鍵を書き出す（相手方に渡すファイル）",
        run=run_export,
        example="SAIKEN_PASSWORD=… saiken org export-key --vault DIR --user yamada --out 架空区の鍵.json",
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help="公開鍵を書き出すファイル")
    add = group.add(
        "add",
        help="相手方の鍵を登録する（そのあと照合用紙で指紋を見比べます）",
        run=run_add,
        json=True,
        example="SAIKEN_PASSWORD=… saiken org add --vault DIR --user yamada --name 架空法律事務所 --key 事務所の鍵.json",
    )
    add.add_argument(
        "--key", required=True, type=Path, metavar="FILE", help="相手方から受け取った公開鍵のファイル"
    )
    add.add_argument("--name", default=None, help="組織名（省略時は鍵のファイルの名前）")
    conf = group.add(
        "confirm",
        help="照合用紙で指紋が一致したことを記録する",
        run=run_confirm,
        example="SAIKEN_PASSWORD=… saiken org confirm --vault DIR --user yamada 1 --yes",
    )
    conf.add_argument("id", type=int, help="組織の番号（saiken org list）")
    conf.add_argument("--yes", action="store_true", help="確認なしで実行する")
    group.add(
        "list",
        help="登録した相手方の一覧（照合済みかどうか）",
        run=run_list,
        json=True,
        example="SAIKEN_PASSWORD=… saiken org list --vault DIR --user yamada --json",
    )
    sheet = group.add(
        "sheet",
        help="照合用紙（PDF）を保存する",
        run=run_sheet,
        example="SAIKEN_PASSWORD=… saiken org sheet --vault DIR --user yamada 1 --out 照合用紙.pdf",
    )
    sheet.add_argument("id", type=int, nargs="?", help="相手方の組織の番号（省略時は当方の指紋だけ）")
    sheet.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="照合用紙の保存先（.pdf）")
    group.add(
        "fingerprint",
        help="当方の組織の鍵の指紋を表示する（読み上げ用）",
        run=run_fingerprint,
        json=True,
        example="SAIKEN_PASSWORD=… saiken org fingerprint --vault DIR --user yamada",
    )


def run_export(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        printed = handover.export_key(session, args.out)
    print(f"組織の鍵を書き出しました: {args.out}")
    print(f"指紋: {printed}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        row = handover.add_counterpart(session, args.key, name=args.name)
    if args.json:
        print_json({"id": row.id, "name": row.name, "role": row.role, "fingerprint": row.fingerprint})
        return 0
    print(f"{row.role_label}「{row.name}」を登録しました（番号 {row.id}）。")
    print(f"指紋: {row.fingerprint}")
    print(
        "照合用紙（saiken org sheet）で相手方と指紋を見比べ、一致したら saiken org confirm で記録してください。"
    )
    return 0


def run_confirm(args: argparse.Namespace) -> int:
    confirm(args, "照合用紙の指紋が相手方の用紙と一組残らず一致しましたか")
    with sign_in(args) as session:
        row = handover.confirm_pairing(session, args.id)
    print(f"「{row.name}」の指紋の照合を記録しました。")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        rows = handover.list_organisations(session)
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "role": r.role,
                    "fingerprint": r.fingerprint,
                    "confirmed": r.confirmed,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("登録した相手方はありません。saiken org add で登録してください。")
    for r in rows:
        state = "照合済み" if r.confirmed else "未照合"
        print(f"{r.id}\t{r.role_label}\t{r.name}\t{r.fingerprint}\t{state}")
    return 0


def run_sheet(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".pdf":
        raise ValidationError("照合用紙の保存先は .pdf のファイル名にしてください。")
    with sign_in(args) as session:
        pdf = handover.fingerprint_sheet(session, args.id)
    atomic_write_bytes(args.out, pdf, mode=0o644)
    print(f"照合用紙を保存しました: {args.out}")
    return 0


def run_fingerprint(args: argparse.Namespace) -> int:
    """Our organisation key's fingerprint (8 groups of 5 digits, as on the recovery sheet) and the founding
    statement's; compare them with the counterpart by telephone or on paper."""
    from saiken.services import vault

    with sign_in(args) as session:
        org = vault.org_fingerprint(session)
        genesis = vault.genesis_fingerprint(session)
        public = vault.org_public_key(session)
    if getattr(args, "json", False):
        print_json({"org_fingerprint": org, "org_public_key": public.hex(), "genesis_fingerprint": genesis})
        return 0
    print(f"組織の鍵の指紋: {org}")
    print(f"創設の記録の指紋: {genesis}")
    print("相手方と照合するときは、5 桁ずつ区切って読み上げてください。")
    return 0
