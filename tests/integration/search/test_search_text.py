"""Searching debtors by text: folding of kana and variant kanji, phone numbers, 1- and 2-character queries."""

from __future__ import annotations

import pytest

from saiken.domain.fictional import FictionalDebtor
from saiken.domain.textfold import digits_only, fold
from saiken.services.context import unit_of_work
from saiken.services.debtors.search import DebtorFilter, search_debtors
from saiken.services.debtors.search_index import reindex_debtor
from saiken.store.models import Debtor


def found(vault, text: str, **filters) -> list[str]:
    page = search_debtors(vault, DebtorFilter(text=text, **filters), limit=1000)
    assert page.total == len(page.rows)
    return sorted(row.management_no for row in page.rows)


def takahashi(debtors: list[FictionalDebtor]) -> list[str]:
    return sorted(
        d.management_no
        for d in debtors
        if "高橋" in d.representative or "髙橋" in d.representative or "高橋" in d.name or "髙橋" in d.name
    )


@pytest.mark.parametrize("query", ["たかはし", "ﾀｶﾊｼ", "髙橋", "高橋", "タカハシ", "ﾀｶﾊｼ"])
def test_takahashi_in_any_writing_finds_both_kanji(stocked, fictional, query):
    vault, _ = stocked
    expected = takahashi(fictional)
    # the generator guarantees both 高橋 and 髙橋 among the first debtors
    assert any("髙橋" in d.representative for d in fictional) and any(
        "高橋" in d.representative for d in fictional
    )
    assert found(vault, query) == expected


def test_other_variant_surnames_meet(stocked, fictional):
    vault, _ = stocked
    spellings = {
        "斎藤": ("齋藤", "齊藤", "さいとう"),
        "渡辺": ("渡邊", "渡邉", "ﾜﾀﾅﾍﾞ"),
        "山崎": ("山﨑", "やまざき"),
        "浜田": ("濵田", "ハマダ"),
    }
    for plain, variants in spellings.items():
        expected = sorted(
            d.management_no
            for d in fictional
            if fold(d.representative).startswith(plain) or fold(d.name).startswith(plain)
        )
        assert len(expected) >= 2
        assert found(vault, plain) == expected
        for variant in variants:
            assert found(vault, variant) == expected, variant


def test_phone_typed_without_hyphens_or_with_spaces_finds_its_debtor(stocked, fictional):
    vault, _ = stocked
    target = fictional[16]
    digits = digits_only(target.phone)
    assert target.phone != digits  # the stored number has hyphens
    assert found(vault, digits) == [target.management_no]
    assert found(vault, target.phone) == [target.management_no]
    spaced = target.phone.replace("-", " ")
    assert found(vault, spaced) == [target.management_no]
    wide = "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else "－" for ch in target.phone)
    assert found(vault, wide) == [target.management_no]
    assert found(vault, digits[-4:]) == sorted(
        d.management_no for d in fictional if digits[-4:] in digits_only(d.phone)
    )


def _haystack(d: FictionalDebtor) -> list[str]:
    return [
        fold(d.name),
        fold(d.name_kana),
        fold(d.representative),
        fold(d.representative_kana),
        fold(d.address),
        digits_only(d.postal_code),
        fold(d.management_no),
        digits_only(d.phone),
    ]


@pytest.mark.parametrize(
    "query", ["森", "林", "翔", "ア", "区", "9", "森　", "神楽", "池田", "ヨツ", "15", "ｼﾝ"]
)
def test_one_and_two_character_queries(stocked, fictional, query):
    vault, _ = stocked
    term = fold(query)
    assert 1 <= len(term) <= 2
    expected = sorted(d.management_no for d in fictional if any(term in key for key in _haystack(d)))
    assert expected, "the query should match something in the fictional data"
    assert found(vault, query) == expected


def test_short_query_with_no_match_finds_nothing(stocked):
    vault, _ = stocked
    assert found(vault, "鬱") == []
    assert found(vault, "ヰ") == []


