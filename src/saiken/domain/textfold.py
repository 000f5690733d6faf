"""Search keys for Japanese names, readings, addresses and phone numbers (DESIGN §8).

`fold(text)` makes the key that both the stored text and the query go through, so that たかはし, ﾀｶﾊｼ,
タカハシ and 髙橋/高橋 meet:

1. variation selectors (IVS, U+FE00–FE0F, U+E0100–E01EF) are dropped;
2. NFKC: full-width letters and digits to half-width, half-width kana to full-width, compatibility
   ideographs (塚 U+FA10, 隆 U+F9DC …) to their unified form;
3. hiragana to katakana (ゝゞ to ヽヾ as well);
4. lower case;
5. variant kanji to their common form (`VARIANT_KANJI`): only true variants (異体字・旧字体) of the same
   character. Distinct characters that are merely similar are NOT folded: 冨 stays 冨 (a surname of its own),
   斉 stays 斉, 竜 and 龍 stay apart;
6. every whitespace character (U+3000 included) removed;
7. hyphen-like characters removed (- ‐ ‑ ‒ – — ― − ﹣ －), so 03-1234-5678 and 0312345678 meet.
   The katakana long mark ー (and half-width ｰ, which NFKC makes ー) is kept: it is part of a reading.
"""

from __future__ import annotations

import re
import unicodedata

# variant -> common form. Sources: 人名用漢字・旧字体 tables and the variants common in surnames.
VARIANT_KANJI: dict[str, str] = {
    "髙": "高",
    "﨑": "崎",  # U+FA11, a unified ideograph NFKC leaves alone
    "嵜": "崎",
    "齋": "斎",
    "齊": "斎",  # DESIGN §8 folds 齊 with 齋 (齋藤・齊藤 are searched as 斎藤)
    "邊": "辺",
    "邉": "辺",
    "濵": "浜",
    "濱": "浜",
    "德": "徳",
    "槇": "槙",
    "曻": "昇",
    "𠮷": "吉",  # U+20BB7 (つちよし)
    "嶋": "島",
    "嶌": "島",
    "舘": "館",
    "廣": "広",
    "澤": "沢",
    "櫻": "桜",
    "國": "国",
    "淺": "浅",
    "眞": "真",
    "惠": "恵",
    "瀨": "瀬",
    "籠": "篭",
    "實": "実",
    "榮": "栄",
    "藏": "蔵",
    "壽": "寿",
    "與": "与",
    "會": "会",
    "學": "学",
    "關": "関",
    "圓": "円",
    "黑": "黒",
    "條": "条",
    "增": "増",
    "鐵": "鉄",
    "廳": "庁",
    "縣": "県",
    "莊": "荘",
    "驛": "駅",
    "龜": "亀",
    "萬": "万",
    "邨": "村",
    "冩": "写",
    "彌": "弥",
    "靜": "静",
    "樂": "楽",
    "兒": "児",
    "豐": "豊",
    "晉": "晋",
    "檜": "桧",
}

HYPHENS = "-‐‑‒–—―−﹣－"  # NOT ー (U+30FC) nor ｰ (U+FF70)
_SELECTORS_RE = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_SPACE_RE = re.compile(r"\s+")
_HIRA_TO_KATA = {code: code + 0x60 for code in range(0x3041, 0x3097)} | {0x309D: 0x30FD, 0x309E: 0x30FE}
# str.translate over a whole text looks every character up in its table, and a character that is not there
# costs a caught KeyError: slow for Japanese text. So only the runs of characters a table holds are
# replaced (found by these classes, one per table); the rest of the text is left as it is, which is what
# translate does with it. The result is the same text.
_HIRA_RUN_RE = re.compile("[\u3041-\u3096\u309d\u309e]+")
_VARIANT_RE = re.compile("[" + "".join(re.escape(ch) for ch in VARIANT_KANJI) + "]")
_HYPHEN_RE = re.compile("[" + re.escape(HYPHENS) + "]")
_NOT_ASCII_DIGIT_RE = re.compile("[^0-9]+")


def _katakana_run(match: re.Match[str]) -> str:
    return match.group().translate(_HIRA_TO_KATA)


def _common_kanji(match: re.Match[str]) -> str:
    return VARIANT_KANJI[match.group()]


def _katakana(text: str) -> str:
    """Hiragana to katakana (`text.translate(_HIRA_TO_KATA)`, run by run)."""
    return _HIRA_RUN_RE.sub(_katakana_run, text)


def fold(text: str) -> str:
    """The search key of `text` (see the module docstring). Idempotent: fold(fold(x)) == fold(x)."""
    result = text or ""
    # One pass almost always suffices; rare characters (NFKC of ¨ gives a space, lower() of some letters
    # gives text NFKC still changes) need another, so repeat until nothing changes (bounded).
    for _ in range(4):
        folded = _fold_once(result)
        if folded == result:
            break
        result = folded
    return result


def _fold_once(text: str) -> str:
    result = _SELECTORS_RE.sub("", text)
    result = unicodedata.normalize("NFKC", result)
    result = _katakana(result).lower()
    result = _VARIANT_RE.sub(_common_kanji, result)  # translate(VARIANT_KANJI), run by run
    result = _SPACE_RE.sub("", result)
    return _HYPHEN_RE.sub("", result)  # every hyphen-like character removed


def to_katakana(reading: str) -> str:
    """A reading in hiragana, katakana or half-width kana to full-width katakana.

    Spaces of any width between the parts become one full-width space (U+3000); leading and trailing
    spaces are dropped: `ﾔﾏﾀﾞ ﾀﾛｳ` and `やまだ　　たろう` both give `ヤマダ　タロウ`.
    """
    if not reading:
        return ""
    text = unicodedata.normalize("NFKC", _SELECTORS_RE.sub("", reading))
    parts = [part for part in _SPACE_RE.split(_katakana(text)) if part]
    return "\u3000".join(parts)


def digits_only(text: str) -> str:
    """The ASCII digits of `text` after NFKC: `０３－１２３４－５６７８` → `0312345678`."""
    if not text:
        return ""
    return _NOT_ASCII_DIGIT_RE.sub("", unicodedata.normalize("NFKC", text))
