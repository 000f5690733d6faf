"""`saiken export negotiation-report|debtors`: the two exports of the desk, as the GUI makes them (DESIGN §9).

    saiken export negotiation-report --vault DIR --from DATE --to DATE [--handler NAME] --out FILE.xlsx|.pdf
                                     [--protect] [--json]
    saiken export debtors --vault DIR [--search TEXT] [--status S]... [--handler NAME] --out FILE.xlsx
                          [--protect] [--json]

Both need the export right (a supervisor), are audited (`export.negotiation_report`, `export.debtor_list`:
counts, the filter without the text searched for, how the file was protected, its size and SHA-256) and
write the file atomically. `--protect` puts a password on the file (`saiken.cli.file_password`).
`--json` prints `path`, `rows`, `file_type`, `size`, `sha256`, `check_code`, `protected` and
`file_password` (a generated password, else null).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from saiken.cli.common import Commands, print_json, sign_in
from saiken.cli.file_password import add_protect_argument, file_password, report_file_password
from saiken.domain.debtor_status import STATUSES, check_status
from saiken.domain.errors import ValidationError
from saiken.domain.wareki import format_wareki, parse_date
from saiken.services.file_protection import SavedFile, file_type_of


def register(commands: Commands) -> None:
    export = commands.group(
        "export",
        help="交渉記録報告書・債務者一覧をファイルに書き出す（取扱責任者の権限、監査記録あり）",
        example=[
            "saiken export negotiation-report --vault ~/saiken-vault --user sato --from R7.9.1 --to R7.9.30 "
            "--out 交渉記録報告書_R7年9月.xlsx",
            "saiken export debtors --vault ~/saiken-vault --user sato --search たかはし --out 債務者一覧.xlsx",
        ],
    )
    report = export.add(
        "negotiation-report",
        help="交渉記録報告書（期間の交渉記録すべて）を .xlsx か PDF で保存する",
        description=(
            "期間（開始日・終了日を含む、日本時間）の現行の交渉記録をすべて、管理番号・日時の順に"
            "交渉記録報告書として保存します。保存先の名前が .xlsx なら Excel、.pdf なら A4 横の PDF です。"
            "日付は 2025-09-01、令和7年9月1日、R7.9.1 のどれでも指定できます。"
        ),
        run=run_report,
        json=True,
        example=[
            "SAIKEN_PASSWORD=… saiken export negotiation-report --vault ~/saiken-vault --user sato "
            "--from 令和7年9月1日 --to 令和7年9月30日 --out 交渉記録報告書.xlsx",
            "saiken export negotiation-report --vault ~/saiken-vault --user sato --from 2025-09-01 "
            "--to 2025-09-30 --handler tanaka --out 報告書.pdf --protect",
        ],
    )
    report.add_argument("--from", dest="period_from", metavar="DATE", help="期間の開始日（必須）")
    report.add_argument("--to", dest="period_to", metavar="DATE", help="期間の終了日（必須）")
    report.add_argument(
        "--handler", default=None, metavar="NAME", help="この対応者（利用者名）の記録だけにする"
    )
    report.add_argument("--out", type=Path, metavar="FILE", help="保存先（.xlsx か .pdf、必須）")
    add_protect_argument(report)

    debtors = export.add(
        "debtors",
        help="債務者一覧（検索に当たる債務者すべて）を .xlsx で保存する",
        description=(
            "検索・絞り込みに当たる債務者をすべて、一覧と同じ順（五十音順）で、区の様式の列と"
            "元金残高とともに Excel に保存します。条件を付けなければ全債務者です。"
        ),
        run=run_debtors,
        json=True,
        example=[
            "SAIKEN_PASSWORD=… saiken export debtors --vault ~/saiken-vault --user sato --out 債務者一覧.xlsx",
            "saiken export debtors --vault ~/saiken-vault --user sato --search たかはし --status 交渉中 "
            "--out 交渉中.xlsx --protect",
        ],
    )
    debtors.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="名前・フリガナ・代表者・住所・電話番号・管理番号で検索（ひらがな・半角カナ・異体字も可）",
    )
    debtors.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="STATUS",
        help=f"状況で絞り込む（繰り返し可: {'、'.join(STATUSES)}）",
    )
    debtors.add_argument("--handler", default=None, metavar="NAME", help="担当者の利用者名で絞り込む")
    debtors.add_argument("--out", type=Path, metavar="FILE", help="保存先（.xlsx、必須）")
    add_protect_argument(debtors)


def _out(args: argparse.Namespace, suffixes: tuple[str, ...]) -> Path:
    out: Path | None = args.out
    if out is None:
        raise ValidationError("--out に保存先のファイル名を指定してください。")
    file_type_of(out)  # .xlsx or .pdf, with the reason otherwise
    if out.suffix.lower() not in suffixes:
        raise ValidationError(f"保存先「{out.name}」は {' か '.join(suffixes)} のファイル名にしてください。")
    if not out.parent.is_dir():
        raise ValidationError(f"保存先のフォルダ「{out.parent}」がありません。フォルダを確かめてください。")
    return out


def _date(value: str | None, option: str) -> Any:
    if value is None or not value.strip():
        raise ValidationError(f"{option} に日付を指定してください（例: 2025-09-01、令和7年9月1日、R7.9.1）。")
    try:
        return parse_date(value)
    except ValidationError as error:
        raise ValidationError(f"{option}: {error.message}") from None


def _payload(saved: SavedFile, rows: int) -> dict[str, Any]:
    return {
        "path": saved.path,
        "rows": rows,
        "file_type": saved.file_type,
        "size": saved.size,
        "sha256": saved.sha256,
        "check_code": saved.check_code,
    }


def _finish(args: argparse.Namespace, saved: SavedFile, rows: int, what: str, password: Any) -> int:
    payload = _payload(saved, rows)
    report_file_password(args, password, payload)
    if args.json:
        print_json(payload)
        return 0
    print(f"{what}を {saved.path.name} に保存しました（確認コード {saved.check_code}）。")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from saiken.services import debtors
    from saiken.services.records.report import check_scope, write_report

    period_from = _date(args.period_from, "--from")
    period_to = _date(args.period_to, "--to")
    check_scope(period_from, period_to)
    out = _out(args, (".xlsx", ".pdf"))
    password = file_password(args, out)
    with sign_in(args) as session:
        if args.handler and args.handler not in {h.name for h in debtors.handler_names(session)}:
            raise ValidationError(
                f"対応者「{args.handler}」という利用者はいません。saiken user list で利用者名を確かめてください。"
            )
        saved, rows = write_report(session, out, period_from, period_to, args.handler, password=password)
    period = f"{format_wareki(period_from)}〜{format_wareki(period_to)}"
    return _finish(args, saved, rows, f"交渉記録報告書（{period}、{rows:,}件）", password)


def run_debtors(args: argparse.Namespace) -> int:
    from saiken.services.debtors import DebtorFilter
    from saiken.services.excel_export import export_debtor_list

    for status in args.status:
        check_status(status)
    out = _out(args, (".xlsx",))
    password = file_password(args, out)
    flt = DebtorFilter(text=args.search, statuses=frozenset(args.status), handler=args.handler)
    with sign_in(args) as session:
        result = export_debtor_list(session, out, flt, password=password)
    assert result.saved is not None  # the service always describes what it wrote
    return _finish(args, result.saved, result.rows, f"債務者一覧（{result.rows:,}名）", password)
