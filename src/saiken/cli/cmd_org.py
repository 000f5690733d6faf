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

from saiken.cli.common import add_sign_in_arguments, confirm, print_json, sign_in
from saiken.domain.errors import ValidationError
from saiken.fsutil import atomic_write_bytes
from saiken.services import handover
from saiken.services.handover import keys


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("org", help="受渡の相手方の組織と鍵（登録・照合）")
    sub = parser.add_subparsers(dest="org_command", metavar="ACTION")
    sub.required = True
    export = sub.add_parser(
        "export-key",
        help="当方の組織の公開鍵を書き出す",
        description="例: saiken org export-key --vault DIR --out 区の鍵.json",
    )
    add_sign_in_arguments(export)
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.set_defaults(func=run_export)
    add = sub.add_parser(
        "add",
        help="相手方の鍵を登録する",
        description="例: saiken org add --vault DIR --name 架空法律事務所 --key 事務所の鍵.json",
    )
    add_sign_in_arguments(add)
    add.add_argument("--key", required=True, type=Path, metavar="FILE")
    add.add_argument("--name", default=None, help="組織名（省略時は鍵のファイルの名前）")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=run_add)
    conf = sub.add_parser("confirm", help="照合用紙で指紋が一致したことを記録する")
    add_sign_in_arguments(conf)
    conf.add_argument("id", type=int, help="組織の番号（saiken org list）")
    conf.add_argument("--yes", action="store_true", help="確認なしで実行する")
    conf.set_defaults(func=run_confirm)
    listing = sub.add_parser("list", help="登録した相手方の一覧")
    add_sign_in_arguments(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)
    sheet = sub.add_parser("sheet", help="照合用紙（PDF）を保存する")
    add_sign_in_arguments(sheet)
    sheet.add_argument("id", type=int, nargs="?", help="相手方の組織の番号（省略時は当方の指紋だけ）")
    sheet.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    sheet.set_defaults(func=run_sheet)
    fingerprint = sub.add_parser("fingerprint", help="当方の組織の鍵の指紋を表示する")
    add_sign_in_arguments(fingerprint)
    fingerprint.set_defaults(func=run_fingerprint)


def run_export(args: argparse.Namespace) -> int:
    with_session = sign_in(args)
    try:
        printed = handover.export_key(with_session, args.out)
    finally:
        with_session.close()
    print(f"組織の鍵を書き出しました: {args.out}")
    print(f"指紋: {printed}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        row = handover.add_counterpart(session, args.key, name=args.name)
    finally:
        session.close()
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
    session = sign_in(args)
    try:
        row = handover.confirm_pairing(session, args.id)
    finally:
        session.close()
    print(f"「{row.name}」の指紋の照合を記録しました。")
    return 0


def run_list(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        rows = handover.list_organisations(session)
    finally:
        session.close()
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
    session = sign_in(args)
    try:
        pdf = handover.fingerprint_sheet(session, args.id)
    finally:
        session.close()
    atomic_write_bytes(args.out, pdf, mode=0o644)
    print(f"照合用紙を保存しました: {args.out}")
    return 0


def run_fingerprint(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        identity = keys.organisation_identity(session)
    finally:
        session.close()
    print(identity.fingerprint)
    return 0
