"""The search machinery every area shares (DESIGN §8): query terms, gram tokens, reading sort keys and the
FTS5 matches over folded keys. The debtor search (`saiken.services.debtors.search*`) and the consultation
search (`saiken.services.consultations.search*`) are both built on it, so たかはし, ﾀｶﾊｼ and 髙橋 meet 高橋
the same way everywhere.

An area keeps, per record, folded key columns (`saiken.domain.textfold.fold`; several values in one column
joined with FIELD_SEPARATOR) in two FTS5 tables: a trigram table for terms of three or more folded
characters, and a gram table (`tokenize='ascii'`, `prefix='8'`, `detail='none'`) holding `grams_of(...)`,
every bigram and each value's last character as ASCII tokens, for terms of one or two characters. A query
goes through `query_terms`; each term becomes a MATCH with `match_for`, or all of them at once with
`fts_ids`.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from sqlalchemy import Integer, column, text
from sqlalchemy.sql.selectable import TextualSelect

from saiken.domain import corporate_forms
from saiken.domain.textfold import HYPHENS, digits_only, fold

GRAM_HEX = 8  # hex digits per character in a gram token
FIELD_SEPARATOR = "\x1f"  # between two values in one key column; no folded query ever contains it
MAX_TERMS = 8
_SPLIT_RE = re.compile(r"\s+")
_PHONE_RE = re.compile(rf"^[\d\s{re.escape(HYPHENS)}()（）]+$")

# fold() of the same text again (a reading is folded for its key and for the sort key; names, readings and
# towns repeat across a workbook) is answered from this cache: a batch of 10,000 folds each field once.
cached_fold = lru_cache(maxsize=1 << 16)(fold)


# Each character's gram token, remembered across a batch (single characters, never a text); forgotten with
# the fold cache.
_CHAR_TOKENS: dict[str, str] = {}
_CHAR_TOKENS_MAX = 1 << 16


def clear_fold_cache() -> None:
    """Forget the folded texts of the last batch (after an import: no personal text kept longer than needed)."""
    cached_fold.cache_clear()
    _CHAR_TOKENS.clear()


# Readings of corporate forms, left out of the sort key so that 株式会社四谷美容室 sorts under ヨ (五十音順 of
# the name itself, as a ward's ledger does). Longest first so that e.g. トクテイヒエイリカツドウホウジン wins.
CORPORATE_READINGS: tuple[str, ...] = corporate_forms.READINGS  # longest first (domain.corporate_forms)


def sort_reading(name_kana: str, name: str) -> str:
    """A list's sort key: the folded reading without a corporate form at its start or end."""
    reading = cached_fold(name_kana) or cached_fold(name)
    if not reading.startswith(CORPORATE_READINGS) and not reading.endswith(CORPORATE_READINGS):
        return reading  # no form at either end (the loop below would find none)
    for form in CORPORATE_READINGS:
        if reading.startswith(form) and len(reading) > len(form):
            return reading[len(form) :]
        if reading.endswith(form) and len(reading) > len(form):
            return reading[: -len(form)]
    return reading


def join_values(*values: str) -> str:
    """Several folded values in one key column."""
    return FIELD_SEPARATOR.join(value for value in values if value)


def gram_token(chars: str) -> str:
    """One or two characters as an ASCII token: the hex of their UTF-32 codes (eight digits each)."""
    return chars.encode("utf-32-be").hex()


def value_grams(value: str) -> set[str]:
    """The gram tokens of one value: every bigram, and the last character alone."""
    if not value:
        return set()
    chars = _char_tokens(value)
    tokens = set(map(operator.add, chars, chars[1:]))  # every bigram: two neighbours' tokens joined
    tokens.add(chars[-1])
    return tokens


def _char_tokens(value: str) -> list[str]:
    """The gram token of each character of `value` (`gram_token(ch)`, remembered per character)."""
    try:
        return [_CHAR_TOKENS[ch] for ch in value]
    except KeyError:
        if len(_CHAR_TOKENS) > _CHAR_TOKENS_MAX:
            _CHAR_TOKENS.clear()
        for ch in value:
            _CHAR_TOKENS[ch] = gram_token(ch)
        return [_CHAR_TOKENS[ch] for ch in value]


def grams_of(columns: Iterable[str]) -> str:
    """The gram document of one record: the tokens of every value of every key column, in any order (the
    gram table keeps no positions)."""
    tokens: set[str] = set()
    for column_value in columns:
        for value in column_value.split(FIELD_SEPARATOR):
            if value:  # value_grams(value), without a set of its own per value
                chars = _char_tokens(value)
                tokens.update(map(operator.add, chars, chars[1:]))
                tokens.add(chars[-1])
    return " ".join(tokens)


def query_terms(query: str) -> list[str]:
    """The folded terms of a search text, in order, without repeats (at most MAX_TERMS). A text of only
    digits, spaces, hyphens and brackets is one phone-number term: `03 1234 5678` finds 03-1234-5678."""
    if not query or not query.strip():
        return []
    if _PHONE_RE.match(query) and len(digits_only(query)) >= 3:
        return [digits_only(query)]
    terms: list[str] = []
    for part in _SPLIT_RE.split(query.replace("\u3000", " ")):
        term = "".join(ch for ch in fold(part) if ch.isprintable())
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def phrase(term: str) -> str:
    """A term as an FTS5 phrase (quotes doubled)."""
    return '"' + term.replace('"', '""') + '"'


def gram_match(term: str) -> str:
    """A term of one or two characters as a gram-table MATCH: the token, or a prefix for one character."""
    return gram_token(term) + ("*" if len(term) == 1 else "")


def match_for(term: str, trigram_table: str, gram_table: str) -> tuple[str, str]:
    """(table, MATCH text) for one folded term."""
    if len(term) >= 3:
        return trigram_table, phrase(term)
    return gram_table, gram_match(term)


def fts_ids(terms: Sequence[str], trigram_table: str, gram_table: str) -> TextualSelect:
    """The rowids whose keys contain every term: one MATCH on each table the terms need, intersected."""
    long_match = " AND ".join(phrase(term) for term in terms if len(term) >= 3)
    short_match = " AND ".join(gram_match(term) for term in terms if len(term) < 3)
    parts, params = [], {}
    if long_match:
        parts.append(f"SELECT rowid FROM {trigram_table} WHERE {trigram_table} MATCH :long_match")
        params["long_match"] = long_match
    if short_match:
        parts.append(f"SELECT rowid FROM {gram_table} WHERE {gram_table} MATCH :short_match")
        params["short_match"] = short_match
    return text(" INTERSECT ".join(parts)).bindparams(**params).columns(column("rowid", Integer))
