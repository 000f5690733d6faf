"""Regenerate and compile the Japanese translation (`make translations`).

    python -m saiken.ui.i18n_build                  # lupdate over src/saiken/ui (keeps translations) + lrelease
    python -m saiken.ui.i18n_build --apply FILE.json  # then fill translations: {"English source": "日本語"}
    python -m saiken.ui.i18n_build --missing          # list sources without a translation (exit 1 if any)

The tools are Qt's lupdate/lrelease shipped inside PySide6-Essentials (run through PySide6's own
launchers, the same as `pyside6-lupdate`/`pyside6-lrelease`). Source strings are English, in code:
`self.tr(<text>)`, `QCoreApplication.translate(<context>, <text>)` or `QT_TRANSLATE_NOOP(<context>, <text>)`,
each ONE string literal (lupdate does not join implicitly concatenated literals). The same source text
gets the same translation in every context unless the JSON maps "Context|source".
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from xml.etree.ElementTree import Element, tostring

import defusedxml.ElementTree as SafeET

from saiken.fsutil import atomic_write_text
from saiken.resources import resources_dir

UI_DIR = Path(__file__).resolve().parent
TS_FILE = resources_dir() / "i18n" / "saiken_ja.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
_HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def _tool(name: str, *args: str) -> None:
    code = f"import sys; from PySide6.scripts.pyside_tool import {name}; sys.argv[0] = {name!r}; sys.exit({name}())"
    subprocess.run([sys.executable, "-c", code, *args], check=True, stdout=subprocess.DEVNULL)


def source_files() -> list[Path]:
    return sorted(path for path in UI_DIR.rglob("*.py") if "__pycache__" not in path.parts)


def update() -> None:
    """Extract every source string from ui/ into the .ts, keeping existing translations."""
    TS_FILE.parent.mkdir(parents=True, exist_ok=True)
    files = [str(path) for path in source_files()]
    _tool(
        "lupdate",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        "ja",
        *files,
        "-ts",
        str(TS_FILE),
    )


def release() -> None:
    _tool("lrelease", str(TS_FILE), "-qm", str(QM_FILE))


def messages(ts_file: Path = TS_FILE) -> list[tuple[str, str, Element, Element]]:
    """(context, source, message element, translation element) for every message of the .ts."""
    root = SafeET.parse(ts_file).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                translation = Element("translation", {"type": "unfinished"})
                message.append(translation)
            found.append((name, message.findtext("source", ""), message, translation))
    return found


def missing(ts_file: Path = TS_FILE) -> list[tuple[str, str]]:
    return [
        (context, source)
        for context, source, _m, translation in messages(ts_file)
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]


def apply(mapping: dict[str, str], ts_file: Path = TS_FILE) -> int:
    """Fill translations from `mapping` (source or "Context|source" -> Japanese). Returns how many were set."""
    root = SafeET.parse(ts_file).getroot()
    count = 0
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            text = mapping.get(f"{name}|{source}", mapping.get(source))
            if text is None:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = Element("translation")
                message.append(translation)
            translation.attrib.pop("type", None)
            translation.text = text
            count += 1
    atomic_write_text(ts_file, _HEADER + tostring(root, encoding="unicode") + "\n", mode=0o644)
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m saiken.ui.i18n_build", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--apply", type=Path, help="JSON file {source: translation} to fill in")
    parser.add_argument("--missing", action="store_true", help="list untranslated sources and exit")
    args = parser.parse_args(argv)
    if args.missing:
        gaps = missing()
        for context, source in gaps:
            print(f"{context}\t{source!r}")
        return 1 if gaps else 0
    update()
    if args.apply:
        mapping = json.loads(args.apply.read_text(encoding="utf-8"))
        print(f"{apply(mapping)} translations applied")
    release()
    gaps = missing()
    print(f"{TS_FILE.name}: {len(messages())} messages, {len(gaps)} untranslated")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
