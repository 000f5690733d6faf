"""The bundled IPAex fonts, registered once with reportlab as embedded, subset TrueType fonts.

reportlab embeds a TTFont as a subset (a `/FontFile2` stream holding only the glyphs used), so every
PDF Saiken Desk makes renders the same on any PC, printer or viewer, with no font installed there.
IPAex Mincho is the body face of letters; IPAex Gothic is used for headings, labels and keys.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from saiken.domain.errors import CorruptFileError
from saiken.resources import font_path

MINCHO = "IPAexMincho"
GOTHIC = "IPAexGothic"

_FILES = {MINCHO: "mincho", GOTHIC: "gothic"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register IPAex Mincho and Gothic with reportlab (idempotent and thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for face, kind in _FILES.items():
            path = font_path(kind)
            try:
                font = TTFont(face, str(path))
            except (OSError, TTFError) as error:
                raise CorruptFileError(
                    f"同梱フォント「{path.name}」を読み込めません。",
                    hint="債権デスクを再インストールしてください。",
                ) from error
            pdfmetrics.registerFont(font)
            # Bold/italic requests (e.g. <b> in a Paragraph) map to the same face instead of failing.
            pdfmetrics.registerFontFamily(face, normal=face, bold=face, italic=face, boldItalic=face)
        _registered = True
