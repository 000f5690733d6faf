"""`saiken audit verify|list --vault DIR`: check the hash chain (prints OK, the count and the checkpoint,
or every problem and exits 9) and list entries."""

from __future__ import annotations

import argparse
import datetime as dt

from saiken.cli.common import Commands, print_json, sign_in
from saiken.domain.errors import IntegrityError, ValidationError
from saiken.services import audit


def register(commands: Commands) -> None:
    group = commands.group(
        "audit",
        help="監査ログの検証と一覧",
        example="SAIKEN_PASSWORD=… saiken audit verify --vault DIR --user kanri",
    )
    group.add(
        "verify",
        help="監査ログのつながり（ハッシュチェーン）を検証する（問題があれば終了コード 9）",
        run=run_verify,
        json=True,
        example="SAIKEN_PASSWORD=… saiken audit verify --vault DIR --user kanri --json",
    )
    listing = group.add(
        "list",
        help="監査ログを新しい順に表示する",
        run=run_list,
        json=True,
        example="SAIKEN_PASSWORD=… saiken audit list --vault DIR --user kanri --action debtor.view --since 2025-09-01",
    )
    listing.add_argument("--actor", metavar="NAME", help="この利用者の操作だけ")
    listing.add_argument("--action", metavar="ACTION", help="この操作だけ（例: debtor.view、auth.sign_in）")
    listing.add_argument("--since", metavar="DATE", help="この日から（YYYY-MM-DD、日本時間）")
    listing.add_argument("--until", metavar="DATE", help="この日まで（YYYY-MM-DD、日本時間）")
    listing.add_argument("--limit", type=int, default=100, metavar="N", help="表示する最大件数（既定: 100）")


def run_verify(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        report = audit.verify(session)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "count": report.count,
                "head_hash": report.head_hash,
                "checkpoint": report.checkpoint,
                "problems": report.problems,
            }
        )
        return 0 if report.ok else IntegrityError.exit_code
    if report.ok:
        print(f"OK: 監査ログ {report.count} 件のつながりを確認しました。")
        print(f"チェックポイント: {report.checkpoint}")
        return 0
    for problem in report.problems:
        print(problem)
    print(
        f"NG: 監査ログに {len(report.problems)} 件の問題があります（記録 {report.count} 件）。取扱責任者に報告してください。"
    )
    return IntegrityError.exit_code


def _day(text: str | None, option: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"{option} は YYYY-MM-DD の形で指定してください（例: 2025-09-16）。") from None


def run_list(args: argparse.Namespace) -> int:
    since, until = _day(args.since, "--since"), _day(args.until, "--until")
    with sign_in(args) as session:
        rows = audit.list_entries(
            session, actor=args.actor, action=args.action, since=since, until=until, limit=args.limit
        )
    if args.json:
        print_json([row.__dict__ for row in rows])
        return 0
    for row in rows:
        target = f"{row.target_type}:{row.target_id}" if row.target_type else ""
        print(f"{row.seq}\t{row.at.isoformat(timespec='seconds')}\t{row.actor}\t{row.action}\t{target}")
    return 0
