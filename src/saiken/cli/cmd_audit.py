"""`saiken audit verify|list --vault DIR`: verify the audit log (prints OK, the count and the checkpoint, or
every problem and exits 9) and list entries.

    saiken audit verify --vault DIR [--records] [--checkpoint SEQ:HASH] [--json]
Verification checks the chain, every signature, that each signer was a member with that right at that time
(by the signed membership log), and the stored head before anything new was appended (the sign-in of this
very command cannot hide a cut-off tail: the cut is recorded first). --records also names every record
changed outside the application; --checkpoint compares with a checkpoint printed on a ledger, certificate
or backup."""

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
    verify = group.add(
        "verify",
        help="監査ログのつながり・署名・署名した人の権限を検証する（問題があれば終了コード 9）",
        run=run_verify,
        json=True,
        example=[
            "SAIKEN_PASSWORD=… saiken audit verify --vault DIR --user kanri --json",
            "SAIKEN_PASSWORD=… saiken audit verify --vault DIR --user kanri --records --checkpoint 120:3f5a…",
        ],
    )
    verify.add_argument("--records", action="store_true", help="アプリの外で変更された記録も探す")
    verify.add_argument("--checkpoint", metavar="SEQ:HASH", help="印刷されたチェックポイントと照合する")
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
        report = audit.verify(session, checkpoint=args.checkpoint, records=args.records)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "count": report.count,
                "head_hash": report.head_hash,
                "checkpoint": report.checkpoint,
                "signed": report.signed,
                "problems": report.problems,
                "notices": report.notices,
            }
        )
        return 0 if report.ok else IntegrityError.exit_code
    for notice in report.notices:
        print(f"注意: {notice}")
    if report.ok:
        checked = "つながり・署名・権限" + ("・記録" if args.records else "")
        print(f"OK: 監査ログ {report.count} 件（署名あり {report.signed} 件）の{checked}を確認しました。")
        if args.checkpoint:
            print(f"チェックポイント {args.checkpoint.split(':')[0]} と一致しました。")
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
