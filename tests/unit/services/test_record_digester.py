"""The bulk digest path (`RowDigester`, used for every digest an import stores and `--records` compares)
gives exactly `row_digest`, the definition, for any row SQLite can hand back (and any other value)."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saiken.services.record_digests import RowDigester, row_digest

VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.binary(max_size=40),
    st.booleans(),
    st.builds(bytearray, st.binary(max_size=8)),
)


@st.composite
def rows(draw: st.DrawFn) -> tuple[list[str], list[tuple[object, ...]]]:
    columns = draw(st.lists(st.text(min_size=1, max_size=12), unique=True, max_size=9))
    values = draw(st.lists(st.tuples(*[VALUES for _ in columns]), min_size=1, max_size=4))
    return columns, values


@settings(max_examples=300)
@given(rows())
def test_the_digester_gives_the_definitions_digest(table: tuple[list[str], list[tuple[object, ...]]]) -> None:
    columns, values = table
    digester = RowDigester(columns)
    for row in values:
        assert digester.digest(row) == row_digest(columns, row)


def test_a_worked_row_of_the_debtors_table() -> None:
    columns = ["id", "name", "paid_total", "created_at", "handler_user_id", "photo"]
    row = (7, "架空商事株式会社", 10_000, "2025-09-16T01:00:00.000000+00:00", None, b"\x00\x01")
    blob = hashlib.sha256(b"\x00\x01").hexdigest()
    text = (  # by hand: the keys sorted, no spaces, Japanese as it is, the blob as its SHA-256
        '{"created_at":"2025-09-16T01:00:00.000000+00:00","handler_user_id":null,"id":7,'
        f'"name":"架空商事株式会社","paid_total":10000,"photo":"sha256:{blob}"}}'
    )
    expected = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert row_digest(columns, row) == expected
    assert RowDigester(columns).digest(row) == expected
    assert RowDigester(list(reversed(columns))).digest(tuple(reversed(row))) == expected


def test_a_column_named_twice_digests_as_the_definition_does() -> None:
    columns, row = ["a", "b", "a"], (1, "x", 2)
    assert RowDigester(columns).digest(row) == row_digest(columns, row)


def test_a_row_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError):
        RowDigester(["a", "b"]).digest((1, 2, 3))
