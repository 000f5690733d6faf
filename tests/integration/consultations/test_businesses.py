"""Businesses: registration with 和暦 dates of birth and readings in any kana, corrections, the card."""

from __future__ import annotations

import datetime as dt

import pytest
from consult_testkit import TODAY, as_user, at, audit_details, table_dump

from saiken.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from saiken.domain.roles import Role
from saiken.services import consultations as cs


def test_registration_reads_wareki_and_kana_as_people_type_them(vault_session):
    change = cs.add_business(
        vault_session,
        name="株式会社架空髙橋精機",
        name_kana="かぶしきがいしゃかくうたかはしせいき",
        kind="法人",
        industry="製造業",
        employees=12,
        postal_code="1600022",
        phone="03-3123-4567",
        email="info@example.jp",
        representative="髙橋　一郎",
        representative_kana="ﾀｶﾊｼ ｲﾁﾛｳ",
        representative_born="昭和50年3月2日",
    )
    row = change.row
    assert change.area == "business" and change.action == "business.add" and change.audit_seq > 0
    assert row.representative_born == dt.date(1975, 3, 2)
    assert row.name_kana == "カブシキガイシャカクウタカハシセイキ"
    assert row.representative_kana == "タカハシ\u3000イチロウ"
    assert row.postal_code == "160-0022"
    assert cs.add_business(
        vault_session, name="架空商店", representative_born="R1.5.1"
    ).row.representative_born == (dt.date(2019, 5, 1))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"representative_born": "平成元年1月7日"}, "代表者生年月日"),  # before 平成 began
        ({"representative_born": "令和9年1月1日"}, "代表者生年月日が正しくありません"),
        ({"email": "info.example.jp"}, "メールアドレス"),
        ({"phone": "電話なし"}, "電話番号"),
        ({"kind": "組合"}, "区分"),
        ({"industry": "宇宙業"}, "業種"),
        ({"name_kana": "Kakuu"}, "フリガナ"),
        ({"employees": -1}, "従業員数"),
        ({"postal_code": "12345"}, "郵便番号"),
    ],
)
def test_bad_fields_are_refused_by_name_and_nothing_is_stored(vault_session, fields, message):
    with pytest.raises(ValidationError, match=message):
        cs.add_business(vault_session, name="架空商店", **fields)
    assert table_dump(vault_session, "businesses") == []


def test_the_same_business_twice_is_refused(vault_session):
    first = cs.add_business(vault_session, name="架空商店", phone="03-3111-2222").row
    with pytest.raises(ValidationError, match=f"事業者番号 {first.id}"):
        cs.add_business(vault_session, name="架空 商店", phone="0331112222")
    cs.add_business(vault_session, name="架空商店", phone="03-3111-9999")  # another branch: allowed


def test_corrections_are_audited_by_field_name_only(vault_session, businesses):
    ids, made = businesses
    change = cs.update_business(vault_session, ids[0], phone="03-3999-0000", address="東京都新宿区架空町1-1")
    assert change.row.phone == "03-3999-0000"
    with pytest.raises(ValidationError, match="変更された項目がありません"):
        cs.update_business(vault_session, ids[0], phone="03-3999-0000")
    log = audit_details(vault_session)
    assert ("business.update", '{"fields":["address","phone"]}') in log
    text = " ".join(details for _, details in log)
    for b in made:
        assert b.name not in text and b.representative not in text and b.phone not in text


def test_the_card_shows_a_timeline_and_is_audited(vault_session, businesses, consultants, advisors):
    ids, _ = businesses
    cs.add_consultation(
        vault_session,
        ids[0],
        at=at(TODAY, 9, 30),
        consultant_id=consultants[0],
        form="窓口",
        categories=["資金繰り"],
        contents="運転資金の相談。",
    )
    cs.book(
        vault_session,
        consultant_id=consultants[1],
        business_id=ids[0],
        starts_at=at(TODAY + dt.timedelta(days=2), 14),
    )
    cs.add_dispatch(
        vault_session,
        advisor_id=advisors[0],
        business_id=ids[0],
        day=TODAY - dt.timedelta(days=3),
        start_time="10:00",
        end_time="12:40",
    )
    card = cs.get_business_card(vault_session, ids[0])
    assert [e.kind for e in card.timeline] == ["booking", "consultation", "dispatch"]
    assert card.dispatches[0].fee.honorarium == 13_200
    assert ("business.view", "{}") in audit_details(vault_session)
    with pytest.raises(NotFoundError, match="事業者"):
        cs.get_business_card(vault_session, 9999)


def test_a_viewer_reads_but_cannot_write(vault_session, businesses):
    ids, _ = businesses
    viewer = as_user(vault_session, "etsuran", Role.VIEWER)
    assert cs.get_business_card(viewer, ids[0]).business.id == ids[0]
    with pytest.raises(PermissionDeniedError):
        cs.add_business(viewer, name="架空商店")
    with pytest.raises(PermissionDeniedError):
        cs.update_business(viewer, ids[0], phone="03-1111-1111")
