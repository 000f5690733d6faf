"""Helpers shared by the CLI commands: passwords from the environment or a prompt, JSON output."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from saiken.domain.errors import ValidationError
from saiken.services import vault
from saiken.services.context import VaultSession


def add_vault_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--vault", required=True, type=Path, metavar="DIR", help="vault folder")


def add_user_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", default=None, help="user name (default: $SAIKEN_USER)")


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


def sign_in(args: argparse.Namespace) -> VaultSession:
    """Open the vault named by --vault as --user/$SAIKEN_USER with $SAIKEN_PASSWORD (or the recovery key).
    What sign-in found for an admin to act on (a deleted recovery slot …) goes to stderr, one line each."""
    accept = bool(getattr(args, "accept_older_state", False))
    if getattr(args, "recovery", False):
        key = secret_from_env("SAIKEN_RECOVERY_KEY", "復旧キー: ")
        session = vault.open_with_recovery_key(args.vault, key, accept_older_state=accept)
    else:
        name = user_name(args)
        password = secret_from_env("SAIKEN_PASSWORD", f"{name} のパスワード: ")
        session = vault.open_vault(args.vault, name, password, accept_older_state=accept)
    for notice in session.notices:
        print(f"注意: {notice}", file=sys.stderr)
    return session


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
