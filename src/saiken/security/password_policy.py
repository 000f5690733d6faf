"""Password rules (DESIGN §5): at least 10 characters after NFKC, no composition rules, not a common
password, not the user name. `problems()` returns every problem as a Japanese sentence."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from saiken.security.kdf import normalise_password

MIN_LENGTH = 10
_BLOCKLIST_FILE = Path(__file__).resolve().parent / "common_passwords.txt"


@cache
def blocklist() -> frozenset[str]:
    lines = _BLOCKLIST_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        normalise_password(line).strip().casefold()
        for line in lines
        if line.strip() and not line.startswith("#")
    )


def problems(password: str, *, user_name: str | None = None) -> list[str]:
    text = normalise_password(password)
    found: list[str] = []
    if len(text) < MIN_LENGTH:
        found.append(f"パスワードは {MIN_LENGTH} 文字以上にしてください（今は {len(text)} 文字）。")
    if text.strip() != text or not text.strip():
        found.append("パスワードの先頭と末尾に空白は使えません。")
    folded = text.casefold()
    if folded in blocklist():
        found.append("よく使われるパスワードなので使えません。覚えやすい長めの文（フレーズ）にしてください。")
    if user_name and folded == normalise_password(user_name).casefold():
        found.append("利用者名と同じパスワードは使えません。")
    return found
