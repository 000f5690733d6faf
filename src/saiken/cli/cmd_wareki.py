"""`saiken wareki`: era dates both ways.

saiken wareki DATE            # 2025-09-16 (or any accepted writing) → 令和7年9月16日
saiken wareki --parse TEXT    # 令和7年9月16日, R7.9.16, R07/09/16 … → 2025-09-16
saiken wareki DATE --style short|long|long_zero
"""

from __future__ import annotations

import argparse

from saiken.cli.common import Commands
from saiken.domain.errors import ValidationError
from saiken.domain.wareki import format_wareki, parse_date

STYLES = ("long", "short", "long_zero")


def register(commands: Commands) -> None:
    parser = commands.add(
        "wareki",
        help="西暦と和暦を変換する",
        description="日付を和暦で表示します（--parse で和暦などを ISO 形式の日付に）。",
        run=run,
        vault=None,
        example=[
            "saiken wareki 2025-09-16",
            "saiken wareki --parse R7.9.16",
            "saiken wareki 2019-05-01 --style short",
        ],
    )
    parser.add_argument(
        "date", nargs="?", metavar="DATE", help="日付（2025-09-16、令和7年9月16日、R7.9.16 など）"
    )
    parser.add_argument(
        "--parse", metavar="TEXT", help="日付の文字列を読んで ISO 形式（2025-09-16）で表示する"
    )
    parser.add_argument(
        "--style",
        default="long",
        metavar="STYLE",
        help="和暦の書き方: long（令和7年9月16日、既定）、short（R7.9.16）、long_zero（令和07年09月16日）",
    )


def run(args: argparse.Namespace) -> int:
    if (args.date is None) == (args.parse is None):
        raise ValidationError(
            "日付を1つ指定してください: saiken wareki 2025-09-16 または saiken wareki --parse 令和7年9月16日"
        )
    if args.parse is not None:
        print(parse_date(args.parse).isoformat())
        return 0
    if args.style not in STYLES:
        raise ValidationError(
            f"--style は {'、'.join(STYLES)} のいずれかを指定してください（指定値: {args.style}）。"
        )
    print(format_wareki(parse_date(args.date), args.style))
    return 0
