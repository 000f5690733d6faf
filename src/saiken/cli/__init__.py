"""The `saiken` command line (DESIGN §9).

Each command group lives in its own module `saiken.cli.cmd_<name>` with a `register(commands)` function
that declares its subcommand(s) through `saiken.cli.common.Commands` (help, example, sign-in arguments,
`--json`, the function that runs it). `func(args)` returns the exit status. Help, usage and argparse's own
messages are Japanese (`saiken.argparse_ja`). Errors of the `SaikenError` family print one line on stderr;
anything else prints one line without details (no traceback, no personal data) and exits 70.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from saiken.argparse_ja import JapaneseParser, example_text
from saiken.cli.common import Commands
from saiken.domain.errors import CorruptFileError, SaikenError

DESCRIPTION = """債権デスク（Saiken Desk）のコマンドライン。
パスワードは引数に書かず、環境変数 SAIKEN_PASSWORD（利用者は --user か SAIKEN_USER）か、端末での入力で渡します。
--json は機械向けの出力です。成功すると終了コード 0、エラーは 1 行のメッセージと 0 以外の終了コードです。
各コマンドの使い方は saiken コマンド --help で表示します。"""


def build_parser() -> argparse.ArgumentParser:
    parser = JapaneseParser(
        prog="saiken",
        description=DESCRIPTION,
        epilog=example_text(["saiken wareki 2025-09-16", "saiken debtors --help"]),
    )
    sub = parser.add_subparsers(dest="command", metavar="コマンド", help="次のどれか")
    sub.required = True
    import saiken.cli as package

    commands = Commands(sub)
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            module = importlib.import_module(f"saiken.cli.{info.name}")
            module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        status = args.func(args)
    except SaikenError as error:
        print(f"エラー: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        # The reader went away (`saiken debtors | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("中断しました。", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say so without details that could hold personal data
        from saiken.store.engine import is_damage

        if is_damage(error):
            print(
                "エラー: 金庫のデータベースに読めないページがあります（ファイルの破損）。"
                "saiken vault check --vault DIR で検査し、バックアップから復元してください。",
                file=sys.stderr,
            )
            return CorruptFileError.exit_code
        print(
            f"内部エラーが発生しました（{type(error).__name__}）。データは変更されていません。"
            "管理者に連絡してください。",
            file=sys.stderr,
        )
        return 70
    return int(status or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