def test_several_words_must_all_match(stocked, fictional):
    vault, _ = stocked
    expected = sorted(d.management_no for d in fictional if "デザイン" in d.name and "渡" in d.representative)
    assert expected
    assert found(vault, "デザイン　わたなべ") == expected
    assert found(vault, "デザイン 渡") == expected


def test_management_number_with_or_without_hyphen(stocked):
    vault, _ = stocked
    assert found(vault, "R7-0023") == ["R7-0023"]
    assert found(vault, "ｒ７００２３") == ["R7-0023"]


def test_empty_query_lists_everyone_in_reading_order(stocked, fictional):
    vault, _ = stocked
    page = search_debtors(vault, DebtorFilter(), limit=1000)
    assert page.total == len(fictional)
    # 株式会社 and the like are not part of the order: 株式会社神楽美容室 sorts under カ, 四谷… under ヨ
    readings = [row.name_kana for row in page.rows]
    keys = [fold(r) for r in readings]
    for form in ("カブシキガイシャ", "ユウゲンガイシャ", "ゴウドウガイシャ"):
        keys = [
            k[len(form) :] if k.startswith(form) else k[: -len(form)] if k.endswith(form) else k for k in keys
        ]
    assert keys == sorted(keys)
    first = page.rows[0]
    assert (
        fold(first.name_kana).replace("カブシキガイシャ", "").startswith("イ")
    )  # イチガヤ… comes first (ア none)


def test_paging_covers_everyone_once(stocked, fictional):
    vault, _ = stocked
    seen: list[str] = []
    for offset in range(0, 45, 7):
        page = search_debtors(vault, DebtorFilter(), offset=offset, limit=7)
        assert page.total == len(fictional)
        seen.extend(row.management_no for row in page.rows)
    assert sorted(seen) == sorted(d.management_no for d in fictional)
    assert len(seen) == len(set(seen))


def test_editing_a_debtor_and_reindexing_moves_it_in_search(stocked):
    vault, ids = stocked
    assert found(vault, "乙山") == []
    with unit_of_work(vault) as work:
        debtor = work.session.get(Debtor, ids["R7-0014"])
        debtor.representative = "乙山　次郎"
        reindex_debtor(work.session, debtor.id)
    assert found(vault, "乙山") == ["R7-0014"]
    assert found(vault, "清水　翔") == []
    with unit_of_work(vault) as work:
        work.session.delete(work.session.get(Debtor, ids["R7-0014"]))
    assert found(vault, "乙山") == []
    assert found(vault, "乙") == []


@pytest.mark.parametrize(
    "flt",
    [
        DebtorFilter(),
        DebtorFilter(text="新宿"),
        DebtorFilter(text="印"),
        DebtorFilter(text="たかはし"),
        DebtorFilter(text="03"),
        DebtorFilter(text="新宿 ｶﾌﾞｼｷ"),
        DebtorFilter(text="区 デザイン"),
        DebtorFilter(text="新宿", statuses=frozenset({"交渉中", "分納中", "督促中"})),
        DebtorFilter(text="区", min_balance=300_000),
    ],
)
def test_in_order_scan_for_many_matches_gives_the_same_pages(stocked, monkeypatch, flt):
    """Large result sets walk the reading index testing the stored keys instead of fetching ids from FTS5
    and sorting them; both ways give the same pages and totals."""
    import saiken.services.debtors.search as search

    vault, _ = stocked
    sorted_pages = [search_debtors(vault, flt, offset=o, limit=6) for o in (0, 6, 30)]
    monkeypatch.setattr(search, "SCAN_IN_ORDER_ABOVE", 0)
    scanned_pages = [search_debtors(vault, flt, offset=o, limit=6) for o in (0, 6, 30)]
    assert scanned_pages == sorted_pages
    assert sorted_pages[0].rows
