"""`QT_TRANSLATE_NOOP` with its real type: PySide6 declares it as returning `object`, but it returns the
source text (a `str`) unchanged. lupdate finds the calls by this name, so importing it from here keeps every
source string in the translation."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # lupdate: marks `source` in `context`
    return source
