"""`saiken consultations --vault DIR [--search TEXT] [--json]`: consultation records with the search the
GUI uses (kana, width and variant kanji folded; phone numbers with or without hyphens).

`--json` prints a list of items with `id`, `version`, `business_id`, `business`, `kana`, `date` (the day),
`at` (ISO moment), `consultant`, `form`, `categories` (a list), `contents`, `loan` ({bank, amount, status}
or null), `follow_up_on` and `dispatch_id`, newest first. A listing with `--json` leaves the application:
it needs the export right (a supervisor) and is audited `export.consultations` with its filter and count;
the text listing is audited `consultation.list`.
"""

from __future__ import annotations

import argparse
from typing import Any

from saiken.cli.common import Commands, print_json, sign_in
from saiken.domain.clock import JST
from saiken.domain.consultation_terms import CATEGORIES, FORMS
from saiken.domain.errors import ValidationError
from saiken.domain.wareki import parse_date
from saiken.services.consultations.listing import export_consultations, list_consultations
from saiken.services.consultations.rows import ConsultationRow
from saiken.services.consultations.search import ConsultationFilter


def register(commands: Commands) -> None:
    parser = commands.add(
        "consultations",
        help="相談記録の一覧・検索（新しい順。--json は書出しの権限が必要で、監査記録に残ります）",
        run=run,
        json=True,
        example=[
            "SAIKEN_PASSWORD=… saiken consultations --vault ~/saiken-vault --user sekinin --search たかはし --json",
            "saiken consultations --vault ~/saiken-vault --from R7.4.1 --category 資金繰り",
        ],
    )
    parser.add_argument(
        "--search",
        default="",
        metavar="TEXT",
        help="事業所名・フリガナ・代表者・電話番号・相談内容で検索（ひらがな・半角カナ・異体字も可）",
    )
    parser.add_argument(
        "--from", dest="date_from", metavar="DATE", help="この日以降（2025-04-01、R7.4.1 など）"
    )
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="この日まで")
    parser.add_argument(
        "--form", choices=FORMS, metavar="FORM", help=f"相談形態で絞り込む（{'、'.join(FORMS)}）"
    )
    parser.add_argument(
        "--category",
        choices=CATEGORIES,
        metavar="CATEGORY",
        help=f"相談分類で絞り込む（{'、'.join(CATEGORIES)}）",
    )
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="表示する最大件数")


def item(row: ConsultationRow) -> dict[str, Any]:
    loan = None
    if row.loan_bank or row.loan_status:
        loan = {"bank": row.loan_bank, "amount": row.loan_amount, "status": row.loan_status}
    return {
        "id": row.id,
        "version": row.version,
        "business_id": row.business_id,
        "business": row.business_name,
        "kana": row.business_kana,
        "date": row.at.astimezone(JST).date(),
        "at": row.at.astimezone(JST),
        "consultant": row.consultant,
        "form": row.form,
        "categories": list(row.categories),
        "contents": row.contents,
        "loan": loan,
        "follow_up_on": row.follow_up_on,
        "dispatch_id": row.dispatch_id,
    }


def _date(value: str | None, option: str) -> Any:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValidationError as error:
        raise ValidationError(f"{option}: {error}") from None


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise ValidationError("--limit は 1 以上の整数で指定してください。")
    flt = ConsultationFilter(
        text=args.search,
        date_from=_date(args.date_from, "--from"),
        date_to=_date(args.date_to, "--to"),
        form=args.form,
        category=args.category,
    )
    with sign_in(args) as session:
        listing = export_consultations if args.json else list_consultations
        rows = listing(session, flt, limit=args.limit)
    if args.json:
        print_json([item(row) for row in rows])
        return 0
    if not rows:
        print("該当する相談記録はありません。")
        return 0
    for row in rows:
        day = row.at.astimezone(JST)
        contents = row.contents.replace("\n", " ")
        print(
            f"{day:%Y-%m-%d %H:%M}\t{row.business_name}\t{row.form}\t{'・'.join(row.categories)}\t"
            f"{row.consultant}\t{contents[:40]}{'…' if len(contents) > 40 else ''}"
        )
    print(f"計 {len(rows)} 件")
    return 0
