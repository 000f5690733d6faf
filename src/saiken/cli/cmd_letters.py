"""`saiken letters`: a batch of letters from the approved template, saved as one PDF (DESIGN §9, issue 8).

    saiken letters --vault DIR --kind demand|notice|agreement|pledge|reissue
                   [--debtor 管理番号]... [--condition NAME] --out FILE.pdf
                   [--mail-list FILE.xlsx|FILE.pdf] [--labels FILE.pdf] [--date DATE] [--pay-by DATE]
                   [--method 特定記録|書留|簡易書留|普通] [--include-difficult] [--include-returned] [--json]

Debtors are given by 管理番号 (`--debtor`, repeatable) or by a saved extraction condition; with neither,
every debtor is taken. The letters are recorded as sent (one documents-sent entry each, one audit entry
for the batch) and written to `--out`; writing files holds personal data, so it is an export (a
supervisor). With --protect every file written gets a password ($SAIKEN_FILE_PASSWORD, or generated and
shown once).
`--json` prints {"letters", "pages", "skipped": [{"id", "reason"}], "document_numbers"} (ids are 管理番号);
warnings (settings still empty) go to stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from saiken.cli.common import Commands, print_json, sign_in
from saiken.cli.file_password import add_protect_argument, file_password, report_file_password
from saiken.domain.errors import ValidationError
from saiken.domain.letter_kinds import MAIL_METHODS, letter_kind
from saiken.domain.wareki import parse_date
from saiken.services.debtors.search import MAX_PAGE, DebtorFilter, search_debtors
from saiken.services.letters import BatchOutput, BatchRequest, make_letters


def register(commands: Commands) -> None:
    parser = commands.add(
        "letters",
        help="督促状・催告書・合意書などをまとめて作る",
        description="承認済みのひな形から文書をまとめて作り、1つのPDFに保存します（保存は取扱責任者）。",
        example="saiken letters --vault DIR --kind demand --condition 督促対象 --out 督促状.pdf --mail-list 差出票.xlsx",
        run=run,
        json=True,
    )
    parser.add_argument(
        "--kind", required=True, help="demand（督促状）, notice（催告書）, agreement, pledge, reissue"
    )
    parser.add_argument(
        "--debtor", action="append", default=[], metavar="管理番号", help="対象の債務者（繰り返し可）"
    )
    parser.add_argument("--condition", default=None, metavar="NAME", help="保存した抽出条件の名前")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="文書のPDF")
    parser.add_argument(
        "--mail-list",
        dest="mail_list",
        type=Path,
        metavar="FILE.xlsx",
        help="書留・特定記録の差出票（.xlsx か .pdf）",
    )
    parser.add_argument("--labels", type=Path, metavar="FILE.pdf", help="宛名ラベル（A4 12面）")
    parser.add_argument("--date", default=None, metavar="DATE", help="文書日付（既定: 本日）")
    parser.add_argument(
        "--pay-by", dest="pay_by", default=None, metavar="DATE", help="納付期限（既定: 差出人情報の日数後）"
    )
    parser.add_argument(
        "--method", default="特定記録", help=f"郵送方法: {'・'.join(MAIL_METHODS)}（既定: 特定記録）"
    )
    parser.add_argument("--template", type=int, default=None, metavar="VERSION_ID", help="使う承認済みの版")
    parser.add_argument(
        "--include-difficult", dest="include_difficult", action="store_true", help="回収困難の債務者も含める"
    )
    parser.add_argument(
        "--include-returned", dest="include_returned", action="store_true", help="前回返戻の債務者も含める"
    )
    add_protect_argument(parser)


def _check_output(path: Path | None, suffixes: tuple[str, ...], option: str) -> None:
    if path is None:
        return
    if path.suffix.lower() not in suffixes:
        raise ValidationError(
            f"{option} のファイル名は {' か '.join(suffixes)} で終わるようにしてください（{path.name}）。"
        )
    if not path.parent.is_dir():
        raise ValidationError(f"{option} の保存先フォルダがありません（{path.parent}）。")


def run(args: argparse.Namespace) -> int:
    kind = letter_kind(args.kind)
    _check_output(args.out, (".pdf",), "--out")
    _check_output(args.mail_list, (".xlsx", ".pdf"), "--mail-list")
    _check_output(args.labels, (".pdf",), "--labels")
    letter_date = parse_date(args.date) if args.date else None
    pay_by = parse_date(args.pay_by) if args.pay_by else None
    password = file_password(args, args.out)
    session = sign_in(args)
    try:
        ids: tuple[int, ...] = ()
        if not args.debtor and not args.condition:
            ids = tuple(row.id for row in search_debtors(session, DebtorFilter(), limit=MAX_PAGE).rows)
        request = BatchRequest(
            kind=kind.value,
            debtor_ids=ids,
            management_nos=tuple(args.debtor),
            condition=args.condition,
            letter_date=letter_date,
            pay_by=pay_by,
            method=args.method,
            template_version_id=args.template,
            include_difficult=args.include_difficult,
            include_returned=args.include_returned,
        )
        outputs = [BatchOutput(args.out, "letters")]
        if args.mail_list is not None:
            xlsx = args.mail_list.suffix.lower() == ".xlsx"
            outputs.append(BatchOutput(args.mail_list, "mail_list_xlsx" if xlsx else "mail_list"))
        if args.labels is not None:
            outputs.append(BatchOutput(args.labels, "labels"))
        result = make_letters(session, request, outputs=outputs, password=password)
    finally:
        session.close()
    for warning in result.warnings:
        print(f"注意: {warning}", file=sys.stderr)
    if args.json:
        payload = result.summary()
        if password is not None:  # the contract's four keys, plus what --protect adds
            report_file_password(args, password, payload)
        print_json(payload)
    else:
        report_file_password(args, password)
        print(
            f"{kind.label} {len(result.letters)}通（{result.pages}ページ）を作成し、{args.out.name} に保存しました。"
        )
        if result.document_numbers:
            print(f"文書番号: {result.document_numbers[0]} 〜 {result.document_numbers[-1]}")
        for item in result.skipped:
            print(f"除外: {item.management_no}　{item.reason}")
    return 0
