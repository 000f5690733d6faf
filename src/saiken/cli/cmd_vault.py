"""`saiken vault check --vault DIR [--user U | --recovery] [--json]`: the integrity of the live vault.

Checks the key file, `PRAGMA integrity_check` and `PRAGMA cipher_integrity_check` on vault.db, the signed
membership log against the users table and the slot list against the slots (each problem on a line of its
own), then signs in (audited `vault.check`). Exit 0 when all is well, 9 when something is wrong; a damaged vault says
「金庫が壊れています。バックアップから復元してください」 and names the newest backup that is good.
"""

from __future__ import annotations

import argparse

from saiken.cli.common import Commands, print_json, secret_from_env, user_name
from saiken.domain.errors import IntegrityError
from saiken.services import vault

_LABELS = {
    "keys": "鍵ファイル（keys.json）",
    "database": "データベースを開く",
    "integrity_check": "整合性（integrity_check）",
    "cipher_integrity_check": "暗号ページ（cipher_integrity_check）",
    "membership": "利用者名簿（署名と利用者の表）",
    "slots": "鍵スロット（keys.json の一覧）",
    "sign_in": "サインイン",
}


def register(commands: Commands) -> None:
    group = commands.group(
        "vault",
        help="金庫そのものの検査",
        example="SAIKEN_PASSWORD=… saiken vault check --vault ~/saiken-vault --user kanri",
    )
    group.add(
        "check",
        help="金庫を検査する（鍵ファイル・整合性・暗号ページ・利用者名簿・鍵スロット・サインイン）。壊れていれば正常なバックアップを示す",
        run=run_check,
        json=True,
        example="SAIKEN_PASSWORD=… saiken vault check --vault ~/saiken-vault --user kanri",
    )
    group.add(
        "repair-members",
        help="利用者の表を署名された利用者名簿に合わせる（名簿で管理者の人のみ・監査ログに残ります）",
        run=run_repair_members,
        example="SAIKEN_PASSWORD=… saiken vault repair-members --vault ~/saiken-vault --user kanri",
    )


def run_repair_members(args: argparse.Namespace) -> int:
    name = user_name(args)
    result = vault.repair_members(
        args.vault, name, secret_from_env("SAIKEN_PASSWORD", f"{name} のパスワード: ")
    )
    print(
        f"利用者の表を署名された名簿に合わせました（直した利用者 {len(result.changed)} 人、"
        f"名簿にない行の削除 {len(result.removed)} 件）。"
    )
    return 0


def run_check(args: argparse.Namespace) -> int:
    if args.recovery:
        report = vault.check_vault(
            args.vault, recovery_key=secret_from_env("SAIKEN_RECOVERY_KEY", "復旧キー: ")
        )
    else:
        name = user_name(args)
        report = vault.check_vault(
            args.vault, user=name, password=secret_from_env("SAIKEN_PASSWORD", f"{name} のパスワード: ")
        )
    status = 0 if report.ok else IntegrityError.exit_code
    if args.json:
        good = report.latest_good_backup
        print_json(
            {
                "ok": report.ok,
                "damaged": report.damaged,
                "items": [{**item.__dict__, "lines": list(item.lines)} for item in report.items],
                "problems": report.problems,
                "damaged_pages": report.damaged_pages,
                "latest_good_backup": good.name if good else None,
                "message": report.message,
            }
        )
        return status
    for item in report.items:
        print(
            f"{_LABELS.get(item.name, item.name)}: {'OK' if item.ok else 'NG'}{'　' + item.detail if item.detail else ''}"
        )
        for line in item.lines:
            print(f"　・{line}")
    print(report.message)
    if report.hint:
        print(report.hint)
    return status
