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
    FOLDER,
    Commands,
    add_user_argument,
    confirm,
    new_password,
    print_json,
    secret_from_env,
    sign_in,
    user_name,
)
from saiken.services import users, vault

ROLES_HELP = "admin（管理者）、supervisor（取扱責任者）、handler（取扱者）、viewer（閲覧者）"


def register(commands: Commands) -> None:
    user = commands.group(
        "user",
        help="利用者の追加・一覧・パスワード変更・削除・役割・端末登録",
        example="SAIKEN_PASSWORD=… SAIKEN_NEW_PASSWORD=… saiken user add --vault DIR --user kanri sato --role handler",
    )
    add = user.add(
        "add",
        help="利用者を追加する（新しい利用者のパスワード: $SAIKEN_NEW_PASSWORD）",
        run=run_add,
        json=True,
        example="SAIKEN_PASSWORD=… SAIKEN_NEW_PASSWORD=… saiken user add --vault DIR --user kanri sato --role handler",
    )
    add.add_argument("name", metavar="NAME", help="新しい利用者名")
    add.add_argument("--role", required=True, choices=users.ROLE_NAMES, help=f"役割: {ROLES_HELP}")
    add.add_argument("--display-name", default="", metavar="TEXT", help="表示名（任意）")

    listing = user.add(
        "list",
        help="利用者の一覧",
        run=run_list,
        json=True,
        example="SAIKEN_PASSWORD=… saiken user list --vault DIR --user kanri --all",
    )
    listing.add_argument("--all", action="store_true", help="削除した利用者も表示する")

    passwd = user.add(
        "passwd",
        help="パスワードを変える（自分: 今のものは $SAIKEN_PASSWORD）／再設定する（管理者）",
        run=run_passwd,
        example=[
            "SAIKEN_PASSWORD=今の… SAIKEN_NEW_PASSWORD=新しい… saiken user passwd --vault DIR --user sato",
            "SAIKEN_PASSWORD=… SAIKEN_NEW_PASSWORD=… saiken user passwd --vault DIR --user kanri sato",
        ],
    )
    passwd.add_argument("name", nargs="?", metavar="NAME", help="利用者名（省略時は自分）")

    remove = user.add(
        "remove",
        help="利用者を削除する（鍵スロットも消えます）",
        run=run_remove,
        example="SAIKEN_PASSWORD=… saiken user remove --vault DIR --user kanri sato --yes",
    )
    remove.add_argument("name", metavar="NAME", help="削除する利用者名")
    remove.add_argument("--yes", action="store_true", help="確認なしで実行する")

    role = user.add(
        "role",
        help="利用者の役割を変える",
        run=run_role,
        example="SAIKEN_PASSWORD=… saiken user role --vault DIR --user kanri sato supervisor",
    )
    role.add_argument("name", metavar="NAME", help="利用者名")
    role.add_argument("role", choices=users.ROLE_NAMES, metavar="ROLE", help=f"新しい役割: {ROLES_HELP}")

    enrol = user.add(
        "enrol-device",
        help="端末に結び付けた金庫を、この PC の OS アカウントに登録する"
        "（復旧キー、または --code で管理者の端末登録コード）",
        run=run_enrol,
        vault=FOLDER,
        example=[
            "SAIKEN_RECOVERY_KEY=… saiken user enrol-device --vault DIR",
            "SAIKEN_ENROLMENT_CODE=… SAIKEN_PASSWORD=… saiken user enrol-device --vault DIR --user sato --code",
        ],
    )
    add_user_argument(enrol)
    enrol.add_argument(
        "--code",
        action="store_true",
        help="管理者の端末登録コード（$SAIKEN_ENROLMENT_CODE）と自分のパスワードで登録する",
    )

    code = user.add(
        "enrolment-code",
        help="別の OS アカウントを登録するための一回限りの端末登録コードを表示する（管理者）",
        run=run_enrolment_code,
        example="SAIKEN_PASSWORD=… saiken user enrolment-code --vault DIR --user kanri --for tanto",
    )
    code.add_argument(
        "--for", dest="for_user", default=None, metavar="USER", help="この利用者だけが使えるコードにする"
    )
    code.add_argument("--hours", type=int, default=8, help="有効時間（1〜72 時間、既定 8 時間）")


def run_add(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        row = users.add_user(
            session, args.name, role=args.role, password=new_password(), display_name=args.display_name
        )
    if args.json:
        print_json(row.__dict__)
    else:
        print(f"利用者「{row.name}」（{row.role}）を追加しました。")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        rows = users.list_users(session, include_removed=args.all)
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
    with sign_in(args, allow_temporary=True) as session:
        target = args.name or session.user.name
        own = target == session.user.name
        old = secret_from_env("SAIKEN_PASSWORD", "今のパスワード: ") if own else None
        users.change_password(session, target, old_password=old, new_password=new_password())
    if own:
        print("パスワードを変更しました。")
    else:
        print(f"「{target}」のパスワードを再設定しました。次のサインインで本人が変更する必要があります。")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    confirm(args, f"利用者「{args.name}」を削除します。よろしいですか")
    with sign_in(args) as session:
        users.remove_user(session, args.name)
    print(f"利用者「{args.name}」を削除しました。その鍵スロットも消しました。")
    return 0


def run_role(args: argparse.Namespace) -> int:
    with sign_in(args) as session:
        row = users.set_role(session, args.name, args.role)
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
    with sign_in(args) as session:
        code = vault.device_enrolment_code(session, for_user=args.for_user, hours=args.hours)
    whom = f"利用者 {code.for_user} だけが" if code.for_user else "この金庫の利用者が"
    print(
        "端末登録コード（登録する本人にだけ渡してください。本人のパスワードと組み合わせて使います。"
        f"{whom}一回だけ使えます。{code.expires_text} まで有効）:"
    )
    print(f"    {code.code}")
    return 0
