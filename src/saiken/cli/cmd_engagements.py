"""`saiken engagements --vault DIR [--json]` and `saiken engagement create|set|close`: the engagements
(業務) packages belong to.

`--json` prints a list with `id`, `uid`, `title`, `ward`, `contractor`, `period_from`, `period_to`,
`rule_profile`, `status`, `counterpart`, `debtors`, `packages_sent`, `packages_received`, `open_media`.
"""

from __future__ import annotations

import argparse
import datetime as dt

from saiken.cli.common import add_sign_in_arguments, print_json, sign_in
from saiken.domain.errors import ValidationError
from saiken.services import handover
from saiken.services.handover import EngagementRow


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    listing = subparsers.add_parser(
        "engagements", help="業務の一覧", description="例: saiken engagements --vault DIR --json"
    )
    add_sign_in_arguments(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)
    parser = subparsers.add_parser("engagement", help="業務を作る・変える・終える（取扱責任者）")
    sub = parser.add_subparsers(dest="engagement_command", metavar="ACTION")
    sub.required = True
    for name, help_text in (("create", "業務を作る"), ("set", "業務を変える")):
        command = sub.add_parser(
            name,
            help=help_text,
            description="例: saiken engagement set 1 --vault DIR --title 補助金返還金督促等業務 --counterpart 2 "
            "--from 2025-09-16 --to 2026-03-31",
        )
        add_sign_in_arguments(command)
        if name == "set":
            command.add_argument("id", type=int)
        command.add_argument("--title", default="")
        command.add_argument(
            "--counterpart", type=int, default=None, help="相手方の組織の番号（saiken org list）"
        )
        command.add_argument("--from", dest="period_from", default=None, metavar="YYYY-MM-DD")
        command.add_argument("--to", dest="period_to", default=None, metavar="YYYY-MM-DD")
        command.add_argument("--profile", default="subsidy", help="計算規則（subsidy, local_tax_style）")
        command.set_defaults(func=run_save)
    close = sub.add_parser("close", help="業務を終える（データは消去まで残ります）")
    add_sign_in_arguments(close)
    close.add_argument("id", type=int)
    close.set_defaults(func=run_close)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"{option} は YYYY-MM-DD の形で指定してください（例: 2025-09-16）。") from None


def item(row: EngagementRow) -> dict[str, object]:
    return {
        "id": row.id,
        "uid": row.uid,
        "title": row.name,
        "ward": row.ward,
        "contractor": row.contractor,
        "period_from": row.period_from,
        "period_to": row.period_to,
        "rule_profile": row.rule_profile,
        "status": row.status,
        "counterpart": row.counterpart,
        "debtors": row.debtors,
        "packages_sent": row.packages_sent,
        "packages_received": row.packages_received,
        "open_media": row.open_media,
    }


def run_list(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        rows = handover.list_engagements(session)
    finally:
        session.close()
    if args.json:
        print_json([item(row) for row in rows])
        return 0
    if not rows:
        print("業務はまだありません。")
    for row in rows:
        print(
            f"{row.id}\t{row.name}\t{row.period}\t{row.status_label}\t相手方 {row.counterpart or '未設定'}\t"
            f"債務者 {row.debtors}件\t送付 {row.packages_sent}・受領 {row.packages_received}\t未返却の媒体 {row.open_media}"
        )
    return 0


def run_save(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        row = handover.save_engagement(
            session,
            getattr(args, "id", None),
            title=args.title,
            counterpart_id=args.counterpart,
            period_from=_date(args.period_from, "--from"),
            period_to=_date(args.period_to, "--to"),
            rule_profile=args.profile,
        )
    finally:
        session.close()
    print(
        f"業務 {row.id}「{row.name}」を保存しました（{row.period}、相手方 {row.counterpart or '未設定'}）。"
    )
    return 0


def run_close(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        row = handover.close_engagement(session, args.id)
    finally:
        session.close()
    print(f"業務 {row.id}「{row.name}」を終了にしました。")
    return 0
