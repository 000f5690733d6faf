"""Generated passwords for protected files and handover packages (DESIGN §5, §6).

One rule for every password the application makes up for a person to carry on paper: at least 128
random bits (130 by default), written with an alphabet of 32 characters that are hard to misread (no
0/O and no 1/I), in groups of four joined by hyphens, e.g. ``7KQM-W2ZC-…``.

The password is set on the file exactly as it is shown (upper case, hyphens included), because Excel,
Acrobat Reader and 7-Zip compare it character by character. When it is typed back into Saiken Desk,
`normalise` forgives what a person may get wrong without changing the password: lower case, full-width
characters (an IME left on), spaces, and hyphens missing, doubled or typed as a Japanese dash.
"""

from __future__ import annotations

import math
import secrets
import unicodedata

from saiken.domain.errors import ValidationError

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: 8 digits and 24 letters, no 0, 1, I, O
BITS_PER_SYMBOL = 5  # log2(32)
GROUP_SIZE = 4
SEPARATOR = "-"
MIN_BITS = 128
DEFAULT_BITS = 130
# Spaces and every dash a Japanese IME may produce are separators, never password symbols.
_SEPARATORS = frozenset(" -_\u3000\t\r\nー‐−–—―")
_MISREAD = "01IO"


def symbols_for(bits: int) -> int:
    """How many symbols carry at least `bits` bits, rounded up to whole groups (130 bits → 28)."""
    if bits < MIN_BITS:
        raise ValueError(f"a generated password needs at least {MIN_BITS} bits, not {bits}")
    return math.ceil(math.ceil(bits / BITS_PER_SYMBOL) / GROUP_SIZE) * GROUP_SIZE


LENGTH = symbols_for(DEFAULT_BITS)  # 28 symbols = 140 bits, shown as 7 groups of 4


def format_groups(symbols: str) -> str:
    """`ABCDEFGH` → `ABCD-EFGH`."""
    return SEPARATOR.join(symbols[i : i + GROUP_SIZE] for i in range(0, len(symbols), GROUP_SIZE))


def generate(bits: int = DEFAULT_BITS) -> str:
    """A new password of at least `bits` random bits (`secrets`), in groups: the form printed and set."""
    return format_groups("".join(secrets.choice(ALPHABET) for _ in range(symbols_for(bits))))


def _symbols(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).upper()
    return "".join(ch for ch in folded if ch not in _SEPARATORS)


def normalise(text: str, *, length: int = LENGTH) -> str:
    """The canonical grouped form of a generated password typed back by a person (case, width, spaces and
    hyphens forgiven). Raises ValidationError saying what is wrong; never echoes the text."""
    symbols = _symbols(text)
    wrong = {ch for ch in symbols if ch not in ALPHABET}
    if wrong:
        hint = "（数字の 0・1 と英字の I・O は使われていません）" if wrong & set(_MISREAD) else ""
        raise ValidationError(
            f"パスワードに使われない文字が含まれています{hint}。通知書の文字をもう一度確かめて入力してください。"
        )
    if len(symbols) != length:
        raise ValidationError(
            f"パスワードは {length // GROUP_SIZE} 組 {length} 文字です（入力は {len(symbols)} 文字）。"
            "通知書を見て入力し直してください。"
        )
    return format_groups(symbols)


def is_generated(text: str, *, length: int = LENGTH) -> bool:
    """True when `text`, forgiven as `normalise` forgives it, is a generated password of `length` symbols."""
    symbols = _symbols(text)
    return len(symbols) == length and all(ch in ALPHABET for ch in symbols)
