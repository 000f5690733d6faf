"""The CLI's help is Japanese throughout (DESIGN §9): argparse's own headings and messages too, every
argument explained, and an example in every command's help. Read from the real parsers."""

from __future__ import annotations

import argparse
import re

import pytest

from saiken.cli import build_parser, main

ENGLISH_ARGPARSE = (
    "usage:",
    "options:",
    "positional arguments",
    "optional arguments",
    "show this help message",
    "subcommands",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
    "expected one argument",
)
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """Every (command path, parser), the top level included, by walking the sub-parsers."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(build_parser()))


def _help(capsys, path: tuple[str, ...]) -> str:
    with pytest.raises(SystemExit) as exited:
        main([*path, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


def test_every_command_is_reached():
    paths = {" ".join(path) for path, _parser in COMMANDS}
    assert {"debtors", "user add", "user enrol-device", "audit verify", "backup restore", "wareki"} <= paths
    assert len(paths) >= 25


@pytest.mark.parametrize("path", [path for path, _parser in COMMANDS], ids=lambda p: " ".join(p) or "saiken")
def test_help_is_japanese_with_an_example(capsys, path):
    text = _help(capsys, path)
    assert text.startswith("使い方: saiken")
    for english in ENGLISH_ARGPARSE:
        assert english not in text.lower(), english
    assert "オプション:" in text and "このヘルプを表示して終了します" in text
    example = text.split("例:\n", 1)[1]
    first = example.splitlines()[0].strip()
    assert "saiken" in first and all(word in first for word in path if word != "saiken"), first


@pytest.mark.parametrize("path,parser", COMMANDS, ids=[" ".join(p) or "saiken" for p, _ in COMMANDS])
def test_every_argument_is_explained_in_japanese(path, parser):
    for action in parser._actions:
        if action.help == argparse.SUPPRESS:
            continue
        assert action.help and JAPANESE.search(action.help), (path, action.dest)


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["debtors"], "エラー: 次の指定が必要です: --vault（saiken debtors --help で使い方を表示します）"),
        (["nosuch"], "エラー: コマンド: 'nosuch' は指定できません（指定できるもの: 'audit'"),
        (["debtors", "--vault", "v", "--limit", "abc"], "エラー: --limit: 'abc' は整数として読めません"),
        (["wareki", "2025-09-16", "--bogus"], "エラー: 使えない引数があります: --bogus"),
        (["user", "role", "--vault", "v", "sato", "boss"], "エラー: ROLE: 'boss' は指定できません"),
    ],
)
def test_argparse_errors_are_one_japanese_line(capsys, argv, expected):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(expected) and err.count("\n") == 1


def test_the_gui_command_line_is_japanese_too(capsys):
    from saiken.ui.shell.main import build_parser as gui_parser

    with pytest.raises(SystemExit):
        gui_parser().parse_args(["--help"])
    text = capsys.readouterr().out
    assert text.startswith("使い方: saiken-desk") and "例:\n  saiken-desk" in text
    assert not any(english in text.lower() for english in ENGLISH_ARGPARSE)
