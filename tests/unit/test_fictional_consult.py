"""The fictional consultation data: deterministic, fictional, and holding what search and 和暦 must meet."""

from __future__ import annotations

import datetime as dt

from saiken.domain.consultation_terms import CATEGORIES, FORMS, INDUSTRIES, LOAN_STATUSES
from saiken.domain.fictional_consult import (
    generate_advisors,
    generate_businesses,
    generate_consultants,
    generate_consultations,
    generate_dispatches,
    generate_seminars,
)
from saiken.domain.textfold import fold
from saiken.domain.wareki import parse_date


def test_same_seed_same_data_other_seed_other_data():
    assert generate_businesses(30, seed=4) == generate_businesses(30, seed=4)
    assert generate_businesses(30, seed=4) != generate_businesses(30, seed=5)
    kwargs = {"businesses": 30, "consultants": 6, "start": dt.date(2025, 4, 1), "end": dt.date(2025, 9, 30)}
    assert generate_consultations(50, seed=1, **kwargs) == generate_consultations(50, seed=1, **kwargs)


def test_businesses_carry_every_surname_variant_in_names_and_representatives():
    businesses = generate_businesses(12)
    names = [b.name for b in businesses]
    representatives = [b.representative.split("\u3000")[0] for b in businesses]
    assert representatives[:3] == ["高橋", "髙橋", "斎藤"]
    assert any(name.find("髙橋") >= 0 for name in names)
    assert any(name.find("濵田") >= 0 for name in names)
    # the variant folds to the common form, so a search for 高橋 meets 髙橋
    assert fold(names[1]).find("高橋") >= 0


def test_businesses_are_fictional_and_well_formed():
    for business in generate_businesses(200, seed=2):
        assert business.email.endswith("@example.jp")
        assert business.industry in INDUSTRIES
        assert business.kind in ("法人", "個人事業主")
        assert parse_date(business.born_wareki) == business.representative_born
        assert business.representative_born.year < 2000
        assert business.name_kana and business.representative_kana


def test_dates_of_birth_reach_the_era_boundaries():
    born = {b.born_wareki for b in generate_businesses(20)}
    assert {"昭和64年1月7日", "平成元年1月8日", "平成元年12月31日"} <= born


def test_consultations_are_oldest_first_on_weekdays_with_known_terms():
    items = generate_consultations(
        500, businesses=40, consultants=6, start=dt.date(2025, 4, 1), end=dt.date(2026, 3, 31), seed=3
    )
    assert [c.at for c in items] == sorted(c.at for c in items)
    for item in items:
        assert item.at.weekday() < 5
        assert item.form in FORMS
        assert item.categories and set(item.categories) <= set(CATEGORIES)
        assert (item.loan_amount is None) == (item.loan_status == "")
        assert item.loan_status in ("", *LOAN_STATUSES)
        assert 0 <= item.business < 40 and 0 <= item.consultant < 6
    assert {c.form for c in items} == set(FORMS)


def test_people_seminars_and_dispatches():
    assert len(generate_consultants()) == 6
    assert len({p.name for p in generate_consultants(10)}) >= 9
    assert len(generate_advisors()) == 6
    seminars = generate_seminars(8, first_day=dt.date(2025, 10, 1))
    assert all(s.held_on.weekday() < 5 and s.starts_at < s.ends_at for s in seminars)
    dispatches = generate_dispatches(60, businesses=20, start=dt.date(2025, 10, 1), end=dt.date(2025, 12, 26))
    assert all(d.start < d.end for d in dispatches)
    assert any(d.car_km > 0 for d in dispatches) and any(d.transport_yen > 0 for d in dispatches)
    assert any(d.nights for d in dispatches)
