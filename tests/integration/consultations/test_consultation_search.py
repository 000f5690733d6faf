"""Search folds kana, width and variant kanji as the debtor search does (Must hold), over businesses,
representatives, phone numbers and contents; every term must match; filters narrow the list."""

from __future__ import annotations

import datetime as dt

import pytest
from consult_testkit import TODAY, at

from saiken.domain.errors import ValidationError
from saiken.services import consultations as cs
from saiken.services.consultations import ConsultationFilter


def _names(page) -> list[str]:
    return [row.name for row in page.rows]


@pytest.fixture
def takahashi(vault_session):
    """Two businesses that differ only in 高/髙, and one unrelated."""
    common = cs.add_business(
        vault_session,
        name="高橋製作所",
        name_kana="タカハシセイサクショ",
        representative="高橋　太郎",
        representative_kana="タカハシ　タロウ",
        phone="03-3210-5555",
    ).row
    variant = cs.add_business(
        vault_session,
        name="株式会社髙橋商店",
        name_kana="カブシキガイシャタカハシショウテン",
        representative="髙橋　花子",
        representative_kana="タカハシ　ハナコ",
        phone="080-1234-9876",
    ).row
    other = cs.add_business(
        vault_session, name="四谷洋菓子店", name_kana="ヨツヤヨウガシテン", representative="佐藤　誠"
    ).row
    return common, variant, other


@pytest.mark.parametrize("query", ["たかはし", "ﾀｶﾊｼ", "タカハシ", "髙橋", "高橋", "高橋製作所 "[:2]])
def test_a_business_is_found_by_hiragana_half_width_kana_and_either_kanji(vault_session, takahashi, query):
    common, variant, _ = takahashi
    page = cs.search_businesses(vault_session, query)
    assert {row.id for row in page.rows} == {common.id, variant.id}
    assert page.total == 2


def test_a_phone_number_is_found_with_or_without_hyphens(vault_session, takahashi):
    common, variant, _ = takahashi
    for query in ("0332105555", "03-3210-5555", "03 3210 5555", "０３３２１０５５５５"):
        assert [row.id for row in cs.search_businesses(vault_session, query).rows] == [common.id]
    assert [row.id for row in cs.search_businesses(vault_session, "08012349876").rows] == [variant.id]


def test_representatives_and_short_queries(vault_session, takahashi):
    common, variant, other = takahashi
    assert [r.id for r in cs.search_businesses(vault_session, "はなこ").rows] == [variant.id]
    assert [r.id for r in cs.search_businesses(vault_session, "佐藤").rows] == [other.id]  # two characters
    assert {r.id for r in cs.search_businesses(vault_session, "橋").rows} == {common.id, variant.id}  # one
    # every term must match
    assert [r.id for r in cs.search_businesses(vault_session, "たかはし はなこ").rows] == [variant.id]
    # 五十音 order of the reading, the corporate form left out: タカハシシ… before タカハシセ…
    assert _names(cs.search_businesses(vault_session, "")) == [
        "株式会社髙橋商店",
        "高橋製作所",
        "四谷洋菓子店",
    ]


def test_consultations_are_found_by_their_business_or_their_contents(vault_session, takahashi, consultants):
    common, variant, other = takahashi

    def add(business, day, contents, **extra):
        return cs.add_consultation(
            vault_session,
            business.id,
            at=at(day, 10),
            consultant_id=extra.pop("consultant", consultants[0]),
            form=extra.pop("form", "窓口"),
            categories=extra.pop("categories", ["資金繰り"]),
            contents=contents,
        ).row

    first = add(common, TODAY - dt.timedelta(days=20), "運転資金の不足について相談。")
    second = add(variant, TODAY - dt.timedelta(days=10), "ネット通販を始めたい。", categories=["販路開拓"])
    third = add(other, TODAY - dt.timedelta(days=5), "髙橋さんの紹介で来所。資金繰り表を作成。", form="電話")

    def found(**flt):
        return [row.id for row in cs.search_consultations(vault_session, ConsultationFilter(**flt)).rows]

    assert found() == [third.id, second.id, first.id]  # newest first
    # by the business's reading (folded) ...
    assert found(text="たかはし") == [second.id, first.id]
    # ... and by the kanji, in business names and in contents that write it in a variant
    assert found(text="高橋") == found(text="髙橋") == [third.id, second.id, first.id]
    assert found(text="ﾀｶﾊｼ ﾂｳﾊﾝ") == []  # ツウハン is not in the text (通販 is)
    assert found(text="ﾀｶﾊｼ 通販") == [second.id]  # a two-character term, in the contents
    assert found(text="資金繰り") == [third.id]
    assert found(text="0332105555") == [first.id]
    assert found(category="資金繰り") == [third.id, first.id]
    assert found(form="電話") == [third.id]
    assert found(consultant_id=consultants[0], date_from=TODAY - dt.timedelta(days=12)) == [
        third.id,
        second.id,
    ]
    with pytest.raises(ValidationError, match="期間"):
        found(date_from=TODAY, date_to=TODAY - dt.timedelta(days=1))


def test_a_corrected_record_is_found_by_its_new_contents_only(vault_session, takahashi, consultants):
    common, _, _ = takahashi
    record = cs.add_consultation(
        vault_session,
        common.id,
        at=at(TODAY, 9),
        consultant_id=consultants[0],
        form="窓口",
        categories=["IT化"],
        contents="会計ソフトの導入を相談。",
    ).row
    corrected = cs.correct_consultation(vault_session, record.id, contents="受発注システムの導入を相談。").row
    assert [r.id for r in cs.search_consultations(vault_session, ConsultationFilter(text="受発注")).rows] == [
        corrected.id
    ]
    assert cs.search_consultations(vault_session, ConsultationFilter(text="会計ソフト")).total == 0
