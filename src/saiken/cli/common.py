"""What every CLI command shares: declaring a subcommand (`Commands`), signing in, passwords from the
environment or a prompt, confirmations, JSON output.

A command module `saiken.cli.cmd_<name>` has `register(commands: Commands)` and declares each subcommand
with ONE call that also gives its sign-in arguments, `--json` and an example for its help:

    def register(commands: Commands) -> None:
        commands.add("debtors", help="債務者の一覧・検索", run=run, json=True,
                     example="SAIKEN_PASSWORD=… saiken debtors --vault DIR --user yamada --search たかはし")

    def run(args: argparse.Namespace) -> int:
        with sign_in(args) as session:      # VaultSession is a context manager: closed however it ends
            rows = search_debtors(session, ...)
        ...

`vault=SIGN_IN` (the default) adds --vault DIR, --user NAME and --recovery; `vault=FOLDER` only --vault DIR;
`vault=None` nothing. A command group (`saiken user add|list …`) is `commands.group(...)`, which returns
the `Commands` of its actions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

from saiken.argparse_ja import example_text
from saiken.domain.errors import PermissionDeniedError, ValidationError
from saiken.services import vault
from saiken.services.context import VaultSession

SIGN_IN: Literal["sign-in"] = "sign-in"
FOLDER: Literal["folder"] = "folder"
Run = Callable[[argparse.Namespace], int]


class Commands:
    """Where a command module declares its subcommands (holds argparse's sub-parser action)."""

    def __init__(self, action: Any) -> None:
        self._action = action

    def add(
        self,
        name: str,
        *,
        help: str,
        run: Run,
        example: str | Sequence[str],
        vault: Literal["sign-in", "folder"] | None = SIGN_IN,
        json: bool = False,
        description: str = "",
    ) -> argparse.ArgumentParser:
        """A subcommand `name` with its help (Japanese), an example, the vault/sign-in arguments and
        `--json`; `run(args)` returns the exit status. Returns the parser for the command's own arguments."""
        parser: argparse.ArgumentParser = self._action.add_parser(
            name, help=help, description=description or help, epilog=example_text(example)
        )
        if vault == SIGN_IN:
            add_sign_in_arguments(parser)
        elif vault == FOLDER:
            add_vault_argument(parser)
        if json:
            parser.add_argument("--json", action="store_true", help="結果を JSON で出力する（機械向け）")
        parser.set_defaults(func=run)
        return parser

    def group(self, name: str, *, help: str, example: str | Sequence[str], description: str = "") -> Commands:
        """A command with actions of its own (`saiken user add|list …`); returns where to add them."""
        parser = self._action.add_parser(
            name, help=help, description=description or help, epilog=example_text(example)
        )
        actions = parser.add_subparsers(dest=f"{name}_action", metavar="操作", help="次のどれか")
        actions.required = True
        return Commands(actions)


def add_vault_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", required=True, type=Path, metavar="DIR", help="金庫のフォルダ")


def add_user_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user", default=None, metavar="NAME", help="サインインする利用者名（省略時は $SAIKEN_USER）"
    )


def secret_from_env(variable: str, prompt: str) -> str:
    """A password from `variable`, or from a prompt when a terminal is attached. Never from argv."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise ValidationError(
        f"パスワードがありません。環境変数 {variable} に設定するか、端末から実行して入力してください。"
    )


def user_name(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("SAIKEN_USER")
    if not name:
        raise ValidationError(
            "利用者名がありません。--user を指定するか、環境変数 SAIKEN_USER に設定してください。"
        )
    return str(name)


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | Fraction):
        return str(value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(type(value).__name__)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def add_sign_in_arguments(parser: argparse.ArgumentParser) -> None:
    add_vault_argument(parser)
    add_user_argument(parser)
    parser.add_argument(
        "--recovery",
        action="store_true",
        help="復旧キー（$SAIKEN_RECOVERY_KEY またはプロンプト）でサインインする",
    )
    parser.add_argument(
        "--accept-older-state",
        action="store_true",
        help="この PC で最後に見たときより古い金庫を、理由を確かめたうえで受け入れる（管理者のみ・監査ログに残ります）",
    )


TEMPORARY_PASSWORD = (
    "仮のパスワードでサインインしました。ほかの操作の前に、自分のパスワードに変えてください: "
    "SAIKEN_NEW_PASSWORD に新しいパスワードを設定して saiken user passwd --vault {vault} を実行します"
    "（端末から実行すれば、その場で変えられます）。何も変更していません。"
)


def sign_in(args: argparse.Namespace, *, allow_temporary: bool = False) -> VaultSession:
    """Open the vault named by --vault as --user/$SAIKEN_USER with $SAIKEN_PASSWORD (or the recovery key).

    A temporary password (set by an admin's reset) must be changed before anything else, as in the GUI:
    at a terminal the new one is asked for here; otherwise the command stops with PermissionDeniedError
    saying how (only `user passwd` passes `allow_temporary`). What sign-in found for an admin to act on
    (a deleted recovery slot …) goes to stderr, one line each; `--accept-older-state` is an admin's
    explicit acceptance of a vault older than this PC last saw (audited)."""
    accept = bool(getattr(args, "accept_older_state", False))
    if getattr(args, "recovery", False):
        key = secret_from_env("SAIKEN_RECOVERY_KEY", "復旧キー: ")
        session = vault.open_with_recovery_key(args.vault, key, accept_older_state=accept)
        _print_notices(session)
        return session
    name = user_name(args)
    password = secret_from_env("SAIKEN_PASSWORD", f"{name} のパスワード: ")
    session = vault.open_vault(args.vault, name, password, accept_older_state=accept)
    _print_notices(session)
    if allow_temporary or not vault.password_change_required(session):
        return session
    try:
        if sys.stdin is None or not sys.stdin.isatty():
            raise PermissionDeniedError(TEMPORARY_PASSWORD.format(vault=args.vault))
        from saiken.services import users

        print("仮のパスワードです。続ける前に、自分のパスワードを決めてください。", file=sys.stderr)
        users.change_password(session, name, old_password=password, new_password=new_password())
        print("パスワードを変更しました。", file=sys.stderr)
    except BaseException:
        session.close()
        raise
    return session


def _print_notices(session: VaultSession) -> None:
    for notice in session.notices:
        print(f"注意: {notice}", file=sys.stderr)


def new_password(prompt: str = "新しいパスワード: ") -> str:
    """$SAIKEN_NEW_PASSWORD, or asked twice at a terminal."""
    if os.environ.get("SAIKEN_NEW_PASSWORD") is not None or not (sys.stdin and sys.stdin.isatty()):
        return secret_from_env("SAIKEN_NEW_PASSWORD", prompt)
    first = secret_from_env("SAIKEN_NEW_PASSWORD", prompt)
    if secret_from_env("SAIKEN_NEW_PASSWORD", "もう一度: ") != first:
        raise ValidationError("2 回入力したパスワードが一致しません。もう一度やり直してください。")
    return first


def confirm(args: argparse.Namespace, question: str) -> None:
    if getattr(args, "yes", False):
        return
    if sys.stdin is not None and sys.stdin.isatty():
        if input(f"{question} [y/N]: ").strip().lower() in ("y", "yes", "はい"):
            return
        raise ValidationError("中止しました。何も変更していません。")
    raise ValidationError(
        "確認が必要です。内容を確かめて --yes を付けて実行してください。何も変更していません。"
    )
