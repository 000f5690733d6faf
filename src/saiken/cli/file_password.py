"""`--protect` for every command that writes an .xlsx or a PDF holding personal data (issue 11 item 4).

A command adds the option with `add_protect_argument(parser)`, turns it into a password with
`file_password(args, out_path)` (None without `--protect`) and hands that to its service, then reports
it with `report_file_password(args, password, payload)`:

    add_protect_argument(parser)                                   # in register()
    password = file_password(args, args.out)                       # in run(), before the service
    result = export_debtor_list(session, args.out, flt, password=password)
    report_file_password(args, password, payload)                  # payload: the dict printed with --json

The password comes from `SAIKEN_FILE_PASSWORD` (held to the sign-in password policy; never an argument,
never printed back) or is generated and printed ONCE: on its own line in text mode, as the `--json` key
`file_password` (None when it came from the environment; `protected` says whether one was set).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from saiken.services.file_protection import (
    FilePassword,
    file_type_of,
    generate_file_password,
    typed_file_password,
)

ENV = "SAIKEN_FILE_PASSWORD"


def add_protect_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--protect",
        action="store_true",
        help=(
            f"保存するファイルにパスワードを付ける（環境変数 {ENV} のパスワード、なければ生成して一度だけ表示）。"
            ".xlsx は Excel の暗号化、.pdf は AES-256"
        ),
    )


def file_password(args: argparse.Namespace, out: Path | str) -> FilePassword | None:
    """The password for the file `out` when `--protect` was given, else None. ValidationError for a
    password in the environment that the policy or the format refuses (before anything is written)."""
    if not getattr(args, "protect", False):
        return None
    text = os.environ.get(ENV)
    if text is None:
        return generate_file_password()
    user = getattr(args, "user", None) or os.environ.get("SAIKEN_USER")
    return typed_file_password(text, file_type=file_type_of(out), user_name=user)


def report_file_password(
    args: argparse.Namespace, password: FilePassword | None, payload: dict[str, Any] | None = None
) -> None:
    """Add `protected` and `file_password` to `payload` (the --json output), or, in text mode, print a
    generated password once, with what to do with it."""
    shown = password.text if password is not None and password.generated else None
    if payload is not None:
        payload["protected"] = password is not None
        payload["file_password"] = shown
    if getattr(args, "json", False) or password is None:
        return
    if shown is None:
        print(f"ファイルにパスワードを付けました（環境変数 {ENV} のパスワード）。")
        return
    print(f"ファイルのパスワード: {shown}")
    print(
        "  このパスワードは今だけ表示され、どこにも保存されていません。控えて、ファイルとは別の機会に渡してください"
        "（ハイフンも含めて表示どおりに入力します）。",
        file=sys.stdout,
    )
