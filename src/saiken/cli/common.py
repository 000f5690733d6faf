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
    raise ValidationError(f"パスワードがありません。環境変数 {variable} に設定するか、端末から実行して入力してください。")


def user_name(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("SAIKEN_USER")
    if not name:
        raise ValidationError("利用者名がありません。--user を指定するか、環境変数 SAIKEN_USER に設定してください。")
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
