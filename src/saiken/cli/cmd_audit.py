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

from saiken.cli.common import add_sign_in_arguments, print_json, sign_in
from saiken.domain.errors import IntegrityError, ValidationError
from saiken.services import audit


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("audit", help="監査ログの検証と一覧")
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION")
    sub.required = True
    verify = sub.add_parser(
        "verify",
        help="監査ログのつながり・署名・署名した人の権限を検証する",
        description="例: saiken audit verify --vault DIR --records --checkpoint 120:3f5a…",
    )
    add_sign_in_arguments(verify)
    verify.add_argument("--records", action="store_true", help="アプリの外で変更された記録も探す")
    verify.add_argument("--checkpoint", metavar="SEQ:HASH", help="印刷されたチェックポイントと照合する")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=run_verify)
    listing = sub.add_parser("list", help="監査ログを新しい順に表示する")
    add_sign_in_arguments(listing)
    listing.add_argument("--actor")
    listing.add_argument("--action")
    listing.add_argument("--since", help="この日から（YYYY-MM-DD）")
    listing.add_argument("--until", help="この日まで（YYYY-MM-DD）")
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)


def run_verify(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        report = audit.verify(session, checkpoint=args.checkpoint, records=args.records)
    finally:
        session.close()
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
    session = sign_in(args)
    try:
        rows = audit.list_entries(
            session, actor=args.actor, action=args.action, since=since, until=until, limit=args.limit
        )
    finally:
        session.close()
    if args.json:
        print_json([row.__dict__ for row in rows])
        return 0
    for row in rows:
        target = f"{row.target_type}:{row.target_id}" if row.target_type else ""
        print(f"{row.seq}\t{row.at.isoformat(timespec='seconds')}\t{row.actor}\t{row.action}\t{target}")
    return 0
