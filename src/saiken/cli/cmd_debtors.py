"""`saiken debtors --vault DIR [--search TEXT] [--json]`: list debtors with the search the GUI uses.

`--json` prints a list of items with `id` (the management number), `name`, `kana`, `representative`,
`address`, `phone`, `principal`, `paid`, `balance` (whole yen), and `status`, `handler`,
`next_action_on`, `tags`. Order: 五十音 of the reading, then management number.

A listing that leaves the application — `--json`, or output into a file or another program — is an export
(DESIGN §5): it needs the export right (a supervisor) and is audited `export.debtor_listing`; shown on a
terminal it needs only the read right and is audited `debtor.list`. Both record the filter (never the text
searched for) and the count.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from saiken.cli.common import Commands, print_json, sign_in
from saiken.domain.debtor_status import STATUSES, check_status
from saiken.domain.errors import PermissionDeniedError, ValidationError
from saiken.services import debtors
from saiken.services.debtors import DebtorFilter, DebtorListRow


def register(commands: Commands) -> None:
    parser = commands.add(
        "debtors",
        help="債務者の一覧・検索（五十音順）",
        run=run,
        json=True,
        example=[
            "SAIKEN_PASSWORD=… saiken debtors --vault ~/saiken-vault --user yamada --search たかはし",
            "saiken debtors --vault ~/saiken-vault --status 交渉中 --status 分納中 --json",
        ],
    )
    parser.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="名前・フリガナ・代表者・住所・電話番号・管理番号で検索（ひらがな・半角カナ・異体字も可）",
    )
    parser.add_argument(
        "--status",
        action="append",
        default=[],
        metavar="STATUS",
        help=f"状況で絞り込む（繰り返し可: {'、'.join(STATUSES)}）",
    )
    parser.add_argument("--handler", default=None, metavar="NAME", help="担当者の利用者名で絞り込む")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="表示する最大件数")


def item(row: DebtorListRow) -> dict[str, Any]:
    return {
        "id": row.management_no,
        "name": row.name,
        "kana": row.name_kana,
        "representative": row.representative,
        "address": row.address,
        "phone": row.phone,
        "principal": row.principal,
        "paid": row.paid,
        "balance": row.balance,
        "status": row.status,
        "handler": row.handler,
        "next_action_on": row.next_action_on,
        "tags": list(row.tags),
    }


def _leaves_the_application(args: argparse.Namespace) -> bool:
    """`--json`, or output into a file or another program (not a terminal), is an export (DESIGN §5)."""
    return bool(args.json) or not sys.stdout.isatty()


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise ValidationError("--limit は 1 以上の整数で指定してください。")
    for status in args.status:
        check_status(status)
    flt = DebtorFilter(text=args.search, statuses=frozenset(args.status), handler=args.handler)
    export = _leaves_the_application(args)
    with sign_in(args) as session:
        try:
            listing = debtors.list_debtors(
                session, flt, limit=args.limit, export=export, output="json" if args.json else "text"
            )
        except PermissionDeniedError as error:
            if not export:
                raise
            raise PermissionDeniedError(
                "債務者の一覧を --json やファイル・他のプログラムへ出すのは書出し（取扱責任者の権限）です。"
                f"{error.message}",
                hint="端末に表示するだけなら --json を付けず、出力先をリダイレクトせずに実行してください。",
            ) from None
    rows = listing.rows
    if args.json:
        print_json([item(row) for row in rows])
        return 0
    if not rows:
        print("該当する債務者はいません。")
        return 0
    for row in rows:
        print(
            f"{row.management_no}\t{row.name}\t{row.representative}\t{row.status}\t"
            f"残高 {row.balance:,}円\t{row.phone}"
        )
    print(f"計 {len(rows)} 件")
    return 0
