"""The `saiken` command line (DESIGN §9).

Each command group lives in its own module `saiken.cli.cmd_<name>` with a `register(subparsers)`
function that adds its sub-command(s) and sets `func` on the parsed namespace. `func(args)` returns the
exit status. Errors of the `SaikenError` family print one line on stderr; anything else prints one line
without details (no traceback, no personal data) and exits 70.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from typing import NoReturn

from saiken.domain.errors import CorruptFileError, SaikenError


class _OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (`エラー: …`) and exit status 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"エラー: {message}（{self.prog} --help で使い方を表示します）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog="saiken", description="Saiken Desk (債権デスク) command line")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OneLineParser)
    sub.required = True
    import saiken.cli as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            module = importlib.import_module(f"saiken.cli.{info.name}")
            module.register(sub)
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
