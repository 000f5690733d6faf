"""Password rules (DESIGN §5): at least 10 characters after NFKC, no composition rules, not a common
password nor an obvious variant of one (digits or symbols added, leetspeak, backwards, repeated, a keyboard
walk or a run of letters or digits), not built from the user's own name. `problems()` returns every
problem as a Japanese sentence; saiken.security.password_variants says what counts as a variant."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from saiken.security.kdf import normalise_password
from saiken.security.password_variants import Weakness, fold, weakness

MIN_LENGTH = 10
_BLOCKLIST_FILE = Path(__file__).resolve().parent / "common_passwords.txt"
# Words every Saiken Desk user could guess of every other (the product, its vault).
_PRODUCT_WORDS = ("saiken", "saikendesk", "債権", "債権デスク", "金庫", "さいけん")

COMMON_MESSAGE = (
    "よく使われるパスワードか、それに数字や記号を足したり置き換えたりしただけのものなので使えません。"
    "覚えやすい長めの文（フレーズ）にしてください。"
)
PATTERN_MESSAGE = (
    "キーボードの並び・連続した文字や数字・同じものの繰り返しは推測されやすいので使えません。"
    "覚えやすい長めの文（フレーズ）にしてください。"
)
NAME_MESSAGE = "利用者名や名前をもとにしたパスワードは使えません。"
SAME_AS_NAME_MESSAGE = "利用者名と同じパスワードは使えません。"


@cache
def blocklist() -> frozenset[str]:
    lines = _BLOCKLIST_FILE.read_text(encoding="utf-8").splitlines()
    words = (line for line in lines if line.strip() and not line.startswith("#"))
    return frozenset(fold(normalise_password(word).strip()) for word in (*words, *_PRODUCT_WORDS))


def problems(password: str, *, user_name: str | None = None, other_names: Iterable[str] = ()) -> list[str]:
    """Every problem with `password` for the account `user_name` (whose display name or organisation may
    be given as `other_names`), as Japanese sentences; [] when it may be used."""
    text = normalise_password(password)
    found: list[str] = []
    if len(text) < MIN_LENGTH:
        found.append(f"パスワードは {MIN_LENGTH} 文字以上にしてください（今は {len(text)} 文字）。")
    if text.strip() != text or not text.strip():
        found.append("パスワードの先頭と末尾に空白は使えません。")
    names = [n for n in (user_name, *other_names) if n]
    if user_name and fold(text) == fold(normalise_password(user_name)):
        found.append(SAME_AS_NAME_MESSAGE)
        return found
    kind = weakness(text, common=blocklist(), names=names, min_length=MIN_LENGTH)
    if kind is Weakness.NAME:
        found.append(NAME_MESSAGE)
    elif kind is Weakness.COMMON:
        found.append(COMMON_MESSAGE)
    elif kind is Weakness.PATTERN:
        found.append(PATTERN_MESSAGE)
    return found
