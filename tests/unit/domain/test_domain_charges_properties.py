"""Properties of the charges engine that must hold for any input (hypothesis)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from saiken.domain.charges import ChargeResult, Payment, Tranche, compute_charges
from saiken.domain.rule_profiles import LOCAL_TAX_STYLE, SUBSIDY

PROFILES = st.sampled_from(
    [
        SUBSIDY,
        LOCAL_TAX_STYLE,
        SUBSIDY.with_options(base_unit=1000, result_unit=100, minimum_charge=1000),
        SUBSIDY.with_options(additional_applies=False),
        LOCAL_TAX_STYLE.with_options(additional_applies=True, result_unit=1, minimum_charge=0),
    ]
)
START = dt.date(2021, 1, 1)


@st.composite
def cases(draw: st.DrawFn) -> dict[str, object]:
    principal = draw(st.integers(min_value=1, max_value=20_000_000))
    received = START + dt.timedelta(days=draw(st.integers(min_value=0, max_value=1500)))
    kwargs: dict[str, object] = {"principal": principal, "profile": draw(PROFILES)}
    if draw(st.booleans()):
        kwargs["received"] = received
        latest = received
    else:
        earlier = received - dt.timedelta(days=draw(st.integers(min_value=1, max_value=300)))
        extra = draw(st.integers(min_value=0, max_value=principal))
        first = (
            draw(st.integers(min_value=1, max_value=principal + extra - 1)) if principal + extra > 1 else 1
        )
        kwargs["tranches"] = [Tranche(earlier, first), Tranche(received, max(1, principal + extra - first))]
        latest = received
    kwargs["due"] = latest + dt.timedelta(days=draw(st.integers(min_value=0, max_value=400)))
    payments = []
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        day = latest + dt.timedelta(days=draw(st.integers(min_value=0, max_value=900)))
        payments.append(Payment(day, draw(st.integers(min_value=1, max_value=principal))))
    kwargs["payments"] = payments
    kwargs["as_of"] = latest + dt.timedelta(days=draw(st.integers(min_value=0, max_value=1200)))
    return kwargs


def run(case: dict[str, object], **changes: object) -> ChargeResult:
    args = dict(case) | changes
    principal = args.pop("principal")
    return compute_charges(principal, **args)  # type: ignore[arg-type]


def _no_float(value: object) -> bool:
    if isinstance(value, float):
        return False
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return all(_no_float(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, tuple | list):
        return all(_no_float(item) for item in value)
    if isinstance(value, dict):
        return all(_no_float(item) for item in value.values())
    return isinstance(value, int | Fraction | dt.date | str | type(None))


@settings(max_examples=150, deadline=None)
@given(cases())
def test_charges_are_never_negative_and_the_totals_add_up(case: dict[str, object]) -> None:
    result = run(case)
    for name in (
        "principal_remaining",
        "additional_charge",
        "additional_charge_remaining",
        "late_charge",
        "late_charge_remaining",
        "total_remaining",
        "overpaid",
    ):
        assert getattr(result, name) >= 0, name
    assert result.total_remaining == (
        result.principal_remaining + result.additional_charge_remaining + result.late_charge_remaining
    )
    assert result.additional_charge_remaining <= result.additional_charge
    assert result.late_charge_remaining <= result.late_charge
    assert result.total_paid == (
        result.principal_paid + result.additional_charge_paid + result.late_charge_paid + result.overpaid
    )
    assert all(s.amount >= 0 and s.days >= 1 for s in result.segments)
    assert _no_float(result)
    assert _no_float(result.summary())


@settings(max_examples=150, deadline=None)
@given(cases(), st.integers(min_value=1, max_value=800))
def test_more_days_never_lower_a_charge(case: dict[str, object], extra_days: int) -> None:
    as_of = case["as_of"]
    assert isinstance(as_of, dt.date)
    # Keep the same payments counted on both dates, so only the passing of time differs.
    payments = [p for p in case["payments"] if p.paid_on <= as_of]  # type: ignore[attr-defined]
    early = run(case, payments=payments)
    late = run(case, payments=payments, as_of=as_of + dt.timedelta(days=extra_days))
    assert late.additional_charge >= early.additional_charge
    assert late.late_charge >= early.late_charge
    assert late.total_remaining >= early.total_remaining


@settings(max_examples=150, deadline=None)
@given(cases(), st.integers(min_value=0, max_value=1200), st.integers(min_value=1, max_value=5_000_000))
def test_paying_more_never_raises_what_remains(case: dict[str, object], offset: int, amount: int) -> None:
    before = run(case)
    latest = max(t.received for t in case["tranches"]) if "tranches" in case else case["received"]  # type: ignore[attr-defined]
    assert isinstance(latest, dt.date)
    extra = Payment(latest + dt.timedelta(days=offset), amount)
    after = run(case, payments=[*case["payments"], extra])  # type: ignore[misc]
    assert after.total_remaining <= before.total_remaining
    assert after.additional_charge <= before.additional_charge
    assert after.late_charge <= before.late_charge
