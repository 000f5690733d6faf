"""The recovery key: enough entropy, an unambiguous alphabet, forgiving input."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken.domain.errors import ValidationError
from saiken.security.recovery_key import ALPHABET, LENGTH, generate_recovery_key, normalise_recovery_key


def test_key_has_at_least_128_bits_in_groups_of_five_without_confusable_characters():
    assert LENGTH * math.log2(len(ALPHABET)) >= 128
    key = generate_recovery_key()
    assert re.fullmatch(r"[2-9A-Z]{5}(-[2-9A-Z]{5}){5}", key)
    assert not set(key) & set("01ILO")
    assert len({generate_recovery_key() for _ in range(50)}) == 50


def test_input_ignores_case_spacing_hyphens_and_full_width_forms():
    key = generate_recovery_key()
    sloppy = key.lower().replace("-", " ")
    full_width = "".join(chr(ord(ch) + 0xFEE0) if ch != "-" else "ー" for ch in key)  # as typed with an IME
    assert normalise_recovery_key(sloppy) == key
    assert normalise_recovery_key(" " + key.replace("-", "") + "\n") == key
    assert normalise_recovery_key(full_width) == key
    assert normalise_recovery_key(full_width.replace("ー", "　")) == key
    with pytest.raises(ValidationError):
        normalise_recovery_key(key[:-1] + "0")


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("K7PQ2-ABCDE", "30 文字"),
        ("O" * 30, "0・1・I・L・O"),
        ("K7PQ2-ABCDE-FGHJK-MNPQR-STUVW-XYZ2!", "使われない文字"),
    ],
)
def test_wrong_input_says_what_is_wrong(text, fragment):
    with pytest.raises(ValidationError) as caught:
        normalise_recovery_key(text)
    assert fragment in str(caught.value)
    assert text not in str(caught.value)


@settings(max_examples=100)
@given(st.text(alphabet=ALPHABET, min_size=LENGTH, max_size=LENGTH), st.sampled_from([" ", "-", "", "  "]))
def test_any_separator_round_trips(symbols, separator):
    spaced = separator.join(symbols[i : i + 5] for i in range(0, LENGTH, 5)).lower()
    assert normalise_recovery_key(spaced).replace("-", "") == symbols
