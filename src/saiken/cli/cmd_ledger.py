"""`saiken ledger --vault DIR [--json]`, `ledger verify`, `ledger export --out FILE.pdf|.xlsx`,
`ledger record --medium ID --event EVENT [--person NAME] [--at ISO]`, `ledger media`: the custody ledger.

`--json` prints a list with `seq`, `at`, `event`, `event_label`, `medium_id`, `medium_kind`, `package_id`,
`content`, `records`, `files`, `media`, `handler`, `counterpart_org`, `counterpart_person`, `fingerprint`,
`counterpart_checkpoint`, `note`, `same_occasion`, `hash`.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path

from saiken.cli.common import Commands, add_user_argument, print_json, sign_in
from saiken.domain import custody
from saiken.domain.clock import JST
from saiken.domain.errors import IntegrityError, ValidationError
from saiken.fsutil import atomic_write_bytes
from saiken.services import handover
from saiken.services.handover.ledger_documents import record_ledger_saved

RECORDABLE = (
    custody.HANDED_OVER,
    custody.NOTICE_HANDED_OVER,
    custody.NOTICE_RECEIVED,
    custody.RETURNED,
    custody.DESTROYED,
)


def register(commands: Commands) -> None:
    # `saiken ledger --vault DIR` lists and `saiken ledger verify …` acts: the listing is the command's own,
    # so its actions are optional and its sign-in arguments are not required here (that
    # `ledger verify --vault DIR` parses); run_list asks for --vault itself.
    parser = commands.add(
        "ledger",
        help="管理簿（受渡しの記録）の表示・検証・保存・記録",
        run=run_list,
        vault=None,
        json=True,
        example=[
            "SAIKEN_PASSWORD=… saiken ledger --vault DIR --user yamada",
            "SAIKEN_PASSWORD=… saiken ledger verify --vault DIR --user yamada",
        ],
    )
    parser.add_argument("--vault", type=Path, default=None, metavar="DIR", help="金庫のフォルダ")
    add_user_argument(parser)
    parser.add_argument(
        "--recovery",
        action="store_true",
        help="復旧キー（$SAIKEN_RECOVERY_KEY またはプロンプト）でサインインする",
    )
    actions = Commands(
        parser.add_subparsers(dest="ledger_command", metavar="操作", help="次のどれか（省略時は一覧）")
    )
    actions.add(
        "verify",
        help="管理簿の連鎖と署名を確かめる",
        run=run_verify,
        example="SAIKEN_PASSWORD=… saiken ledger verify --vault DIR --user yamada",
    )
    export = actions.add(
        "export",
        help="管理簿を PDF（確認記録票）か Excel で保存する",
        run=run_export,
        example="SAIKEN_PASSWORD=… saiken ledger export --vault DIR --user yamada --out 管理簿.pdf",
    )
    export.add_argument(
        "--out", required=True, type=Path, metavar="FILE.pdf|FILE.xlsx", help="保存先（.pdf か .xlsx）"
    )
    record = actions.add(
        "record",
        help="引渡し・通知書の受け渡し・返却・廃棄を記録する",
        run=run_record,
        example="SAIKEN_PASSWORD=… saiken ledger record --vault DIR --user yamada --medium 区-R7-001 "
        "--event handed_over --person 架空太郎",
    )
    record.add_argument("--medium", required=True, metavar="ID", help="媒体の番号（例: 区-R7-001）")
    record.add_argument(
        "--event",
        required=True,
        choices=RECORDABLE,
        help="記録する出来事: " + "、".join(f"{e}（{custody.EVENT_LABELS[e]}）" for e in RECORDABLE),
    )
    record.add_argument("--person", default="", help="相手方の担当者")
    record.add_argument(
        "--at", default=None, metavar="ISO", help="日時（省略時は今。例: 2025-09-16T10:30+09:00）"
    )
    record.add_argument("--note", default="", help="備考（任意）")
    actions.add(
        "media",
        help="返却・廃棄・消去が済んでいない媒体",
        run=run_media,
        json=True,
        example="SAIKEN_PASSWORD=… saiken ledger media --vault DIR --user yamada --json",
    )


def run_list(args: argparse.Namespace) -> int:
    if args.vault is None:
        raise ValidationError("--vault で金庫のフォルダを指定してください（例: saiken ledger --vault DIR）。")
    with sign_in(args) as session:
        rows = handover.list_ledger(session)
    if args.json:
        print_json([dataclasses.asdict(row) for row in rows])
        return 0
    if not rows:
        print("管理簿の記載はまだありません。")
    for r in rows:
        mark = "※" if r.same_occasion else ""
        print(
            f"{r.seq}\t{r.at.astimezone(JST):%Y-%m-%d %H:%M}\t{mark}{r.event_label}\t{r.medium_id}\t{r.content}\t"
            f"{r.records}件\t{r.handler}\t{r.counterpart_org} {r.counterpart_person}".rstrip()
        )
    return 0


def run_verify(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        report = handover.verify_ledger(session)
    if not report.ok:
        for problem in report.problems:
            print(problem)
        raise IntegrityError(
            f"管理簿に確認できない記載があります（{len(report.problems)} 件）。取扱責任者に報告してください。"
        )
    print(f"OK: 管理簿の連鎖と署名を確かめました（{report.count} 件）。控え: {report.checkpoint}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError("管理簿の保存先は .pdf か .xlsx のファイル名にしてください。")
    with sign_in(args) as session:
        if suffix == ".pdf":
            pdf = handover.ledger_pdf(session)
            atomic_write_bytes(args.out, pdf, mode=0o600)
            record_ledger_saved(session, entries=len(handover.list_ledger(session)), format="pdf")
        else:
            handover.ledger_workbook(session, args.out)
    print(f"管理簿を保存しました: {args.out}")
    return 0


def run_record(args: argparse.Namespace) -> int:
    at = None
    if args.at:
        try:
            at = dt.datetime.fromisoformat(args.at)
        except ValueError:
            raise ValidationError("--at は 2025-09-16T10:30+09:00 の形で指定してください。") from None
        if at.tzinfo is None:
            at = at.replace(tzinfo=JST)
    with sign_in(args) as session:
        done = handover.record_event(
            session,
            medium_id=args.medium,
            event=args.event,
            at=at,
            counterpart_person=args.person,
            note=args.note,
        )
    print(f"管理簿に記録しました（通番 {done.row.seq}、{done.row.event_label}、媒体 {done.row.medium_id}）。")
    if done.warning:
        print(f"注意: {done.warning}")
    return 0


def run_media(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        media = handover.open_media(session)
    if args.json:
        print_json([dataclasses.asdict(m) for m in media])
        return 0
    if not media:
        print("返却・廃棄・消去が済んでいない媒体はありません。")
    for m in media:
        print(f"{m.medium_id}\t{m.kind}\t{m.direction}\t{m.status_label}\t{m.counterpart}\t{m.age_days}日")
    return 0
