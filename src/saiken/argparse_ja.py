"""argparse in Japanese, for `saiken` and `saiken-desk` (DESIGN §9: help, usage lines and messages are
Japanese, argparse's own headings too; each command's help shows an example).

`JapaneseParser` is an `argparse.ArgumentParser` whose usage line starts 「使い方:」, whose groups are
「引数」 and 「オプション」, whose -h says 「このヘルプを表示して終了します」, and whose errors are one Japanese line
(`エラー: …`, exit status 2) — argparse's own messages translated, the rest passed through. Help keeps the
line breaks of descriptions and epilogs (the examples). Nothing here touches argparse's module globals.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

USAGE = "使い方: "
POSITIONALS = "引数"
OPTIONALS = "オプション"
HELP = "このヘルプを表示して終了します"

# argparse's own error messages (CPython 3.12–3.13 wording) → Japanese. Applied in order, each at most once.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), text)
    for pattern, text in (
        (r"^the following arguments are required: (?P<a>.+)$", r"次の指定が必要です: \g<a>"),
        (r"^one of the arguments (?P<a>.+) is required$", r"次のどれか1つを指定してください: \g<a>"),
        (r"^unrecognized arguments: (?P<a>.+)$", r"使えない引数があります: \g<a>"),
        (r"^ambiguous option: (?P<o>\S+) could match (?P<m>.+)$", r"\g<o> は \g<m> のどれか分かりません"),
        (r"^argument (?P<a>\S+): ", r"\g<a>: "),
        (
            r"invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)$",
            r"\g<v> は指定できません（指定できるもの: \g<c>）",
        ),
        (r"invalid int value: (?P<v>.+)$", r"\g<v> は整数として読めません"),
        (r"invalid float value: (?P<v>.+)$", r"\g<v> は数値として読めません"),
        (r"invalid (?P<t>\w+) value: (?P<v>.+)$", r"\g<v> は正しい値ではありません"),
        (r"expected one argument$", "値を1つ指定してください"),
        (r"expected at most one argument$", "値は1つまでです"),
        (r"expected at least one argument$", "値を1つ以上指定してください"),
        (r"expected (?P<n>\d+) arguments?$", r"値を\g<n>つ指定してください"),
        (r"not allowed with argument (?P<a>.+)$", r"\g<a> と一緒には指定できません"),
        (r"ignored explicit argument (?P<v>.+)$", r"\g<v> は値を取りません"),
    )
)


def example_text(example: str | Sequence[str]) -> str:
    """The epilog of a command's help: 「例:」 and one indented command line per example."""
    lines = [example] if isinstance(example, str) else list(example)
    return "例:\n" + "\n".join(f"  {line}" for line in lines)


def translate(message: str) -> str:
    """argparse's English error message in Japanese (anything not recognised is left as it is)."""
    for pattern, text in _MESSAGES:
        message = pattern.sub(text, message, count=1)
    return message


class JapaneseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Japanese usage prefix; descriptions and epilogs (examples) keep their own line breaks."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class JapaneseParser(argparse.ArgumentParser):
    """See the module docstring. Sub-parsers made by `add_subparsers` are JapaneseParsers too."""

    def __init__(self, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", JapaneseHelpFormatter)
        super().__init__(**kwargs, add_help=False)
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", JapaneseParser)
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"エラー: {translate(message)}（{self.prog} --help で使い方を表示します）\n")
