"""`saiken package export|import|verify`: handover packages (DESIGN §6, §9).

export --vault DIR --kind KIND --to ORG --media-id ID --out DIR [--engagement ID] [--range FIRST:LAST]
       [--notice FILE.pdf] [--password-file PATH] [--json]
    The package goes into --out (the CD-R burning folder); the password notice PDF goes to --notice
    (never into --out). The password is shown once (or written to --password-file, mode 600).
    --json prints {"package", "sha256", "password_notice", "records", "media_id"}.
import --vault DIR FILE --media-id ID [--person NAME] [--dry-run] [--report-out FILE.xlsx] [--json]
    Password from $SAIKEN_PACKAGE_PASSWORD (or a prompt).
verify FILE --sha256 HEX   the medium's copy against the SHA-256 recorded at export (no vault needed)
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from saiken.cli.common import Commands, print_json, secret_from_env, sign_in
from saiken.domain.errors import IntegrityError, NotFoundError, ValidationError
from saiken.exchange.package import KINDS, file_sha256
from saiken.fsutil import atomic_write_bytes, atomic_write_text
from saiken.services import handover
from saiken.services.context import VaultSession


def register(commands: Commands) -> None:
    group = commands.group(
        "package",
        help="受渡パッケージの作成・取り込み・照合",
        example=[
            "SAIKEN_PASSWORD=… saiken package export --vault DIR --kind debtors --to 架空法律事務所 "
            "--media-id 区-R7-001 --out /media/cdr-staging --notice 通知書.pdf",
            "SAIKEN_PACKAGE_PASSWORD=… saiken package import --vault DIR 受領.zip --media-id 事-R7-001",
        ],
    )
    export = group.add(
        "export",
        help="パッケージを作る（取扱責任者）",
        run=run_export,
        json=True,
        example="SAIKEN_PASSWORD=… saiken package export --vault DIR --kind debtors --to 架空法律事務所 "
        "--media-id 区-R7-001 --out /media/cdr-staging --notice 通知書.pdf",
    )
    export.add_argument(
        "--kind", required=True, choices=KINDS, help=f"パッケージの種類（{'、'.join(KINDS)} のどれか）"
    )
    export.add_argument("--to", required=True, metavar="ORG", help="相手方の組織名または番号")
    export.add_argument("--media-id", required=True, metavar="ID", help="媒体に書く番号（例: 区-R7-001）")
    export.add_argument(
        "--media-kind",
        default="CD-R",
        choices=("CD-R", "DVD-R"),
        help="媒体の種類（CD-R か DVD-R、既定 CD-R）",
    )
    export.add_argument("--out", required=True, type=Path, metavar="DIR", help="書き込み用のフォルダ")
    export.add_argument(
        "--engagement", type=int, default=None, help="業務の番号（相手方の業務が一つなら省略可）"
    )
    export.add_argument("--range", default=None, metavar="FIRST:LAST", help="管理番号の範囲（分割するとき）")
    export.add_argument(
        "--notice",
        type=Path,
        default=None,
        metavar="FILE.pdf",
        help="パスワード通知書の保存先（書き込み用のフォルダの外。省略時は今のフォルダ）",
    )
    export.add_argument(
        "--password-file",
        type=Path,
        default=None,
        metavar="PATH",
        help="パスワードを画面に出さず、このファイル（本人だけが読める）に書く",
    )
    imp = group.add(
        "import",
        help="パッケージを取り込む（パスワード: $SAIKEN_PACKAGE_PASSWORD）",
        run=run_import,
        json=True,
        example="SAIKEN_PASSWORD=… SAIKEN_PACKAGE_PASSWORD=… saiken package import --vault DIR 受領.zip "
        "--media-id 事-R7-001 --person 架空太郎 --report-out 交渉記録報告書.xlsx",
    )
    imp.add_argument("file", type=Path, metavar="FILE", help="媒体から読むパッケージのファイル（.zip）")
    imp.add_argument("--media-id", required=True, metavar="ID", help="受け取った媒体の番号")
    imp.add_argument("--person", default="", help="媒体を持参した相手方の担当者")
    imp.add_argument("--dry-run", action="store_true", help="確かめるだけで取り込まない")
    imp.add_argument(
        "--report-out", type=Path, default=None, metavar="FILE.xlsx", help="交渉記録報告書を保存する"
    )
    verify = group.add(
        "verify",
        help="媒体のパッケージを SHA-256 で照合する（金庫は不要）",
        run=run_verify,
        vault=None,
        example="saiken package verify /media/cdrom/SAIKEN-debtors-001-1a2b3c4d.zip --sha256 9f86d08…",
    )
    verify.add_argument("file", type=Path, metavar="FILE", help="媒体に書き込んだパッケージのファイル")
    verify.add_argument(
        "--sha256", required=True, metavar="HEX", help="作成時に記録した SHA-256（64 桁の16進数）"
    )


def _counterpart(session: VaultSession, text: str) -> int:
    for row in handover.list_organisations(session):
        if text == str(row.id) or text == row.name:
            return row.id
    raise NotFoundError(
        f"相手方「{text}」は登録されていません。saiken org list で名前か番号を確かめてください。"
    )


def _engagement(session: VaultSession, counterpart_id: int, chosen: int | None) -> int:
    if chosen is not None:
        return chosen
    active = [e for e in handover.list_engagements(session) if e.counterpart_id == counterpart_id]
    if len(active) != 1:
        raise ValidationError(
            f"この相手方との業務が {len(active)} 件あります。--engagement で業務の番号を指定してください（saiken engagements）。"
        )
    return active[0].id


def _range(text: str | None) -> tuple[str, str] | None:
    if text is None:
        return None
    first, sep, last = text.partition(":")
    if not sep or not first or not last:
        raise ValidationError(
            "--range は 最初の管理番号:最後の管理番号 の形で指定してください（例: R7-0001:R7-0030）。"
        )
    return first, last


def _notice_path(args: argparse.Namespace, package_id: str) -> Path:
    path: Path = args.notice or Path.cwd() / f"パスワード通知書-{package_id[:8]}.pdf"
    out = args.out.resolve()
    if path.resolve().is_relative_to(out):
        raise ValidationError(
            "パスワード通知書を媒体の書き込み用フォルダに置くことはできません（別の機会に渡すものです）。"
        )
    return path


def run_export(args: argparse.Namespace) -> int:
    if args.notice is not None and args.notice.resolve().is_relative_to(args.out.resolve()):
        raise ValidationError(
            "パスワード通知書を媒体の書き込み用フォルダに置くことはできません（別の機会に渡すものです）。"
        )
    with sign_in(args) as session:
        org = _counterpart(session, args.to)
        engagement = _engagement(session, org, args.engagement)
        result = handover.export_package(
            session,
            engagement_id=engagement,
            kind=args.kind,
            media_id=args.media_id,
            out_dir=args.out,
            media_kind=args.media_kind,
            numbers=_range(args.range),
        )
        notice = _notice_path(args, result.package_id)
        atomic_write_bytes(notice, handover.password_notice_pdf(result), mode=0o600)
        handover.record_notice_saved(session, result.package_id)
    if args.password_file is not None:
        atomic_write_text(args.password_file, result.password + "\n", mode=0o600)
        os.chmod(args.password_file, 0o600)
    if args.json:
        print_json(
            {
                "package": str(result.path),
                "sha256": result.sha256,
                "password_notice": str(notice),
                "records": result.records,
                "media_id": result.media_id,
            }
        )
        return 0
    print(f"パッケージを作りました: {result.path}（{result.size:,} バイト、{result.sequence}回目）")
    print(f"SHA-256: {result.sha256}")
    print(f"媒体番号: {result.media_id}　件数: " + "、".join(f"{k} {v}" for k, v in result.records.items()))
    print(f"パスワード通知書: {notice}（印刷して、媒体とは別の機会に渡してください）")
    if args.password_file is None:
        print(f"パスワード（一度だけ表示します）: {result.password}")
    return 0


def _import_json(result: Any, dry_run: bool) -> dict[str, Any]:
    preview = result if dry_run else result.preview
    data: dict[str, Any] = {
        "package": preview.package_id,
        "kind": preview.kind,
        "sequence": preview.sequence,
        "sender": preview.sender,
        "sender_fingerprint": preview.sender_fingerprint,
        "media_id": preview.media_id,
        "records": preview.records,
        "counts": {
            e: {"new": c.new, "changed": c.changed, "unchanged": c.unchanged}
            for e, c in preview.counts.items()
        },
        "sender_checkpoint": preview.sender_checkpoint,
        "dry_run": dry_run,
    }
    if not dry_run:
        data |= {"ledger_seq": result.ledger_seq, "acknowledged": result.acknowledged}
    return data


def run_import(args: argparse.Namespace) -> int:
    password = secret_from_env("SAIKEN_PACKAGE_PASSWORD", "パッケージのパスワード: ")
    with sign_in(args) as session:
        if args.dry_run:
            result: Any = handover.inspect_package(session, args.file, password)
        else:
            result = handover.import_package(
                session, args.file, password, media_id=args.media_id, counterpart_person=args.person
            )
            if args.report_out is not None and result.report_workbook is not None:
                atomic_write_bytes(args.report_out, result.report_workbook)
                handover.record_report_saved(session, result.preview.package_id, len(result.report_workbook))
    preview = result if args.dry_run else result.preview
    if args.json:
        print_json(_import_json(result, args.dry_run))
        return 0
    verb = "確認しました（取り込んでいません）" if args.dry_run else "取り込みました"
    print(f"{preview.kind_label}パッケージ（{preview.sequence}回目、送り手 {preview.sender}）を{verb}。")
    for line in preview.lines():
        print(f"  {line}")
    if not args.dry_run:
        print(f"管理簿に受領を記録しました（通番 {result.ledger_seq}、媒体 {result.medium_id}）。")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    expected = args.sha256.strip().lower()
    if len(expected) != 64 or any(ch not in "0123456789abcdef" for ch in expected):
        raise ValidationError(
            "--sha256 には 64 桁の16進数を指定してください（管理簿か export の出力にあります）。"
        )
    try:
        actual = file_sha256(args.file)
    except OSError:
        raise ValidationError(
            f"「{args.file.name}」を読めません。媒体が入っているか確かめてください。"
        ) from None
    if actual != expected:
        raise IntegrityError(
            f"媒体の「{args.file.name}」は作成時のパッケージと一致しません（SHA-256 {actual}）。",
            hint="書き込みをやり直してください。",
        )
    print(f"一致しました: {args.file.name}（SHA-256 {actual}）")
    return 0
