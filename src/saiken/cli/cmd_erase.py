"""`saiken erase --vault DIR --engagement ID --certificate FILE.pdf --responsible NAME --yes
[--package-out DIR --to ORG --media-id ID]` or `saiken erase --vault DIR --all --certificate FILE.pdf
--responsible NAME --yes`: erasure and its certificate (contractor side, supervisor).

--engagement: every record of the engagement is erased (secure_delete, VACUUM, backups re-made), the
  消去証明書 is written to --certificate, and with --package-out the `erasure` package for the ward.
--all: the whole vault is crypto-erased (key slots, keyring entry, database, backups) after the
  certificate has been written outside it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from saiken.cli.common import Commands, confirm, sign_in
from saiken.domain.errors import ValidationError
from saiken.fsutil import atomic_write_bytes
from saiken.services import handover


def register(commands: Commands) -> None:
    parser = commands.add(
        "erase",
        help="業務のデータの消去と消去証明書（受託者・取扱責任者）",
        run=run,
        example=[
            "SAIKEN_PASSWORD=… saiken erase --vault DIR --user yamada --engagement 1 --certificate 消去証明書.pdf "
            "--responsible 架空花子 --package-out /media/cdr-staging --to 架空区 --media-id 事-R8-001 --yes",
            "SAIKEN_PASSWORD=… saiken erase --vault DIR --user yamada --all --certificate 消去証明書.pdf "
            "--responsible 架空花子 --yes",
        ],
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--engagement", type=int, metavar="ID", help="記録をすべて消去する業務の番号")
    target.add_argument("--all", action="store_true", help="金庫全体を暗号学的に消去する")
    parser.add_argument(
        "--certificate",
        required=True,
        type=Path,
        metavar="FILE.pdf",
        help="消去証明書の保存先（.pdf、金庫の外）",
    )
    parser.add_argument("--responsible", required=True, help="消去の責任者（取扱責任者）の氏名")
    parser.add_argument(
        "--package-out",
        type=Path,
        default=None,
        metavar="DIR",
        help="区に渡す消去のパッケージを書くフォルダ（--media-id も必要）",
    )
    parser.add_argument(
        "--to", default=None, metavar="ORG", help="消去のパッケージを渡す相手方の組織名または番号"
    )
    parser.add_argument("--media-id", default=None, metavar="ID", help="消去のパッケージを書く媒体の番号")
    parser.add_argument("--yes", action="store_true", help="確認なしで実行する")


def run(args: argparse.Namespace) -> int:
    if args.certificate.suffix.lower() != ".pdf":
        raise ValidationError("--certificate は .pdf のファイル名にしてください。")
    if args.package_out is not None and (args.media_id is None or args.all):
        raise ValidationError("消去のパッケージには --engagement と --media-id が必要です。")
    what = (
        "金庫全体を消去します（元に戻せません）"
        if args.all
        else f"業務 {args.engagement} のすべての記録を消去します（元に戻せません）"
    )
    confirm(args, f"{what}。よろしいですか")
    with sign_in(args) as session:
        if args.all:
            result = handover.crypto_erase_vault(
                session, responsible=args.responsible, certificate_out=args.certificate
            )
            print(f"金庫を消去しました。消去証明書: {args.certificate}（{result.certificate_no}）")
            return 0
        result = handover.erase_engagement(session, args.engagement, responsible=args.responsible)
        atomic_write_bytes(args.certificate, result.pdf, mode=0o644)
        package = None
        if args.package_out is not None:
            if args.to is not None:
                names = {row.name for row in handover.list_organisations(session)} | {
                    str(row.id) for row in handover.list_organisations(session)
                }
                if args.to not in names:
                    raise ValidationError(f"相手方「{args.to}」は登録されていません。")
            package = handover.export_erasure_package(
                session, result.certificate_no, media_id=args.media_id, out_dir=args.package_out
            )
    print(f"業務 {args.engagement} の記録を消去しました（{result.statement.total_records:,}件）。")
    print(f"消去証明書: {args.certificate}（{result.certificate_no}）")
    if package is not None:
        print(f"消去のパッケージ: {package.path}　パスワード（一度だけ表示します）: {package.password}")
    return 0
