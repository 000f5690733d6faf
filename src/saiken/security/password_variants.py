"""Is a password only an obvious variant of something guessable? (DESIGN §5: a blocklist of common
passwords *and their obvious variants*.)

The text is folded first (NFKC, case folding, katakana read as hiragana). It is then weak when it can be
covered, from the first character to the last, by pieces of these kinds:

- a **known word**: a blocklist base such as `password` or `sakura`, or one of the user's own names,
  as written, in leetspeak (`p@ssw0rd`, `s4kur4`) or backwards (`drowssap`);
- a **pattern** of 3 or more characters: a run of a keyboard row (`qwerty`, `asdf`, `zxcv` on US and JIS
  layouts), of the alphabet, the digits (`12345678901`, cyclic) or the kana order (`あいうえお`), forwards
  or backwards, or one character repeated (`aaaa`); or keys each next to the one before on the keyboard,
  4 or more (`1qaz`, `zaq1`, `2wsx`) or 3 straight down or up the rows (`qaz`, `edc`);
- **filler**: at most 6 digits or symbols in all (`123`, `!`, `2025`), of which at most 2 may be
  letters; spaces are free.

At least one known word or pattern must be part of the cover. A text that is one shorter piece written
out again and again (`passwordpassword`, `ab12ab12ab12`) is weak when the piece is weak or shorter than the
minimum length on its own. Everything else — a sentence, a long phrase of ordinary words, random
characters — passes: there are no composition rules.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

MAX_FILLER = 6
MAX_FILLER_LETTERS = 2
MIN_PATTERN = 3
MIN_WALK = 4
MAX_ANALYSED = 80  # longer texts are only checked as a whole and for repetition
_MAX_LEET_VARIANTS = 32

_LEET: dict[str, str] = {
    "@": "a",
    "4": "a",
    "0": "o",
    "1": "il",
    "!": "il",
    "|": "il",
    "3": "e",
    "€": "e",
    "5": "s",
    "$": "s",
    "7": "t",
    "+": "t",
    "8": "b",
    "9": "g",
    "6": "g",
    "2": "z",
    "(": "c",
}

_SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890123456789",  # twice, so 8901 and 9012 are runs too
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
    "いろはにほへとちりぬるをわかよたれそつねならむうゐのおくやまけふこえてあさきゆめみしゑひもせすん",
)

# Keyboard rows, unshifted then shifted, for the two layouts used in Japan.
_LAYOUTS: dict[str, tuple[tuple[str, str], ...]] = {
    "us": (
        ("`1234567890-=", "~!@#$%^&*()_+"),
        ("qwertyuiop[]\\", "QWERTYUIOP{}|"),
        ("asdfghjkl;'", 'ASDFGHJKL:"'),
        ("zxcvbnm,./", "ZXCVBNM<>?"),
    ),
    "jis": (
        ("1234567890-^¥", "!\"#$%&'()0=~|"),
        ("qwertyuiop@[", "QWERTYUIOP`{"),
        ("asdfghjkl;:]", "ASDFGHJKL+*}"),
        ("zxcvbnm,./\\", "ZXCVBNM<>?_"),
    ),
}


class Weakness(StrEnum):
    COMMON = "common"  # a common password or a variant of one
    NAME = "name"  # built from the user's own name
    PATTERN = "pattern"  # keyboard walk, sequence, repetition


def fold(text: str) -> str:
    """NFKC, case folded, katakana as hiragana: the form every comparison uses."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in folded)


def _positions(layout: tuple[tuple[str, str], ...]) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for row, (plain, shifted) in enumerate(layout):
        for column, ch in enumerate(plain):
            found.setdefault(ch, (row, column))
        for column, ch in enumerate(shifted):
            found.setdefault(ch.casefold(), (row, column))
    return found


_KEY_POSITIONS = tuple(_positions(layout) for layout in _LAYOUTS.values())
_ROWS = tuple(
    fold(text) for layout in _LAYOUTS.values() for row in layout for text in row if len(text) >= MIN_PATTERN
)


