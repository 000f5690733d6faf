"""`saiken init`: create a vault; prints the recovery key ONCE and whether device binding is on.

    saiken init --vault DIR --role ward|contractor --org NAME --admin USER [--no-device-binding]
                [--recovery-sheet FILE.pdf] [--json]
The admin's password: $SAIKEN_NEW_PASSWORD (or $SAIKEN_PASSWORD), or asked twice at a terminal.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from pathlib import Path

from saiken.cli.common import FOLDER, Commands, new_password, print_json
from saiken.domain.errors import SaikenError, ValidationError, VaultError
from saiken.fsutil import atomic_write_bytes, create_private_file
from saiken.services import vault

NO_KEYRING_NOTE = (
    "注意: この PC には使える鍵の保管場所（キーリング）がないため、端末への結び付けなしで金庫を作成しました。"
    "金庫のフォルダを持ち出した人は、パスワードか復旧キーがあれば開けます。フォルダの置き場所と権限に気をつけてください。"
)


def register(commands: Commands) -> None:
    parser = commands.add(
        "init",
        help="新しい金庫を作る（復旧キーを一度だけ表示。管理者のパスワード: $SAIKEN_NEW_PASSWORD）",
        run=run,
        vault=FOLDER,
        json=True,
        example=[
            "SAIKEN_NEW_PASSWORD=… saiken init --vault ~/saiken-vault --role contractor "
            "--org 架空法律事務所 --admin yamada --recovery-sheet 復旧キー.pdf",
        ],
    )
    parser.add_argument(
        "--role", required=True, choices=vault.ORG_ROLES, help="ward（区）または contractor（受託者）"
    )
    parser.add_argument("--org", required=True, metavar="NAME", help="組織名")
    parser.add_argument("--admin", required=True, metavar="USER", help="最初の管理者の利用者名")
    parser.add_argument(
        "--no-device-binding",
        dest="binding",
        action="store_false",
        default=None,
        help="この PC への結び付けをしない",
    )
    parser.add_argument(
        "--recovery-sheet",
        type=str,
        default=None,
        metavar="FILE.pdf",
        help="復旧キーの用紙（A4 PDF）を保存する",
    )


def _password() -> str:
    if os.environ.get("SAIKEN_NEW_PASSWORD") is None and os.environ.get("SAIKEN_PASSWORD") is not None:
        return os.environ["SAIKEN_PASSWORD"]
    return new_password("管理者のパスワード: ")


def _check_sheet_folder(path: Path) -> None:
    """Before anything is created: the sheet's folder must exist and take a file (a probe is written and
    removed). Nothing is created when it does not."""
    folder = path.parent
    if not folder.is_dir():
        raise ValidationError(
            f"復旧キーの用紙の保存先フォルダ {folder} がありません。"
            "フォルダを確かめてから、もう一度実行してください。金庫は作成していません。"
        )
    try:
        probe = create_private_file(folder / f".{path.name}.{secrets.token_hex(4)}.probe")
        probe.unlink()
    except OSError:
        raise ValidationError(
            f"復旧キーの用紙を {folder} に保存できません（書き込みできません）。"
            "別の保存先を指定して、もう一度実行してください。金庫は作成していません。"
        ) from None


def _save_sheet(args: argparse.Namespace, created: vault.VaultCreated, password: str) -> str | None:
    """Write the recovery sheet and audit the save; the reason (Japanese) when it could not be written."""
    from saiken.domain.clock import system_clock
    from saiken.exchange.pdf.recovery_sheet import render_recovery_sheet

    try:
        pdf = render_recovery_sheet(
            org_name=args.org,
            vault_id=created.vault_id,
            recovery_key=created.recovery_key,
            created_at=system_clock.now(),
            created_by=args.admin,
            org_fingerprint=created.org_fingerprint,
            genesis_fingerprint=created.genesis_fingerprint,
        )
        atomic_write_bytes(args.recovery_sheet, pdf)
    except (OSError, SaikenError) as error:
        kind = "フォルダが指定されています" if Path(args.recovery_sheet).is_dir() else type(error).__name__
        return f"ファイルに書き込めませんでした（{kind}）"
    session = vault.open_vault(created.folder, args.admin, password)
    try:
        vault.record_recovery_sheet_saved(session, size=len(pdf))
    finally:
        session.close()
    return None


def run(args: argparse.Namespace) -> int:
    if args.recovery_sheet:
        _check_sheet_folder(Path(args.recovery_sheet))
    password = _password()
    created = vault.create_vault(
        args.vault,
        org_role=args.role,
        org_name=args.org,
        admin_user=args.admin,
        admin_password=password,
        device_binding=args.binding,
    )
    # The recovery key exists only in this process now: it is printed before anything else can fail.
    if not args.json:
        _print_created(args, created)
    sheet_problem = _save_sheet(args, created, password) if args.recovery_sheet else None
    if args.json:
        print_json(
            {
                "vault": created.folder,
                "vault_id": created.vault_id,
                "recovery_key": created.recovery_key,
                "device_bound": created.device_bound,
                "keyring_available": vault.keyring_available(),
                "org_fingerprint": created.org_fingerprint,
                "genesis_fingerprint": created.genesis_fingerprint,
                "recovery_sheet": None if not args.recovery_sheet or sheet_problem else args.recovery_sheet,
            }
        )
    elif args.recovery_sheet and sheet_problem is None:
        print(
            f"復旧キーの用紙を保存しました: {args.recovery_sheet}（印刷したら、このファイルは削除してください）"
        )
    if sheet_problem is not None:
        print(
            f"エラー: 復旧キーの用紙を {args.recovery_sheet} に保存できませんでした: {sheet_problem}。"
            "金庫は作成済みです。上に表示した復旧キーを今すぐ紙に書き写してください（もう表示できません）。",
            file=sys.stderr,
        )
        return VaultError.exit_code
    return 0


def _print_created(args: argparse.Namespace, created: vault.VaultCreated) -> None:
    print(f"金庫を作成しました: {created.folder}")
    print(f"金庫 ID: {created.vault_id}")
    print(f"組織の鍵の指紋: {created.org_fingerprint}（相手方との照合に使います）")
    print(f"創設の記録の指紋: {created.genesis_fingerprint}")
    if created.device_bound:
        print("端末への結び付け: あり（この PC の OS アカウントの資格情報ストアに端末鍵を保存しました）")
    elif args.binding is False:
        print("端末への結び付け: なし（指定により）")
    else:
        print(NO_KEYRING_NOTE)
    print()
    print(
        "復旧キー（この一度しか表示しません。紙に書き写すか印刷して、施錠できる場所に PC とは別に保管してください）:"
    )
    print()
    print(f"    {created.recovery_key}")
    print()
    print("この復旧キーがあれば、どの PC からでも金庫を開けます。パスワードを全員が忘れたときに使います。")
    sys.stdout.flush()
