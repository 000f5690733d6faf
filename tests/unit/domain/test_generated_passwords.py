"""Generated passwords: at least 128 bits, an unambiguous alphabet, groups, forgiving input."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken.domain.errors import ValidationError
from saiken.domain.generated_passwords import (
    ALPHABET,
    LENGTH,
    format_groups,
    generate,
    is_generated,
    normalise,
    symbols_for,
)

GROUPED = re.compile(r"[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4})+")


def _full_width(text: str) -> str:
    """As typed with a Japanese IME left on: full-width letters and digits, ー for the hyphen."""
    return "".join("ー" if ch == "-" else chr(ord(ch) + 0xFEE0) for ch in text)


def test_alphabet_is_32_distinct_characters_none_easy_to_misread():
    assert len(ALPHABET) == len(set(ALPHABET)) == 32
    assert not set(ALPHABET) & set("01IO")
    assert ALPHABET.isascii() and ALPHABET.isalnum() and ALPHABET == ALPHABET.upper()


def test_default_password_has_28_symbols_in_seven_groups_and_140_bits():
    password = generate()
    assert GROUPED.fullmatch(password)
    assert len(password) == 28 + 6
    assert password.count("-") == 6
    assert LENGTH == 28
    assert LENGTH * math.log2(len(ALPHABET)) >= 130
    assert len({generate() for _ in range(200)}) == 200


@pytest.mark.parametrize(("bits", "symbols"), [(128, 28), (130, 28), (140, 28), (141, 32), (160, 32)])
def test_symbol_count_covers_the_bits_in_whole_groups(bits, symbols):
    assert symbols_for(bits) == symbols
    assert symbols * 5 >= bits
    assert len(generate(bits).replace("-", "")) == symbols


def test_fewer_than_128_bits_is_refused():
    with pytest.raises(ValueError, match="128"):
        generate(127)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=128, max_value=256))
def test_every_generated_password_normalises_to_itself(bits):
    password = generate(bits)
    length = symbols_for(bits)
    assert normalise(password, length=length) == password
    assert is_generated(password, length=length)
    assert set(password.replace("-", "")) <= set(ALPHABET)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(ALPHABET), min_size=LENGTH, max_size=LENGTH),
    st.lists(st.sampled_from([" ", "-", "　", "ー", "", "--", "\t"]), min_size=LENGTH, max_size=LENGTH),
    st.booleans(),
    st.booleans(),
)
def test_case_width_spaces_and_hyphens_are_forgiven(symbols, separators, lower, wide):
    canonical = format_groups("".join(symbols))
    typed = "".join(symbol + separator for symbol, separator in zip(symbols, separators, strict=True))
    if lower:
        typed = typed.lower()
    if wide:
        typed = "".join(chr(ord(ch) + 0xFEE0) if ch.isascii() and ch.isalnum() else ch for ch in typed)
    assert normalise(typed) == canonical
    assert is_generated(typed)


def test_ime_typing_is_forgiven():
    password = generate()
    assert normalise(_full_width(password)) == password
    assert normalise(" " + password.replace("-", "").lower() + "\n") == password


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=LENGTH - 1), st.sampled_from("01IOｏ0!あ"))
def test_a_character_outside_the_alphabet_is_refused_with_a_hint(position, wrong):
    symbols = generate().replace("-", "")
    typed = symbols[:position] + wrong + symbols[position + 1 :]
    with pytest.raises(ValidationError) as raised:
        normalise(typed)
    assert "使われない文字" in str(raised.value)
    assert symbols not in str(raised.value)  # the password is never echoed
    assert not is_generated(typed)
    if wrong in "01IOｏ0":
        assert "0・1" in str(raised.value)


@pytest.mark.parametrize("cut", [1, 4, 27])
def test_a_missing_character_names_the_expected_length(cut):
    symbols = generate().replace("-", "")
    with pytest.raises(ValidationError, match=f"7 組 28 文字です（入力は {LENGTH - cut} 文字）"):
        normalise(symbols[cut:])
    assert not is_generated(symbols[cut:])


def test_empty_input_is_refused():
    with pytest.raises(ValidationError, match="入力は 0 文字"):
        normalise(" - ")
