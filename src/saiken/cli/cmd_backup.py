"""`saiken backup create|verify|restore|list --vault DIR`.

create                      a consistent encrypted copy + keys.json into DIR/backups/<time>/
verify [BACKUP]             integrity_check, cipher_integrity_check, audit chain (newest by default)
restore BACKUP [--yes]      verify, then replace the vault; the replaced files are kept in backups/
list                        the backups kept (no sign-in needed)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from saiken.cli.common import (
    FOLDER,
    Commands,
    confirm,
    print_json,
    secret_from_env,
    sign_in,
    user_name,
)
from saiken.domain.errors import IntegrityError, NotFoundError
from saiken.services import backup


def register(commands: Commands) -> None:
    group = commands.group(
        "backup",
        help="バックアップの作成・検査・復元・一覧",
        example="SAIKEN_PASSWORD=… saiken backup create --vault DIR --user kanri",
    )
    group.add(
        "create",
        help="バックアップを作る（暗号化したままの一貫したコピーと keys.json を backups/ に）",
        run=run_create,
        json=True,
        example="SAIKEN_PASSWORD=… saiken backup create --vault DIR --user kanri",
    )
    verify = group.add(
        "verify",
        help="バックアップを検査する（整合性・暗号ページ・監査ログ）",
        run=run_verify,
        json=True,
        example="SAIKEN_PASSWORD=… saiken backup verify --vault DIR --user kanri 20250916-101500",
    )
    verify.add_argument(
        "backup", nargs="?", metavar="BACKUP", help="バックアップのフォルダ（名前またはパス、省略時は最新）"
    )
    restore = group.add(
        "restore",
        help="バックアップから戻す（今の金庫は backups/replaced-… に残します）",
        run=run_restore,
        example="SAIKEN_PASSWORD=… saiken backup restore --vault DIR --user kanri 20250916-101500 --yes",
    )
    restore.add_argument("backup", metavar="BACKUP", help="バックアップのフォルダ（名前またはパス）")
    restore.add_argument("--yes", action="store_true", help="確認なしで実行する")
    group.add(
        "list",
        help="残っているバックアップの一覧（サインイン不要）",
        run=run_list,
        vault=FOLDER,
        json=True,
        example="saiken backup list --vault DIR",
    )


def _resolve(vault_dir: Path, name: str | None) -> Path:
    if name is None:
        found = backup.list_backups(vault_dir)
        if not found:
            raise NotFoundError("バックアップがありません。saiken backup create で作ってください。")
        return found[0].path
    path = Path(name)
    if not path.is_dir():
        path = backup.backups_dir(vault_dir) / name
    if not path.is_dir():
        raise NotFoundError(
            f"バックアップ「{name}」が見つかりません。saiken backup list で名前を確かめてください。"
        )
    return path


def run_create(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        info = backup.create_backup(session)
    if args.json:
        print_json(info.__dict__)
    else:
        print(f"バックアップを作成しました: {info.path}")
        print(f"監査ログのチェックポイント: {info.checkpoint}")
    return 0


def _print_report(report: backup.BackupReport, as_json: bool) -> int:
    if as_json:
        print_json(report.__dict__)
    elif report.ok:
        print(
            f"OK: バックアップ {report.path.name} を検査しました（整合性・暗号ページ・監査ログ {report.audit_count} 件）。"
        )
        print(f"チェックポイント: {report.checkpoint}")
    else:
        for problem in report.problems:
            print(problem)
        print(f"NG: バックアップ {report.path.name} に問題があります。別のバックアップを使ってください。")
    return 0 if report.ok else IntegrityError.exit_code


def run_verify(args: argparse.Namespace) -> int:
    path = _resolve(args.vault, args.backup)
    with sign_in(args) as session:
        report = backup.verify_backup(path, session=session)
    return _print_report(report, args.json)


def run_restore(args: argparse.Namespace) -> int:
    path = _resolve(args.vault, args.backup)
    confirm(args, f"金庫をバックアップ {path.name} の状態に戻します。よろしいですか")
    if args.recovery:
        info = backup.restore_backup(
            args.vault, path, recovery_key=secret_from_env("SAIKEN_RECOVERY_KEY", "復旧キー: ")
        )
    else:
        name = user_name(args)
        info = backup.restore_backup(
            args.vault, path, user=name, password=secret_from_env("SAIKEN_PASSWORD", f"{name} のパスワード: ")
        )
    print(
        f"バックアップ {path.name} から戻しました。置き換えた金庫は {info.replaced_copy} に残してあります。"
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    found = backup.list_backups(args.vault)
    if args.json:
        print_json([info.__dict__ for info in found])
        return 0
    if not found:
        print("バックアップはありません。")
    for info in found:
        print(f"{info.name}\t{info.created_at}\t{info.reason}\t監査 {info.audit_count} 件")
    return 0
