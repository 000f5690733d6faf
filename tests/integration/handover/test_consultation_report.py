"""Issue 10 item 6: the contractor's consultation records travel to the ward in its `report` packages —
real vaults, real signed packages: the ward's 相談 area then lists them with the same contents and
versions; a later report carries only what changed; a replay is refused; a package whose consultation line
breaks the schema is refused with nothing changed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from handover_kit import export, import_, paired, snapshot
from sqlalchemy import select, text

from saiken.domain.clock import JST
from saiken.domain.errors import ValidationError
from saiken.exchange.package import contents
from saiken.services import audit, handover
from saiken.services import consultations as cs
from saiken.services.context import read_session
from saiken.store.models import AuditEntry, Consultation, DispatchNight, bookings, dispatches, seminars

DAY = dt.date(2025, 9, 16)
MOMENT = dt.datetime(2025, 9, 16, 1, 0, tzinfo=dt.UTC)  # a fixed instant: no wall clock in a test


def at(hour: int, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=JST)


def listed(session) -> list[tuple]:
    """What the 相談 area lists: every current record, newest first, with its business and versions."""
    page = cs.search_consultations(session, cs.ConsultationFilter(), limit=100)
    return [
        (r.business_name, r.at, r.consultant, r.form, r.categories, r.contents, r.version, r.versions)
        for r in page.rows
    ]


def page_rows(session):
    return cs.search_consultations(session, cs.ConsultationFilter(), limit=100).rows


def history(session, contents_text: str) -> list[tuple]:
    [row] = [
        r
        for r in cs.search_consultations(session, cs.ConsultationFilter(), limit=100).rows
        if r.contents == contents_text
    ]
    return [(v.version, v.superseded, v.contents) for v in cs.consultation_history(session, row.id)]


def audit_of(session, action: str) -> list[dict]:
    with read_session(session) as s:
        rows = s.execute(
            select(AuditEntry.details).where(AuditEntry.action == action).order_by(AuditEntry.seq)
        )
        return [json.loads(details) for (details,) in rows]


def with_debtors(tmp_path, clock):
    ward, firm, engagement = paired(tmp_path, clock)
    import_(firm, export(ward, engagement, "debtors", "区-R7-001", tmp_path / "burn1"))
    return ward, firm, engagement, handover.list_engagements(firm.session)[0].id


def firm_records(firm):
    s = firm.session
    tanaka = cs.add_consultant(s, "架空 田中", name_kana="かくう たなか").row.id
    cs.add_consultant(s, "架空 鈴木", name_kana="かくう すずき")
    advisor = cs.add_advisor(s, "架空 専門家", specialty="財務").row.id
    shop = cs.add_business(
        s, name="架空商店", name_kana="かくうしょうてん", phone="03-3000-1111", industry="小売業"
    ).row.id
    works = cs.add_business(s, name="株式会社架空製作所", kind="法人", industry="製造業").row.id
    first = cs.add_consultation(
        s, shop, at=at(10), consultant_id=tanaka, form="窓口", categories=["資金繰り"],
        contents="運転資金の相談。", loan_bank="架空信用金庫", loan_amount=3_000_000, loan_status="相談中",
    ).row  # fmt: skip
    cs.correct_consultation(s, first.id, contents="運転資金の相談。融資を申し込む。", loan_status="申込済")
    cs.add_consultation(
        s, works, at=at(14), consultant_id=tanaka, form="電話", categories=["事業承継", "人材"],
        contents="後継者の相談。",
    )  # fmt: skip
    booking = cs.book(
        s, consultant_id=tanaka, business_id=works, starts_at=at(11, DAY + dt.timedelta(days=2))
    )
    cs.cancel_booking(s, booking.row.id, reason="都合により")
    seminar = cs.add_seminar(s, title="資金繰りセミナー", held_on=DAY + dt.timedelta(days=20), capacity=1)
    cs.apply(s, seminar.row.id, business_id=shop, attendee="架空 一郎")
    cs.apply(s, seminar.row.id, business_id=works, attendee="架空 二郎")  # the waiting list
    cs.add_dispatch(
        s, advisor_id=advisor, business_id=works, day=DAY, start_time="10:00", end_time="12:40",
        car_km="123.7", nights=[12_000],
    )  # fmt: skip
    return {"tanaka": tanaka, "shop": shop, "works": works, "first": first.id}


def test_consultations_travel_in_the_report_package(tmp_path, fixed_clock):
    ward, firm, _, at_firm = with_debtors(tmp_path, fixed_clock)
    made = firm_records(firm)
    preview = handover.preview_export(firm.session, engagement_id=at_firm, kind="report")
    expected = {
        "businesses": 2, "consultants": 2, "advisors": 1, "seminars": 1, "dispatches": 1,
        "consultations": 3, "bookings": 1, "applications": 2,
    }  # fmt: skip
    assert {k: preview.counts[k] for k in expected} == expected
    assert "相談記録: 3件" in preview.lines() and "相談事業者: 2件" in preview.lines()
    report = export(firm, at_firm, "report", "事-R7-001", tmp_path / "burn2")
    assert {k: report.records[k] for k in expected} == expected  # the manifest's record counts

    incoming = handover.inspect_package(ward.session, report.path, report.password, identity=ward.identity)
    assert "相談記録: 新規 3件・変更 0件・変更なし 0件" in incoming.lines()
    assert listed(ward.session) == []  # the preview changed nothing
    import_(ward, report)
    assert listed(ward.session) == listed(firm.session) and len(listed(ward.session)) == 2
    assert history(ward.session, "運転資金の相談。融資を申し込む。") == [
        (1, True, "運転資金の相談。"),
        (2, False, "運転資金の相談。融資を申し込む。"),
    ]
    assert history(ward.session, "後継者の相談。") == history(firm.session, "後継者の相談。")
    # the contractor's records are the contractor's: the ward reads them and does not change them
    [ward_copy] = [r for r in page_rows(ward.session) if r.contents == "後継者の相談。"]
    with pytest.raises(ValidationError, match="この相談記録は受託者の記録です"):
        cs.correct_consultation(ward.session, ward_copy.id, contents="区が書き換えた。")
    with pytest.raises(ValidationError, match="この事業者は受託者の記録です"):
        cs.update_business(ward.session, ward_copy.business_id, phone="03-0000-0000")
    # the ward's search finds the contractor's records (folded, by the phone without hyphens)
    found = cs.search_consultations(ward.session, cs.ConsultationFilter(text="0330001111")).rows
    assert [r.contents for r in found] == ["運転資金の相談。融資を申し込む。"]
    assert [b.name for b in cs.search_businesses(ward.session, "ｶｸｳｼｮｳﾃﾝ").rows] == ["架空商店"]
    roster_ward = cs.seminar_roster(ward.session, cs.list_seminars(ward.session)[0].id)
    assert [a.attendee for a in roster_ward.confirmed] == ["架空 一郎"]
    assert [a.attendee for a in roster_ward.waiting] == ["架空 二郎"]
    [trip] = cs.list_dispatches(ward.session, year=2025, month=9)
    assert trip.fee == cs.list_dispatches(firm.session, year=2025, month=9)[0].fee
    assert trip.fee.lodging == 9_800 and trip.fee.travel == 4_551
    with read_session(ward.session) as s:
        owners = set(s.scalars(select(Consultation.owner)))
        assert owners == {"contractor"} and s.scalar(select(DispatchNight.amount)) == 12_000
    entries = [e for e in handover.list_ledger(ward.session) if e.package_id == report.package_id]
    assert entries and entries[0].records == sum(report.records.values())
    imported = audit_of(ward.session, "package.import")[-1]
    exported = audit_of(firm.session, "package.export")[-1]
    for kind, n in expected.items():
        assert imported["changes"][kind] == n and exported["counts"][kind] == n

    # a second report carries only what changed: one correction, one new record
    fixed_clock.advance(dt.timedelta(days=3))
    cs.correct_consultation(
        firm.session, made["first"], contents="融資の実行を確認した。", loan_status="実行"
    )
    cs.add_consultation(
        firm.session, made["shop"], at=at(9, DAY + dt.timedelta(days=3)), consultant_id=made["tanaka"],
        form="オンライン", categories=["販路開拓"], contents="ネット通販の相談。",
    )  # fmt: skip
    second = export(firm, at_firm, "report", "事-R7-002", tmp_path / "burn3")
    assert second.records["consultations"] == 3  # v2 now superseded, v3, and the new one
    assert all(second.records[k] == 0 for k in expected if k != "consultations")
    back = import_(ward, second)
    counts = back.preview.counts["consultations"]
    assert (counts.new, counts.changed, counts.unchanged) == (2, 1, 0)
    assert listed(ward.session) == listed(firm.session) and len(listed(ward.session)) == 3
    assert [v[0] for v in history(ward.session, "融資の実行を確認した。")] == [1, 2, 3]

    # a replay of the first report is refused and changes nothing
    before = snapshot(ward.session)
    with pytest.raises(ValidationError, match="取り込み済み"):
        import_(ward, report)
    assert snapshot(ward.session) == before
    # both sides' signed digests account for every row the packages wrote
    assert audit.verify(ward.session, records=True).problems == []
    assert audit.verify(firm.session, records=True).problems == []


def test_a_resent_row_does_not_duplicate_and_the_ward_keeps_its_own(tmp_path, fixed_clock):
    ward, firm, _, at_firm = with_debtors(tmp_path, fixed_clock)
    made = firm_records(firm)
    ward_own = cs.add_consultant(ward.session, "区 職員").row.id
    ward_shop = cs.add_business(ward.session, name="区の事業者").row.id
    cs.add_consultation(
        ward.session, ward_shop, at=at(9), consultant_id=ward_own, form="窓口", categories=["創業"],
        contents="区が受けた相談。",
    )  # fmt: skip
    first = export(firm, at_firm, "report", "事-R7-001", tmp_path / "burn2")
    import_(ward, first)
    ward_before = table_rows(ward.session)
    # the first package's checkpoint is not there (made before checkpoints were kept): everything again
    with read_session(firm.session) as s:
        s.execute(
            text("UPDATE handover_packages SET sender_checkpoint = '{}' WHERE package_id = :p"),
            {"p": first.package_id},
        )
        s.commit()
    cs.update_business(firm.session, made["shop"], phone="03-3000-2222")
    again = export(firm, at_firm, "report", "事-R7-002", tmp_path / "burn3")
    assert again.records["consultations"] == 3 and again.records["businesses"] == 2
    back = import_(ward, again).preview.counts
    assert (back["consultations"].new, back["consultations"].changed, back["consultations"].unchanged) == (
        0,
        0,
        3,
    )
    assert (back["businesses"].new, back["businesses"].changed, back["businesses"].unchanged) == (0, 1, 1)
    assert (back["applications"].new, back["applications"].unchanged) == (0, 2)
    after = table_rows(ward.session)
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in ward_before.items()}
    for table in ("consultants", "consultations", "seminar_applications", "dispatch_nights"):
        assert after[table] == ward_before[table]
    assert [r.phone for r in cs.search_businesses(ward.session, "架空商店").rows] == ["03-3000-2222"]
    shown = {
        r.contents for r in cs.search_consultations(ward.session, cs.ConsultationFilter(), limit=100).rows
    }
    assert "区が受けた相談。" in shown and len(shown) == 3
    with read_session(ward.session) as s:
        owners = dict(s.execute(select(Consultation.contents, Consultation.owner)).tuples().all())
    assert owners["区が受けた相談。"] == "ward"


def table_rows(session) -> dict[str, list[tuple]]:
    tables = ("businesses", "consultants", "consultations", "seminar_applications", "dispatch_nights")
    with read_session(session) as s:
        return {t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY id"))] for t in tables}


def test_a_consultation_line_against_the_schema_is_refused_and_nothing_changes(tmp_path, fixed_clock):
    ward, firm, _, at_firm = with_debtors(tmp_path, fixed_clock)
    made = firm_records(firm)
    with read_session(firm.session) as s:  # a record edited by hand in the firm's database
        s.execute(text("UPDATE consultations SET form = '対面' WHERE id = :id"), {"id": made["first"]})
        s.commit()
    bad = export(firm, at_firm, "report", "事-R7-001", tmp_path / "burn2")
    before = snapshot(ward.session)
    with pytest.raises(ValidationError) as refused:
        import_(ward, bad)
    assert "「consultations.jsonl」" in str(refused.value) and "「form」" in str(refused.value)
    assert "何も取り込んでいません" in str(refused.value)
    assert snapshot(ward.session) == before and listed(ward.session) == []


def test_consultation_schemas_are_strict():
    line = contents.encode(
        "consultants",
        {"key": "c1", "name": "架空 田中", "name_kana": "", "user_name": "", "active": True,
         "created_at": dt.datetime(2025, 9, 16, tzinfo=dt.UTC)},
    )  # fmt: skip
    assert contents.decode("consultants", line, where="x")["name"] == "架空 田中"
    plain = json.loads(line)
    for broken in (
        plain | {"active": 1},  # a wrong type
        plain | {"name": "名" * 129},  # too long
        {k: v for k, v in plain.items() if k != "user_name"},  # a required field missing
        plain | {"extra": 1},  # a field the schema does not have
        plain | {"created_at": "2025-09-16T00:00:00"},  # a moment without its offset
    ):
        with pytest.raises(ValidationError):
            contents.decode("consultants", json.dumps(broken).encode(), where="「consultants.jsonl」1 行目")
    good = {
        "key": "0" * 32, "version": 1, "superseded": False, "business": "c1", "at": MOMENT,
        "consultant": "c1", "form": "窓口", "categories": ["資金繰り"], "contents": "相談。", "loan_bank": "",
        "loan_amount": None, "loan_status": "", "follow_up_on": None, "dispatch": None, "created_by": "kanri",
        "created_at": MOMENT,
    }  # fmt: skip
    assert (
        contents.decode("consultations", contents.encode("consultations", good), where="x")["form"] == "窓口"
    )
    for name, value in (
        ("categories", ["資金繰り", "資金繰り"]),
        ("categories", ["相談"]),
        ("form", "対面"),
        ("loan_amount", -1),
        ("version", 0),
    ):
        with pytest.raises(ValidationError, match=f"「{name}」"):
            contents.decode(
                "consultations", contents.encode("consultations", good | {name: value}), where="x"
            )
    # the package schema's states are the store's (exchange never imports the store)
    assert contents.BOOKING_STATUSES == bookings.BOOKING_STATUSES
    assert contents.DISPATCH_STATUSES == dispatches.DISPATCH_STATUSES
    assert contents.SEMINAR_STATUSES == seminars.SEMINAR_STATUSES
    assert contents.APPLICATION_STATUSES == seminars.APPLICATION_STATUSES


def test_a_consultant_name_the_ward_already_uses_is_refused_without_the_name(tmp_path, fixed_clock):
    ward, firm, _, at_firm = with_debtors(tmp_path, fixed_clock)
    firm_records(firm)
    cs.add_consultant(ward.session, "架空 田中")  # the ward's own consultant of the same name
    report = export(firm, at_firm, "report", "事-R7-001", tmp_path / "burn2")
    before = snapshot(ward.session)
    with pytest.raises(ValidationError) as refused:
        import_(ward, report)
    message = str(refused.value)
    assert (
        "「consultants.jsonl」の相談員（c1）と同じ氏名の相談員" in message
        and "何も取り込んでいません" in message
    )
    assert "田中" not in message  # no personal data in a message
    assert snapshot(ward.session) == before
