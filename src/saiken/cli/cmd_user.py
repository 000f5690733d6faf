"""`saiken user add|list|passwd|remove|role|enrol-device` and the sign-in every vault command shares.

Passwords come only from the environment or a prompt, never from arguments:
  SAIKEN_USER / --user       who signs in;   SAIKEN_PASSWORD      their password
  SAIKEN_NEW_PASSWORD        a new password (user add, user passwd)
  SAIKEN_RECOVERY_KEY        sign in with the recovery key instead (`--recovery`), or enrol a PC
  SAIKEN_ENROLMENT_CODE      an admin's enrolment code (`user enrol-device --code`)
"""

from __future__ import annotations

import argparse

from saiken.cli.common import (
    add_sign_in_arguments,
    add_user_argument,
    add_vault_argument,
    confirm,
    new_password,
    print_json,
    secret_from_env,
    sign_in,
    user_name,
)
from saiken.services import users, vault


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("user", help="利用者の追加・一覧・パスワード変更・削除")
    sub = parser.add_subparsers(dest="user_command", metavar="ACTION")
    sub.required = True

    add = sub.add_parser("add", help="利用者を追加する（新しいパスワード: $SAIKEN_NEW_PASSWORD）")
    add_sign_in_arguments(add)
    add.add_argument("name", help="新しい利用者名")
    add.add_argument("--role", required=True, choices=users.ROLE_NAMES)
    add.add_argument("--display-name", default="", help="表示名（任意）")
    add.add_argument("--json", action="store_true")
    add.set_defaults(func=run_add)

    listing = sub.add_parser("list", help="利用者の一覧")
    add_sign_in_arguments(listing)
    listing.add_argument("--all", action="store_true", help="削除した利用者も表示する")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)

    passwd = sub.add_parser(
        "passwd", help="パスワードを変える（自分: 今のものは $SAIKEN_PASSWORD）／再設定する（管理者）"
    )
    add_sign_in_arguments(passwd)
    passwd.add_argument("name", nargs="?", help="利用者名（省略時は自分）")
    passwd.set_defaults(func=run_passwd)

    remove = sub.add_parser("remove", help="利用者を削除する（鍵スロットも消えます）")
    add_sign_in_arguments(remove)
    remove.add_argument("name")
    remove.add_argument("--yes", action="store_true", help="確認なしで実行する")
    remove.set_defaults(func=run_remove)

    role = sub.add_parser("role", help="利用者の役割を変える")
    add_sign_in_arguments(role)
    role.add_argument("name")
    role.add_argument("role", choices=users.ROLE_NAMES)
    role.set_defaults(func=run_role)

    enrol = sub.add_parser(
        "enrol-device",
        help="端末に結び付けた金庫を、この PC の OS アカウントに登録する"
        "（復旧キー、または --code で管理者の端末登録コード）",
    )
    add_vault_argument(enrol)
    add_user_argument(enrol)
    enrol.add_argument(
        "--code",
        action="store_true",
        help="管理者の端末登録コード（$SAIKEN_ENROLMENT_CODE）と自分のパスワードで登録する",
    )
    enrol.set_defaults(func=run_enrol)

    code = sub.add_parser(
        "enrolment-code", help="別の OS アカウントを登録するための端末登録コードを表示する（管理者）"
    )
    add_sign_in_arguments(code)
    code.add_argument(
        "--for", dest="for_user", default=None, metavar="USER", help="この利用者だけが使えるコードにする"
    )
    code.add_argument("--hours", type=int, default=8, help="有効時間（1〜72 時間、既定 8 時間）")
    code.set_defaults(func=run_enrolment_code)


def run_add(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        row = users.add_user(
            session, args.name, role=args.role, password=new_password(), display_name=args.display_name
        )
    finally:
        session.close()
    if args.json:
        print_json(row.__dict__)
    else:
        print(f"利用者「{row.name}」（{row.role}）を追加しました。")
    return 0


def run_list(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        rows = users.list_users(session, include_removed=args.all)
    finally:
        session.close()
    if args.json:
        print_json([row.__dict__ for row in rows])
        return 0
    for row in rows:
        flags = (" 取扱責任者" if row.is_supervisor and row.role != "supervisor" else "") + (
            "" if row.active else " 削除済み"
        )
        print(f"{row.name}\t{row.role}{flags}")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    session = sign_in(args, allow_temporary=True)
    try:
        target = args.name or session.user.name
        own = target == session.user.name
        old = secret_from_env("SAIKEN_PASSWORD", "今のパスワード: ") if own else None
        users.change_password(session, target, old_password=old, new_password=new_password())
    finally:
        session.close()
    if own:
        print("パスワードを変更しました。")
    else:
        print(f"「{target}」のパスワードを再設定しました。次のサインインで本人が変更する必要があります。")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    confirm(args, f"利用者「{args.name}」を削除します。よろしいですか")
    session = sign_in(args)
    try:
        users.remove_user(session, args.name)
    finally:
        session.close()
    print(f"利用者「{args.name}」を削除しました。その鍵スロットも消しました。")
    return 0


def run_role(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        row = users.set_role(session, args.name, args.role)
    finally:
        session.close()
    print(f"利用者「{row.name}」の役割を {row.role} にしました。")
    return 0


def run_enrol(args: argparse.Namespace) -> int:
    if args.code:
        name = user_name(args)
        vault.enrol_device(
            args.vault,
            code=secret_from_env("SAIKEN_ENROLMENT_CODE", "端末登録コード: "),
            user=name,
            password=secret_from_env("SAIKEN_PASSWORD", f"{name} のパスワード: "),
        )
    else:
        vault.enrol_device(args.vault, secret_from_env("SAIKEN_RECOVERY_KEY", "復旧キー: "))
    print(
        "この PC（OS アカウント）を金庫の端末として登録しました。これからはパスワードでサインインできます。"
    )
    return 0


def run_enrolment_code(args: argparse.Namespace) -> int:
    session = sign_in(args)
    try:
        code = vault.device_enrolment_code(session, for_user=args.for_user, hours=args.hours)
    finally:
        session.close()
    whom = f"利用者 {code.for_user} だけが" if code.for_user else "この金庫の利用者が"
    print(
        "端末登録コード（登録する本人にだけ渡してください。本人のパスワードと組み合わせて使います。"
        f"{whom}一回だけ使えます。{code.expires_text} まで有効）:"
    )
    print(f"    {code.code}")
    return 0
