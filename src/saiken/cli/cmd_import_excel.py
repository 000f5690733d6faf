"""`saiken import-excel --vault DIR FILE [--dry-run] [--json]`: import the ward's extraction workbook.

All or nothing: with any bad row nothing is stored, every bad row is listed (row number as Excel shows it,
column header, value, reason) and the exit status is non-zero. `--dry-run` prints the same report and
stores nothing (`imported` counts the rows that would be imported).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from saiken.cli.common import add_sign_in_arguments, print_json, sign_in
from saiken.domain.errors import ValidationError
from saiken.services.excel_import import FIELD_LABELS, ImportReport, import_ward_workbook


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("import-excel", help="区の抽出データ（Excel）を取り込む")
    add_sign_in_arguments(parser)
    parser.add_argument("file", type=Path, metavar="FILE", help="区から受け取った .xlsx ファイル")
    parser.add_argument("--dry-run", action="store_true", help="取り込まずに結果だけを表示する")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run)


def report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "imported": report.imported,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "dry_run": report.dry_run,
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
    for n in report.notes:
        print(f"  注意 {n.row}行目 「{n.column}」: {n.message}")
    for change in report.changes:
        print(f"  {change.management_no}:")
        for name, (old, new) in change.fields.items():
            print(
                f"    {FIELD_LABELS.get(name, name)}: {'' if old is None else old} → {'' if new is None else new}"
            )


def run(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise ValidationError(f"ファイル「{args.file.name}」が見つかりません。パスを確かめてください。")
    session = sign_in(args)
    try:
        report = import_ward_workbook(session, args.file, dry_run=args.dry_run)
    finally:
        session.close()
    if args.json:
        print_json(report_json(report))
    else:
        _print_text(report)
    return ValidationError.exit_code if report.errors else 0
