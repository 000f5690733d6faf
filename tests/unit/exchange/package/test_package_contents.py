"""Data files of a package: one canonical JSON line per record, checked field by field on the way in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from saiken.domain.errors import ValidationError
from saiken.exchange.package.contents import SCHEMAS, decode, decode_lines, digest, encode

PAYMENT = {
    "key": "w:payment:17",
    "debtor": "R7-0001",
    "claim": "w:claim:3",
    "paid_on": dt.date(2025, 6, 30),
    "amount": 400_000,
    "source": "納付書",
    "confirmed": True,
    "reverses": None,
}


def test_a_record_comes_back_with_its_python_types():
    line = encode("payments", PAYMENT)
    assert line.endswith(b"\n") and b" " not in line.replace("納付書".encode(), b"")
    assert decode("payments", line, where="x") == PAYMENT


def test_the_same_record_gives_the_same_line_and_digest_whatever_the_key_order():
    shuffled = dict(reversed(list(PAYMENT.items())))
    assert encode("payments", shuffled) == encode("payments", PAYMENT)
    assert digest(encode("payments", shuffled)) == digest(encode("payments", PAYMENT))


texts = st.text(max_size=40)


@given(
    name=texts,
    address=texts,
    received=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    principal=st.integers(min_value=0, max_value=10**12),
)
def test_claims_round_trip(name, address, received, principal):
    claim = {
        "key": "w:claim:1",
        "debtor": "R7-0001",
        "programme": name,
        "fiscal_year": 2024,
        "decision_date": None,
        "grant_amount": principal,
        "order_date": received,
        "due_date": received,
        "principal": principal,
        "nature": "public",
        "tranches": [(received, principal)],
    }
    assert decode("claims", encode("claims", claim), where="x") == claim
    debtor = dict.fromkeys(f.name for f in SCHEMAS["debtors"]) | {"name": name, "address": address}
    debtor = {k: (v if v is not None else "") for k, v in debtor.items()}
    assert decode("debtors", encode("debtors", debtor), where="x") == debtor


def test_a_bad_field_is_named_with_its_file_and_line():
    good = encode("payments", PAYMENT)
    bad = good.replace(b'"amount":400000', b'"amount":"400000"')
    with pytest.raises(ValidationError) as caught:
        list(decode_lines("payments", [good, bad], file_name="payments.jsonl"))
    assert "「payments.jsonl」2 行目" in str(caught.value) and "amount" in str(caught.value)
    assert "何も取り込んでいません" in str(caught.value)


@pytest.mark.parametrize(
    "change",
    [
        (b'"paid_on":"2025-06-30"', b'"paid_on":"2025-02-30"'),
        (b'"confirmed":true', b'"confirmed":1'),
        (b'"reverses":null', b'"reverses":null,"extra":1'),
        (b'"amount":400000', b'"amount":4000000000000000000'),
    ],
)
def test_wrong_types_dates_extra_fields_and_absurd_numbers_are_refused(change):
    line = encode("payments", PAYMENT).replace(*change)
    with pytest.raises(ValidationError):
        decode("payments", line, where="「payments.jsonl」1 行目")


def test_text_that_is_not_json_is_refused_without_echoing_it():
    with pytest.raises(ValidationError) as caught:
        decode("payments", "架空花子の住所".encode(), where="「payments.jsonl」1 行目")
    assert "架空花子" not in str(caught.value)


def test_text_over_its_limit_is_refused():
    debtor = {f.name: "" for f in SCHEMAS["debtors"]} | {"address": "あ" * 513}
    with pytest.raises(ValidationError):
        decode("debtors", encode("debtors", debtor), where="x")
