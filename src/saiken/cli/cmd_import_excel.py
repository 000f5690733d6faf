"""`saiken import-excel --vault DIR FILE [--dry-run] [--json]`: import the ward's extraction workbook.

All or nothing: with any bad row nothing is stored, every bad row is listed (row number as Excel shows it,
column header, value, reason) and the exit status is non-zero. `--dry-run` prints the same report and
stores nothing (`imported` counts the rows that would be imported).

A workbook protected with Excel's own password (Office encryption, Agile or Standard) is opened with
`SAIKEN_WORKBOOK_PASSWORD`, or with a password asked at the terminal — never an argument. It is decrypted
in memory only; a wrong or missing password stores nothing and exits with status 3.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from saiken.cli.common import Commands, print_json, secret_from_env, sign_in
from saiken.domain.errors import PasswordRequiredError, ValidationError
from saiken.services.excel_import import FIELD_LABELS, ImportReport, import_ward_workbook


def register(commands: Commands) -> None:
    parser = commands.add(
        "import-excel",
        help="区の抽出データ（Excel）を取り込む（全件か、1件も取り込まないか）",
        description=(
            "区の抽出データ（Excel）を取り込みます（全件か、1件も取り込まないか）。パスワード付きのブックは、"
            "環境変数 SAIKEN_WORKBOOK_PASSWORD のパスワード（なければ端末での入力）でメモリ上で開きます。"
        ),
        run=run,
        json=True,
        example=[
            "SAIKEN_PASSWORD=… saiken import-excel --vault DIR --user yamada 抽出データ.xlsx --dry-run",
            "SAIKEN_PASSWORD=… saiken import-excel --vault DIR --user yamada 抽出データ.xlsx",
            f"{WORKBOOK_PASSWORD}=… SAIKEN_PASSWORD=… saiken import-excel --vault DIR --user yamada 暗号化.xlsx",
        ],
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="区から受け取った .xlsx ファイル")
    parser.add_argument("--dry-run", action="store_true", help="取り込まずに結果だけを表示する")


WORKBOOK_PASSWORD = "SAIKEN_WORKBOOK_PASSWORD"


def report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "imported": report.imported,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "dry_run": report.dry_run,
        "protected": report.protected,
        "errors": [
            {"row": e.row, "column": e.column, "value": e.value, "message": e.message} for e in report.errors
        ],
        "notes": [
            {"row": n.row, "column": n.column, "value": n.value, "message": n.message} for n in report.notes
        ],
        "changes": [
            {
                "management_no": c.management_no,
                "fields": {name: {"old": old, "new": new} for name, (old, new) in c.fields.items()},
            }
            for c in report.changes
        ],
    }


def _print_text(report: ImportReport) -> None:
    if report.errors:
        print(
            f"取り込めません: {len(report.errors)} 件の問題があります。ファイルを直してからもう一度取り込んでください。"
            "（何も保存していません）"
        )
        for e in report.errors:
            column = f"「{e.column}」" if e.column else ""
            value = f"（値: {e.value}）" if e.value else ""
            print(f"  {e.row}行目 {column}{value}: {e.message}")
        return
    head = "試行（保存していません）" if report.dry_run else "取り込みました"
    print(f"{head}: 新規 {report.imported} 件、更新 {report.updated} 件、変更なし {report.unchanged} 件")
    if report.protected:
        print("  （パスワード付きのブックを、ファイルに書き出さずにメモリ上で開きました）")
    for n in report.notes:
        print(f"  注意 {n.row}行目 「{n.column}」: {n.message}")
    for change in report.changes:
        print(f"  {change.management_no}:")
        for name, (old, new) in change.fields.items():
            print(
                f"    {FIELD_LABELS.get(name, name)}: {'' if old is None else old} → {'' if new is None else new}"
            )


def _import(session: Any, args: argparse.Namespace) -> ImportReport:
    """The import, asking for the workbook's password only when the workbook has one."""
    password = os.environ.get(WORKBOOK_PASSWORD)
    try:
        return import_ward_workbook(session, args.file, dry_run=args.dry_run, password=password).value
    except PasswordRequiredError as error:
        if password is not None:
            raise
        try:
            password = secret_from_env(WORKBOOK_PASSWORD, f"ブック「{args.file.name}」のパスワード: ")
        except ValidationError:
            raise PasswordRequiredError(
                f"{error.message} 環境変数 {WORKBOOK_PASSWORD} に設定するか、端末から実行して入力してください。"
                "（何も取り込んでいません）"
            ) from None
    return import_ward_workbook(session, args.file, dry_run=args.dry_run, password=password).value


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise ValidationError(f"ファイル「{args.file.name}」が見つかりません。パスを確かめてください。")
    with sign_in(args) as session:
        report = _import(session, args)
    if args.json:
        print_json(report_json(report))
    else:
        _print_text(report)
    return ValidationError.exit_code if report.errors else 0
