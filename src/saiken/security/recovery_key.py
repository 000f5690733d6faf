"""The recovery key: 150 random bits written as 30 characters in six groups, like `K7PQ2-…`.

The alphabet leaves out characters that are easy to misread (0/O, 1/I/L), so the key can be typed back
from paper. Input is forgiving: full-width characters, lower case, spaces and hyphens are all accepted.
"""

from __future__ import annotations

import secrets
import unicodedata

from saiken.domain.errors import ValidationError

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 symbols: no 0, 1, I, L, O
GROUPS = 6
GROUP_SIZE = 5
LENGTH = GROUPS * GROUP_SIZE  # 30 symbols * log2(31) ≈ 148.6 bits
# Spaces and every dash a Japanese IME may produce (ー ‐ − – — ―) are separators, not key symbols.
_REMOVABLE = {" ", "-", "\u3000", "\t", "\n", "\r", "_", "ー", "‐", "−", "–", "—", "―"}


def generate_recovery_key() -> str:
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return format_recovery_key(symbols)


def format_recovery_key(symbols: str) -> str:
    return "-".join(symbols[i : i + GROUP_SIZE] for i in range(0, len(symbols), GROUP_SIZE))


def normalise_recovery_key(text: str) -> str:
    """The canonical form (groups joined by hyphens). Raises ValidationError saying what is wrong."""
    folded = unicodedata.normalize("NFKC", text).upper()
    symbols = "".join(ch for ch in folded if ch not in _REMOVABLE)
    wrong = sorted({ch for ch in symbols if ch not in ALPHABET})
    if wrong:
        hint = "（0・1・I・L・O は使われていません）" if set(wrong) & set("01ILO") else ""
        raise ValidationError(
            f"復旧キーに使われない文字が含まれています{hint}。用紙の文字をもう一度確かめて入力してください。"
        )
    if len(symbols) != LENGTH:
        raise ValidationError(
            f"復旧キーは {GROUPS} 組 {LENGTH} 文字です（入力は {len(symbols)} 文字）。用紙を見て入力し直してください。"
        )
    return format_recovery_key(symbols)
