"""`saiken engagements --vault DIR [--json]` and `saiken engagement create|set|close`: the engagements
(業務) packages belong to.

`--json` prints a list with `id`, `uid`, `title`, `ward`, `contractor`, `period_from`, `period_to`,
`rule_profile`, `status`, `counterpart`, `debtors`, `packages_sent`, `packages_received`, `open_media`.
"""

from __future__ import annotations

import argparse
import datetime as dt

from saiken.cli.common import Commands, print_json, sign_in
from saiken.domain.errors import ValidationError
from saiken.services import handover
from saiken.services.handover import EngagementRow


def register(commands: Commands) -> None:
    commands.add(
        "engagements",
        help="業務の一覧",
        run=run_list,
        json=True,
        example="SAIKEN_PASSWORD=… saiken engagements --vault DIR --user yamada --json",
    )
    group = commands.group(
        "engagement",
        help="業務を作る・変える・終える（取扱責任者）",
        example="SAIKEN_PASSWORD=… saiken engagement set --vault DIR --user yamada 1 --counterpart 2 "
        "--from 2025-09-16 --to 2026-03-31",
    )
    for name, help_text, example in (
        (
            "create",
            "業務を作る",
            "SAIKEN_PASSWORD=… saiken engagement create --vault DIR --user yamada "
            "--title 架空区補助金返還金督促等業務 --counterpart 2 --from 2025-09-16 --to 2026-03-31",
        ),
        (
            "set",
            "業務を変える",
            "SAIKEN_PASSWORD=… saiken engagement set --vault DIR --user yamada 1 "
            "--title 架空区補助金返還金督促等業務 --counterpart 2 --from 2025-09-16 --to 2026-03-31",
        ),
    ):
        command = group.add(name, help=help_text, run=run_save, example=example)
        if name == "set":
            command.add_argument("id", type=int, help="業務の番号（saiken engagements）")
        command.add_argument("--title", default="", help="業務の名前")
        command.add_argument(
            "--counterpart", type=int, default=None, help="相手方の組織の番号（saiken org list）"
        )
        command.add_argument(
            "--from", dest="period_from", default=None, metavar="YYYY-MM-DD", help="業務期間の初日"
        )
        command.add_argument(
            "--to", dest="period_to", default=None, metavar="YYYY-MM-DD", help="業務期間の末日"
        )
        command.add_argument(
            "--profile",
            default="subsidy",
            help="計算規則（subsidy: 補助金等返還、local_tax_style: 地方税型の例。既定 subsidy）",
        )
    close = group.add(
        "close",
        help="業務を終える（データは消去まで残ります）",
        run=run_close,
        example="SAIKEN_PASSWORD=… saiken engagement close --vault DIR --user yamada 1",
    )
    close.add_argument("id", type=int, help="終える業務の番号（saiken engagements）")


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
    with sign_in(args) as session:
        rows = handover.list_engagements(session)
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
    with sign_in(args) as session:
        row = handover.save_engagement(
            session,
            getattr(args, "id", None),
            title=args.title,
            counterpart_id=args.counterpart,
            period_from=_date(args.period_from, "--from"),
            period_to=_date(args.period_to, "--to"),
            rule_profile=args.profile,
        )
    print(
        f"業務 {row.id}「{row.name}」を保存しました（{row.period}、相手方 {row.counterpart or '未設定'}）。"
    )
    return 0


def run_close(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        row = handover.close_engagement(session, args.id)
    print(f"業務 {row.id}「{row.name}」を終了にしました。")
    return 0