def _adjacent(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Keys next to each other on a staggered keyboard (row r+1's key c sits below keys c and c+1)."""
    (r1, c1), (r2, c2) = a, b
    if r1 == r2:
        return abs(c1 - c2) == 1
    if r2 == r1 + 1:
        return c2 in (c1 - 1, c1)
    if r2 == r1 - 1:
        return c2 in (c1, c1 + 1)
    return False


def _is_walk(piece: str) -> bool:
    """Each key next to the one before: 4 keys or more, or 3 going down (or up) the rows (`qaz`, `edc`)."""
    for positions in _KEY_POSITIONS:
        keys = [positions.get(ch) for ch in piece]
        if any(k is None for k in keys):
            continue
        placed = [k for k in keys if k is not None]
        steps = list(itertools.pairwise(placed))
        if not all(_adjacent(a, b) for a, b in steps):
            continue
        rows = {b[0] - a[0] for a, b in steps}
        if len(piece) >= MIN_WALK or rows in ({1}, {-1}):
            return True
    return False


def is_pattern(piece: str) -> bool:
    """A keyboard row, alphabet/digit/kana run, one repeated character, or a keyboard walk."""
    if len(piece) < MIN_PATTERN:
        return False
    if len(set(piece)) == 1:
        return True
    backwards = piece[::-1]
    for alphabet in (*_SEQUENCES, *_ROWS):
        if piece in alphabet or backwards in alphabet:
            return True
    return _is_walk(piece)


def leet_variants(piece: str) -> list[str]:
    """`piece` with leetspeak substitutions read back as letters (each choice; capped)."""
    options = [(ch, *_LEET[ch]) if ch in _LEET else (ch,) for ch in piece]
    found: list[str] = []
    for combination in itertools.product(*options):
        found.append("".join(combination))
        if len(found) >= _MAX_LEET_VARIANTS:
            break
    return found


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The user's names as words: whole, without separators, each part of 3+ characters, parts swapped."""
    words: set[str] = set()
    for name in names:
        text = fold(name or "").strip()
        if not text:
            continue
        parts = [p for p in "".join(ch if ch.isalpha() else " " for ch in text).split() if len(p) >= 3]
        joined = "".join(ch for ch in text if ch.isalnum())
        words.update({text, joined, *parts, "".join(reversed(parts))})
        if len(text) >= 2 and not text.isascii():  # a Japanese name of two characters is still a name
            words.add(text.replace(" ", ""))
    return frozenset(w for w in words if len(w) >= 2)


def _is_filler(ch: str) -> bool:
    return not ch.isalpha()


@dataclass(frozen=True)
class _State:
    filler: int
    letters: int
    kinds: frozenset[Weakness]


def _piece_kind(piece: str, common: frozenset[str], names: frozenset[str]) -> Weakness | None:
    for variant in leet_variants(piece):
        backwards = variant[::-1]
        if variant in names or backwards in names:
            return Weakness.NAME
        if variant in common or backwards in common:
            return Weakness.COMMON
    if is_pattern(piece):
        return Weakness.PATTERN
    return None


def _cover(text: str, common: frozenset[str], names: frozenset[str], longest: int) -> Weakness | None:
    """The kind of the cheapest cover of `text` by known words, patterns and filler, or None."""
    n = len(text)
    reachable: list[set[_State]] = [set() for _ in range(n + 1)]
    reachable[0].add(_State(0, 0, frozenset()))
    for start in range(n):
        if not reachable[start]:
            continue
        ch = text[start]
        for state in reachable[start]:
            if ch.isspace():
                reachable[start + 1].add(state)
                continue
            letters = state.letters + (0 if _is_filler(ch) else 1)
            if state.filler + 1 <= MAX_FILLER and letters <= MAX_FILLER_LETTERS:
                reachable[start + 1].add(_State(state.filler + 1, letters, state.kinds))
        for end in range(start + 2, min(n, start + longest) + 1):
            kind = _piece_kind(text[start:end], common, names)
            if kind is None:
                continue
            for state in reachable[start]:
                reachable[end].add(_State(state.filler, state.letters, state.kinds | {kind}))
    kinds: set[Weakness] = set()
    for state in reachable[n]:
        kinds |= state.kinds
    for kind in (Weakness.NAME, Weakness.COMMON, Weakness.PATTERN):
        if kind in kinds:
            return kind
    return None


def _repeated_unit(text: str) -> str | None:
    """The shortest piece that `text` is made of, written out twice or more (a cut-off last copy is allowed)."""
    n = len(text)
    for size in range(1, n // 2 + 1):
        unit = text[:size]
        if all(text[i] == unit[i % size] for i in range(n)):
            return unit
    return None


def weakness(
    password: str, *, common: frozenset[str], names: Iterable[str] = (), min_length: int = 10
) -> Weakness | None:
    """Why `password` is only a variant of something guessable, or None when it is not."""
    text = fold(password).strip()
    if not text:
        return None
    own = name_words(names)
    squeezed = "".join(text.split())
    if text in own or squeezed in own:
        return Weakness.NAME
    if text in common or squeezed in common:
        return Weakness.COMMON
    unit = _repeated_unit(squeezed)
    if unit is not None:
        if len(unit) < min_length:
            return _piece_kind(unit, common, own) or Weakness.PATTERN
        inner = weakness(unit, common=common, names=names, min_length=min_length)
        if inner is not None:
            return inner
    if len(text) > MAX_ANALYSED:
        return None
    longest = max([len(w) for w in (*common, *own)] + [len(text)])
    return _cover(text, common, own, longest)
