"""`saiken letterhead`: the sender details every letter prints (差出人情報; no personal data).

    saiken letterhead --vault DIR [--set FIELD=VALUE]... [--json]

FIELD is one of ward, ward_head_title, ward_head_name, ward_department, ward_postal_code, ward_address,
ward_phone, firm, firm_postal_code, firm_address, firm_phone, bank_account, claim_name, number_prefix,
pay_by_days, window_x_mm, window_y_mm. Without --set it prints the letterhead. Changing it needs a
supervisor or an admin. `--json` prints {FIELD: value}.
"""

from __future__ import annotations

import argparse

from saiken.cli.common import Commands, print_json, sign_in
from saiken.domain.errors import ValidationError
from saiken.domain.letter_values import LETTERHEAD_LABELS
from saiken.services.letters import LetterheadRow, get_letterhead, update_letterhead

NUMBERS = {"pay_by_days": int, "window_x_mm": float, "window_y_mm": float}


def register(commands: Commands) -> None:
    parser = commands.add(
        "letterhead",
        help="文書の差出人情報（区名・区長・事務所・納付方法・文書番号の記号）",
        example="saiken letterhead --vault DIR --set ward=架空区 --set ward_head_name='山本　一郎'",
        run=run,
        json=True,
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        dest="changes",
        help="変更する項目と値（繰り返し指定できます）",
    )


def _changes(items: list[str]) -> dict[str, object]:
    changes: dict[str, object] = {}
    for item in items:
        field, sep, value = item.partition("=")
        field = field.strip()
        if not sep or (field not in LETTERHEAD_LABELS and field not in NUMBERS):
            raise ValidationError(
                f"--set は 項目=値 の形で、項目は {', '.join([*LETTERHEAD_LABELS, *NUMBERS])} のどれかです。"
            )
        if field in NUMBERS:
            try:
                changes[field] = NUMBERS[field](value)
            except ValueError:
                raise ValidationError(f"{field} は数で指定してください。") from None
        else:
            changes[field] = value
    return changes


def _flat(row: LetterheadRow) -> dict[str, object]:
    return {
        **row.values,
        "pay_by_days": row.pay_by_days,
        "window_x_mm": row.window_x_mm,
        "window_y_mm": row.window_y_mm,
    }


def run(args: argparse.Namespace) -> int:
    changes = _changes(args.changes)
    session = sign_in(args)
    try:
        row = update_letterhead(session, **changes) if changes else get_letterhead(session)
    finally:
        session.close()
    if args.json:
        print_json(_flat(row))
        return 0
    for field, value in _flat(row).items():
        print(f"{LETTERHEAD_LABELS.get(field, field)}（{field}）: {value}")
    return 0
